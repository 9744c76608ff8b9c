// The Node-level hot path `npm start` puts before Express and Remix (app/http/hot-paths.server.ts):
// it takes GET/HEAD of the availability endpoint, answers it with the endpoint's own function, and
// hands everything else on untouched.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestShop, resetDatabase } from "../setup/db";

const SECRET = "hot-path-secret";
Object.assign(process.env, { SHOPIFY_API_KEY: "hot-key", SHOPIFY_API_SECRET: SECRET, SHOPIFY_APP_URL: "https://crossdock.example.com", LOG_LEVEL: "silent" });
const { hotPath } = await import("~/http/hot-paths.server");
const { signedProxyQuery } = await import("~/shopify/app-proxy-signature.server");
const { configureAvailabilityCache } = await import("~/services/availability-cache.server");

let server: Server;
let base: string;
const domain = "hot-adapter-shop.myshopify.com";

beforeAll(async () => {
  await resetDatabase();
  configureAvailabilityCache("reset");
  await createTestShop({ domain });
  server = createServer((req, res) => {
    if (hotPath(req, res)) return;
    res.statusCode = 418;
    res.end(`fell through: ${req.method} ${req.url}`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const signed = (query: Record<string, string>) =>
  signedProxyQuery(new URLSearchParams(query), { shop: domain, pathPrefix: "/apps/crossdock", secret: SECRET }).toString();

describe("hotPath", () => {
  it("answers GET /proxy/availability itself, with the endpoint's status, headers and JSON", async () => {
    const response = await fetch(`${base}/proxy/availability?${signed({ variant: "1" })}`);
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-length")).toBe(String(JSON.stringify({ error: "Crossdock has no stock record of this variant" }).length));
    expect(await response.json()).toEqual({ error: "Crossdock has no stock record of this variant" });
    const unsigned = await fetch(`${base}/proxy/availability?variant=1&shop=${domain}`);
    expect(unsigned.status).toBe(401);
    const head = await fetch(`${base}/proxy/availability?${signed({ variant: "x" })}`, { method: "HEAD" });
    expect([head.status, await head.text()]).toEqual([400, ""]);
  });

  it("hands on other methods, other paths and look-alike paths", async () => {
    for (const [method, path] of [
      ["POST", `/proxy/availability?${signed({ variant: "1" })}`],
      ["GET", "/proxy/availability/extra"],
      ["GET", "/proxy/availabilityx"],
      ["GET", "/proxy/portal"],
      ["GET", "/"],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(418);
      expect(await response.text()).toBe(`fell through: ${method} ${path}`);
    }
  });
});
