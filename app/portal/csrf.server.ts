// CSRF protection for every portal form (plain HTML forms: the pages ship no JavaScript).
//
// On the app's own host: a double-submit token bound to a random, HttpOnly, SameSite=Lax cookie
// (set by resolvePortalRequest on the first page view). The form carries
// `<exp>.<HMAC(cookie, exp)>`; a forged cross-site form has neither the cookie's value nor a way
// to compute the HMAC.
// Through the app proxy Shopify strips cookies, so the token is bound to what Shopify signs
// instead: the shop and the `logged_in_customer_id` (the only ambient authority there).
import { forbidden } from "~/security/tokens.server";
import { nowSeconds, randomToken, sign, verifySignature } from "~/security/signing.server";

export { CSRF_FIELD_NAME as CSRF_FIELD } from "./csrf-field";
import { CSRF_FIELD_NAME as CSRF_FIELD } from "./csrf-field";
export const CSRF_COOKIE = "crossdock_portal_csrf";
/** How long a rendered form stays valid. */
export const CSRF_TTL_SECONDS = 12 * 3600;
const COOKIE_MAX_AGE = 7 * 24 * 3600;

export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) {
      const raw = value.join("=");
      return /^[A-Za-z0-9_-]{16,64}$/.test(raw) ? raw : null;
    }
  }
  return null;
}

export type CsrfBinding = { kind: "cookie"; value: string; setCookie?: string } | { kind: "proxy"; value: string };

function isProxyRequest(url: URL): boolean {
  return url.pathname === "/proxy" || url.pathname.startsWith("/proxy/");
}

function proxyBinding(url: URL): string {
  return `proxy|${url.searchParams.get("shop") ?? ""}|${url.searchParams.get("logged_in_customer_id") ?? ""}`;
}

/**
 * What this request's CSRF tokens are bound to. On the app host, creates the cookie when the
 * browser has none (`setCookie` must then be sent with the response). Proxy requests must already
 * have passed the app-proxy signature check (resolvePortalRequest does it).
 */
export function csrfBinding(request: Request): CsrfBinding {
  const url = new URL(request.url);
  if (isProxyRequest(url)) return { kind: "proxy", value: proxyBinding(url) };
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing) return { kind: "cookie", value: existing };
  const value = randomToken(24);
  const secure = url.protocol === "https:" ? "; Secure" : "";
  return {
    kind: "cookie",
    value,
    setCookie: `${CSRF_COOKIE}=${value}; Path=/portal; Max-Age=${COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure}`,
  };
}

/** The hidden field's value for forms on a page answered with this binding. */
export function issueCsrfToken(binding: CsrfBinding, now: Date = new Date()): string {
  const exp = nowSeconds(now) + CSRF_TTL_SECONDS;
  return `${exp}.${sign("csrf", binding.kind, binding.value, String(exp))}`;
}

export function checkCsrf(request: Request, formData: FormData, now: Date = new Date()): boolean {
  const token = formData.get(CSRF_FIELD);
  if (typeof token !== "string" || token.length > 200) return false;
  const url = new URL(request.url);
  let binding: CsrfBinding;
  if (isProxyRequest(url)) binding = { kind: "proxy", value: proxyBinding(url) };
  else {
    const cookie = readCookie(request, CSRF_COOKIE);
    if (!cookie) return false;
    binding = { kind: "cookie", value: cookie };
  }
  const [exp, signature, ...rest] = token.split(".");
  if (!exp || !signature || rest.length || !/^\d{1,12}$/.test(exp)) return false;
  if (!verifySignature(signature, "csrf", binding.kind, binding.value, exp)) return false;
  return Number(exp) > nowSeconds(now);
}

/** Throws a 403 Response unless the form carries a valid CSRF token for this request. */
export function verifyCsrf(request: Request, formData: FormData, now: Date = new Date()): void {
  if (!checkCsrf(request, formData, now)) {
    throw forbidden("This form has expired or did not come from this site. Reload the page and try again.");
  }
}
