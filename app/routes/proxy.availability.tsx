import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseAvailabilityQuery } from "~/domain/availability";
import { getVariantAvailability } from "~/services/get-availability.server";
import { authenticate } from "~/shopify.server";

// App proxy: https://{shop}/{prefix}/{subpath}/availability (shopify.app.toml [app_proxy]) →
// {app}/proxy/availability, signed by Shopify. The storefront block asks which of the shop's
// locations have a variant, nearest first. JSON; errors are {error: message}.

/** Shared by every shopper of the shop (nothing personal in it); short, since stock moves. */
const CACHE_OK = "public, max-age=10, stale-while-revalidate=30";

function problem(status: number, error: string): Response {
  return Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  try {
    await authenticate.public.appProxy(request);
  } catch (error) {
    // The library answers a missing or wrong signature (or a stale timestamp) with a bare 400.
    if (error instanceof Response && error.status === 400) {
      return problem(401, "The request is not signed by Shopify's app proxy");
    }
    throw error;
  }
  const parsed = parseAvailabilityQuery(params);
  if (!parsed.ok) return problem(400, parsed.message);

  const outcome = await getVariantAvailability({
    shop: params.get("shop") ?? "",
    variantId: parsed.variantId,
    request: parsed.request,
  });
  if (outcome.status === "shop_not_found") return problem(404, "This shop does not use Crossdock");
  if (outcome.status === "variant_not_found") return problem(404, "Crossdock has no stock record of this variant");

  const headers = { "Cache-Control": CACHE_OK, ETag: outcome.etag };
  if (request.headers.get("If-None-Match") === outcome.etag) return new Response(null, { status: 304, headers });
  return Response.json(outcome.result, { headers });
}
