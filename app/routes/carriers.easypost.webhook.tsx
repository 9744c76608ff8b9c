import type { ActionFunctionArgs } from "@remix-run/node";
import { BodyTooLarge, readCapped } from "~/http/webhook-endpoint.server";
import { receiveEasyPostWebhook } from "~/services/receive-easypost-webhook.server";

// EasyPost's webhook URL (set on Crossdock's EasyPost account with EASYPOST_WEBHOOK_SECRET as its
// webhook_secret): verified, handed to the inbox, answered at once. Tracker Events are small; 1 MB
// is far above any.
const MAX_BYTES = 1024 * 1024;

export async function action({ request }: ActionFunctionArgs): Promise<Response> {
  if (request.method !== "POST") return new Response("EasyPost Events are POST requests.\n", { status: 405, headers: { Allow: "POST" } });
  let body: string;
  try {
    body = await readCapped(request, MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return new Response("The body is too large for an EasyPost Event.\n", { status: 413 });
    throw error;
  }
  const result = await receiveEasyPostWebhook({ rawBody: Buffer.from(body, "utf8"), headers: Object.fromEntries(request.headers) });
  if (result.status === 401) return new Response(result.reason === "bad-signature" ? "The X-Hmac-Signature does not match the body.\n" : "No EasyPost webhook secret is configured.\n", { status: 401 });
  return new Response(null, { status: 200 });
}

export function loader(): Response {
  return new Response("EasyPost Events are POST requests.\n", { status: 405, headers: { Allow: "POST" } });
}
