// The `shop` parameter the Shopify library copies into response headers (app/http/host-param.ts):
// what cannot be a header value is refused before the library sees it (found by the bad-input
// property test: a lone surrogate answered 500 on /auth/session-token).
import { describe, expect, it } from "vitest";
import { unusableShopParam } from "~/http/host-param";

const withShop = (raw: string) => new URL(`https://crossdock.example.com/auth/session-token?shop=${raw}`);

describe("unusableShopParam", () => {
  it("accepts a shop domain and a missing parameter", () => {
    expect(unusableShopParam(withShop("crossdock-demo.myshopify.com"))).toBe(false);
    expect(unusableShopParam(new URL("https://crossdock.example.com/auth/session-token"))).toBe(false);
  });

  it("refuses control characters, a lone surrogate (U+FFFD once decoded) and anything beyond printable ASCII", () => {
    for (const raw of ["a%00b", "a%0Ab", "a%7Fb", "x%ED%A0%80y", "caf%C3%A9.myshopify.com", encodeURIComponent("商店.myshopify.com")]) {
      expect(unusableShopParam(withShop(raw)), raw).toBe(true);
    }
    // Each of these is something Headers.set refuses, or a line break it would split on.
    expect(() => new Headers().set("x", new URL(withShop("x%ED%A0%80y")).searchParams.get("shop")!)).toThrow();
  });
});
