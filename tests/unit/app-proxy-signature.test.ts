// App-proxy signatures (FIDELITY AP-1..AP-4). The signer in simulator/app-proxy.ts is written from
// shopify.dev's "Authenticate app proxies" page and reproduces its worked example byte for byte;
// Crossdock's check (app/shopify/app-proxy-signature.server.ts) is held to that signer, never to
// itself, over the page's edge cases: repeated parameters, unencoded special characters, path_prefix,
// and parameter names whose byte order differs from a name sort or a localeCompare sort.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appProxySignedMessage, verifyAppProxyQuery } from "~/shopify/app-proxy-signature.server";
import { appProxyMessage, appProxySignature, forwardedProxyQuery } from "../../simulator/app-proxy";

// The page's example: shared secret "hush", a request for /apps/awesome_reviews/extra/path/components
// ?extra=1&extra=2 from customer 1. The page now writes the shop as "{shop}.myshopify.com"; its
// digest is the one of the earlier revision's "shop-name.myshopify.com".
const DOC = {
  secret: "hush",
  forwarded:
    "extra=1&extra=2&shop=shop-name.myshopify.com&logged_in_customer_id=1&path_prefix=%2Fapps%2Fawesome_reviews&timestamp=1317327555&signature=4c68c8624d737112c91818c11017d24d334b524cb5c2b8ba08daa056f7395ddb",
  message: "extra=1,2logged_in_customer_id=1path_prefix=/apps/awesome_reviewsshop=shop-name.myshopify.comtimestamp=1317327555",
  at: new Date(1317327555 * 1000),
};

const SECRET = "app-proxy-secret";
const NOW = new Date("2026-11-20T10:00:00Z");

/** What Shopify forwards for a storefront query (the documented signer). */
function forwarded(storefrontQuery: string, options: { customerId?: string | null; pathPrefix?: string; shop?: string; now?: Date; secret?: string } = {}) {
  return forwardedProxyQuery(storefrontQuery, {
    shop: options.shop ?? "shop-a.myshopify.com",
    pathPrefix: options.pathPrefix ?? "/apps/crossdock",
    customerId: options.customerId,
    secret: options.secret ?? SECRET,
    now: options.now ?? NOW,
  });
}

const check = (rawQuery: string, now = NOW) => verifyAppProxyQuery(new URLSearchParams(rawQuery), SECRET, now);

describe("the documented signer (simulator/app-proxy.ts)", () => {
  it("AP-1: reproduces the page's signed message and signature", () => {
    expect(appProxyMessage(DOC.forwarded)).toBe(DOC.message);
    expect(appProxySignature(DOC.forwarded, DOC.secret)).toBe(new URLSearchParams(DOC.forwarded).get("signature"));
  });

  it("AP-2: forwards the shopper's query with shop, logged_in_customer_id, path_prefix, timestamp and signature appended", () => {
    expect(forwarded("extra=1&extra=2", { shop: "shop-name.myshopify.com", pathPrefix: "/apps/awesome_reviews", customerId: "1", now: DOC.at, secret: DOC.secret })).toBe(
      DOC.forwarded,
    );
    // A guest: logged_in_customer_id is present and empty, and signed as "logged_in_customer_id=".
    const guest = forwarded("variant=1");
    expect(new URLSearchParams(guest).get("logged_in_customer_id")).toBe("");
    expect(appProxyMessage(guest)).toContain("logged_in_customer_id=path_prefix=/apps/crossdock");
  });

  it("AP-3: signs values unencoded, repeated values joined with commas, strings sorted by bytes", () => {
    expect(appProxyMessage("b=x%2Cy&a=1&a=2&note=C%E1%BB%ADa+h%C3%A0ng%20%26%20co%3D1&path_prefix=%2Fa%2Ftrack")).toBe(
      "a=1,2b=x,ynote=Cửa hàng & co=1path_prefix=/a/track",
    );
    // "a1=" sorts before "a=" ("1" is 0x31, "=" is 0x3D), "Size" before "color", "filter.v" before "filter_x".
    expect(appProxyMessage("a=1&a1=2&color=red&Size=M&filter_x=1&filter.v.price.gte=10")).toBe(
      "Size=Ma1=2a=1color=redfilter.v.price.gte=10filter_x=1",
    );
  });
});

