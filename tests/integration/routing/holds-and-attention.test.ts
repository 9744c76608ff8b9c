import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import "../email/env"; // the app's configuration (the digest links to the app's URL)
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import type { JobDriver } from "~/queue/driver";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { startSimulator, type RunningSimulator } from "../../../simulator/server";
import { resetDatabase } from "../../setup/db";
import { simulatorAdminGraphql } from "../../support/simulator-admin";

// Issue 14 items 4 and 5 against the simulator seeded with the demo shop: orders not yet paid or
// assessed as high risk wait before routing and are routed when that changes; routing that leaves
// units unfilled is NEEDS_REVIEW (a warning, on the Needs attention list), not APPLIED; staff route
// again, move by hand or release; one digest email names every order needing attention, once.
const seed = buildDemoShop({ now: new Date("2026-11-20T12:00:00Z") });
const SHOP = seed.shop.domain;
const TOKEN = "shpat_holds_test";
let sim: RunningSimulator;
let graphql: AdminGraphql;
let shop: Shop;

const sku = seed.products.find((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"))!.variants[0]!.sku;
const sanFrancisco = { address1: "1 Market St", city: "San Francisco", provinceCode: "CA", zip: "94105", country: "United States", countryCode: "US", latitude: 37.7936, longitude: -122.3958, firstName: "Ada", lastName: "Lee" };
const noDriver: JobDriver = {
  kind: "inline",
  enqueueDelivery: async () => {},
  retryDeliveries: async () => {},
  discardDeliveries: async () => {},
  enqueueEmail: async () => {},
  requestReconcile: async () => {},
  requestRouteOrders: async () => undefined,
  close: async () => {},
};

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}/_control/shops/${SHOP}${path}`, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function locations(): Promise<Record<string, string>> {
  const { fetchLocations } = await import("~/shopify/locations");
  return Object.fromEntries((await fetchLocations(graphql)).map((l) => [l.name, l.shopifyId]));
}

/** Only Edison and Reno hold the sku (5 each); Shopify assigns Edison, routing prefers Reno for San Francisco. */
async function setStock() {
  const all = await locations();
  const [edison, reno] = [all["Edison Fulfillment Center"]!, all["Reno Fulfillment Center"]!];
  await control("POST", "/inventory", { changes: Object.values(all).map((id) => ({ sku, locationId: id, name: "available", quantity: id === edison || id === reno ? 5 : 0 })) });
  return { edison, reno, all };
}

async function createOrder(extra: Record<string, unknown> = {}, quantity = 2): Promise<{ id: string; name: string }> {
  const created = (await control("POST", "/orders", { lines: [{ sku, quantity }], email: "ada@example.com", shippingAddress: sanFrancisco, ...extra })) as { order: { id: string; name: string } };
  return created.order;
}

async function foLocations(orderId: string): Promise<string[]> {
  const { fetchOrderForRouting } = await import("~/shopify/fulfillment-orders");
  const order = await fetchOrderForRouting(graphql, orderId);
  return order!.fulfillmentOrders.filter((fo) => fo.status === "OPEN").map((fo) => fo.locationId);
}

/** What a webhook (orders/create, orders/updated) or reconciliation hands Crossdock: the order's state, recorded. */
async function record(orderId: string, handOver: "always" | "if-new") {
  const { fetchOrderSnapshots } = await import("~/shopify/order-snapshots");
  const { recordOrder } = await import("~/services/record-order.server");
  const { engineOrderRouter } = await import("~/services/engine-order-router.server");
  const [snapshot] = await fetchOrderSnapshots(graphql, [orderId]);
  return recordOrder({ shop: SHOP, snapshot: snapshot!, router: engineOrderRouter(async () => graphql), handOver });
}

beforeAll(async () => {
  sim = await startSimulator({ apiKey: "k", apiSecret: "s", seed, accessToken: TOKEN, webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: [] }, orderRouting: { delayMs: 50 } });
  graphql = simulatorAdminGraphql(() => sim.url, SHOP, TOKEN);
  await control("PUT", "/throttle", { plan: "plus" });
});

afterAll(async () => sim?.close());

beforeEach(async () => {
  await resetDatabase();
  const { upsertShopOnInstall } = await import("~/models/shops.server");
  const { syncLocations } = await import("~/services/sync-locations.server");
  shop = await upsertShopOnInstall({ domain: SHOP, name: seed.shop.name, email: "staff@example.com" });
  // Installed before the simulator's orders are placed (its clock is the seed's).
  shop = await prisma.shop.update({ where: { id: shop.id }, data: { installedAt: new Date("2026-01-01T00:00:00Z") } });
  await syncLocations(shop, graphql);
});

describe("hold before routing", () => {
  it("does not move a PENDING order until it is paid, then routes it on orders/updated", async () => {
    const { edison, reno } = await setStock();
    const order = await createOrder({ financialStatus: "PENDING" });
    const first = await record(order.id, "always");
    expect(first).toMatchObject({ status: "stored", routing: { status: "held", hold: "AWAITING_PAYMENT" } });
    expect(await foLocations(order.id)).toEqual([edison]);
    expect(await prisma.routingDecision.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await prisma.order.findFirst({ where: { shopId: shop.id, shopifyId: order.id } })).toMatchObject({ routingHold: "AWAITING_PAYMENT" });

    // Another update while still unpaid: still waiting, nothing moved.
    expect(await record(order.id, "if-new")).toMatchObject({ routing: { status: "held", hold: "AWAITING_PAYMENT" } });

    await control("POST", `/orders/${order.id.split("/").pop()}/paid`);
    const paid = await record(order.id, "if-new");
    expect(paid).toMatchObject({ routing: { status: "routed", decision: "APPLIED" } });
    expect(await foLocations(order.id)).toEqual([reno]);
    expect(await prisma.routingDecision.findFirst({ where: { shopId: shop.id, orderId: order.id } })).toMatchObject({ trigger: "hold-ended", status: "APPLIED" });
    expect(await prisma.order.findFirst({ where: { shopId: shop.id, shopifyId: order.id } })).toMatchObject({ routingHold: null, routingHoldSince: null });
  });

  it("routes an AUTHORIZED order at once by default, and holds it when the merchant waits for captured payments", async () => {
    const { reno } = await setStock();
    const { routeOrder } = await import("~/services/route-order.server");
    const authorized = await createOrder({ financialStatus: "AUTHORIZED" });
    expect(await routeOrder({ shop, graphql, orderId: authorized.id, trigger: "orders/create" })).toMatchObject({ status: "decided", decision: { status: "APPLIED" } });
    expect(await foLocations(authorized.id)).toEqual([reno]);

    await prisma.shopSettings.update({ where: { shopId: shop.id }, data: { holdUnpaid: "PENDING_OR_AUTHORIZED" } });
    const later = await createOrder({ financialStatus: "AUTHORIZED" });
    expect(await routeOrder({ shop, graphql, orderId: later.id, trigger: "orders/create" })).toEqual({ status: "held", hold: "AWAITING_PAYMENT" });

    await prisma.shopSettings.update({ where: { shopId: shop.id }, data: { holdUnpaid: "OFF" } });
    const pending = await createOrder({ financialStatus: "PENDING" });
    expect(await routeOrder({ shop, graphql, orderId: pending.id, trigger: "orders/create" })).toMatchObject({ status: "decided" });
  });

  it("holds an order Shopify assesses as high risk, and routes it when the assessment is no longer high", async () => {
    const { edison, reno } = await setStock();
    const order = await createOrder({ riskLevel: "HIGH" });
    expect(await record(order.id, "always")).toMatchObject({ routing: { status: "held", hold: "HIGH_RISK" } });
    expect(await foLocations(order.id)).toEqual([edison]);

    // The held order is listed, in words, on the Needs attention page's data.
    const { loadAttention } = await import("~/services/load-attention.server");
    expect((await loadAttention(shop)).held).toMatchObject([{ orderId: order.id, orderName: order.name, hold: "HIGH_RISK" }]);

    await control("POST", `/orders/${order.id.split("/").pop()}/risk-assessments`, { riskLevel: "LOW" });
    // Reconciliation hands every order without a decision to routing again.
    const { engineOrderRouter } = await import("~/services/engine-order-router.server");
    const stored = (await prisma.order.findFirst({ where: { shopId: shop.id, shopifyId: order.id } }))!;
    expect(await engineOrderRouter(async () => graphql).route({ shop, order: stored, trigger: "reconciliation" })).toEqual({ status: "routed", decision: "APPLIED" });
    expect(await foLocations(order.id)).toEqual([reno]);
    expect((await loadAttention(shop)).held).toEqual([]);
  });

  it("looks at orders already held again when the merchant turns the hold off: the shop's check routes them", async () => {
    const { edison, reno } = await setStock();
    const order = await createOrder({ riskLevel: "HIGH" });
    expect(await record(order.id, "always")).toMatchObject({ routing: { status: "held", hold: "HIGH_RISK" } });
    expect(await foLocations(order.id)).toEqual([edison]);

    // The Routing page's "Save hold settings": the check with Shopify is asked for, and runs.
    const { updateRoutingRules } = await import("~/services/update-routing-rules.server");
    const { reconcileShop } = await import("~/services/reconcile-shop.server");
    const { engineOrderRouter } = await import("~/services/engine-order-router.server");
    const asked: string[] = [];
    const driver = { requestReconcile: async (domain: string) => void asked.push(domain) };
    const saved = await updateRoutingRules({ shop, intent: { intent: "holds", holdUnpaid: "PENDING", holdHighRisk: "false" }, fields: {}, staff: "staff@example.com", driver });
    expect(saved).toEqual({ ok: true, saved: "holds" });
    expect(asked).toEqual([shop.domain]);
    await reconcileShop({ shop: shop.domain, graphql, router: engineOrderRouter(async () => graphql) });
    expect(await foLocations(order.id)).toEqual([reno]);
    expect(await prisma.order.findFirst({ where: { shopId: shop.id, shopifyId: order.id } })).toMatchObject({ routingHold: null });
  });

  it("routes a high-risk order at once when the merchant turned the risk hold off", async () => {
    const { reno } = await setStock();
    await prisma.shopSettings.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id, holdHighRisk: false }, update: { holdHighRisk: false } });
    const order = await createOrder({ riskLevel: "HIGH" });
    const { routeOrder } = await import("~/services/route-order.server");
    expect(await routeOrder({ shop, graphql, orderId: order.id, trigger: "orders/create" })).toMatchObject({ status: "decided", decision: { status: "APPLIED" } });
    expect(await foLocations(order.id)).toEqual([reno]);
  });
});

describe("exceptions are visible and owned", () => {
  it("records routing that leaves units unfilled as NEEDS_REVIEW, never APPLIED, and lists it as needing attention", async () => {
    await setStock();
    const order = await createOrder({}, 12); // 10 in stock in all
    const { routeOrder } = await import("~/services/route-order.server");
    const result = await routeOrder({ shop, graphql, orderId: order.id, trigger: "orders/create" });
    expect(result).toMatchObject({ status: "decided", decision: { status: "NEEDS_REVIEW" } });
    if (result.status !== "decided") return;
    expect(result.decision.unfilledUnits).toBeGreaterThan(0);
    const { loadAttention } = await import("~/services/load-attention.server");
    const { rows, locations } = await loadAttention(shop);
    expect(rows).toMatchObject([{ orderName: order.name, status: "NEEDS_REVIEW", unfilledUnits: result.decision.unfilledUnits }]);
    // Staff pick a location by hand only among those taking orders: a paused one is not offered.
    const paused = locations[0]!.id;
    await prisma.location.updateMany({ where: { shopId: shop.id, shopifyId: paused }, data: { routingPausedAt: new Date(), routingPausedBy: "staff@example.com" } });
    expect((await loadAttention(shop)).locations.map((l) => l.id)).toEqual(locations.map((l) => l.id).filter((id) => id !== paused));
  });

  it("records a refused pickup (the store lacks the item) as NEEDS_REVIEW", async () => {
    const { all } = await setStock();
    const store = all["Hayes Valley Store"]!;
    const order = await createOrder({ deliveryMethod: "PICK_UP", pickupLocationId: store });
    const { routeOrder } = await import("~/services/route-order.server");
    const result = await routeOrder({ shop, graphql, orderId: order.id, trigger: "orders/create" });
    expect(result).toMatchObject({ status: "decided", decision: { status: "NEEDS_REVIEW", unfilledUnits: 2 } });
    expect(await foLocations(order.id)).toEqual([store]);
  });

  it("routes around a location marked unable to fulfil the order; when no other location can, it needs attention instead of 'applied'", async () => {
    const { edison, reno } = await setStock();
    const { routeOrder } = await import("~/services/route-order.server");
    const { rerouteOrder } = await import("~/services/reroute-order.server");
    const { loadAttention } = await import("~/services/load-attention.server");
    // Edison holds 9: the 4 this order commits there still leave enough once Reno declines (the
    // stock mirror keeps what routing read; no inventory webhooks reach this test).
    await control("POST", "/inventory", { changes: [{ sku, locationId: edison, name: "available", quantity: 9 }] });
    const order = await createOrder({}, 4);
    await routeOrder({ shop, graphql, orderId: order.id, trigger: "orders/create" });
    expect(await foLocations(order.id)).toEqual([reno]);

    // Reno cannot fulfil it: routed around, to Edison, automatically.
    const around = await rerouteOrder({ shop, graphql, orderId: order.id, staff: "staff@example.com", unableLocationId: reno });
    expect(around).toMatchObject({ status: "decided", decision: { status: "APPLIED", trigger: "reallocation", excludedLocationIds: [reno] } });
    expect([...new Set(await foLocations(order.id))]).toEqual([edison]);
    // Routed again later: still around Reno.
    await rerouteOrder({ shop, graphql, orderId: order.id, staff: "staff@example.com" });
    expect([...new Set(await foLocations(order.id))]).toEqual([edison]);

    // Edison cannot either, and no one else holds the item: nothing is placed, and it says so.
    const none = await rerouteOrder({ shop, graphql, orderId: order.id, staff: "staff@example.com", unableLocationId: edison });
    expect(none).toMatchObject({ status: "decided", decision: { status: "NEEDS_REVIEW", unfilledUnits: 4, excludedLocationIds: [reno, edison] } });
    expect((await loadAttention(shop)).rows).toMatchObject([{ orderName: order.name, status: "NEEDS_REVIEW", unfilledUnits: 4 }]);
  });

  it("moves an order by hand, routes it again, or releases it: each takes it off the list", async () => {
    const { edison, reno } = await setStock();
    const { routeOrder } = await import("~/services/route-order.server");
    const { rerouteOrder } = await import("~/services/reroute-order.server");
    const { releaseAttention } = await import("~/services/release-attention.server");
    const { loadAttention } = await import("~/services/load-attention.server");
    const [a, b] = [await createOrder({}, 12), await createOrder({}, 12)];
    for (const o of [a, b]) await routeOrder({ shop, graphql, orderId: o.id, trigger: "orders/create" });
    expect((await loadAttention(shop)).rows.map((r) => r.orderName).sort()).toEqual([a.name, b.name].sort());

    // By hand: every open unit of a goes to Edison, through fulfillment order moves.
    const byHand = await rerouteOrder({ shop, graphql, orderId: a.id, staff: "staff@example.com", toLocationId: edison });
    expect(byHand).toMatchObject({ status: "decided", decision: { status: "APPLIED", strategy: "by hand", trigger: "manual", revision: 2, createdBy: "staff@example.com" } });
    expect([...new Set(await foLocations(a.id))]).toEqual([edison]);
    expect((await loadAttention(shop)).rows.map((r) => r.orderName)).toEqual([b.name]);

    // Released: handled outside Crossdock; the decision stays, marked.
    const row = (await loadAttention(shop)).rows[0]!;
    expect(await releaseAttention({ shop, decisionId: row.decisionId, staff: "staff@example.com" })).toBe(true);
    expect(await releaseAttention({ shop, decisionId: row.decisionId, staff: "staff@example.com" })).toBe(false);
    expect((await loadAttention(shop)).rows).toEqual([]);
    expect(await prisma.routingDecision.findUnique({ where: { id: row.decisionId } })).toMatchObject({ handledBy: "staff@example.com" });
    expect(await foLocations(a.id)).not.toContain(reno);
  });

  it("sends one digest email naming every order that needs attention, and never names an order twice", async () => {
    await setStock();
    const { routeOrder } = await import("~/services/route-order.server");
    const { sendAttentionDigest } = await import("~/services/send-attention-digest.server");
    const orders = [await createOrder({}, 12), await createOrder({}, 11), await createOrder({}, 13)];
    for (const o of orders) await routeOrder({ shop, graphql, orderId: o.id, trigger: "orders/create" });

    const sent = await sendAttentionDigest({ shop: SHOP, driver: noDriver });
    expect(sent).toMatchObject({ status: "sent", orders: 3 });
    const emails = await prisma.emailMessage.findMany({ where: { shopId: shop.id, kind: "attention-digest" } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: "staff@example.com", subject: "3 orders need attention in Crossdock" });
    for (const o of orders) expect(emails[0]!.text).toContain(o.name);
    expect(emails[0]!.text).toContain("/app/routing/attention");

    // Nothing new: no second email.
    expect(await sendAttentionDigest({ shop: SHOP, driver: noDriver })).toEqual({ status: "nothing-new" });
    // A new order needing attention: the next digest names it alone.
    const later = await createOrder({}, 14);
    await routeOrder({ shop, graphql, orderId: later.id, trigger: "orders/create" });
    expect(await sendAttentionDigest({ shop: SHOP, driver: noDriver })).toMatchObject({ status: "sent", orders: 1 });
    const all = await prisma.emailMessage.findMany({ where: { shopId: shop.id, kind: "attention-digest" }, orderBy: { createdAt: "asc" } });
    expect(all).toHaveLength(2);
    expect(all[1]!.subject).toBe("1 order needs attention in Crossdock");
    expect(all[1]!.text).toContain(later.name);
    for (const o of orders) expect(all[1]!.text).not.toContain(`${o.name}:`);
  });

  it("writes the digest in the shop's language", async () => {
    await setStock();
    await prisma.shopSettings.upsert({ where: { shopId: shop.id }, create: { shopId: shop.id, defaultLocale: "vi" }, update: { defaultLocale: "vi" } });
    const { routeOrder } = await import("~/services/route-order.server");
    const { sendAttentionDigest } = await import("~/services/send-attention-digest.server");
    for (const o of [await createOrder({}, 12), await createOrder({}, 12)]) await routeOrder({ shop, graphql, orderId: o.id, trigger: "orders/create" });
    await sendAttentionDigest({ shop: SHOP, driver: noDriver });
    const email = await prisma.emailMessage.findFirstOrThrow({ where: { shopId: shop.id, kind: "attention-digest" } });
    expect(email).toMatchObject({ locale: "vi", subject: "2 đơn hàng cần xử lý trong Crossdock" });
  });
});
