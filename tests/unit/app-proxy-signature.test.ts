// Crossdock verifies app-proxy signatures on node:crypto (synchronously, on the storefront's hot
// path). These tests hold it to @shopify/shopify-api: signed by the library's own test helper, and
// the same verdict as the library's validateHmac on valid, tampered and malformed queries.
import "@shopify/shopify-api/adapters/node";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { shopifyApiForTests } from "../setup/shopify-api";
import { appProxySignature, signedProxyQuery, verifyAppProxyQuery } from "~/shopify/app-proxy-signature.server";

const SECRET = "app-proxy-secret";
const shopify = shopifyApiForTests(SECRET);

async function libraryVerdict(query: URLSearchParams): Promise<boolean> {
  try {
    return await shopify.utils.validateHmac(query, { signator: "appProxy" });
  } catch {
    return false; // the library throws on a missing signature, a bad timestamp or a repeated key
  }
}

function signed(extra: [string, string][] = [], now?: Date): URLSearchParams {
  return signedProxyQuery(new URLSearchParams(extra), { shop: "shop-a.myshopify.com", pathPrefix: "/apps/crossdock", secret: SECRET, now });
}

describe("verifyAppProxyQuery", () => {
  it("accepts what the library's own test helper signs, and names the shop", async () => {
    const request = await setUpValidRequest(
      { type: RequestType.Public, store: "shop-b", apiSecretKey: SECRET },
      new Request("https://crossdock.example.com/proxy/availability?variant=1001&lat=40.7&lon=-73.9"),
    );
    const query = new URL(request.url).searchParams;
    expect(verifyAppProxyQuery(query, SECRET)).toEqual({ ok: true, shop: "shop-b.myshopify.com" });
    expect(await libraryVerdict(query)).toBe(true);
  });

  const cases: [string, boolean, () => URLSearchParams][] = [
    ["a valid query", true, () => signed([["variant", "1001"], ["note", "Cửa hàng 上海 & co=1"]])],
    ["repeated shopper parameters (joined with commas)", true, () => signed([["tag", "a"], ["tag", "b"], ["tag", "c,d"]])],
    ["a changed value", false, () => { const q = signed([["variant", "1001"]]); q.set("variant", "1002"); return q; }],
    ["another shop", false, () => { const q = signed(); q.set("shop", "shop-z.myshopify.com"); return q; }],
    ["an added parameter", false, () => { const q = signed(); q.append("admin", "1"); return q; }],
    ["no signature", false, () => { const q = signed(); q.delete("signature"); return q; }],
    ["an empty signature", false, () => { const q = signed(); q.set("signature", ""); return q; }],
    ["the signature twice", false, () => { const q = signed(); q.append("signature", q.get("signature")!); return q; }],
    ["the shop twice", false, () => { const q = signed(); q.append("shop", "shop-a.myshopify.com"); return q; }],
    ["a signature in capitals", false, () => { const q = signed(); q.set("signature", q.get("signature")!.toUpperCase()); return q; }],
    ["a signature made with another secret", false, () => { const q = signed(); q.set("signature", appProxySignature(q, "other")); return q; }],
    ["a timestamp 10 minutes old", false, () => signed([], new Date(Date.now() - 600_000))],
    ["a timestamp 60 s old", true, () => signed([], new Date(Date.now() - 60_000))],
    ["a timestamp 10 minutes ahead", false, () => signed([], new Date(Date.now() + 600_000))],
    ["no timestamp", false, () => { const q = signed(); q.delete("timestamp"); q.set("signature", appProxySignature(q, SECRET)); return q; }],
  ];

  it.each(cases)("gives the library's verdict on %s (valid: %s)", async (_name, valid, make) => {
    const query = make();
    expect(await libraryVerdict(query)).toBe(valid);
    expect(verifyAppProxyQuery(query, SECRET).ok).toBe(valid);
  });

  it("says why it refuses", () => {
    const old = signed([], new Date(Date.now() - 600_000));
    expect(verifyAppProxyQuery(old, SECRET)).toEqual({ ok: false, reason: "timestamp outside the permitted clock tolerance" });
    const tampered = signed();
    tampered.set("path_prefix", "/apps/other");
    expect(verifyAppProxyQuery(tampered, SECRET)).toEqual({ ok: false, reason: "signature mismatch" });
  });
});
