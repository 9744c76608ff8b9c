import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "~/env.server";

/**
 * Crossdock's check of Shopify's app-proxy signature, by the algorithm shopify.dev documents
 * ("Authenticate app proxies"): every query parameter but `signature`, repeated values joined with
 * ",", each written `name=value` with values unencoded, those strings sorted, concatenated without
 * separators, HMAC-SHA256 with the app's client secret, hex.
 *
 * Why not `authenticate.public.appProxy`: @shopify/shopify-api 15 sorts by parameter name with
 * `localeCompare`, and Shopify sorts the `name=value` strings by bytes (the page's Ruby example,
 * `….sort.join`). The two disagree for names that differ in case (`Size`, `color`), in punctuation
 * (`filter.v.price` against `filter_x`) or where one name and a digit extend another (`a`, `a1`), so
 * the library refuses some genuine storefront requests. tests/unit/app-proxy-signature.test.ts holds
 * this check to a signer written from the documentation (simulator/app-proxy.ts).
 */

/** Shopify's parameters that carry one value; a forwarded request with two of them is not Shopify's. */
const SINGLE_VALUED = ["shop", "timestamp", "signature", "path_prefix", "logged_in_customer_id"];

/** How far the timestamp may be from this server's clock (the library allowed 90 s too). */
export const APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS = 90;

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

export type AppProxyVerdict =
  | { ok: true; shop: string; customerId: string | null; pathPrefix: string | null; timestamp: number }
  | { ok: false; reason: "unsigned" | "repeated" | "bad-shop" | "stale" | "mismatch" };

/** The message Shopify signs for these (already decoded) parameters. */
export function appProxySignedMessage(query: URLSearchParams): string {
  const byName = new Map<string, string[]>();
  for (const [name, value] of query) {
    if (name === "signature") continue;
    byName.set(name, [...(byName.get(name) ?? []), value]);
  }
  const entries = [...byName].map(([name, values]) => Buffer.from(`${name}=${values.join(",")}`, "utf8"));
  return Buffer.concat(entries.sort(Buffer.compare)).toString("utf8");
}

/** Whether Shopify's app proxy signed this query for the app with `secret`, and what it vouches for. */
export function verifyAppProxyQuery(query: URLSearchParams, secret: string, now: Date = new Date()): AppProxyVerdict {
  for (const name of SINGLE_VALUED) if (query.getAll(name).length > 1) return { ok: false, reason: "repeated" };
  const signature = query.get("signature");
  const timestampText = query.get("timestamp");
  const shop = query.get("shop");
  if (!signature || !timestampText || !shop) return { ok: false, reason: "unsigned" };
  const timestamp = /^\d{1,12}$/.test(timestampText) ? Number(timestampText) : NaN;
  if (!Number.isFinite(timestamp) || Math.abs(now.getTime() / 1000 - timestamp) > APP_PROXY_TIMESTAMP_TOLERANCE_SECONDS) {
    return { ok: false, reason: "stale" };
  }
  const expected = createHmac("sha256", secret).update(appProxySignedMessage(query), "utf8").digest();
  const given = /^[0-9a-f]{64}$/i.test(signature) ? Buffer.from(signature, "hex") : null;
  if (!given || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
  // After the signature: a signed query naming something other than a shop is a bad request (400),
  // not an unsigned one (401).
  if (!SHOP_DOMAIN.test(shop)) return { ok: false, reason: "bad-shop" };
  return {
    ok: true,
    shop,
    customerId: query.get("logged_in_customer_id") || null,
    pathPrefix: query.get("path_prefix"),
    timestamp,
  };
}

/** The answer to a refused request: 400 for a signed query whose shop is not a myshopify.com domain, else 401. */
export function appProxyRefusal(verdict: Extract<AppProxyVerdict, { ok: false }>): { status: 400 | 401; message: string } {
  return verdict.reason === "bad-shop"
    ? { status: 400, message: "The shop parameter is not a myshopify.com domain" }
    : { status: 401, message: "The request is not signed by Shopify's app proxy" };
}

/** The check for an incoming request, with the app's client secret (SHOPIFY_API_SECRET). */
export function verifyAppProxyRequest(request: Request | URL, now?: Date): AppProxyVerdict {
  const url = request instanceof URL ? request : new URL(request.url);
  return verifyAppProxyQuery(url.searchParams, env().SHOPIFY_API_SECRET, now);
}
