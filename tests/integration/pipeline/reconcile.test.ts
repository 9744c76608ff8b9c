// Reconciliation with the Admin API (the simulator, sending no webhooks here: every webhook "lost"),
// repairs of stale data, the newest-state-wins rule against late webhooks, and the schedules.
import "./env";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { forgetCachedSessions } from "~/models/session-cache.server";
import { offlineAdmin } from "~/jobs/admin.server";
import { startBullmqWorkers } from "~/jobs/bullmq-driver.server";
import { InlineJobDriver } from "~/jobs/inline-driver.server";
import { applyInventoryUpdate } from "~/services/apply-inventory-update.server";
import { engineOrderRouter } from "~/services/engine-order-router.server";
import { handOverRecorder, type HandOverRecorder } from "../../support/order-routers";
import { RECONCILE_OVERLAP_MS, reconcileShop } from "~/services/reconcile-shop.server";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { updateShopSettings } from "~/models/shops.server";
import { createTestShop, resetDatabase } from "../../setup/db";
import { SHOP, startTestSimulator, TOKEN, type TestSimulator } from "../../simulator/helpers";
import { API_KEY, API_SECRET, QUEUE_PREFIX, REDIS_URL } from "./env";
import { obliterateQueues, waitFor } from "./support";

let sim: TestSimulator;
const YEAR = 365 * 24 * 3600_000;
/** The simulator's seeded orders were placed up to a year ago: the shop was installed before them. */
const INSTALLED = new Date(Date.now() - 2 * YEAR);

beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
});
afterAll(async () => {
  await sim.close();
  await obliterateQueues();
});

beforeEach(async () => {
  await resetDatabase();
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: "read_orders" } });
});

let recorder: HandOverRecorder;
beforeEach(() => {
  recorder = handOverRecorder();
});

async function reconcile() {
  return reconcileShop({ shop: SHOP, graphql: await offlineAdmin()(SHOP), router: recorder, options: { ordersWindowMs: 2 * YEAR } });
}

