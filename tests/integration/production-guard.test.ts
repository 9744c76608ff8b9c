import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { freePort, startProcess, waitForHttp } from "../../scripts/lib/processes";
import { signedProxyParams } from "../../simulator/app-proxy";
import { createTestShop, resetDatabase } from "../setup/db";
import { productionBuild, ROOT as root } from "../support/production-build";

// The production build, started the way a host starts it, must refuse demo mode outright and
// must not expose any demo route when demo mode is off.
let serverEntry: string;
/** Started as `npm start` starts it: the production server (scripts/serve.ts) on the build. */
const startServer = (env: Record<string, string | undefined>) =>
  startProcess(process.execPath, ["--import", "tsx", join(root, "scripts", "serve.ts"), serverEntry], env, root);

const realApp = {
  SHOPIFY_API_KEY: "prod-key",
  SHOPIFY_API_SECRET: "prod-secret",
  SHOPIFY_APP_URL: "https://crossdock.example.com",
  DATABASE_URL: process.env.DATABASE_URL,
  PORTAL_SECRET: "prod-portal-secret-0123456789abcdef",
  LOG_LEVEL: "error",
};

beforeAll(async () => {
  serverEntry = join(await productionBuild(), "server", "index.js");
}, 300_000);

async function expectRefusal(env: Record<string, string | undefined>, message: RegExp) {
  const port = await freePort();
  const server = startServer({ ...env, PORT: String(port) });
  const code = await Promise.race([server.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 20_000))]);
  await server.stop();
  expect(code, server.output()).not.toBe("running");
  expect(code).not.toBe(0);
  expect(server.output()).toMatch(message);
}

