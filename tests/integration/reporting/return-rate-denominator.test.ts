// The return rate's denominator is Shopify's count of fulfilled orders, not the orders Crossdock
// happened to see (issue 14: "40 % (2 of 5 fulfilled orders) while Shopify holds 28"). The
// simulator's fixture shop placed six orders on Oct 1–6: #1002 partly shipped, #1003 delivered and
// #1006 picked up are fulfilled; #1004 is cancelled. Crossdock saw only #1003, which came back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { Shop } from "~/models/shops.server";
import { loadDashboard } from "~/services/load-dashboard.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { createTestShop, resetDatabase } from "../../setup/db";
import { SHOP, startTestSimulator, type TestSimulator } from "../../simulator/helpers";

const now = new Date("2026-10-07T12:00:00Z");
let sim: TestSimulator;
let graphql: AdminGraphql;
let shop: Shop;

beforeAll(async () => {
  sim = await startTestSimulator();
  graphql = (query, options) => sim.gqlRaw(query, options?.variables);
});
afterAll(() => sim.close());

beforeEach(async () => {
  await resetDatabase();
  shop = await createTestShop({ domain: SHOP, timezone: "UTC" });
  const { orders } = await sim.data(`{ orders(first: 10, query: "name:#1003") { nodes { id name createdAt } } }`);
  const delivered = orders.nodes[0] as { id: string; name: string; createdAt: string };
  await prisma.order.create({
    data: {
      shopId: shop.id,
      shopifyId: delivered.id,
      legacyResourceId: delivered.id.split("/").pop()!,
      name: delivered.name,
      fulfillmentStatus: "fulfilled",
      shopifyCreatedAt: new Date(delivered.createdAt),
      shopifyUpdatedAt: new Date(delivered.createdAt),
    },
  });
  await prisma.returnRequest.create({ data: { shopId: shop.id, rma: "RMA-1003", orderId: delivered.id, orderName: delivered.name, status: "REQUESTED" } });
});

describe("the return rate's denominator", () => {
  it("is the fulfilled, not cancelled orders Shopify counts in the period, whether Crossdock saw them or not", async () => {
    const { report } = (await loadDashboard(SHOP, { days: 7, now, graphql }))!;
    // Checked against Shopify's own list, not its count: the fulfilled and partly fulfilled orders.
    const listed = await sim.data(`{ fulfilled: orders(first: 50, query: "fulfillment_status:fulfilled -status:cancelled") { nodes { name } } partial: orders(first: 50, query: "fulfillment_status:partial -status:cancelled") { nodes { name } } }`);
    const fulfilled = [...listed.fulfilled.nodes, ...listed.partial.nodes].map((o: { name: string }) => o.name).sort();
    expect(fulfilled).toEqual(["#1002", "#1003", "#1006"]);
    expect(report.returns.rate.current).toEqual({ ordersWithReturns: 1, fulfilledOrders: 3 });
    expect(report.returns.rate.orderRate.current).toBeCloseTo(1 / 3);
    expect(report.returns.rate.fulfilledOrdersFrom).toBe("shopify");
    expect(report.returns.rate.previous).toEqual({ ordersWithReturns: 0, fulfilledOrders: 0 });
  });

  it("falls back to the orders Crossdock holds, and says so, when Shopify cannot be asked", async () => {
    const failing: AdminGraphql = async () => new Response(JSON.stringify({ errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] }), { status: 200 });
    const { report } = (await loadDashboard(SHOP, { days: 7, now, graphql: failing }))!;
    expect(report.returns.rate.current).toEqual({ ordersWithReturns: 1, fulfilledOrders: 1 });
    expect(report.returns.rate.fulfilledOrdersFrom).toBe("crossdock");
  });
});
