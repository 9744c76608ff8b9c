// resolvePortalRequest: what every portal loader and action starts with. It finds the shop (from
// the URL on the app's own host, from Shopify's signature through the app proxy), negotiates the
// language, prepares CSRF, and gives the helpers that build links for where the shopper is.
import type { Shop, ShopSettings } from "@prisma/client";
import { appProxyConfig } from "~/config/app-proxy";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "~/db-errors";
import { env } from "~/env.server";
import { getShop, getShopSettings } from "~/models/shops.server";
import { observingCustomerData } from "~/services/observe-customer-data.server";
import { logger } from "~/logger.server";
import { adminAccessRefused, type AdminGraphql } from "~/shopify/admin-graphql";
import { appProxyRefusal, verifyAppProxyRequest } from "~/shopify/app-proxy-signature.server";
import { AdminRetriesExhaustedError, INTERACTIVE_PATIENCE, markResilient, resilientGraphql, type BucketState } from "~/shopify/resilient-graphql";
import { TokenRefreshFailedError } from "~/shopify/offline-token-refresh.server";
import { csrfBinding, issueCsrfToken, verifyCsrf as verifyCsrfToken } from "./csrf.server";
import { portalT, type PortalT } from "./i18n";
import { htmlLang, LOCALE_NAMES, negotiateLocale, PORTAL_LOCALES, type PortalLocale } from "~/domain/portal/locale";
import type { PortalErrorBody, PortalErrorCode, PortalLayoutData } from "./layout-data";
import { checkOrderAccessToken, checkSignedUrl, issueOrderAccessToken, signUrl as signPath } from "~/security/tokens.server";
import portalCssUrl from "./portal.css?url";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]{0,60}\.myshopify\.com$/;
const DEFAULT_BRAND_COLOR = "#1f5c4a";

export type PortalMode = "app" | "proxy";

export interface PortalContext {
  mode: PortalMode;
  shop: Shop;
  settings: ShopSettings;
  locale: PortalLocale;
  /** True when ?lang= chose the language: links carry it on. */
  explicitLocale: boolean;
  /** i18next t for the `portal` namespace in this locale; tFor("returns") for another namespace. */
  t: PortalT;
  tFor(ns: string): PortalT;
  /** Where portal links start as the browser sees them: "/portal/<shop>" or "/apps/crossdock/portal". */
  basePath: string;
  /** The path prefix requests arrive at here: "/portal/<shop>" or "/proxy/portal". */
  routeBase: string;
  /** Proxy only: the signed-in storefront customer (numeric id), else null. */
  customerId: string | null;
  /** The hidden field's value for this page's forms (name: CSRF_FIELD). */
  csrfToken: string;
  /** Headers every response of this request must carry (Set-Cookie for CSRF, Vary, no-store). */
  headers: Headers;
  /** Serializable data for PortalLayout (return it from the loader). */
  layout: PortalLayoutData;
  /** A portal link: href("/o/abc") → "/portal/<shop>/o/abc?lang=vi" (lang only when explicit). */
  href(path: string, query?: Record<string, string | undefined>): string;
  /** The request's path relative to routeBase ("/o/abc/returns/R-1/label"). */
  relativePath(): string;
  /** Throws a 403 Response unless the form's CSRF token is valid for this request. */
  verifyCsrf(formData: FormData): void;
  /** A token link for one of this shop's orders. */
  issueOrderToken(orderId: string, ttlSeconds?: number): string;
  /** The order GID a token opens, or throws a branded 403 Response (tampered, foreign, expired). */
  verifyOrderToken(token: string): string;
  /** A portal link signed for `ttlSeconds` (label downloads): href + exp + sig. */
  signUrl(path: string, ttlSeconds: number): string;
  /** Throws a branded 403 unless this request's URL carries a valid signature. */
  verifySignedRequest(): void;
  /** A branded error Response (403/404/429…) that the routes' ErrorBoundary renders in the page's language. */
  errorResponse(status: number, code: PortalErrorCode, headers?: HeadersInit): Response;
  /** The shop's Admin API (offline session). */
  admin(): Promise<AdminGraphql>;
}