describe("reconcileShop", () => {
  it("brings in what lost webhooks left out, hands lost new orders to routing, and records the run", async () => {
    const shop = await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    const { run, result } = await reconcile();

    expect(result).toMatchObject({ locations: 3, ordersChecked: 6, ordersRepaired: 6 });
    expect(result!.inventoryChecked).toBeGreaterThan(0);
    expect(result!.inventoryRepaired).toBe(result!.inventoryChecked);
    expect(run).toMatchObject({ status: "SUCCEEDED", name: "reconcile", shop: SHOP });
    expect(await prisma.location.count({ where: { shopId: shop.id } })).toBe(3);
    const orders = await prisma.order.findMany({ where: { shopId: shop.id }, orderBy: { name: "asc" } });
    expect(orders).toHaveLength(6);
    // Orders still to fulfil go to routing; the cancelled, the delivered and the picked-up ones do not.
    const toFulfil = orders.filter((o) => !o.cancelledAt && !o.closedAt && o.fulfillmentStatus !== "fulfilled");
    expect(toFulfil.map((o) => o.name)).toEqual(["#1001", "#1002", "#1005"]);
    expect([...recorder.handed].sort()).toEqual(toFulfil.map((o) => o.shopifyId).sort());
    expect(result!.ordersHandedToRouting).toBe(3);

    expect(result!.changedSince).toBeNull(); // the first pass reads everything

    // A second run finds nothing to repair, and reads only what changed since the first began. The
    // orders routing has not decided on yet are handed over again (here they wait for good).
    const again = await reconcile();
    expect(again.result).toMatchObject({ ordersRepaired: 0, inventoryRepaired: 0, ordersHandedToRouting: 3 });
    expect(recorder.handed).toHaveLength(6);
    expect(new Date(again.result!.changedSince!).getTime()).toBe(run.startedAt.getTime() - RECONCILE_OVERLAP_MS);

    // After a gap longer than the orders window, a pass reads everything again.
    const later = await reconcileShop({ shop: SHOP, graphql: await offlineAdmin()(SHOP), router: recorder, options: { ordersWindowMs: 60_000, now: new Date(Date.now() + 3_600_000) } });
    expect(later.result).toMatchObject({ changedSince: null, inventoryChecked: result!.inventoryChecked });
  });

  it("does not route orders placed before the install (they are read, not handed to routing)", async () => {
    const shop = await createTestShop({ domain: SHOP });
    const { result } = await reconcile();
    expect(result).toMatchObject({ ordersChecked: 6, ordersRepaired: 6, ordersHandedToRouting: 0 });
    expect(await prisma.order.count({ where: { shopId: shop.id } })).toBe(6);
    expect(recorder.handed).toEqual([]);
    // Shopify authenticating the shop again (a new session) is not a new install.
    const again = await createTestShop({ domain: SHOP, name: "Renamed" });
    expect(again.installedAt).toEqual(shop.installedAt);
  });

  it("repairs a stock level a lost webhook left stale; a late, older webhook cannot undo the repair", async () => {
    const shop = await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    await reconcile();
    const warehouse = await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, name: "Warehouse" } });
    const before = await prisma.inventoryLevel.findFirstOrThrow({ where: { shopId: shop.id, locationId: warehouse.id, sku: "TEE-M" } });

    // Stock changes at Shopify; the webhook is lost (this simulator sends none).
    const changed = await sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: warehouse.shopifyId, quantity: before.available + 5 }] });
    expect(changed.status).toBe(200);
    const { result } = await reconcile();
    expect(result!.inventoryRepaired).toBe(1);
    // Only what Shopify changed since the previous pass began is read (and paid for).
    expect(result).toMatchObject({ inventoryChecked: 1, ordersChecked: 0 });
    expect(result!.changedSince).not.toBeNull();
    const repaired = await prisma.inventoryLevel.findUniqueOrThrow({ where: { id: before.id } });
    expect(repaired.available).toBe(before.available + 5);
    expect(repaired.shopifyUpdatedAt.getTime()).toBeGreaterThan(before.shopifyUpdatedAt.getTime());

    // The old webhook finally arrives (Triggered-At before the repair): refused.
    const late = await applyInventoryUpdate({
      shop: SHOP,
      update: { inventoryItemId: before.inventoryItemId, locationShopifyId: warehouse.shopifyId, available: before.available, updatedAt: before.shopifyUpdatedAt },
      admin: () => offlineAdmin()(SHOP),
    });
    expect(late).toEqual({ applied: false, reason: "stale" });
    expect((await prisma.inventoryLevel.findUniqueOrThrow({ where: { id: before.id } })).available).toBe(before.available + 5);
  });

  it("routes, with the routing engine, an order that missed both orders/create and order_routing_complete", async () => {
    const shop = await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    const admin = offlineAdmin();
    const engine = engineOrderRouter(admin);
    await reconcileShop({ shop: SHOP, graphql: await admin(SHOP), router: engine, options: { ordersWindowMs: 2 * YEAR } });

    // A new order at Shopify; this simulator sends no webhooks: both are lost.
    const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-M", quantity: 1 }],
      shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
    });
    const orderId = created.body.order.id as string;
    const { result } = await reconcileShop({ shop: SHOP, graphql: await admin(SHOP), router: engine, options: { ordersWindowMs: 2 * YEAR } });
    expect(result!.ordersHandedToRouting).toBe(1);
    expect(await prisma.routingDecision.findMany({ where: { shopId: shop.id, orderId } })).toEqual([
      expect.objectContaining({ trigger: "reconciliation", revision: 1, status: "APPLIED" }),
    ]);
  });

  it("hands an order stored while Shopify was still routing it (its order_routing_complete lost) to routing again", async () => {
    const shop = await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    const admin = offlineAdmin();
    const engine = engineOrderRouter(admin);
    await reconcileShop({ shop: SHOP, graphql: await admin(SHOP), router: engine, options: { ordersWindowMs: 2 * YEAR } });
    await sim.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 3_000 });
    try {
      const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
        lines: [{ sku: "TEE-M", quantity: 1 }],
        shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
        wait: false,
      });
      const orderId = created.body.order.id as string;
      // orders/create processed before the fulfillment orders exist: the order waits.
      const early = await reconcileShop({ shop: SHOP, graphql: await admin(SHOP), router: engine, options: { ordersWindowMs: 2 * YEAR } });
      expect(early.result!.ordersHandedToRouting).toBe(1);
      expect(await prisma.order.count({ where: { shopId: shop.id, shopifyId: orderId } })).toBe(1);
      expect(await prisma.routingDecision.count({ where: { orderId } })).toBe(0);

      // Shopify's routing completes; its webhook is lost. The next reconciliation routes the order.
      await waitFor(
        async () => (await sim.data(`query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id } } } }`, { id: orderId })).order.fulfillmentOrders.nodes.length > 0,
        { what: "Shopify's routing to create the fulfillment orders", timeoutMs: 10_000 },
      );
      await reconcileShop({ shop: SHOP, graphql: await admin(SHOP), router: engine, options: { ordersWindowMs: 2 * YEAR } });
      expect(await prisma.routingDecision.findMany({ where: { shopId: shop.id, orderId } })).toEqual([expect.objectContaining({ revision: 1, status: "APPLIED" })]);
    } finally {
      await sim.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 20 });
    }
  });

  it("after the first pass, lists what Shopify changed and reads in full only what Crossdock holds older", async () => {
    const shop = await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    await reconcile();
    const warehouse = await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, name: "Warehouse" } });
    const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { shopId: shop.id, locationId: warehouse.id, sku: "TEE-S" } });
    await sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-S", locationId: warehouse.shopifyId, quantity: level.available + 2 }] });

    const operations: string[] = [];
    sim.sim.store.costObserver = (entry) => void operations.push(entry.operationName ?? "");
    try {
      // The webhook was lost: the changed level is read in full, and only at the warehouse.
      const repair = await reconcile();
      expect(repair.result).toMatchObject({ inventoryRepaired: 1, ordersRepaired: 0 });
      expect(repair.result!.inventoryChecked).toBeGreaterThanOrEqual(1); // what Shopify changed lately (earlier tests too)
      expect(operations.filter((o) => o === "CrossdockLocationInventory")).toHaveLength(1);
      expect(operations).not.toContain("CrossdockOrderSnapshots");

      // Crossdock is now current: the next pass lists the same change and reads nothing in full.
      operations.length = 0;
      const quiet = await reconcile();
      expect(quiet.result).toMatchObject({ inventoryRepaired: 0, ordersRepaired: 0 });
      expect(quiet.result!.inventoryChecked).toBe(repair.result!.inventoryChecked);
      // Markets are read whole on every pass (few, and no webhook brings their changes).
      expect(new Set(operations)).toEqual(new Set(["CrossdockLocations", "CrossdockMarkets", "CrossdockOrdersChanged", "CrossdockLocationInventoryChanges"]));
    } finally {
      sim.sim.store.costObserver = null;
    }
  });

  it("records a failed run with its error", async () => {
    await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    await prisma.session.deleteMany();
    await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "revoked", scope: "" } });
    forgetCachedSessions(SHOP); // written behind the session storage's back, as another process would
    await expect(reconcile()).rejects.toThrow();
    const run = await prisma.jobRun.findFirstOrThrow({ where: { shop: SHOP } });
    expect(run.status).toBe("FAILED");
    expect(run.lastError).toBeTruthy();
  });
  it("does not route orders placed before auto-routing was switched on; routes those placed after", async () => {
    const shop = await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    // The merchant turns auto-routing off, then on again now: the seeded orders predate the switch.
    expect((await updateShopSettings(shop, { autoRouting: false })).ok).toBe(true);
    expect((await updateShopSettings(shop, { autoRouting: true })).ok).toBe(true);
    const settings = await prisma.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } });
    expect(settings.autoRoutingChangedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Saving the switch as it already is does not move the date.
    expect((await updateShopSettings(shop, { autoRouting: true })).ok).toBe(true);
    expect((await prisma.shopSettings.findUniqueOrThrow({ where: { shopId: shop.id } })).autoRoutingChangedAt).toEqual(settings.autoRoutingChangedAt);

    const { result } = await reconcile();
    expect(result!.ordersChecked).toBeGreaterThanOrEqual(6);
    expect(result!.ordersHandedToRouting).toBe(0);
    expect(recorder.handed).toEqual([]);

    const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-M", quantity: 1 }],
      shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
    });
    await reconcile();
    expect(recorder.handed).toEqual([created.body.order.id]);
  });

  it("with the routing engine, writes no rows for delivered, picked-up or cancelled orders, and labels its rows as reconciliation", async () => {
    const shop = await createTestShop({ domain: SHOP, installedAt: INSTALLED });
    const admin = offlineAdmin();
    await reconcileShop({ shop: SHOP, graphql: await admin(SHOP), router: engineOrderRouter(admin), options: { ordersWindowMs: 2 * YEAR } });
    const decisions = await prisma.routingDecision.findMany({ where: { shopId: shop.id } });
    const names = decisions.map((d) => d.orderName);
    // #1001 waits to be fulfilled: routed. #1002 (partly shipped, the rest in progress) and #1005
    // (ready for pickup) are being fulfilled; #1003 delivered, #1004 cancelled, #1006 picked up.
    expect(names).toContain("#1001");
    for (const done of ["#1002", "#1003", "#1004", "#1005", "#1006"]) expect(names).not.toContain(done);
    expect(decisions.filter((d) => d.status === "NOT_ROUTABLE").map((d) => [d.orderName, d.summary])).toEqual([]);
    expect(new Set(decisions.map((d) => d.trigger))).toEqual(new Set(["reconciliation"]));
  });

});

