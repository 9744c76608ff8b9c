/**
 * The customer portal's shell (issue #6). Two entry points:
 *
 * `~/portal` (this file, safe in route components; pages render on the server only):
 *   - PortalLayout({layout, children})  brand name/logo/colour, language links, skip link, landmarks.
 *     `layout` is PortalContext.layout, returned by the loader.
 *   - CsrfField({token})                the hidden `_csrf` input; token = PortalContext.csrfToken.
 *   - PortalErrorBoundary               export it as the route's ErrorBoundary: renders the branded
 *                                       403/404/429 pages thrown with PortalContext.errorResponse.
 *   - portalT(locale, ns = "portal")    i18next fixed t (namespaces = app/locales/<lng>/<ns>.json,
 *                                       loaded automatically; E2 owns `returns`).
 *   - formatDate/formatDateTime/formatMoney/formatNumber(locale, …)  Intl, in the page's language.
 *   - portalMeta(title)                 a `meta` export helper; on the app host it also links the
 *                                       stylesheet (the proxy pages get an absolute <link> from
 *                                       PortalLayout: a relative one would point at the shop).
 *   - PORTAL_HANDLE                     `export const handle = PORTAL_HANDLE` ({hydrate: false}):
 *                                       app/root.tsx then ships no <Scripts/> (no client JS at all).
 *   - portalHeaders                     `export const headers = portalHeaders`: keeps the loader's or
 *                                       action's Cache-Control, Vary and Retry-After on the HTML document
 *                                       (Remix only carries Set-Cookie over by itself).
 *
 * `~/portal/index.server` (loaders/actions, services):
 *   - resolvePortalRequest(request, params) → PortalContext
 *       {mode "app"|"proxy", shop, settings, locale, t, tFor(ns), basePath, routeBase, customerId,
 *        csrfToken, headers (send them: Set-Cookie for CSRF, no-store), layout,
 *        href(path, query?)        link inside the portal, carries ?lang= when the shopper chose it,
 *        relativePath(),           request path below routeBase, e.g. "/o/<token>/return"
 *        verifyCsrf(formData)      throws a branded 403 Response,
 *        issueOrderToken(orderId, ttl?) / verifyOrderToken(token) → order GID or branded 403,
 *        signUrl(path, ttl)        basePath + path + exp + sig (bound to the shop),
 *        verifySignedRequest()     throws branded 403 unless this request's URL is validly signed,
 *        errorResponse(status, code, headers?)  branded error Response to throw,
 *        admin()                   the shop's Admin GraphQL client (offline session / proxy context)}
 *     Throws 404 (unknown/uninstalled shop) or 401 (unsigned proxy request).
 *     URLs: app host /portal/:shop/…; proxy /proxy/portal/… (shop from the signature; links built
 *     with the storefront's path_prefix, e.g. /apps/crossdock/portal/…).
 *   - issueOrderAccessToken({shopId, orderId, ttl}) / verifyOrderAccessToken(token, shop) → GID | throws 403
 *   - signUrl(path, ttlSeconds, {scope}) / verifySignedUrl(url, {scope}) (HMAC-SHA256, PORTAL_SECRET)
 *   - verifyCsrf(request, formData) → throws 403; CSRF_FIELD
 *   - lookupRateLimiter(); the client address is app/http/client-address.server.ts
 */
import type { HeadersFunction, MetaDescriptor } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { portalT } from "./i18n";
import type { PortalErrorBody } from "./layout-data";
import portalCssUrl from "./portal.css?url";

export { PortalErrorBoundary } from "./PortalErrorBoundary";

export const PORTAL_HANDLE = { hydrate: false } as const;

/**
 * The portal's own response headers on documents, error pages included: Cache-Control (private,
 * no-store: pages show personal data), Vary, and Retry-After on a 429 or a 503 (the database down).
 */
export const portalHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  const source = errorHeaders ?? (actionHeaders.has("Cache-Control") ? actionHeaders : loaderHeaders);
  const out = new Headers();
  for (const name of ["Cache-Control", "Vary", "Retry-After"]) {
    const value = source.get(name);
    if (value) out.set(name, value);
  }
  return out;
};

/** A page served through the app proxy (/proxy/portal/…, on the shop's domain) rather than on the app host. */
function proxied(pathname: string): boolean {
  return pathname === "/proxy/portal" || pathname.startsWith("/proxy/portal/");
}

/**
 * `export const meta = portalMeta` when the loader returns `{title}`. Error pages get the error's
 * title in the shopper's language (branded errors) or a plain one.
 *
 * It also links the stylesheet on the app host. Each page is one module mounted at both the app
 * host's path and the app proxy's (app/route-mounts.ts), and `links` is given no arguments to tell
 * them apart; through the proxy a relative URL would point at the shop, so PortalLayout links it
 * absolutely there (PortalLayoutData.stylesheetHref).
 */
export function portalMeta({ data, error, location }: { data?: unknown; error?: unknown; location: { pathname: string } }): MetaDescriptor[] {
  let title = (data as { title?: string } | undefined)?.title;
  if (!title && error) {
    const body = isRouteErrorResponse(error) ? (error.data as Partial<PortalErrorBody> | undefined) : undefined;
    const status = isRouteErrorResponse(error) ? error.status : 500;
    const t = portalT(body?.layout?.locale ?? "en");
    const code = body?.portalError ?? (status === 404 ? "not_found" : "unavailable");
    title = body?.layout ? `${t(`errors.${code}.title`)} · ${body.layout.brandName}` : t(`errors.${code}.title`);
  }
  const stylesheet: MetaDescriptor[] = proxied(location.pathname) ? [] : [{ tagName: "link", rel: "stylesheet", href: portalCssUrl }];
  return [{ title: title ?? "" }, { name: "robots", content: "noindex" }, ...stylesheet];
}
