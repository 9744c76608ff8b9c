// The install's import (issue 14: "on install, existing open orders and recent returns are imported
// (not routed) so the dashboard and queue are not empty"): against the simulator's fixture shop,
// whose six orders were placed before the install; a shopper asked to return the delivered #1003
// in Shopify.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { importShopHistory } from "~/services/import-shop-history.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { createTestShop, resetDatabase } from "../setup/db";
import { SHOP, startTestSimulator, type TestSimulator } from "../simulator/helpers";

let sim: TestSimulator;
let graphql: AdminGraphql;

beforeAll(async () => {
  sim = await startTestSimulator();
  graphql = (query, options) => sim.gqlRaw(query, options?.variables);
  const { orders } = await sim.data(`{ orders(first: 1, query: "name:#1003") { nodes { id } } }`);
  const created = await sim.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: orders.nodes[0].id, status: "REQUESTED", returnReason: "SIZE_TOO_SMALL", requestedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() });
  expect(created.status).toBe(201);
});
afterAll(() => sim.close());
beforeEach(() => resetDatabase());

describe("importShopHistory", () => {
  it("stores the open orders and the recent returns with their orders, routes nothing, and can run again", async () => {
    const shop = await createTestShop({ domain: SHOP });
    // Another shop with the same Shopify ids keeps its own rows.
    const other = await createTestShop();
    const result = await importShopHistory({ shop, graphql });

    const open = (await sim.data(`{ orders(first: 50, query: "status:open") { nodes { name } } }`)).orders.nodes.map((o: { name: string }) => o.name);
    expect(open.length).toBeGreaterThan(0);
    const stored = (await prisma.order.findMany({ where: { shopId: shop.id }, orderBy: { name: "asc" } })).map((o) => o.name);
    expect(stored).toEqual([...new Set([...open, "#1003"])].sort());
    expect(result).toMatchObject({ openOrders: open.length, returnsImported: 1 });

    const [ret] = await prisma.returnRequest.findMany({ where: { shopId: shop.id }, include: { lines: true } });
    expect(ret).toMatchObject({ orderName: "#1003", source: "SHOPIFY", status: "REQUESTED" });
    expect(ret!.lines[0]).toMatchObject({ reason: "SIZE_TOO_SMALL" });
    // Dated when the shopper asked (3 days ago), not when Crossdock read it; no rule decided it.
    expect(ret!.createdAt.getTime()).toBeLessThan(Date.now() - 2 * 86_400_000);
    expect(ret!.decidedAt).toBeNull();

    // Nothing routed, nothing written for the other shop.
    expect(await prisma.routingDecision.count()).toBe(0);
    expect(await prisma.order.count({ where: { shopId: other.id } })).toBe(0);
    expect(await prisma.jobRun.findFirst({ where: { shop: SHOP, name: "import" } })).toMatchObject({ status: "SUCCEEDED" });

    // Again (a re-install): the same rows, no duplicate.
    const again = await importShopHistory({ shop, graphql });
    expect(again.returnsImported).toBe(0);
    expect(await prisma.order.count({ where: { shopId: shop.id } })).toBe(stored.length);
    expect(await prisma.returnRequest.count({ where: { shopId: shop.id } })).toBe(1);
  });
});
