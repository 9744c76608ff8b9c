// Issue 12: hostile input on the customer portal (app host) and Shopify's app proxy (portal and the
// availability block): see every-route.test.ts for the list of routes. And the lookup's budget: a
// malformed lookup (a NUL or another control character, too long; a lone surrogate cannot arrive in a form: the
// form decoder makes it U+FFFD) is refused before the rate limit is charged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_COOKIE, CSRF_FIELD, issueCsrfToken } from "~/portal/csrf.server";
import { installLookupRateLimiter, memoryLookupLimiter, type LookupRateLimiter } from "~/security/rate-limit.server";
import { APP } from "./env";
import { encodeFields, OVERLONG } from "./hostile";
import { invoke, PEER, SHOP, snapshot, startHarness, type Harness } from "./harness";
import { routeProperty } from "./run";
import { routesOf } from "./routes";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

describe("the portal and the app proxy", () => {
  for (const [file, spec] of routesOf(["portal", "proxy"])) routeProperty(file, spec, () => harness);
});

describe("the lookup's rate limit under malformed input", () => {
  let previous: LookupRateLimiter | undefined;
  beforeAll(() => {
    // The real limits (10 per address, 5 per order number, 15 minutes).
    previous = installLookupRateLimiter(memoryLookupLimiter());
  });
  afterAll(() => installLookupRateLimiter(previous));

  const cookie = "badinputlookupcookie0123456789";
  async function lookUp(fields: Record<string, string>, lang = "en", ip = "198.51.100.23") {
    const { action } = await import("~/routes/portal.$shop._index");
    const body = encodeFields([[CSRF_FIELD, issueCsrfToken({ kind: "cookie", value: cookie })], ...Object.entries(fields)]);
    const request = new Request(`${APP}/portal/${SHOP}?lang=${lang}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${CSRF_COOKIE}=${cookie}`, [PEER]: ip },
      body,
    });
    return invoke(action, request, { shop: SHOP });
  }

  it("30 malformed lookups from one address in each language: 422 'invalid', nothing written, and that address's next real lookup is still answered", async () => {
    const before = await snapshot();
    const malformed = [
      { orderNumber: "1001\u0000", contact: "mai@example.com" },
      { orderNumber: "#1001", contact: "mai@example.com\u0000" },
      { orderNumber: "#1001", contact: "m\u0085i@example.com" },
      { orderNumber: "\u0007#1001", contact: "mai@example.com" },
      { orderNumber: "9".repeat(OVERLONG), contact: "mai@example.com" },
      { orderNumber: "#1001", contact: "x".repeat(OVERLONG) },
    ];
    for (const lang of ["en", "vi", "zh-CN"]) {
      for (const fields of [...malformed, ...malformed.slice(0, 4)]) {
        const answer = await lookUp(fields, lang);
        expect(answer.status, JSON.stringify(fields).slice(0, 80)).toBe(422);
        expect(JSON.parse(answer.text)).toMatchObject({ error: "invalid" });
      }
    }
    expect(await snapshot()).toEqual(before);
    // Well-formed: charged and answered (no match for this address), not 429.
    const real = await lookUp({ orderNumber: "#1001", contact: "someone@example.com" });
    expect(real.status).toBe(422);
    expect(JSON.parse(real.text)).toMatchObject({ error: "no_match" });
  });
});
