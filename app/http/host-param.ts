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
 * A `shop` parameter with control characters: the library copies it into response headers
 * (Content-Security-Policy's frame-ancestors), where a NUL or a line break makes `Headers.set` throw.
 */
export function unusableShopParam(url: URL): boolean {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return /[\u0000-\u001f\u007f]/.test(url.searchParams.get("shop") ?? "");
}
