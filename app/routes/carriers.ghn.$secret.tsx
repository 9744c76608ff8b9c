import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveGhnCallback } from "~/services/receive-ghn-callback.server";

// GHN's order callbacks (the webhook URL configured at GHN: /carriers/ghn/<GHN_WEBHOOK_SECRET>).
// GHN sends a callback again, up to 10 times, until it gets a 200: every callback Crossdock has
// dealt with (recorded, a repeat, not a return of an installed shop, an update without a status)
// gets one; a wrong secret gets 404 as any unknown URL; a body that is not GHN's, 400.
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response(null, { status: 405, headers: { Allow: "POST" } });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    body = null;
  }
  const result = await receiveGhnCallback({ secret: params.secret ?? "", body });
  if (result.status === "refused") return new Response("Not Found", { status: 404 });
  if (result.status === "invalid") return Response.json({ code: 400, message: result.message }, { status: 400 });
  return Response.json({ code: 200, message: "Success", data: { status: result.status } });
}

export function loader() {
  return new Response(null, { status: 405, headers: { Allow: "POST" } });
}
