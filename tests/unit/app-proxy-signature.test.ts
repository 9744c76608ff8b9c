// The demo's storefront harness and the benchmarks sign app-proxy requests as Shopify's proxy does
// (app/shopify/app-proxy-signature.server.ts). Held to @shopify/shopify-api, which checks them in
// authenticate.public.appProxy: what we sign it accepts, what is tampered with it refuses, and our
// signature equals the one its own test helper makes.
import "@shopify/shopify-api/adapters/node";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { appProxySignature, signedProxyQuery } from "~/shopify/app-proxy-signature.server";
import { shopifyApiForTests } from "../setup/shopify-api";

const SECRET = "app-proxy-secret";
const shopify = shopifyApiForTests(SECRET);

async function libraryAccepts(query: URLSearchParams): Promise<boolean> {
  try {
    return await shopify.utils.validateHmac(query, { signator: "appProxy" });
  } catch {
    return false; // the library throws on a missing signature, a bad timestamp or a repeated key
  }
}

function signed(extra: [string, string][] = [], now?: Date): URLSearchParams {
  return signedProxyQuery(new URLSearchParams(extra), { shop: "shop-a.myshopify.com", pathPrefix: "/apps/crossdock", secret: SECRET, now });
}

describe("signedProxyQuery", () => {
  it("signs as the library's own test helper does", async () => {
    const request = await setUpValidRequest(
      { type: RequestType.Public, store: "shop-b", apiSecretKey: SECRET },
      new Request("https://crossdock.example.com/proxy/availability?variant=1001&lat=40.7&lon=-73.9"),
    );
    const query = new URL(request.url).searchParams;
    expect(appProxySignature(query, SECRET)).toBe(query.get("signature"));
  });

  const cases: [string, boolean, () => URLSearchParams][] = [
    ["a signed query", true, () => signed([["variant", "1001"], ["note", "Cửa hàng 上海 & co=1"]])],
    ["repeated shopper parameters (joined with commas)", true, () => signed([["tag", "a"], ["tag", "b"], ["tag", "c,d"]])],
    ["a timestamp 60 s old", true, () => signed([], new Date(Date.now() - 60_000))],
    ["a changed value", false, () => { const q = signed([["variant", "1001"]]); q.set("variant", "1002"); return q; }],
    ["another shop", false, () => { const q = signed(); q.set("shop", "shop-z.myshopify.com"); return q; }],
    ["an added parameter", false, () => { const q = signed(); q.append("admin", "1"); return q; }],
    ["a signature made with another secret", false, () => { const q = signed(); q.set("signature", appProxySignature(q, "other")); return q; }],
    ["a timestamp 10 minutes old", false, () => signed([], new Date(Date.now() - 600_000))],
  ];

  it.each(cases)("%s: accepted by the library = %s", async (_name, valid, make) => {
    expect(await libraryAccepts(make())).toBe(valid);
  });
});
