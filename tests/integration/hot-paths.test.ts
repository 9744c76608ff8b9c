// The Node-level hot paths `npm start` puts before Express and Remix (app/http/hot-paths.server.ts):
// made from the routes whose loader or action is one of the hot endpoints, they answer those paths
// and methods with the endpoint's own function and hand everything else on untouched.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobDriver } from "~/queue/driver";
import { createTestShop, resetDatabase } from "../setup/db";

const SECRET = "hot-path-secret";
Object.assign(process.env, { SHOPIFY_API_KEY: "hot-key", SHOPIFY_API_SECRET: SECRET, SHOPIFY_APP_URL: "https://crossdock.example.com", LOG_LEVEL: "silent" });
const { createHotPath } = await import("~/http/hot-paths.server");
const { MAX_WEBHOOK_BODY_BYTES, webhookAction } = await import("~/http/webhook-endpoint.server");
const { prisma } = await import("~/db.server");
const { installJobDriver } = await import("~/queue/handle.server");
const { createHmac, randomUUID } = await import("node:crypto");

// A server build's route manifest, with real route modules.
const routeModule = (path: string) => import(`../../app/routes/${path}.tsx`) as Promise<{ loader?: unknown; action?: unknown }>;
// The one webhook route module, mounted at each subscription's uri (app/route-mounts.ts).
const webhookRoute = await import("~/http/webhook-route");
const routes = {
  root: { id: "root", path: "", module: {} },
  "routes/proxy.availability": { id: "routes/proxy.availability", parentId: "root", path: "proxy/availability", module: await routeModule("proxy.availability") },
  "routes/webhooks.orders.create": { id: "routes/webhooks.orders.create", parentId: "root", path: "webhooks/orders/create", module: webhookRoute },
  "routes/webhooks.inventory_levels.update": { id: "routes/webhooks.inventory_levels.update", parentId: "root", path: "webhooks/inventory_levels/update", module: webhookRoute },
  "routes/portal.$shop._index": { id: "routes/portal.$shop._index", parentId: "root", path: "portal/:shop", module: await routeModule("portal.$shop._index") },
  "routes/app": { id: "routes/app", parentId: "root", path: "app", module: await routeModule("app") },
} as unknown as Parameters<typeof createHotPath>[0];
const hotPath = createHotPath(routes);
const enqueued: string[] = [];
const { signedProxyParams } = await import("../../simulator/app-proxy");
const { configureAvailabilityCache } = await import("~/services/availability-cache.server");

let server: Server;
let base: string;
const domain = "hot-adapter-shop.myshopify.com";

beforeAll(async () => {
  await resetDatabase();
  configureAvailabilityCache("reset");
  await createTestShop({ domain });
  // Only enqueueDelivery is reached from a webhook endpoint; the queue itself is tested in tests/integration/pipeline.
  installJobDriver({ kind: "inline", enqueueDelivery: async (d: { webhookId: string }) => void enqueued.push(d.webhookId) } as unknown as JobDriver);
  server = createServer((req, res) => {
    if (hotPath(req, res)) return;
    res.statusCode = 418;
    res.end(`fell through: ${req.method} ${req.url}`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  installJobDriver(undefined);
  await new Promise<void>((r) => server.close(() => r()));
});

const signed = (query: Record<string, string>) =>
  signedProxyParams(new URLSearchParams(query), { shop: domain, pathPrefix: "/apps/crossdock", secret: SECRET }).toString();

function webhook(body: string, secret = SECRET, webhookId = randomUUID()): RequestInit {
  return {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Hmac-Sha256": createHmac("sha256", secret).update(body, "utf8").digest("base64"),
      "X-Shopify-Shop-Domain": domain,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": webhookId,
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
    body,
  };
}

describe("createHotPath", () => {
  it("takes the paths of the routes whose loader or action is a hot endpoint, and only those", () => {
    expect(hotPath.paths).toEqual(["/proxy/availability", "/webhooks/inventory_levels/update", "/webhooks/orders/create"]);
  });

  it("stores a signed webhook delivery and answers 200; a bad HMAC is 401 and nothing is written", async () => {
    const id = randomUUID();
    const ok = await fetch(`${base}/webhooks/orders/create`, webhook(JSON.stringify({ id: 1, name: "#1001" }), SECRET, id));
    expect([ok.status, await ok.text()]).toEqual([200, ""]);
    const stored = await prisma.webhookDelivery.findMany({ where: { shop: domain } });
    expect(stored.map((d) => [d.topic, d.webhookId, d.payload])).toEqual([["orders/create", id, { id: 1, name: "#1001" }]]);
    expect(enqueued).toEqual([id]);

    const forged = await fetch(`${base}/webhooks/orders/create`, webhook(JSON.stringify({ id: 2 }), "not-the-secret"));
    expect(forged.status).toBe(401);
    const notJson = await fetch(`${base}/webhooks/orders/create`, webhook("{not json"));
    expect(notJson.status).toBe(400);
    expect(await prisma.webhookDelivery.count({ where: { shop: domain } })).toBe(1);
    expect(enqueued).toHaveLength(1);
  });

  it("refuses a body above the limit with 413, on the hot path and through the Remix route, storing nothing", async () => {
    const big = JSON.stringify({ note: "x".repeat(MAX_WEBHOOK_BODY_BYTES) });
    const before = await prisma.webhookDelivery.count();
    // The hot path answers from the declared length and closes the connection; a client still
    // uploading may see the connection reset instead of reading the 413.
    const status = await fetch(`${base}/webhooks/orders/create`, webhook(big)).then((r) => r.status, () => "connection closed");
    expect([413, "connection closed"]).toContain(status);
    // The route (a path Remix matches but the hot path does not, e.g. with a trailing slash, and the
    // dev server) streams the body and stops at the limit.
    const init = webhook(big);
    const stream = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(big)), c.close()) });
    const routed = await webhookAction({ request: new Request("https://crossdock.example.com/webhooks/orders/create/", { ...init, body: stream, duplex: "half" } as RequestInit), params: {}, context: {} });
    expect(routed.status).toBe(413);
    expect(await prisma.webhookDelivery.count()).toBe(before);
  });

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
      ["GET", "/webhooks/orders/create"],
      ["POST", "/webhooks/orders/cancelled"],
      ["GET", `/portal/${domain}`],
      ["GET", "/app"],
    ] as const) {
      const response = await fetch(`${base}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(418);
      expect(await response.text()).toBe(`fell through: ${method} ${path}`);
    }
  });
});