describe("Crossdock's check against the documented signer", () => {
  it("accepts the page's example", () => {
    expect(verifyAppProxyQuery(new URLSearchParams(DOC.forwarded), DOC.secret, DOC.at)).toEqual({
      ok: true,
      shop: "shop-name.myshopify.com",
      customerId: "1",
      pathPrefix: "/apps/awesome_reviews",
      timestamp: 1317327555,
    });
  });

  const genuine: [string, string, Parameters<typeof forwarded>[1]?][] = [
    ["a plain availability request", "variant=1001&lat=40.7&lon=-73.9"],
    ["repeated parameters, one holding a comma", "tag=a&tag=b&tag=c%2Cd"],
    ["special characters (encoded &, =, %, +, spaces, Vietnamese, Chinese, emoji)", "q=Cửa+hàng%20上海%20%26%20co%3D1%25&emoji=%F0%9F%93%A6"],
    ["a parameter without a value, and an empty one", "flag&empty="],
    ["names whose byte order differs from a name or localeCompare sort", "a=1&a1=2&color=red&Size=M&filter_x=1&filter.v.price.gte=10&filter.p.m.custom.a=3"],
    ["a merchant's own path_prefix", "variant=1", { pathPrefix: "/community/stock-and-pickup" }],
    ["a signed-in customer", "variant=1", { customerId: "7012345678901" }],
    ["a timestamp 60 s old", "variant=1", { now: new Date(NOW.getTime() - 60_000) }],
  ];

  it.each(genuine)("AP-4: accepts %s", (_name, query, options) => {
    const signed = forwarded(query, options);
    const verdict = check(signed);
    expect(verdict.ok).toBe(true);
    // The message the check computes is the documented one, byte for byte.
    expect(appProxySignedMessage(new URLSearchParams(signed))).toBe(appProxyMessage(signed));
  });

  it("AP-4: sorts as Shopify does for any parameter names (fails when the check sorts by name, case-insensitively or with localeCompare)", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_.\-[\]~ạ上]{1,6}$/).filter((n) => !["shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"].includes(n));
    const value = fc.string({ maxLength: 8, unit: fc.constantFrom("a", "Z", "0", ",", "&", "=", "%", "+", " ", "/", "ư", "上") });
    fc.assert(
      fc.property(fc.array(fc.tuple(name, value), { maxLength: 8 }), (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const signed = forwarded(query);
        expect(appProxySignedMessage(new URLSearchParams(signed))).toBe(appProxyMessage(signed));
        expect(check(signed).ok).toBe(true);
      }),
      { numRuns: 300, seed: 20261120 },
    );
  });

  const refused: [string, () => string, string][] = [
    ["a changed value", () => forwarded("variant=1001").replace("variant=1001", "variant=1002"), "mismatch"],
    ["another shop", () => forwarded("variant=1").replace("shop=shop-a", "shop=shop-z"), "mismatch"],
    ["an added parameter", () => `${forwarded("variant=1")}&admin=1`, "mismatch"],
    ["a dropped repeated value", () => forwarded("tag=a&tag=b").replace("tag=b&", ""), "mismatch"],
    ["another secret", () => forwarded("variant=1", { secret: "not-the-secret" }), "mismatch"],
    ["no signature", () => forwarded("variant=1").replace(/&signature=.*$/, ""), "unsigned"],
    ["a signature that is not hex", () => forwarded("variant=1").replace(/signature=.*$/, "signature=zz"), "mismatch"],
    ["a timestamp 10 minutes old", () => forwarded("variant=1", { now: new Date(NOW.getTime() - 600_000) }), "stale"],
    ["a timestamp 10 minutes ahead", () => forwarded("variant=1", { now: new Date(NOW.getTime() + 600_000) }), "stale"],
    ["a shop that is not a myshopify.com domain", () => forwarded("variant=1", { shop: "evil.example.com" }), "bad-shop"],
  ];

  it.each(refused)("refuses %s", (_name, make, reason) => {
    expect(check(make())).toEqual({ ok: false, reason });
  });

  it("refuses a second logged_in_customer_id or shop even when the documented signature over it is valid", () => {
    // A shopper typing ?logged_in_customer_id=5 must never become customer 5: if such a query were
    // forwarded with Shopify's own (empty) value appended, its signature would still verify.
    const unsigned = "variant=1&logged_in_customer_id=5&shop=shop-a.myshopify.com&logged_in_customer_id=&path_prefix=%2Fapps%2Fcrossdock&timestamp=" + Math.floor(NOW.getTime() / 1000);
    const impersonation = `${unsigned}&signature=${appProxySignature(unsigned, SECRET)}`;
    expect(check(impersonation)).toEqual({ ok: false, reason: "repeated" });
    const twoShops = `${unsigned.replace("logged_in_customer_id=5&", "shop=shop-b.myshopify.com&")}`;
    expect(check(`${twoShops}&signature=${appProxySignature(twoShops, SECRET)}`)).toEqual({ ok: false, reason: "repeated" });
  });
});
