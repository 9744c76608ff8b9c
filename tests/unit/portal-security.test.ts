// The portal's signed artefacts: order access tokens, signed URLs and CSRF tokens.
import { describe, expect, it } from "vitest";
import { checkCsrf, csrfBinding, CSRF_COOKIE, CSRF_FIELD, issueCsrfToken, verifyCsrf } from "~/portal/csrf.server";
import { constantTimeEqual, setPortalSecretForTests } from "~/security/signing.server";
import {
  checkOrderAccessToken,
  checkSignedUrl,
  issueOrderAccessToken,
  signUrl,
  verifyOrderAccessToken,
  verifySignedUrl,
} from "~/security/tokens.server";

const SECRET = "unit-test-portal-secret-0123456789abcdef";
setPortalSecretForTests(SECRET);

const shop = { id: "shop_a" };
const otherShop = { id: "shop_b" };
const ORDER = "gid://shopify/Order/450789469";
const now = new Date("2026-11-20T12:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

function thrownStatus(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof Response) return error.status;
    throw error;
  }
  return undefined;
}

describe("order access tokens", () => {
  const token = issueOrderAccessToken({ shopId: shop.id, orderId: ORDER, ttl: 3600, now });

  it("open the order they were issued for, until they expire", () => {
    expect(checkOrderAccessToken(token, shop, later(10))).toEqual({ ok: true, orderId: ORDER, expiresAt: later(3600) });
    expect(verifyOrderAccessToken(token, shop, later(3599))).toBe(ORDER);
    expect(checkOrderAccessToken(token, shop, later(3600))).toEqual({ ok: false, problem: "expired" });
    expect(thrownStatus(() => verifyOrderAccessToken(token, shop, later(3601)))).toBe(403);
  });

  it("accept a numeric order id and are URL-safe", () => {
    const numeric = issueOrderAccessToken({ shopId: shop.id, orderId: "450789469", now });
    expect(numeric).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(verifyOrderAccessToken(numeric, shop, now)).toBe(ORDER);
    expect(() => issueOrderAccessToken({ shopId: shop.id, orderId: "gid://shopify/Product/1" })).toThrow();
  });

  it("are refused when tampered with: another order, a later expiry, a changed signature, garbage", () => {
    const [body, signature] = token.split(".") as [string, string];
    const decoded = Buffer.from(body, "base64url").toString();
    const [id, exp] = decoded.split(".") as [string, string];
    const otherOrder = `${Buffer.from(`${Number(id) + 1}.${exp}`).toString("base64url")}.${signature}`;
    const longer = `${Buffer.from(`${id}.${(parseInt(exp, 36) + 86400).toString(36)}`).toString("base64url")}.${signature}`;
    const flipped = `${body}.${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    expect(checkOrderAccessToken(otherOrder, shop, now)).toEqual({ ok: false, problem: "bad_signature" });
    expect(checkOrderAccessToken(longer, shop, now)).toEqual({ ok: false, problem: "bad_signature" });
    expect(checkOrderAccessToken(flipped, shop, now)).toEqual({ ok: false, problem: "bad_signature" });
    for (const junk of ["", "abc", `${body}`, `${body}.${signature}.x`, "!!!.???", `${Buffer.from("x.y").toString("base64url")}.${signature}`]) {
      expect(checkOrderAccessToken(junk, shop, now).ok, junk).toBe(false);
      expect(thrownStatus(() => verifyOrderAccessToken(junk, shop, now))).toBe(403);
    }
  });

  it("never open anything through another shop's portal", () => {
    expect(checkOrderAccessToken(token, otherShop, now)).toEqual({ ok: false, problem: "bad_signature" });
  });

  it("depend on the secret", () => {
    setPortalSecretForTests("another-secret-another-secret-another-secret");
    try {
      expect(checkOrderAccessToken(token, shop, now)).toEqual({ ok: false, problem: "bad_signature" });
    } finally {
      setPortalSecretForTests(SECRET);
    }
    expect(checkOrderAccessToken(token, shop, now).ok).toBe(true);
  });
});

describe("signed URLs", () => {
  const path = "/o/tok/returns/R-1001/label";
  const signed = signUrl(path, 600, { scope: "a.myshopify.com", now });

  it("carry exp and sig and verify for their scope until they expire", () => {
    expect(signed).toMatch(/^\/o\/tok\/returns\/R-1001\/label\?exp=\d+&sig=[A-Za-z0-9_-]+$/);
    expect(checkSignedUrl(signed, { scope: "a.myshopify.com", now: later(599) })).toEqual({ ok: true, expiresAt: later(600) });
    expect(checkSignedUrl(signed, { scope: "a.myshopify.com", now: later(600) })).toEqual({ ok: false, problem: "expired" });
    expect(thrownStatus(() => verifySignedUrl(signed, { scope: "a.myshopify.com", now: later(601) }))).toBe(403);
    expect(thrownStatus(() => verifySignedUrl(signed, { scope: "a.myshopify.com", now }))).toBeUndefined();
  });

  it("are refused for another path, another scope, a changed expiry or query, or without a signature", () => {
    const url = new URL(signed, "http://x");
    const exp = url.searchParams.get("exp")!;
    const sig = url.searchParams.get("sig")!;
    const variants = [
      `/o/tok/returns/R-1002/label?exp=${exp}&sig=${sig}`,
      `${path}?exp=${Number(exp) + 3600}&sig=${sig}`,
      `${path}?exp=${exp}&sig=${sig}&download=1`,
      `${path}?exp=${exp}`,
      path,
    ];
    for (const variant of variants) expect(checkSignedUrl(variant, { scope: "a.myshopify.com", now }).ok, variant).toBe(false);
    expect(checkSignedUrl(signed, { scope: "b.myshopify.com", now }).ok).toBe(false);
  });

  it("ignore the language parameter and keep the other query parameters signed", () => {
    const withQuery = signUrl("/o/tok/returns/R-1/label?copy=2", 600, { scope: "s", now });
    expect(checkSignedUrl(`${withQuery}&lang=vi`, { scope: "s", now }).ok).toBe(true);
    expect(checkSignedUrl(withQuery.replace("copy=2", "copy=3"), { scope: "s", now }).ok).toBe(false);
  });
});

describe("CSRF", () => {
  const appRequest = (cookie?: string) =>
    new Request("https://crossdock.example.com/portal/a.myshopify.com", { headers: cookie ? { Cookie: cookie } : {} });

  function form(token?: string): FormData {
    const data = new FormData();
    if (token !== undefined) data.set(CSRF_FIELD, token);
    return data;
  }

  it("sets a random HttpOnly SameSite cookie on the first visit and binds tokens to it", () => {
    const first = csrfBinding(appRequest());
    expect(first.kind).toBe("cookie");
    const setCookie = (first as { setCookie?: string }).setCookie!;
    expect(setCookie).toMatch(new RegExp(`^${CSRF_COOKIE}=[A-Za-z0-9_-]{32}; Path=/portal; Max-Age=\\d+; HttpOnly; SameSite=Lax; Secure$`));
    expect(csrfBinding(appRequest()).value).not.toBe(first.value);

    const cookie = `${CSRF_COOKIE}=${first.value}`;
    const again = csrfBinding(appRequest(cookie));
    expect(again).toEqual({ kind: "cookie", value: first.value });
    const token = issueCsrfToken(again, now);
    expect(checkCsrf(appRequest(cookie), form(token), later(60))).toBe(true);
    expect(thrownStatus(() => verifyCsrf(appRequest(cookie), form(token), later(60)))).toBeUndefined();
  });

  it("refuses a missing token, a missing or different cookie, a tampered or expired token", () => {
    const value = "c".repeat(32);
    const cookie = `${CSRF_COOKIE}=${value}`;
    const token = issueCsrfToken({ kind: "cookie", value }, now);
    expect(checkCsrf(appRequest(cookie), form(), now)).toBe(false);
    expect(checkCsrf(appRequest(cookie), form(""), now)).toBe(false);
    expect(checkCsrf(appRequest(), form(token), now)).toBe(false);
    expect(checkCsrf(appRequest(`${CSRF_COOKIE}=${"d".repeat(32)}`), form(token), now)).toBe(false);
    expect(checkCsrf(appRequest(cookie), form(`${token}x`), now)).toBe(false);
    const [exp, sig] = token.split(".") as [string, string];
    expect(checkCsrf(appRequest(cookie), form(`${Number(exp) + 999}.${sig}`), now)).toBe(false);
    expect(checkCsrf(appRequest(cookie), form(token), later(13 * 3600))).toBe(false);
    expect(thrownStatus(() => verifyCsrf(appRequest(cookie), form(), now))).toBe(403);
  });

  it("binds proxy tokens to the signed shop and customer (Shopify strips cookies there)", () => {
    const proxied = (customer: string) =>
      new Request(`https://crossdock.example.com/proxy/portal?shop=a.myshopify.com&logged_in_customer_id=${customer}&signature=x`);
    const binding = csrfBinding(proxied("7"));
    expect(binding).toEqual({ kind: "proxy", value: "proxy|a.myshopify.com|7" });
    const token = issueCsrfToken(binding, now);
    expect(checkCsrf(proxied("7"), form(token), now)).toBe(true);
    expect(checkCsrf(proxied("8"), form(token), now)).toBe(false);
    // A proxy token is no good on the app host and the reverse.
    expect(checkCsrf(appRequest(`${CSRF_COOKIE}=${"p".repeat(32)}`), form(token), now)).toBe(false);
  });
});

