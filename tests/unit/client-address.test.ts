// Who is asking (app/http/client-address.server.ts): the socket address, the entry the outermost
// trusted proxy appended, Shopify's forwarded shopper through the app proxy; never a client's own
// X-Forwarded-For entries, never a shared fallback.
import { once } from "node:events";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress, NoPeerAddress, PEER_ADDRESS_HEADER, stampPeerAddress } from "~/http/client-address.server";
import { parseEnv } from "~/env.server";

const req = (peer: string | null, forwardedFor?: string) => {
  const headers = new Headers();
  if (peer !== null) headers.set(PEER_ADDRESS_HEADER, peer);
  if (forwardedFor !== undefined) headers.set("X-Forwarded-For", forwardedFor);
  return new Request("https://crossdock.example.com/portal/x", { headers });
};

describe("clientAddress", () => {
  it("is the socket address by default, whatever X-Forwarded-For says", () => {
    expect(clientAddress(req("198.51.100.1", "6.6.6.6"), { trustedProxies: 0 })).toBe("198.51.100.1");
    expect(clientAddress(req("::ffff:198.51.100.1"), { trustedProxies: 0 })).toBe("198.51.100.1");
    expect(clientAddress(req("2001:DB8::1"), { trustedProxies: 0 })).toBe("2001:db8::1");
  });

  it("behind N trusted proxies, is the entry the outermost appended (counted from the right)", () => {
    const forwarded = "6.6.6.6, 203.0.113.5, 10.0.0.2";
    expect(clientAddress(req("10.0.0.1", forwarded), { trustedProxies: 1 })).toBe("10.0.0.2");
    expect(clientAddress(req("10.0.0.1", forwarded), { trustedProxies: 2 })).toBe("203.0.113.5");
    // Fewer entries than proxies: the furthest one there is (as Express's numeric trust proxy).
    expect(clientAddress(req("10.0.0.1", "203.0.113.5"), { trustedProxies: 3 })).toBe("203.0.113.5");
    expect(clientAddress(req("10.0.0.1"), { trustedProxies: 1 })).toBe("10.0.0.1");
    // A trusted hop that wrote garbage: the last good address before it.
    expect(clientAddress(req("10.0.0.1", "203.0.113.5, not-an-ip"), { trustedProxies: 2 })).toBe("10.0.0.1");
  });

  it("through Shopify's app proxy, is the shopper Shopify forwards (one more trusted hop)", () => {
    expect(clientAddress(req("23.227.38.32", "6.6.6.6, 203.0.113.9"), { trustedProxies: 0, viaShopifyAppProxy: true })).toBe("203.0.113.9");
    expect(clientAddress(req("10.0.0.1", "6.6.6.6, 203.0.113.9, 23.227.38.32"), { trustedProxies: 1, viaShopifyAppProxy: true })).toBe("203.0.113.9");
  });

  it("refuses to guess when the server did not stamp the socket address", () => {
    expect(() => clientAddress(req(null, "203.0.113.9"), { trustedProxies: 1 })).toThrow(NoPeerAddress);
    expect(() => clientAddress(req("unknown"), { trustedProxies: 0 })).toThrow(NoPeerAddress);
  });

  it("stampPeerAddress overwrites what a client sent under the header's name (real HTTP)", async () => {
    const seen: string[] = [];
    const server = createServer((incoming, res) => {
      stampPeerAddress(incoming);
      seen.push(String(incoming.headers[PEER_ADDRESS_HEADER]));
      res.end();
    }).listen(0, "127.0.0.1");
    await once(server, "listening");
    try {
      const { port } = server.address() as AddressInfo;
      await new Promise<void>((resolve, reject) => {
        httpRequest({ host: "127.0.0.1", port, headers: { [PEER_ADDRESS_HEADER]: "203.0.113.66" } }, (res) => {
          res.resume();
          res.on("end", resolve);
        })
          .on("error", reject)
          .end();
      });
      expect(seen).toEqual(["127.0.0.1"]);
    } finally {
      server.close();
    }
  });
});

describe("TRUSTED_PROXY_COUNT", () => {
  const base = { SHOPIFY_API_KEY: "k", SHOPIFY_API_SECRET: "s", SHOPIFY_APP_URL: "https://crossdock.example.com", NODE_ENV: "test" };
  it("defaults to 0 and takes a whole number of proxies", () => {
    expect(parseEnv(base).TRUSTED_PROXY_COUNT).toBe(0);
    expect(parseEnv({ ...base, TRUSTED_PROXY_COUNT: "2" }).TRUSTED_PROXY_COUNT).toBe(2);
  });
  it.each(["-1", "1.5", "many", "11"])("refuses %j with a message naming it", (value) => {
    expect(() => parseEnv({ ...base, TRUSTED_PROXY_COUNT: value })).toThrow(/TRUSTED_PROXY_COUNT/);
  });
});
