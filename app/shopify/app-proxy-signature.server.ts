import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Shopify's app-proxy signature: the query parameters (without `signature`) sorted by name, each
 * written `name=value` with repeated values joined by ",", concatenated without separators,
 * HMAC-SHA256 with the app's secret, hex. This is what Shopify appends to every request it proxies
 * from https://{shop}/{prefix}/{subpath}/… to the app; the storefront harness signs with it.
 */
export function appProxySignature(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of params) {
    if (name === "signature") continue;
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  const message = [...grouped.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => `${name}=${values.join(",")}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/**
 * The query Shopify's proxy sends the app for a storefront request: the shopper's own parameters
 * plus shop, logged_in_customer_id (empty for a guest), path_prefix and timestamp, then signature.
 */
export function signedProxyQuery(
  storefrontQuery: URLSearchParams,
  input: { shop: string; pathPrefix: string; secret: string; customerId?: string | null; now?: Date },
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of storefrontQuery) {
    if (!["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"].includes(name)) params.append(name, value);
  }
  params.set("shop", input.shop);
  params.set("logged_in_customer_id", input.customerId ?? "");
  params.set("path_prefix", input.pathPrefix);
  params.set("timestamp", String(Math.trunc((input.now ?? new Date()).getTime() / 1000)));
  params.set("signature", appProxySignature(params, input.secret));
  return params;
}

/** Shopify's tolerance for the signed `timestamp`, as @shopify/shopify-api checks it. */
export const APP_PROXY_CLOCK_TOLERANCE_SECONDS = 90;
const SINGLE_VALUED = ["shop", "signature", "timestamp", "hmac"] as const;

export type AppProxyVerdict = { ok: true; shop: string } | { ok: false; reason: string };

/**
 * Verifies a request Shopify's app proxy forwarded, as `authenticate.public.appProxy`
 * (@shopify/shopify-api's `validateHmac(…, { signator: "appProxy" })`) does: `signature`, `shop`,
 * `timestamp` and `hmac` at most once, a timestamp within 90 s of now, and the signature above,
 * compared in constant time. The library computes the same HMAC with WebCrypto, asynchronously,
 * after re-parsing the URL; on the storefront's hottest endpoint that was ~5 % of the CPU time,
 * so this runs the same check synchronously on node:crypto. Tests hold it to the library's own
 * signing helper and verdicts.
 */
export function verifyAppProxyQuery(params: URLSearchParams, secret: string, now = Date.now()): AppProxyVerdict {
  for (const name of SINGLE_VALUED) {
    if (params.getAll(name).length > 1) return { ok: false, reason: `"${name}" appears more than once` };
  }
  const signature = params.get("signature");
  if (!signature) return { ok: false, reason: "no signature" };
  const timestamp = Number(params.get("timestamp"));
  if (!params.get("timestamp") || !Number.isInteger(timestamp)) return { ok: false, reason: "no valid timestamp" };
  if (Math.abs(Math.trunc(now / 1000) - timestamp) > APP_PROXY_CLOCK_TOLERANCE_SECONDS) {
    return { ok: false, reason: "timestamp outside the permitted clock tolerance" };
  }
  const expected = Buffer.from(appProxySignature(params, secret), "utf8");
  const given = Buffer.from(signature, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "signature mismatch" };
  return { ok: true, shop: params.get("shop") ?? "" };
}
