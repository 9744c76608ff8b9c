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
    throw thrown;
  }
  return null;
};

