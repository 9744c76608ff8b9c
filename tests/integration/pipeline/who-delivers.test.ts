// Who may fill the webhook inbox: after the HMAC check (always first), a delivery must name a
// *.myshopify.com shop (else 400), be of a topic Crossdock subscribes and be for a shop that installed
// Crossdock (else 200 so that Shopify stops resending, with nothing stored or queued). A GET on a
// webhook path is 405, not Remix's "Unexpected Server Error".
import "./env";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { prisma } from "~/db.server";
import { createProcessors } from "~/jobs/webhook-topics.server";
import { PermanentJobError } from "~/jobs/errors";
import { createTestShop, resetDatabase } from "../../setup/db";
import { startJobs, type TestJobs } from "./drivers";
import { inventoryPayload, obliterateQueues, postWebhook, seedLocations, signedWebhookRequest, webhookRoute } from "./support";
import { handOverRecorder } from "../../support/order-routers";

let jobs: TestJobs;
let enqueued = 0;
let shop: Awaited<ReturnType<typeof createTestShop>>;

beforeAll(async () => {
  const processors = createProcessors({
    admin: async () => {
      throw new PermanentJobError("no Admin API in this test");
    },
    orderRouter: handOverRecorder(),
  });
  jobs = await startJobs("inline", processors, { maxAttempts: 1, backoffMs: 10 });
  const driver = jobs.driver;
  const enqueue = driver.enqueueDelivery.bind(driver);
  driver.enqueueDelivery = async (job) => {
    enqueued++;
    return enqueue(job);
  };
});
afterAll(async () => {
  await jobs.close();
  await obliterateQueues();
});
beforeEach(async () => {
  await resetDatabase();
  enqueued = 0;
  shop = await createTestShop();
  await seedLocations(shop);
});

const stored = () => prisma.webhookDelivery.count();

describe("webhook deliveries Crossdock must not keep", () => {
  it("stores and queues a subscribed topic for an installed shop (the control)", async () => {
    const res = await postWebhook({ topic: "inventory_levels/update", shop: shop.domain, payload: inventoryPayload({ item: 11, location: 1, available: 3, updatedAt: new Date() }) });
    expect(res.status).toBe(200);
    expect(await stored()).toBe(1);
    expect(enqueued).toBe(1);
  });

  it("answers 200 to a shop that never installed, storing and queueing nothing", async () => {
    const res = await postWebhook({ topic: "inventory_levels/update", shop: `never-${randomUUID().slice(0, 8)}.myshopify.com`, payload: inventoryPayload({ item: 11, location: 1, available: 3, updatedAt: new Date() }) });
    expect(res.status).toBe(200);
    expect(await stored()).toBe(0);
    expect(enqueued).toBe(0);
  });

  it("still stores shop/redact for an uninstalled shop (its row stays until the redaction)", async () => {
    await prisma.shop.update({ where: { id: shop.id }, data: { uninstalledAt: new Date() } });
    const res = await postWebhook({ topic: "shop/redact", shop: shop.domain, payload: { shop_id: 1, shop_domain: shop.domain } });
    expect(res.status).toBe(200);
    expect(await stored()).toBe(1);
  });

  it("answers 200 to a topic Crossdock does not subscribe, storing and queueing nothing", async () => {
    // Signed and sent to a real webhook path (orders/create's uri), but naming another topic.
    const signed = signedWebhookRequest({ topic: "products/update", shop: shop.domain, payload: { id: 1 } });
    const request = new Request("https://crossdock.example.com/webhooks/orders/create", { method: "POST", headers: signed.headers, body: await signed.text() });
    const res = await postWebhook({ topic: "orders/create", request });
    expect(res.status).toBe(200);
    expect(await stored()).toBe(0);
    expect(enqueued).toBe(0);
  });

  it.each(["../../etc/passwd", "evil.example.com", "shop.myshopify.com.evil.com", "UPPER.myshopify.com", "a b.myshopify.com"])(
    "answers 400 to the shop header %j, storing nothing",
    async (domain) => {
      const res = await postWebhook({ topic: "inventory_levels/update", shop: domain, payload: inventoryPayload({ item: 11, location: 1, available: 3, updatedAt: new Date() }) });
      expect(res.status).toBe(400);
      expect(await stored()).toBe(0);
      expect(enqueued).toBe(0);
    },
  );

  it("checks the HMAC before the shop header: a bad signature with a bad shop is 401", async () => {
    const request = signedWebhookRequest({ topic: "orders/create", shop: "../../etc/passwd", payload: { id: 1 }, secret: "not-the-secret" });
    expect((await postWebhook({ topic: "orders/create", request })).status).toBe(401);
  });

  it("answers a GET on every webhook path with 405 and Allow: POST", async () => {
    for (const topic of ["orders/create", "shop/redact", "inventory_levels/update"]) {
      const route = await webhookRoute<{ loader: (args: LoaderFunctionArgs) => Response }>(topic);
      const res = route.loader({ request: new Request(`https://crossdock.example.com/webhooks/${topic}`), params: {}, context: {} });
      expect(res.status).toBe(405);
      expect(res.headers.get("Allow")).toBe("POST");
    }
  });
});
