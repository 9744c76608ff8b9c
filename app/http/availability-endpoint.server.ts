/**
 * The storefront availability endpoint (app proxy): https://{shop}/{prefix}/{subpath}/availability
 * (shopify.app.toml [app_proxy]) → {app}/proxy/availability, signed by Shopify and checked by
 * Shopify's documented algorithm (`verifyAppProxyRequest`). The block asks which of the shop's locations have a variant,
 * nearest first. JSON; errors are {error: message}.
 *
 * Served by the Remix route (app/routes/proxy.availability.tsx) and, by `npm start`'s server,
 * straight from Node's HTTP server (app/http/hot-paths.server.ts): the storefront's hottest path
 * skips Remix's route matching and Express, which cost more than the answer itself.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "~/db-errors";
import { parseAvailabilityQuery } from "~/domain/availability";
import { logger } from "~/logger.server";
import { getVariantAvailability } from "~/services/get-availability.server";
import { appProxyRefusal, verifyAppProxyRequest } from "~/shopify/app-proxy-signature.server";
import { plainJson, toFetchResponse, type PlainResponse } from "./plain-response";

/** Shared by every shopper of the shop (nothing personal in it); short, since stock moves. */
const CACHE_OK = "public, max-age=10, stale-while-revalidate=30";

function problem(status: number, error: string): PlainResponse {
  return plainJson(status, { error }, { "Cache-Control": "no-store" });
}

/**
 * What the endpoint reads of a request: its URL (on the app's origin) and its If-None-Match. The
 * hot path builds this straight from Node's request (a Fetch `Request` costs more than the check
 * of the signature); the Remix loader from its `Request`.
 */
export interface AvailabilityHttpRequest {
  url: URL;
  ifNoneMatch: string | null | undefined;
}

export async function availabilityEndpoint(request: AvailabilityHttpRequest): Promise<PlainResponse> {
  const url = request.url;
  const signed = verifyAppProxyRequest(url);
  if (!signed.ok) {
    const refusal = appProxyRefusal(signed);
    return problem(refusal.status, refusal.message);
  }
  const parsed = parseAvailabilityQuery(url.searchParams);
  if (!parsed.ok) return problem(400, parsed.message);

  let outcome: Awaited<ReturnType<typeof getVariantAvailability>>;
  try {
    outcome = await getVariantAvailability({ shop: signed.shop, variantId: parsed.variantId, request: parsed.request });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    // The block shows its own "try again" text and the browser may ask again after Retry-After.
    logger.warn({ err: error, shop: signed.shop }, "availability: database unavailable, answered 503");
    return plainJson(503, { error: "Availability is temporarily unavailable" }, { "Cache-Control": "no-store", "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) });
  }
  if (outcome.status === "shop_not_found") return problem(404, "This shop does not use Crossdock");
  if (outcome.status === "variant_not_found") return problem(404, "Crossdock has no stock record of this variant");

  const headers = { "Cache-Control": CACHE_OK, ETag: outcome.etag };
  if (request.ifNoneMatch === outcome.etag) return { status: 304, headers, body: null };
  return plainJson(200, outcome.result, headers);
}

/** The loader of app/routes/proxy.availability.tsx. */
export async function availabilityLoader({ request }: LoaderFunctionArgs): Promise<Response> {
  return toFetchResponse(await availabilityEndpoint({ url: new URL(request.url), ifNoneMatch: request.headers.get("If-None-Match") }));
}
