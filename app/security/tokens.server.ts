// Order access tokens (the :token of /portal/:shop/o/:token) and signed, expiring URLs (label
// downloads). Both are HMAC-SHA256 (signing.server.ts) and bound to the shop: a token issued for
// one shop never opens anything through another shop's portal.
import { base64url, fromBase64url, nowSeconds, sign, verifySignature } from "./signing.server";

/** Default lifetime of an order link (lookup result, emails). */
export const ORDER_ACCESS_TTL_SECONDS = 30 * 24 * 3600;

export type TokenProblem = "malformed" | "bad_signature" | "expired";

export type TokenCheck = { ok: true; orderId: string; expiresAt: Date } | { ok: false; problem: TokenProblem };

const ORDER_GID = /^gid:\/\/shopify\/Order\/(\d{1,20})$/;

function orderNumber(orderId: string): string {
  const gid = ORDER_GID.exec(orderId);
  if (gid) return gid[1]!;
  if (/^\d{1,20}$/.test(orderId)) return orderId;
  throw new Error(`Not a Shopify order id: ${orderId}`);
}

/**
 * A token for one order of one shop, valid for `ttl` seconds. `orderId` is the order's GID
 * (gid://shopify/Order/123) or its numeric id; `shopId` is Crossdock's Shop.id.
 */
export function issueOrderAccessToken(input: { shopId: string; orderId: string; ttl?: number; now?: Date }): string {
  const id = orderNumber(input.orderId);
  const exp = nowSeconds(input.now) + Math.max(1, Math.floor(input.ttl ?? ORDER_ACCESS_TTL_SECONDS));
  const body = base64url(`${id}.${exp.toString(36)}`);
  return `${body}.${sign("order-access", input.shopId, id, String(exp))}`;
}

/** Checks a token without throwing: the order's GID, or why not. */
export function checkOrderAccessToken(token: string, shop: { id: string }, now: Date = new Date()): TokenCheck {
  const [body, signature, ...rest] = token.split(".");
  if (!body || !signature || rest.length > 0 || token.length > 200) return { ok: false, problem: "malformed" };
  const decoded = fromBase64url(body);
  const match = decoded ? /^(\d{1,20})\.([0-9a-z]{1,12})$/.exec(decoded) : null;
  if (!match) return { ok: false, problem: "malformed" };
  const [, id, exp36] = match;
  const exp = parseInt(exp36!, 36);
  if (!verifySignature(signature, "order-access", shop.id, id!, String(exp))) return { ok: false, problem: "bad_signature" };
  if (exp <= nowSeconds(now)) return { ok: false, problem: "expired" };
  return { ok: true, orderId: `gid://shopify/Order/${id}`, expiresAt: new Date(exp * 1000) };
}

/** The 403 every bad or expired portal link answers (the page renders it as a friendly message). */
export function forbidden(reason: string): Response {
  return new Response(reason, { status: 403, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
}

/** The order GID the token opens, or throws a 403 Response (tampered, foreign or expired). */
export function verifyOrderAccessToken(token: string, shop: { id: string }, now: Date = new Date()): string {
  const check = checkOrderAccessToken(token, shop, now);
  if (!check.ok) {
    throw forbidden(check.problem === "expired" ? "This link has expired." : "This link is not valid.");
  }
  return check.orderId;
}

// ------------------------------------------------------------------------------------------------
// Signed URLs

const SIGNATURE_PARAMS = new Set(["exp", "sig", "lang"]);

/** What a URL's signature covers: the scope, the path and every query parameter but exp/sig/lang. */
function canonical(url: URL, scope: string): string {
  const params = [...url.searchParams.entries()]
    .filter(([key]) => !SIGNATURE_PARAMS.has(key))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1))
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join("&");
  return `${scope}\n${url.pathname}\n${params}`;
}

/**
 * `path` (e.g. "/o/<token>/returns/R-1/label", may carry a query) with `exp` and `sig` appended,
 * valid for `ttlSeconds`. `scope` binds it (the portal passes the shop's domain), so the same path
 * signed for another shop does not verify. The path is signed as given: sign and verify the same
 * form of it (the portal signs paths relative to its base, see PortalContext.signUrl).
 */
export function signUrl(path: string, ttlSeconds: number, options: { scope?: string; now?: Date } = {}): string {
  const url = new URL(path, "http://portal.invalid");
  url.searchParams.delete("exp");
  url.searchParams.delete("sig");
  const exp = nowSeconds(options.now) + Math.max(1, Math.floor(ttlSeconds));
  const sig = sign("signed-url", canonical(url, options.scope ?? ""), String(exp));
  url.searchParams.set("exp", String(exp));
  url.searchParams.set("sig", sig);
  return `${url.pathname}${url.search}${url.hash}`;
}

export type SignedUrlCheck = { ok: true; expiresAt: Date } | { ok: false; problem: TokenProblem };

export function checkSignedUrl(url: string | URL, options: { scope?: string; now?: Date } = {}): SignedUrlCheck {
  const parsed = new URL(url.toString(), "http://portal.invalid");
  const exp = parsed.searchParams.get("exp");
  const sig = parsed.searchParams.get("sig");
  if (!exp || !sig || !/^\d{1,12}$/.test(exp)) return { ok: false, problem: "malformed" };
  if (!verifySignature(sig, "signed-url", canonical(parsed, options.scope ?? ""), exp)) {
    return { ok: false, problem: "bad_signature" };
  }
  if (Number(exp) <= nowSeconds(options.now)) return { ok: false, problem: "expired" };
  return { ok: true, expiresAt: new Date(Number(exp) * 1000) };
}

/** Throws a 403 Response unless `url` carries a valid, unexpired signature for `scope`. */
export function verifySignedUrl(url: string | URL, options: { scope?: string; now?: Date } = {}): void {
  const check = checkSignedUrl(url, options);
  if (!check.ok) throw forbidden(check.problem === "expired" ? "This link has expired." : "This link is not valid.");
}
