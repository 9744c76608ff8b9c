import { createHmac } from "node:crypto";

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
