// A processor that throws is retried with back-off, then lands in the failed list (dead letter);
// Retry from the Activity page's action succeeds once the cause is fixed; Discard gives a job up.
// On both drivers, against real PostgreSQL and Redis.
import "./env";
import { randomUUID } from "node:crypto";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { PermanentJobError } from "~/jobs/errors";
import { createProcessors } from "~/jobs/webhook-topics.server";
import { webhookJobId } from "~/queue/queues";
import { action as activityAction, loader as activityLoader } from "~/routes/app.activity";
import { createTestShop, resetDatabase } from "../../setup/db";
import { startJobs, type DriverKind, type TestJobs } from "./drivers";
import { API_SECRET, obliterateQueues, orderPayload, postWebhook, waitForStatus } from "./support";
import { API_KEY } from "./env";
import { handOverRecorder } from "../../support/order-routers";

let broken = true;
let attemptsSeen = 0;
const router = handOverRecorder();
const real = createProcessors({
  admin: async () => {
    throw new PermanentJobError("no Admin API in this test");
  },
  orderRouter: router,
});
const processors = {
  ...real,
  "orders/create": async (ctx: Parameters<NonNullable<(typeof real)["orders/create"]>>[0]) => {
    attemptsSeen++;
    if (broken) throw new Error("Routing service unavailable");
    return real["orders/create"]!(ctx);
  },
};

let shop: Awaited<ReturnType<typeof createTestShop>>;

beforeEach(async () => {
  await resetDatabase();
  router.handed.length = 0;
  broken = true;
  attemptsSeen = 0;
  shop = await createTestShop();
  // The offline session authenticate.admin finds for the admin's session token.
  await prisma.session.create({
    data: { id: `offline_${shop.domain}`, shop: shop.domain, state: "", isOnline: false, accessToken: "shpat_test", scope: "read_orders" },
  });
});

afterAll(() => obliterateQueues());

async function adminRequest(path: string, init: RequestInit = {}): Promise<Request> {
  return setUpValidRequest(
    { type: RequestType.Bearer, store: shop.domain.replace(".myshopify.com", ""), apiKey: API_KEY, apiSecretKey: API_SECRET },
    new Request(`https://crossdock.example.com${path}`, init),
  );
}

async function activity(form: Record<string, string | string[]>): Promise<Response> {
  const body = new FormData();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) body.append(key, v);
  const request = await adminRequest("/app/activity", { method: "POST", body });
  try {
    return await activityAction({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe.each<DriverKind>(["bullmq", "inline"])("with the %s driver", (kind) => {
  let jobs: TestJobs;
  beforeAll(async () => {
    jobs = await startJobs(kind, processors, { maxAttempts: 3, backoffMs: 40 });
  });
  afterAll(() => jobs.close());

  it("retries a throwing processor with back-off, then fails it; Retry succeeds once the cause is fixed", async () => {
    const webhookId = randomUUID();
    expect((await postWebhook({ topic: "orders/create", shop: shop.domain, webhookId, payload: orderPayload({ id: 7001 }) })).status).toBe(200);

    const failed = await waitForStatus(shop.domain, webhookId, ["FAILED"]);
    expect(failed.attempts).toBe(3);
    expect(attemptsSeen).toBe(3);
    expect(failed.lastError).toContain("Routing service unavailable");
    expect(await prisma.order.count()).toBe(0);
    if (kind === "bullmq") {
      const job = await jobs.workers!.driver.webhooks.getJob(webhookJobId({ shop: shop.domain, webhookId }));
      expect(await job?.getState()).toBe("failed");
      expect(job?.attemptsMade).toBe(3);
    }

    // The Activity page lists it among the failed, with its error.
    const view = await activityLoader({ request: await adminRequest("/app/activity?status=FAILED"), params: {}, context: {} });
    expect(view.counts.failed).toBe(1);
    expect(view.rows).toEqual([expect.objectContaining({ id: failed.id, status: "FAILED", attempts: 3, lastError: expect.stringContaining("Routing service unavailable") })]);

    broken = false;
    const response = await activity({ intent: "retry", id: failed.id });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, retried: 1 });

    const done = await waitForStatus(shop.domain, webhookId, ["PROCESSED"]);
    expect(done.attempts).toBe(1);
    expect(done.lastError).toBeNull();
    const order = await prisma.order.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(order).toMatchObject({ shopifyId: "gid://shopify/Order/7001" });
    expect(router.handed).toEqual(["gid://shopify/Order/7001"]);
  });

  it("Discard gives a failed job up for good", async () => {
    const webhookId = randomUUID();
    await postWebhook({ topic: "orders/create", shop: shop.domain, webhookId, payload: orderPayload({ id: 7002 }) });
    const failed = await waitForStatus(shop.domain, webhookId, ["FAILED"]);
    const response = await activity({ intent: "discard", id: [failed.id] });
    expect(await response.json()).toMatchObject({ ok: true, discarded: 1 });
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("DISCARDED");
    if (kind === "bullmq") {
      expect(await jobs.workers!.driver.webhooks.getJob(webhookJobId({ shop: shop.domain, webhookId }))).toBeUndefined();
    }
    // Retrying a discarded (not failed) job does nothing.
    expect(await (await activity({ intent: "retry", id: failed.id })).json()).toMatchObject({ retried: 0 });
  });

  it("refuses malformed actions with 400 and never touches another shop's jobs", async () => {
    expect((await activity({ intent: "explode" })).status).toBe(400);
    expect((await activity({ intent: "retry" })).status).toBe(400);

    const other = await createTestShop();
    const webhookId = randomUUID();
    await postWebhook({ topic: "orders/create", shop: other.domain, webhookId, payload: orderPayload({ id: 7003 }) });
    const failed = await waitForStatus(other.domain, webhookId, ["FAILED"]);
    expect(await (await activity({ intent: "retry", id: failed.id })).json()).toMatchObject({ retried: 0 });
    expect(await (await activity({ intent: "discard", id: failed.id })).json()).toMatchObject({ discarded: 0 });
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: failed.id } })).status).toBe("FAILED");
  });
});