describe("constantTimeEqual", () => {
  it("compares strings of any length", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
  });
});

describe("PORTAL_SECRET", () => {
  const base = { SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://crossdock.example.com" };

  it("is required in production and outside demo mode, and must be long enough", async () => {
    const { parseEnv, DEMO_PORTAL_SECRET } = await import("~/env.server");
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(/PORTAL_SECRET is required/);
    expect(() => parseEnv({ ...base, NODE_ENV: "development" })).toThrow(/PORTAL_SECRET is required/);
    expect(() => parseEnv({ ...base, NODE_ENV: "production", PORTAL_SECRET: "short" })).toThrow(/at least 32 characters/);
    const secret = "0123456789abcdef0123456789abcdef";
    expect(parseEnv({ ...base, NODE_ENV: "production", PORTAL_SECRET: secret }).PORTAL_SECRET).toBe(secret);
    // A demo default only in demo mode and tests.
    expect(parseEnv({ ...base, NODE_ENV: "test" }).PORTAL_SECRET).toBe(DEMO_PORTAL_SECRET);
    expect(
      parseEnv({ ...base, NODE_ENV: "development", CROSSDOCK_DEMO: "1", SHOPIFY_APP_URL: "http://localhost:3000", SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:3100" })
        .PORTAL_SECRET,
    ).toBe(DEMO_PORTAL_SECRET);
  });
});
