// The webhook route and both drivers against real PostgreSQL and Redis: HMAC, idempotent inbox,
// duplicate deliveries, out-of-order stock updates, Redis down at delivery time.
import "./env";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { BullmqJobDriver } from "~/jobs/bullmq-driver.server";
import { drainInbox } from "~/jobs/drain.server";
import { PermanentJobError } from "~/jobs/errors";
import { createProcessors } from "~/jobs/webhook-topics.server";
import type { ProcessorRegistry } from "~/jobs/processor";
import { webhookJobId } from "~/queue/queues";
import { installJobDriver } from "~/queue/handle.server";
import { createTestShop, resetDatabase } from "../../setup/db";
import { startJobs, type DriverKind, type TestJobs } from "./drivers";
import {
  QUEUE_PREFIX,
  deliveryById,
  inventoryPayload,
  obliterateQueues,
  postWebhook,
  seedLocations,
  signedWebhookRequest,
  waitForStatus,
} from "./support";
import { handOverRecorder } from "../../support/order-routers";

/** How often each delivery reached a processor. */
const calls = new Map<string, number>();

function counting(registry: ProcessorRegistry): ProcessorRegistry {
  return Object.fromEntries(
    Object.entries(registry).map(([topic, processor]) => [
      topic,
      async (ctx: Parameters<NonNullable<typeof processor>>[0]) => {
        calls.set(ctx.delivery.webhookId, (calls.get(ctx.delivery.webhookId) ?? 0) + 1);
        return processor!(ctx);
      },
    ]),
  );
}

const processors = counting(
  createProcessors({
    admin: async () => {
      throw new PermanentJobError("no Admin API in this test");
    },
    orderRouter: handOverRecorder(),
  }),
);

let shop: Awaited<ReturnType<typeof createTestShop>>;

beforeEach(async () => {
  await resetDatabase();
  calls.clear();
  shop = await createTestShop();
  await seedLocations(shop);
});

afterAll(() => obliterateQueues());

describe.each<DriverKind>(["bullmq", "inline"])("with the %s driver", (kind) => {
  let jobs: TestJobs;
  beforeAll(async () => {
    jobs = await startJobs(kind, processors, { maxAttempts: 3, backoffMs: 50 });
  });
  afterAll(() => jobs.close());

  it("answers 401 to a bad HMAC and writes nothing", async () => {
    const request = signedWebhookRequest({
      topic: "inventory_levels/update",
      shop: shop.domain,
      payload: inventoryPayload({ item: 1, location: 1, available: 5, updatedAt: new Date() }),
      secret: "not-the-app-secret",
    });
    const response = await postWebhook({ topic: "inventory_levels/update", request });
    expect(response.status).toBe(401);
    expect(await prisma.webhookDelivery.count()).toBe(0);
  });

  it("stores a delivery, processes it, and processes a duplicate delivery only once", async () => {
    const webhookId = randomUUID();
    const payload = inventoryPayload({ item: 11, location: 1, available: 9, updatedAt: new Date() });
    const first = await postWebhook({ topic: "inventory_levels/update", shop: shop.domain, payload, webhookId });
    expect(first.status).toBe(200);
    const second = await postWebhook({ topic: "inventory_levels/update", shop: shop.domain, payload, webhookId });
    expect(second.status).toBe(200);

    const done = await waitForStatus(shop.domain, webhookId, ["PROCESSED"]);
    expect(done.attempts).toBe(1);
    expect(done.durationMs).not.toBeNull();
    // A third copy arriving after processing is acknowledged too, and not processed again.
    expect((await postWebhook({ topic: "inventory_levels/update", shop: shop.domain, payload, webhookId })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));

    expect(await prisma.webhookDelivery.count({ where: { shop: shop.domain, webhookId } })).toBe(1);
    expect(calls.get(webhookId)).toBe(1);
    const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { shopId: shop.id, inventoryItemId: "gid://shopify/InventoryItem/11" } });
    expect(level.available).toBe(9);
    if (kind === "bullmq") {
      const job = await jobs.workers!.driver.webhooks.getJob(webhookJobId({ shop: shop.domain, webhookId }));
      expect(await job?.getState()).toBe("completed");
    }
  });

  it("keeps the newest stock level when inventory_levels/update arrives out of order", async () => {
    const older = new Date(Date.now() - 60_000);
    const newer = new Date();
    const newId = randomUUID();
    const oldId = randomUUID();
    await postWebhook({
      topic: "inventory_levels/update",
      shop: shop.domain,
      webhookId: newId,
      triggeredAt: newer,
      payload: inventoryPayload({ item: 22, location: 2, available: 7, updatedAt: newer }),
    });
    await waitForStatus(shop.domain, newId, ["PROCESSED"]);
    await postWebhook({
      topic: "inventory_levels/update",
      shop: shop.domain,
      webhookId: oldId,
      triggeredAt: older,
      payload: inventoryPayload({ item: 22, location: 2, available: 3, updatedAt: older }),
    });
    const late = await waitForStatus(shop.domain, oldId, ["SKIPPED"]);
    expect(late.lastError).toMatch(/newer stock level/);
    const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { shopId: shop.id, inventoryItemId: "gid://shopify/InventoryItem/22" } });
    expect(level.available).toBe(7);
    expect(level.shopifyUpdatedAt.toISOString()).toBe(newer.toISOString());
  });
});

describe("Redis unavailable at delivery time", () => {
  it("stores and answers the webhook, and the inbox is drained into the queue once Redis is back", async () => {
    const down = new BullmqJobDriver({ redisUrl: "redis://127.0.0.1:1", prefix: QUEUE_PREFIX });
    installJobDriver(down);
    const webhookId = randomUUID();
    const started = performance.now();
    const response = await postWebhook({
      topic: "inventory_levels/update",
      shop: shop.domain,
      webhookId,
      payload: inventoryPayload({ item: 33, location: 1, available: 4, updatedAt: new Date() }),
    });
    const took = performance.now() - started;
    installJobDriver(undefined);
    await down.close();
    expect(response.status).toBe(200);
    expect(took).toBeLessThan(1_000);
    expect((await deliveryById(shop.domain, webhookId))?.status).toBe("RECEIVED");

    // Redis is back: a worker starts (its start drains the inbox), and the delivery is processed.
    const jobs = await startJobs("bullmq", processors, { maxAttempts: 3, backoffMs: 50 });
    try {
      await drainInbox(jobs.driver, { olderThanMs: 0 });
      const done = await waitForStatus(shop.domain, webhookId, ["PROCESSED"]);
      expect(done.attempts).toBe(1);
      const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { shopId: shop.id, inventoryItemId: "gid://shopify/InventoryItem/33" } });
      expect(level.available).toBe(4);
    } finally {
      await jobs.close();
    }
  });
});