function notFound(): Response {
  return new Response("Not Found", { status: 404, headers: { "Cache-Control": "no-store" } });
}

function brandColor(value: string | null | undefined): string {
  return value && /^#[0-9a-fA-F]{6}$/.test(value) ? value : DEFAULT_BRAND_COLOR;
}

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const url = new URL(path, "http://portal.invalid");
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return `${url.pathname}${url.search}`;
}

/**
 * Refuses a proxied request Shopify's app proxy did not sign, by Shopify's documented algorithm (401),
 * or signed for a shop parameter that is not a myshopify.com domain (400).
 */
function authenticateProxy(request: Request): void {
  const verdict = verifyAppProxyRequest(request);
  if (!verdict.ok) {
    const refusal = appProxyRefusal(verdict);
    throw new Response(refusal.message, { status: refusal.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}

async function offlineAdmin(shop: string): Promise<AdminGraphql> {
  const { offlineAdminGraphql } = await import("~/shopify.server");
  return offlineAdminGraphql(shop);
}

/** Each shop's Admin API bucket as this process last saw it, shared by every portal request. */
const buckets = new Map<string, BucketState>();

/**
 * The portal's Admin API client: throttle-aware like the jobs' (waits when the shop's bucket is
 * dry instead of failing the shopper's page), with a person's patience. When Shopify stays
 * unreachable for the shop (still throttled or failing after the waits, or the shop's token
 * refused) it throws `unavailable()`, the branded "try again" page, instead of a 500. Marked
 * resilient: a use case wrapping it again (approve on a rule) must not retry that page.
 */
function shopperFacing(shop: string, graphql: AdminGraphql, unavailable: () => Response): AdminGraphql {
  let bucket = buckets.get(shop);
  if (!bucket) buckets.set(shop, (bucket = { last: null }));
  const client = resilientGraphql(graphql, {
    bucket,
    ...INTERACTIVE_PATIENCE,
    onWait: (event) => logger.info({ shop, source: "portal", ...event }, "Admin API: waiting before retrying"),
  });
  const giveUp = (cause: unknown) => {
    logger.warn({ err: cause, shop }, "portal: Admin API unavailable");
    return unavailable();
  };
  const observed = markResilient(async (query, options) => {
    let response: Response;
    try {
      response = await client(query, options);
    } catch (error) {
      if (error instanceof AdminRetriesExhaustedError || error instanceof TokenRefreshFailedError || adminAccessRefused(error)) {
        throw giveUp(error);
      }
      throw error;
    }
    if (response.status === 401 || response.status === 403) throw giveUp(new Error(`Admin API answered HTTP ${response.status}`));
    return response;
  });
  return observingCustomerData(shop, observed);
}

/** How a shop's portal looks: from its settings, remembered for the pages served while the database is down. */
interface Branding {
  brandName: string;
  logoUrl: string | null;
  brandColor: string;
  defaultLocale: string | null;
}

/** The branding of the shops this process served, by domain (bounded: cleared past 1,000 shops). */
const lastBranding = new Map<string, Branding>();

function rememberBranding(domain: string, branding: Branding): void {
  if (!lastBranding.has(domain) && lastBranding.size >= 1_000) lastBranding.clear();
  lastBranding.set(domain, branding);
}

/** Which shop a portal request is for, from the URL or Shopify's proxy signature: nothing read from the database. */
function portalRequestTarget(request: Request, params: { shop?: string }): { url: URL; proxied: boolean; domain: string } {
  const url = new URL(request.url);
  const proxied = url.pathname === "/proxy/portal" || url.pathname.startsWith("/proxy/portal/");
  let domain: string;
  if (proxied) {
    authenticateProxy(request);
    domain = url.searchParams.get("shop") ?? "";
  } else {
    domain = (params.shop ?? "").toLowerCase();
  }
  if (!SHOP_DOMAIN.test(domain)) throw notFound();
  return { url, proxied, domain };
}

/** The page's language, its links and its layout, for a shop's branding. */
function portalFrame(request: Request, where: { url: URL; proxied: boolean; domain: string }, branding: Branding) {
  const { url, proxied, domain } = where;
  const { locale, explicit } = negotiateLocale({
    query: url.searchParams.get("lang"),
    proxyLocale: proxied ? url.searchParams.get("locale") : null,
    acceptLanguage: request.headers.get("Accept-Language"),
    shopDefault: branding.defaultLocale,
  });

  const routeBase = proxied ? "/proxy/portal" : `/portal/${domain}`;
  const pathPrefix = url.searchParams.get("path_prefix");
  const storefrontBase = pathPrefix && /^\/[A-Za-z0-9/_-]{1,100}$/.test(pathPrefix) ? pathPrefix.replace(/\/$/, "") : appProxyConfig().storefrontPath;
  const basePath = proxied ? `${storefrontBase}/portal` : routeBase;
  const relativePath = () => {
    const rest = url.pathname.slice(routeBase.length);
    return rest === "" ? "/" : rest;
  };
  const lang = explicit ? locale : undefined;
  const href = (path: string, query: Record<string, string | undefined> = {}) =>
    withQuery(`${basePath}${path === "/" ? "" : path}`, { lang, ...query });

  // The page's own path and query as the browser sees it, minus proxy parameters: for the switcher.
  const browserQuery = new URLSearchParams(url.search);
  for (const key of ["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature", "locale", "lang"]) browserQuery.delete(key);
  const here = `${basePath}${relativePath() === "/" ? "" : relativePath()}`;
  const layout: PortalLayoutData = {
    locale,
    htmlLang: htmlLang(locale),
    brandName: branding.brandName,
    logoUrl: branding.logoUrl,
    brandColor: branding.brandColor,
    homeHref: href("/"),
    stylesheetHref: proxied ? new URL(portalCssUrl, env().SHOPIFY_APP_URL).toString() : null,
    languages: PORTAL_LOCALES.map((code) => {
      const query = new URLSearchParams(browserQuery);
      query.set("lang", code);
      return { code, name: LOCALE_NAMES[code], href: `${here}?${query.toString()}`, current: code === locale };
    }),
  };
  return { url, proxied, locale, explicit, routeBase, basePath, relativePath, href, layout };
}

/**
 * The answer to a portal request made while the database cannot be reached: 503 with Retry-After,
 * the branded "try again" page in the shopper's language (the shop's look as this process last saw
 * it; the shop's domain as its name when it has not served the shop yet), or for a file (`text`)
 * the same sentence as plain text.
 */
function databaseUnavailable(request: Request, params: { shop?: string }, answer: "page" | "text"): Response {
  const where = portalRequestTarget(request, params);
  const branding = lastBranding.get(where.domain) ?? {
    brandName: where.domain.replace(/\.myshopify\.com$/, ""),
    logoUrl: null,
    brandColor: DEFAULT_BRAND_COLOR,
    defaultLocale: null,
  };
  const { layout } = portalFrame(request, where, branding);
  const headers = { "Cache-Control": "no-store", "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS) };
  if (answer === "text") {
    const t = portalT(layout.locale);
    return new Response(`${t("errors.unavailable.title")}. ${t("errors.unavailable.body")}`, {
      status: 503,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8", "Content-Language": layout.locale },
    });
  }
  const body: PortalErrorBody = { portalError: "unavailable", layout };
  return Response.json(body, { status: 503, headers });
}

/**
 * A portal loader or action that answers a database outage (PostgreSQL down, restarting, its pool
 * exhausted) with 503, Retry-After and the "try again" page in the shopper's language, instead of
 * a 500. Every portal route's loader and action is wrapped (`answer: "text"` for a file download).
 */
export function shopperFacingRoute<Args extends { request: Request; params: { shop?: string } }, Result>(
  handler: (args: Args) => Promise<Result>,
  answer: "page" | "text" = "page",
): (args: Args) => Promise<Result> {
  return async (args) => {
    try {
      return await handler(args);
    } catch (error) {
      if (error instanceof Response || !isDatabaseUnavailable(error)) throw error;
      logger.warn({ err: error, path: new URL(args.request.url).pathname }, "portal: database unavailable, answered 503");
      throw databaseUnavailable(args.request, args.params, answer);
    }
  };
}

/**
 * The portal context of a request, for routes under /portal/:shop (params.shop) and /proxy/portal
 * (signed by Shopify's app proxy). Throws a 404 Response for an unknown or uninstalled shop and a
 * 401 for an unsigned proxy request.
 */
export async function resolvePortalRequest(
  request: Request,
  params: { shop?: string },
): Promise<PortalContext> {
  const where = portalRequestTarget(request, params);
  const shop = await getShop(where.domain);
  if (!shop || shop.uninstalledAt) throw notFound();
  const settings = await getShopSettings(shop);
  const branding: Branding = {
    brandName: settings.portalBrandName?.trim() || shop.name,
    logoUrl: settings.portalLogoUrl && /^https:\/\//.test(settings.portalLogoUrl) ? settings.portalLogoUrl : null,
    brandColor: brandColor(settings.portalBrandColor),
    defaultLocale: settings.defaultLocale,
  };
  rememberBranding(shop.domain, branding);
  const { url, proxied, locale, explicit, routeBase, basePath, relativePath, href, layout } = portalFrame(request, where, branding);

  const binding = csrfBinding(request);
  const headers = new Headers({ "Cache-Control": "private, no-store", Vary: "Accept-Language, Cookie" });
  if (binding.kind === "cookie" && binding.setCookie) headers.append("Set-Cookie", binding.setCookie);
  const csrfToken = issueCsrfToken(binding);
  const lang = explicit ? locale : undefined;

  const errorResponse = (status: number, code: PortalErrorCode, extra?: HeadersInit) => {
    const responseHeaders = new Headers(headers);
    new Headers(extra).forEach((value, key) => responseHeaders.set(key, value));
    return Response.json({ portalError: code, layout }, { status, headers: responseHeaders });
  };

  return {
    mode: proxied ? "proxy" : "app",
    shop,
    settings,
    locale,
    explicitLocale: explicit,
    t: portalT(locale),
    tFor: (ns) => portalT(locale, ns),
    basePath,
    routeBase,
    customerId: proxied ? url.searchParams.get("logged_in_customer_id") || null : null,
    csrfToken,
    headers,
    layout,
    href,
    relativePath,
    verifyCsrf(formData) {
      try {
        verifyCsrfToken(request, formData);
      } catch {
        throw errorResponse(403, "csrf");
      }
    },
    issueOrderToken: (orderId, ttlSeconds) => issueOrderAccessToken({ shopId: shop.id, orderId, ttl: ttlSeconds }),
    verifyOrderToken(token) {
      const check = checkOrderAccessToken(token, shop);
      if (!check.ok) throw errorResponse(403, check.problem === "expired" ? "link_expired" : "link_invalid");
      return check.orderId;
    },
    signUrl(path, ttlSeconds) {
      return `${basePath}${signPath(withQuery(path, { lang }), ttlSeconds, { scope: shop.domain })}`;
    },
    verifySignedRequest() {
      const relative = new URL(relativePath(), "http://portal.invalid");
      for (const [key, value] of url.searchParams) {
        if (!["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature", "locale"].includes(key)) {
          relative.searchParams.append(key, value);
        }
      }
      const check = checkSignedUrl(relative, { scope: shop.domain });
      if (!check.ok) throw errorResponse(403, check.problem === "expired" ? "link_expired" : "link_invalid");
    },
    errorResponse,
    admin: async () =>
      shopperFacing(shop.domain, await offlineAdmin(shop.domain), () => errorResponse(503, "unavailable", { "Retry-After": "60" })),
  };
}
