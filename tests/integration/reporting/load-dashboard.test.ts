// The dashboard's service on a real database: two shops with overlapping Shopify ids (same order
// and location GIDs), figures checked by hand against the rows below, and the other shop's rows
// never counted.
import type { ReturnStatus, RoutingDecisionStatus } from "@prisma/client";
import { beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { loadDashboard } from "~/services/load-dashboard.server";
import { createTestShop, resetDatabase } from "../../setup/db";

const now = new Date("2026-11-25T12:00:00Z");
const hours = (h: number) => h * 3600;
const L1 = "gid://shopify/Location/1";
const L2 = "gid://shopify/Location/2";
const L3 = "gid://shopify/Location/3";

async function location(shop: Shop, shopifyId: string, name: string, kind: "WAREHOUSE" | "STORE", dailyCapacity: number | null = null) {
  await prisma.location.create({
    data: { shopId: shop.id, shopifyId, legacyResourceId: shopifyId.split("/").pop()!, name, kind, dailyCapacity, latitude: 40, longitude: -74 },
  });
}

async function order(shop: Shop, n: number, input: { createdAt: string; units: number[]; fulfillment: string | null; cancelled?: boolean }) {
  await prisma.order.create({
    data: {
      shopId: shop.id,
      shopifyId: `gid://shopify/Order/${n}`,
      legacyResourceId: String(n),
      name: `#${1000 + n}`,
      fulfillmentStatus: input.fulfillment,
      cancelledAt: input.cancelled ? new Date(input.createdAt) : null,
      lineItems: input.units.map((quantity, i) => ({ id: `gid://shopify/LineItem/${n}${i}`, variantId: null, sku: `SKU-${i}`, title: `Item ${i}`, quantity, price: "10.00", requiresShipping: true })),
      shopifyCreatedAt: new Date(input.createdAt),
      shopifyUpdatedAt: new Date(input.createdAt),
    },
  });
}

let rmaCounter = 0;
async function returnRequest(
  shop: Shop,
  orderNumber: number,
  input: { status: ReturnStatus; createdAt: string; decidedAt?: string; lines: { title: string; reason: string; quantity: number; unitPrice: number }[] },
) {
  rmaCounter++;
  await prisma.returnRequest.create({
    data: {
      shopId: shop.id,
      rma: `RMA-${rmaCounter}`,
      orderId: `gid://shopify/Order/${orderNumber}`,
      orderName: `#${1000 + orderNumber}`,
      status: input.status,
      createdAt: new Date(input.createdAt),
      decidedAt: input.decidedAt ? new Date(input.decidedAt) : null,
      lines: {
        create: input.lines.map((l, i) => ({
          fulfillmentLineItemId: `gid://shopify/FulfillmentLineItem/${rmaCounter}${i}`,
          lineItemId: `gid://shopify/LineItem/${orderNumber}${i}`,
          title: l.title,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          reason: l.reason,
        })),
      },
    },
  });
}

async function decision(
  shop: Shop,
  orderNumber: number,
  input: { revision?: number; status?: RoutingDecisionStatus; decidedAt: string; parcels: number; km: number; assignments: [string, number][] },
) {
  const assignments = input.assignments.map(([locationId, quantity], i) => ({ locationId, lineId: `line-${i}`, sku: `SKU-${i}`, quantity }));
  await prisma.routingDecision.create({
    data: {
      shopId: shop.id,
      orderId: `gid://shopify/Order/${orderNumber}`,
      orderName: `#${1000 + orderNumber}`,
      revision: input.revision ?? 1,
      trigger: "orders/create",
      status: input.status ?? "APPLIED",
      plan: { orderId: `gid://shopify/Order/${orderNumber}`, assignments },
      shippingLocationIds: [...new Set(assignments.map((a) => a.locationId))],
      parcels: input.parcels,
      km: input.km,
      createdAt: new Date(input.decidedAt),
      decidedAt: new Date(input.decidedAt),
    },
  });
}

let shopA: Shop;
let shopB: Shop;

beforeEach(async () => {
  await resetDatabase();
  shopA = await createTestShop({ timezone: "America/New_York", name: "Shop A" });
  shopB = await createTestShop({ timezone: "UTC", name: "Shop B" });

  // Shop A. The 7-day period is Nov 19–25 in New York (from 2026-11-19T05:00Z); the previous one Nov 12–18.
  await location(shopA, L1, "Edison warehouse", "WAREHOUSE", 1);
  await location(shopA, L2, "SoHo store", "STORE");
  await location(shopA, L3, "Reno warehouse", "WAREHOUSE");

  await order(shopA, 1, { createdAt: "2026-11-20T10:00:00Z", units: [2], fulfillment: "fulfilled" });
  await order(shopA, 2, { createdAt: "2026-11-22T10:00:00Z", units: [1, 2], fulfillment: "fulfilled" });
  await order(shopA, 3, { createdAt: "2026-11-23T10:00:00Z", units: [1], fulfillment: "partial" });
  await order(shopA, 4, { createdAt: "2026-11-23T10:00:00Z", units: [5], fulfillment: null });
  await order(shopA, 5, { createdAt: "2026-11-23T10:00:00Z", units: [5], fulfillment: "fulfilled", cancelled: true });
  await order(shopA, 6, { createdAt: "2026-11-24T10:00:00Z", units: [4], fulfillment: "fulfilled" });
  await order(shopA, 9, { createdAt: "2026-11-23T20:00:00Z", units: [1], fulfillment: "fulfilled" });
  await order(shopA, 7, { createdAt: "2026-11-15T10:00:00Z", units: [2], fulfillment: "fulfilled" });
  await order(shopA, 8, { createdAt: "2026-11-10T10:00:00Z", units: [1], fulfillment: "fulfilled" });

  await returnRequest(shopA, 1, { status: "APPROVED", createdAt: "2026-11-21T10:00:00Z", decidedAt: "2026-11-21T12:00:00Z", lines: [{ title: "Tee", reason: "SIZE_TOO_SMALL", quantity: 1, unitPrice: 20 }] });
  await returnRequest(shopA, 2, { status: "DECLINED", createdAt: "2026-11-22T12:00:00Z", decidedAt: "2026-11-22T13:00:00Z", lines: [{ title: "Cap", reason: "UNWANTED", quantity: 1, unitPrice: 15 }] });
  await returnRequest(shopA, 3, { status: "REQUESTED", createdAt: "2026-11-21T11:00:00Z", lines: [{ title: "Boots", reason: "DEFECTIVE", quantity: 1, unitPrice: 100 }] });
  await returnRequest(shopA, 9, { status: "REFUNDED", createdAt: "2026-11-24T00:00:00Z", decidedAt: "2026-11-24T06:00:00Z", lines: [{ title: "Tee", reason: "SIZE_TOO_SMALL", quantity: 1, unitPrice: 20 }] });
  await returnRequest(shopA, 4, { status: "REQUESTED", createdAt: "2026-11-25T06:00:00Z", lines: [] });
  await returnRequest(shopA, 7, { status: "RECEIVED", createdAt: "2026-11-16T00:00:00Z", decidedAt: "2026-11-17T00:00:00Z", lines: [{ title: "Tee", reason: "SIZE_TOO_SMALL", quantity: 2, unitPrice: 20 }] });
  await returnRequest(shopA, 8, { status: "REQUESTED", createdAt: "2026-11-10T00:00:00Z", lines: [] });

  await decision(shopA, 1, { decidedAt: "2026-11-20T15:00:00Z", parcels: 1, km: 100, assignments: [[L1, 2]] });
  // Routed on the evening of Nov 21 in New York (03:00 UTC on the 22nd), then re-routed on the 22nd: only the re-route counts.
  await decision(shopA, 2, { decidedAt: "2026-11-22T03:00:00Z", parcels: 2, km: 300, assignments: [[L1, 1], [L2, 2]] });
  await decision(shopA, 2, { revision: 2, decidedAt: "2026-11-22T15:00:00Z", parcels: 1, km: 50, assignments: [[L2, 3]] });
  await decision(shopA, 3, { status: "FAILED", decidedAt: "2026-11-23T15:00:00Z", parcels: 0, km: 0, assignments: [] });
  await decision(shopA, 6, { status: "SUGGESTED", decidedAt: "2026-11-24T15:00:00Z", parcels: 1, km: 10, assignments: [[L1, 4]] });
  await decision(shopA, 9, { decidedAt: "2026-11-24T04:00:00Z", parcels: 2, km: 400, assignments: [[L1, 1], [L3, 2]] });
  await decision(shopA, 10, { decidedAt: "2026-11-20T20:00:00Z", parcels: 1, km: 20, assignments: [[L1, 1]] });
  await decision(shopA, 7, { decidedAt: "2026-11-15T12:00:00Z", parcels: 1, km: 500, assignments: [[L3, 2]] });

  // Shop B: the same Shopify ids, where L1 is a store; plenty of returns and routing that must never reach shop A's figures.
  await location(shopB, L1, "B flagship", "STORE");
  await order(shopB, 1, { createdAt: "2026-11-21T10:00:00Z", units: [3], fulfillment: "fulfilled" });
  await order(shopB, 6, { createdAt: "2026-11-24T10:00:00Z", units: [4], fulfillment: "fulfilled" });
  await returnRequest(shopB, 1, { status: "APPROVED", createdAt: "2026-11-22T00:00:00Z", decidedAt: "2026-11-24T00:00:00Z", lines: [{ title: "Jacket", reason: "COLOR", quantity: 3, unitPrice: 90 }] });
  await returnRequest(shopB, 6, { status: "REQUESTED", createdAt: "2026-11-24T00:00:00Z", lines: [{ title: "Tee", reason: "STYLE", quantity: 4, unitPrice: 20 }] });
  await decision(shopB, 1, { decidedAt: "2026-11-22T03:00:00Z", parcels: 3, km: 999, assignments: [[L1, 3]] });
  await decision(shopB, 2, { decidedAt: "2026-11-23T03:00:00Z", parcels: 1, km: 1, assignments: [[L2, 1]] });
});

describe("loadDashboard", () => {
  it("computes shop A's routing figures from its latest applied decisions only", async () => {
    const result = await loadDashboard(shopA.domain, { days: 7, now });
    const { report } = result!;
    expect(report.period.dayKeys).toEqual(["2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(report.routing.totals.current).toEqual({ orders: 4, parcels: 5, km: 570, units: 9, storeOrders: 1, storeUnits: 3 });
    expect(report.routing.totals.previous).toEqual({ orders: 1, parcels: 1, km: 500, units: 2, storeOrders: 0, storeUnits: 0 });
    const f = report.routing.figures;
    expect(f.parcelsPerOrder.current).toBe(1.25);
    expect(f.kmPerOrder).toMatchObject({ current: 142.5, previous: 500 });
    expect(f.storeOrderShare.current).toBe(0.25);
    expect(f.storeUnitShare.current).toBeCloseTo(1 / 3);
    expect(f.orders).toMatchObject({ current: 4, previous: 1, change: 3 });

    // Local days in New York: the decision at 04:00 UTC on Nov 24 is Nov 23's.
    expect(report.routing.daily.map((d) => d.orders)).toEqual([0, 2, 0, 1, 1, 0, 0]);
    expect(report.routing.daily[1]).toMatchObject({ day: "2026-11-20", parcels: 2, km: 120, parcelsPerOrder: 1 });

    const load = report.routing.load.locations;
    expect(load.map((l) => [l.name, l.orders, l.units])).toEqual([
      ["Edison warehouse", 3, 4],
      ["SoHo store", 1, 3],
      ["Reno warehouse", 1, 2],
    ]);
    expect(load[0]).toMatchObject({ peakDay: "2026-11-20", peakOrders: 2, dailyCapacity: 1, daysOverCapacity: 1, share: 0.6, daily: [0, 2, 0, 0, 1, 0, 0] });
    expect(load[1]!.kind).toBe("STORE");
  });

  it("computes shop A's returns figures: rate, reasons, products, time to approve, open requests by age", async () => {
    const { report, home } = (await loadDashboard(shopA.domain, { days: 7, now }))!;
    const r = report.returns;
    // Without Shopify to ask, the cohort is what Crossdock holds: orders 1, 2, 3, 6, 9 (fulfilled or
    // partial, not cancelled, placed in the period); with a return neither declined nor cancelled:
    // 1, 3, 9. Previous: order 7, returned. The page says the count is Crossdock's.
    expect(r.rate.current).toEqual({ fulfilledOrders: 5, ordersWithReturns: 3 });
    expect(r.rate.previous).toEqual({ fulfilledOrders: 1, ordersWithReturns: 1 });
    expect(r.rate.fulfilledOrdersFrom).toBe("crossdock");
    expect(r.rate.orderRate.current).toBeCloseTo(0.6);
    expect(r.rate.orderRate.change).toBeCloseTo(-0.4);
    expect(r.requests).toMatchObject({ current: 5, previous: 1 });

    expect(r.reasons.map((x) => [x.reason, x.units, x.requests, x.share])).toEqual([
      ["SIZE_TOO_SMALL", 2, 2, 0.5],
      ["DEFECTIVE", 1, 1, 0.25],
      ["UNWANTED", 1, 1, 0.25],
    ]);
    expect(r.products.map((p) => [p.title, p.units, p.value])).toEqual([
      ["Tee", 2, 40],
      ["Boots", 1, 100],
      ["Cap", 1, 15],
    ]);

    expect(r.approval.current).toEqual({ approved: 2, median: hours(4), p90: expect.closeTo(hours(5.6), 6) });
    expect(r.approval.previous).toMatchObject({ approved: 1, median: hours(24) });

    expect(r.open.buckets.map((b) => [b.key, b.count])).toEqual([
      ["under-1-day", 1],
      ["1-3-days", 0],
      ["3-7-days", 1],
      ["over-7-days", 1],
    ]);

    expect(home.shopName).toBe("Shop A");
    expect(home.setup.find((s) => s.key === "stores")!.done).toBe(true);
    expect(home.setup.find((s) => s.key === "first-routed-order")!.done).toBe(true);
    expect(home.setup.find((s) => s.key === "routing-rules")!.done).toBe(false);
  });

  it("counts only shop B's own rows for shop B, with its own location kinds and time zone", async () => {
    const { report } = (await loadDashboard(shopB.domain, { days: 7, now }))!;
    expect(report.routing.totals.current).toEqual({ orders: 2, parcels: 4, km: 1000, units: 4, storeOrders: 1, storeUnits: 3 });
    expect(report.routing.daily.map((d) => d.orders)).toEqual([0, 0, 0, 1, 1, 0, 0]);
    // L2 is not one of shop B's locations (shop A's SoHo store must not lend it a name).
    expect(report.routing.load.locations.map((l) => [l.name, l.orders])).toEqual([
      ["B flagship", 1],
      ["Removed location", 1],
    ]);
    expect(report.returns.rate.current).toEqual({ fulfilledOrders: 2, ordersWithReturns: 2 });
    expect(report.returns.reasons.map((x) => x.reason)).toEqual(["STYLE", "COLOR"]);
    expect(report.returns.approval.current).toEqual({ approved: 1, median: hours(48), p90: hours(48) });
    expect(report.returns.open.total).toBe(1);
  });

  it("compares 30 days with the 30 before, and shows nothing measurable for a shop with no activity", async () => {
    const { report } = (await loadDashboard(shopA.domain, { days: 30, now }))!;
    expect(report.period.dayKeys).toHaveLength(30);
    expect(report.routing.totals.current.orders).toBe(5);
    expect(report.routing.totals.previous.orders).toBe(0);
    expect(report.returns.rate.current.fulfilledOrders).toBe(7);

    const empty = await createTestShop({ timezone: "Asia/Ho_Chi_Minh" });
    const blank = (await loadDashboard(empty.domain, { days: 90, now }))!;
    expect(blank.report.routing.figures.parcelsPerOrder.current).toBeNull();
    expect(blank.report.returns.rate.orderRate.current).toBeNull();
    expect(blank.report.routing.load.locations).toEqual([]);
    expect(blank.report.returns.open.total).toBe(0);
    expect(blank.home.setup.every((s) => !s.done)).toBe(true);
  });

  it("is null for a shop that is not installed", async () => {
    expect(await loadDashboard("nobody.myshopify.com", { days: 7, now })).toBeNull();
  });
});
