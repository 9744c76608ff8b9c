import type { LoaderFunctionArgs } from "@remix-run/node";
import { ShopifyError } from "@shopify/shopify-api";
import { authenticate } from "~/shopify.server";

// OAuth and token-exchange endpoints; the library answers (redirects, callbacks, bounce page).
export const loader = async ({ request }: LoaderFunctionArgs) => {
  try {
    await authenticate.admin(request);
  } catch (thrown) {
    // /auth/exit-iframe without a destination on the app's own origin: the library throws an Error
    // (a 500) for what is a bad link.
    if (thrown instanceof ShopifyError && new URL(request.url).pathname === "/auth/exit-iframe") {
      throw new Response("This link does not lead back into Crossdock. Open Crossdock again from your Shopify admin.", { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    throw await withMessage(thrown);
  }
  return null;
};

/**
 * The library refuses a request it cannot continue (a callback without its parameters, a stale
 * session token) with an empty 4xx: say what to do instead. Redirects and answers with a body pass.
 */
async function withMessage(thrown: unknown): Promise<unknown> {
  if (!(thrown instanceof Response) || thrown.status < 400 || thrown.status >= 500) return thrown;
  if ((await thrown.clone().text()).trim()) return thrown;
  const headers = new Headers(thrown.headers);
  headers.set("Content-Type", "text/plain; charset=utf-8");
  return new Response("Sign-in could not continue from this link. Open Crossdock again from your Shopify admin.", { status: thrown.status, headers });
}