describe("the production build", () => {
  it("answers the availability endpoint and every webhook subscription before Remix (hot paths), as the routes do", async () => {
    await resetDatabase();
    const domain = "hot-path-shop.myshopify.com";
    const shop = await createTestShop({ domain });
    const { upsertLocationsFromShopify } = await import("~/models/locations.server");
    const { upsertInventoryLevel } = await import("~/models/inventory.server");
    await upsertLocationsFromShopify(shop, [
      { shopifyId: "gid://shopify/Location/1", legacyResourceId: "1", name: "SoHo", city: "New York", countryCode: "US", latitude: 40.7254, longitude: -73.9987, isActive: true, fulfillsOnlineOrders: true, pickupEnabled: true, pickupTime: "TWO_HOURS" },
    ]);
    await upsertInventoryLevel(shop, { inventoryItemId: "gid://shopify/InventoryItem/7", locationShopifyId: "gid://shopify/Location/1", variantId: "gid://shopify/ProductVariant/7", available: 9, onHand: 9, shopifyUpdatedAt: new Date() });
    const port = await freePort();
    const server = startServer({ ...realApp, LOG_LEVEL: "info", NODE_ENV: "production", PORT: String(port) });
    const url = (query: Record<string, string>) =>
      `http://127.0.0.1:${port}/proxy/availability?${signedProxyParams(new URLSearchParams(query), { shop: domain, pathPrefix: "/apps/crossdock", secret: realApp.SHOPIFY_API_SECRET })}`;
    try {
      await waitForHttp(`http://127.0.0.1:${port}/`, 30_000, server);
      // Every webhook subscription's URI and the availability endpoint are hot in the real build.
      const line = server.output().split("\n").find((l) => l.includes("hot paths answered before Express and Remix"));
      const subscribed = [...readFileSync(join(root, "shopify.app.toml"), "utf8").matchAll(/^\s*uri = "(\/webhooks\/[^"]+)"/gm)].map((m) => m[1]);
      expect(subscribed.length).toBeGreaterThan(10);
      expect((JSON.parse(line!) as { paths: string[] }).paths.sort()).toEqual(["/proxy/availability", ...subscribed].sort());
      const ok = await fetch(url({ variant: "7", lat: "40.72", lon: "-73.99" }));
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toBe("application/json; charset=utf-8");
      expect(ok.headers.get("cache-control")).toBe("public, max-age=10, stale-while-revalidate=30");
      const body = (await ok.json()) as { variantId: string; locations: { name: string; status: string }[] };
      expect(body.variantId).toBe("gid://shopify/ProductVariant/7");
      expect(body.locations.map((l) => [l.name, l.status])).toEqual([["SoHo", "in_stock"]]);
      const etag = ok.headers.get("etag")!;
      const again = await fetch(url({ variant: "7", lat: "40.72", lon: "-73.99" }), { headers: { "If-None-Match": etag } });
      expect(again.status).toBe(304);
      const head = await fetch(url({ variant: "7" }), { method: "HEAD" });
      expect([head.status, await head.text()]).toEqual([200, ""]);
      const bad = await fetch(url({ variant: "shoe" }));
      expect([bad.status, await bad.json()]).toEqual([400, { error: "variant must be a numeric id or a ProductVariant GID" }]);
      const unknown = await fetch(url({ variant: "8" }));
      expect(unknown.status).toBe(404);
      // Anything but GET/HEAD goes on to Remix, whose route only has a loader.
      expect((await fetch(url({ variant: "7" }), { method: "POST" })).status).toBe(405);
    } finally {
      await server.stop();
    }
  });

  it("refuses framing of portal pages (app host and app proxy), keeps the admin framable by Shopify admin, and answers GET on webhooks with 405", async () => {
    await resetDatabase();
    const domain = "framing-shop.myshopify.com";
    await createTestShop({ domain, timezone: "UTC" });
    const port = await freePort();
    const server = startServer({ ...realApp, NODE_ENV: "production", PORT: String(port) });
    const base = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${base}/`, 30_000, server);
      const signed = signedProxyParams(new URLSearchParams(), { shop: domain, pathPrefix: "/apps/crossdock", secret: realApp.SHOPIFY_API_SECRET });
      // ?shop= on the app-host page must not open it to that shop's frames (the library would allow them).
      for (const path of [`/portal/${domain}`, `/portal/${domain}?shop=${domain}`, `/proxy/portal?${signed}`, "/portal/unknown-shop.myshopify.com"]) {
        const page = await fetch(`${base}${path}`);
        expect([200, 404], path).toContain(page.status);
        if (page.headers.get("content-type")?.startsWith("text/html")) {
          expect(page.headers.get("content-security-policy"), path).toBe("frame-ancestors 'none'");
          expect(page.headers.get("x-frame-options"), path).toBe("DENY");
        }
      }
      const lookup = await fetch(`${base}/portal/${domain}`);
      expect(lookup.status).toBe(200);
      expect(lookup.headers.get("content-type")).toMatch(/^text\/html/);
      // The embedded admin keeps the library's frame-ancestors for the shop and Shopify admin.
      const admin = await fetch(`${base}/app?shop=${domain}&embedded=1&host=${Buffer.from(`admin.shopify.com/store/framing-shop`).toString("base64url")}`, { redirect: "manual" });
      const csp = admin.headers.get("content-security-policy");
      if (csp) expect(csp).toContain("https://admin.shopify.com");
      expect(admin.headers.get("x-frame-options")).toBeNull();
      for (const topic of ["orders/create", "shop/redact", "customers/data_request"]) {
        const get = await fetch(`${base}/webhooks/${topic}`);
        expect([get.status, get.headers.get("allow")], topic).toEqual([405, "POST"]);
      }
    } finally {
      await server.stop();
    }
  });

  it("refuses to start in demo mode with NODE_ENV=production", async () => {
    await expectRefusal(
      { ...realApp, NODE_ENV: "production", CROSSDOCK_DEMO: "1", SHOPIFY_APP_URL: "http://localhost:3000", SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:3100" },
      /demo mode can never run with NODE_ENV=production/,
    );
  });

  it("refuses to start in demo mode with a real Shopify app URL", async () => {
    await expectRefusal(
      { ...realApp, NODE_ENV: "development", CROSSDOCK_DEMO: "1", SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:3100" },
      /demo mode needs a local SHOPIFY_APP_URL/,
    );
  });

  it("refuses to start without its required configuration, naming what is missing", async () => {
    await expectRefusal({ NODE_ENV: "production", SHOPIFY_APP_URL: "https://crossdock.example.com" }, /SHOPIFY_API_SECRET/);
  });

  it("starts normally without demo mode, and every demo route is a 404", async () => {
    const port = await freePort();
    const server = startServer({ ...realApp, NODE_ENV: "production", PORT: String(port) });
    try {
      await waitForHttp(`http://127.0.0.1:${port}/`, 30_000, server);
      const landing = await fetch(`http://127.0.0.1:${port}/`);
      expect(landing.status).toBe(200);
      expect(await landing.text()).not.toContain("Open the demo admin");
      for (const method of ["GET", "POST"]) {
        for (const path of ["/demo/login", "/demo/storefront/", "/demo/storefront/cart.js", "/demo/storefront/cart/update.js", "/demo/storefront/apps/crossdock/availability"]) {
          const demo = await fetch(`http://127.0.0.1:${port}${path}`, { method, redirect: "manual" });
          expect(demo.status, `${method} ${path}`).toBe(404);
        }
      }
      // The storefront endpoint itself exists, and refuses what Shopify's proxy did not sign.
      const unsigned = await fetch(`http://127.0.0.1:${port}/proxy/availability?variant=1&shop=x.myshopify.com`);
      expect(unsigned.status).toBe(401);
      expect(await unsigned.json()).toEqual({ error: "The request is not signed by Shopify's app proxy" });
      // The admin itself still goes through Shopify's normal authentication.
      const admin = await fetch(`http://127.0.0.1:${port}/app`, { redirect: "manual" });
      expect([302, 400, 401, 410]).toContain(admin.status);
      expect(admin.headers.get("set-cookie") ?? "").not.toContain("shopify_app_session");
    } finally {
      await server.stop();
    }
  });
});