describe("scheduled reconciliation", () => {
  it("runs as a BullMQ job scheduler in the worker, put back when Redis comes back empty", async () => {
    const reconciled: string[] = [];
    let drains = 0;
    const prefix = `${QUEUE_PREFIX}-${randomUUID().slice(0, 6)}`;
    const workers = await startBullmqWorkers({
      redisUrl: REDIS_URL,
      prefix,
      processors: {},
      concurrency: 1,
      lockDurationMs: 5_000,
      drainEveryMs: 200,
      drain: async () => {
        drains++;
        return 0;
      },
      reconcileEveryMs: 300,
      listShops: async () => [SHOP],
      reconcile: async (shop) => void reconciled.push(shop),
    });
    try {
      // The drain is the worker's own timer; only the reconciliation is a schedule in Redis.
      const schedulers = await workers.driver.maintenance.getJobSchedulers();
      expect(schedulers.map((s) => s.key ?? s.id)).toEqual(["reconcile-all"]);
      await waitFor(async () => reconciled.length >= 1, { what: "a scheduled reconciliation" });
      // reconcile-all fans out one reconcile-shop job per shop, at most one per shop and minute.
      await new Promise((r) => setTimeout(r, 700));
      expect(reconciled).toEqual([SHOP]);

      // Redis comes back empty (its keys for these queues are gone): the next upkeep tick puts the
      // schedule back, without restarting anything, and the drain keeps running.
      const drainsBefore = drains;
      await obliterateQueues(prefix);
      await waitFor(async () => (await workers.driver.maintenance.getJobSchedulers()).length === 1, { what: "the schedule to come back" });
      await waitFor(async () => reconciled.length >= 2, { what: "a reconciliation after Redis emptied" });
      expect(drains).toBeGreaterThan(drainsBefore);
    } finally {
      await workers.close();
      await obliterateQueues(prefix);
    }
  });

  it("runs on a timer with the in-process driver", async () => {
    const reconciled: (string | undefined)[] = [];
    const driver = new InlineJobDriver({ processors: {}, reconcileEveryMs: 100, reconcile: async (shop) => void reconciled.push(shop) });
    driver.start();
    try {
      await waitFor(async () => reconciled.length >= 2, { what: "two timed reconciliations" });
    } finally {
      await driver.close();
    }
  });
});
