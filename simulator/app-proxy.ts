/**
 * Shopify's app proxy as shopify.dev documents it ("Authenticate app proxies",
 * https://shopify.dev/docs/apps/build/online-store/app-proxies/authenticate-app-proxies), written from
 * that page alone (not from @shopify/shopify-api, and not from Crossdock's own check, which the tests
 * hold to this):
 *
 * - A storefront request to https://{shop}/{prefix}/{subpath}/{rest}?{query} is forwarded to
 *   {proxy url}/{rest}?{query} with `shop`, `logged_in_customer_id` (empty for a guest),
 *   `path_prefix` (the prefix and subpath proxied, as the merchant may have customised them),
 *   `timestamp` (seconds since the epoch) and `signature` appended (FIDELITY AP-2).
 * - `signature` is "a hexadecimal encoded SHA-256 HMAC of the other parameters, split on the "&"
 *   character … unencoded, sorted, concatenated", keyed by the app's shared secret. The page's Ruby
 *   example parses the query (`Rack::Utils.parse_query`: repeated names collect their values, in
 *   order), writes each name as `"#{k}=#{Array(v).join(',')}"`, sorts those strings (Ruby's String
 *   sort: byte order) and joins them with nothing between (FIDELITY AP-1, AP-3).
 */
import { createHmac } from "node:crypto";

/** The parameters Shopify adds to every forwarded request (in the order the page's example shows). */
export const PROXY_PARAMETERS = ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"] as const;

/** `application/x-www-form-urlencoded` decoding, as Rack does: `+` is a space, then %XX escapes. */
function decodeComponent(text: string): string {
  const spaced = text.replace(/\+/g, " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced; // a stray "%" stays as it was
  }
}

/** The query's names with their values in order of appearance (a name without "=" has no value). */
export function parseQuery(rawQuery: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const part of rawQuery.replace(/^\?/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
    const values = params.get(name) ?? [];
    if (eq !== -1) values.push(decodeComponent(part.slice(eq + 1)));
    params.set(name, values);
  }
  return params;
}

/** The signed message: every parameter but `signature` as `name=v1,v2`, sorted by bytes, concatenated. */
export function appProxyMessage(rawQuery: string): string {
  const pairs = [...parseQuery(rawQuery)]
    .filter(([name]) => name !== "signature")
    .map(([name, values]) => `${name}=${values.join(",")}`);
  pairs.sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
  return pairs.join("");
}

/** HMAC-SHA256 of the message with the app's shared secret, hex. */
export function appProxySignature(rawQuery: string, secret: string): string {
  return createHmac("sha256", secret).update(appProxyMessage(rawQuery), "utf8").digest("hex");
}

export interface ProxyForwarding {
  /** The shop's myshopify.com domain. */
  shop: string;
  /** The prefix and subpath the shopper's request came through, e.g. "/apps/crossdock". */
  pathPrefix: string;
  secret: string;
  /** The signed-in customer's numeric id; null or omitted for a guest (sent empty). */
  customerId?: string | null;
  now?: Date;
}

const encode = (value: string) => encodeURIComponent(value);

/**
 * The query string Shopify forwards for a storefront query string: the shopper's own parameters as
 * they came, then Shopify's. Shopper parameters named like Shopify's are dropped first; the page
 * does not say what Shopify does with them, and a forwarded request never carries them twice.
 */
export function forwardedProxyQuery(storefrontQuery: string, input: ProxyForwarding): string {
  const own = storefrontQuery
    .replace(/^\?/, "")
    .split("&")
    .filter((part) => {
      if (part === "") return false;
      const eq = part.indexOf("=");
      const name = decodeComponent(eq === -1 ? part : part.slice(0, eq));
      return !(PROXY_PARAMETERS as readonly string[]).includes(name);
    });
  const timestamp = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const added = [
    `shop=${encode(input.shop)}`,
    `logged_in_customer_id=${encode(input.customerId ?? "")}`,
    `path_prefix=${encode(input.pathPrefix)}`,
    `timestamp=${timestamp}`,
  ];
  const unsigned = [...own, ...added].join("&");
  return `${unsigned}&signature=${appProxySignature(unsigned, input.secret)}`;
}

/** `forwardedProxyQuery` for callers holding URLSearchParams. */
export function signedProxyParams(storefrontQuery: URLSearchParams, input: ProxyForwarding): URLSearchParams {
  return new URLSearchParams(forwardedProxyQuery(storefrontQuery.toString(), input));
}
