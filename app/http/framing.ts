// Which documents may be framed. The embedded admin (/app) is framed by Shopify admin: the
// library's addDocumentResponseHeaders sets its frame-ancestors. The customer portal, on the app's
// host (/portal/…) and through the app proxy (/proxy/portal/…), is never framed by anyone.
//
// Through the app proxy the page reaches the shopper from the shop's domain; Shopify does not
// document which of the app's response headers it passes on, so there the storefront's own framing
// policy may be what the browser sees. The headers are sent all the same: they cost nothing, and
// the same pages are reachable on the app's host directly.

/** Portal pages, on the app's host and behind the app proxy. */
export function isPortalDocument(request: Request): boolean {
  const path = new URL(request.url).pathname;
  return path === "/portal" || path.startsWith("/portal/") || path === "/proxy/portal" || path.startsWith("/proxy/portal/");
}

/** CSP frame-ancestors 'none' (current browsers) and X-Frame-Options DENY (older ones). */
export function refuseFraming(headers: Headers): void {
  headers.set("Content-Security-Policy", "frame-ancestors 'none'");
  headers.set("X-Frame-Options", "DENY");
}
