/**
 * Shopify admin's `host` parameter (base64 of "admin.shopify.com/store/<name>"), as
 * @shopify/shopify-api's sanitizeHost reads it: when it looks like base64 the library decodes it
 * with `atob` and parses the result as a URL's host, and either step throws on a value that only
 * looks like base64 ("x", "abc", a decoded space). Thrown there, it is a 500 for any admin URL with
 * such a link: this finds the value first so that the request is refused with a 400 instead.
 */
export function undecodableHostParam(url: URL): boolean {
  const host = url.searchParams.get("host");
  if (host === null || !/^[0-9a-zA-Z+/]+={0,2}$/.test(host)) return false; // the library treats these as invalid itself
  try {
    new URL(`https://${atob(host)}`);
    return false;
  } catch {
    return true;
  }
}

/**
 * A `shop` parameter that cannot go into a header: the library copies it into response headers
 * (Content-Security-Policy's frame-ancestors), where a NUL, a line break or any character beyond
 * Latin-1 (a lone surrogate arrives as U+FFFD) makes `Headers.set` throw. A shop domain is printable
 * ASCII, so anything else is refused.
 */
export function unusableShopParam(url: URL): boolean {
  return /[^\x20-\x7e]/.test(url.searchParams.get("shop") ?? "");
}
