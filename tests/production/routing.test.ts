// The production topology (tests/production/topology.ts: the build, two `npm start`, two
// `npm run worker`, PostgreSQL, Redis): a change made in Shopify (the simulator) reaches a web process
// as a signed webhook and a worker processes it through the Admin API. When the worker ran the sources
// through tsx instead of the build, every job that called the Admin API failed on `shopify.app.toml?raw`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { saveRulesExcluding } from "../support/routing-rules";
import { simulatorAdminGraphql } from "../support/simulator-admin";
import { waitForLocationRename } from "../support/location-job";
import { SHOP, startTopology, TOKEN, waitFor as waitUntil, type Topology } from "./topology";

let topology: Topology;
let sim: Topology["sim"];

beforeAll(async () => {
  topology = await startTopology();
  sim = topology.sim;
}, 360_000);

afterAll(async () => {
  await topology?.stop();
});

describe("npm start + npm run worker on the production build", () => {
  it("processes a webhook whose job calls the Admin API", async () => {
    const location = (await sim.data(`{ locations(first: 1, query: "name:Warehouse") { nodes { id } } }`)).locations.nodes[0] as { id: string };
    const renamed = await sim.control("PATCH", `/_control/shops/${SHOP}/locations/${encodeURIComponent(location.id)}`, { name: "Fresno Warehouse" });
    expect(renamed.status).toBe(200);

    // locations/update → npm start stores and enqueues → the worker reads every location from the Admin API.
    const { stored, deliveries } = await waitForLocationRename(SHOP, location.id, "Fresno Warehouse");
    expect(stored, `${topology.output()}\ndeliveries: ${JSON.stringify(deliveries.map((d) => [d.status, d.lastError]))}`).not.toBeNull();
    expect(deliveries.map((d) => d.status)).toEqual(["PROCESSED"]);
    // Every location of the shop came from the Admin API in that one job.
    expect(await prisma.location.count()).toBe(3);
    expect(topology.output()).not.toMatch(/Unknown file extension|ERR_/);
  });

  it("routes an order created in Shopify once Shopify's routing completes (orders/create, then order_routing_complete)", async () => {
    // Crossdock knows the shop's locations (as after install); the order's stock is at the warehouse.
    const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
    const { syncLocations } = await import("~/services/sync-locations.server");
    await syncLocations(shop, adminGraphql);
    // As on a busy store: the web process and worker take orders/create before the routing job ends.
    await sim.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 3_000 });
    const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-M", quantity: 1 }],
      email: "prod@example.com",
      shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
      wait: false,
    });
    expect(created.status).toBe(201);
    const orderId = created.body.order.id as string;

    const deadline = Date.now() + 60_000;
    let routed = null;
    while (!routed && Date.now() < deadline) {
      routed = await prisma.routingDecision.findFirst({ where: { orderId, status: { in: ["APPLIED", "SUGGESTED"] } } });
      if (!routed) await new Promise((r) => setTimeout(r, 250));
    }
    const deliveries = await prisma.webhookDelivery.findMany({ where: { shop: SHOP, topic: { in: ["orders/create", "fulfillment_orders/order_routing_complete"] } } });
    expect(routed, `${topology.output()}\ndeliveries: ${JSON.stringify(deliveries.map((d) => [d.topic, d.status, d.lastError]))}`).not.toBeNull();
    const decisions = await prisma.routingDecision.findMany({ where: { orderId } });
    expect(decisions).toEqual([expect.objectContaining({ revision: 1, trigger: "fulfillment_orders/order_routing_complete" })]);
    expect(["APPLIED", "SUGGESTED"]).toContain(decisions[0]!.status);
    expect(deliveries.map((d) => d.status).sort()).toEqual(["PROCESSED", "PROCESSED"]);
  });

  // A partial fulfillmentOrderMove may keep, move or close the original (FIDELITY FM-2..FM-5). The
  // worker plans each move on the fulfillment orders the previous move left, on the stock the web
  // process and the worker mirrored from inventory_levels/update.
  it.each(["documented", "original-stays", "original-moves", "original-closed"])(
    "routes a split order after order_routing_complete when a partial move leaves the original %s",
    async (moveOutcome) => {
      const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
      const all = (await sim.data(`{ locations(first: 10, includeInactive: true) { nodes { id name } } }`)).locations.nodes as { id: string; name: string }[];
      const locationOf = (name: string) => all.find((l) => l.name === name)!.id;
      // (the first test renamed the warehouse)
      const [warehouse, sfStore, depot] = [locationOf("Fresno Warehouse"), locationOf("SF Store"), locationOf("Old Depot")];
      // A third location fulfils online orders: Stockton's depot, opened again (locations/update reaches Crossdock).
      expect((await sim.control("PATCH", `/_control/shops/${SHOP}/locations/${encodeURIComponent(depot)}`, { isActive: true })).status).toBe(200);
      await waitFor("Crossdock to know the depot is active", () => prisma.location.findFirst({ where: { shopId: shop.id, shopifyId: depot, isActive: true } }));

      // TEE-S at the warehouse and the depot, TEE-M at the warehouse and the SF store: Shopify's default
      // routing puts the order at the warehouse, the one location with both; the merchant never ships
      // from the warehouse, so TEE-S goes to the depot and TEE-M to the SF store (two moves, the first partial).
      const stockAt: Record<string, Record<string, number>> = { "TEE-S": { [warehouse]: 5, [depot]: 5, [sfStore]: 0 }, "TEE-M": { [warehouse]: 5, [sfStore]: 5, [depot]: 0 } };
      const changes = Object.entries(stockAt).flatMap(([sku, at]) => Object.entries(at).map(([locationId, quantity]) => ({ sku, locationId, name: "available", quantity })));
      expect((await sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes })).status).toBeLessThan(300);
      // As at install: Crossdock's full stock sync (the mirror knows each level's variant from it; webhooks then keep it current).
      const { syncInventory } = await import("~/services/sync-inventory.server");
      await syncInventory(shop, adminGraphql);
      await waitFor("Crossdock's mirror to hold the stock Shopify has", async () => {
        const levels = await prisma.inventoryLevel.findMany({ where: { shopId: shop.id, sku: { in: ["TEE-S", "TEE-M"] } }, include: { location: true } });
        return changes.every((c) => levels.some((l) => l.sku === c.sku && l.location.shopifyId === c.locationId && l.available === c.quantity)) || null;
      });
      await saveRulesExcluding(shop, "Not from Fresno", warehouse);
      const { updateShopSettings } = await import("~/models/shops.server");
      await updateShopSettings(shop, { autoRouting: true });

      await sim.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 500, moveOutcome });
      const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
        lines: [
          { sku: "TEE-S", quantity: 1 },
          { sku: "TEE-M", quantity: 1 },
        ],
        email: "split@example.com",
        shippingAddress: { address1: "1 Market St", city: "San Francisco", zip: "94105", countryCode: "US", latitude: 37.79, longitude: -122.4 },
        wait: false,
      });
      expect(created.status).toBe(201);
      const orderId = created.body.order.id as string;

      const decision = await waitFor(`the worker to route ${orderId}`, () =>
        prisma.routingDecision.findFirst({ where: { orderId, status: { in: ["APPLIED", "FAILED", "NOT_ROUTABLE", "SUGGESTED"] } } }),
      );
      expect(decision, topology.output()).toMatchObject({ revision: 1, trigger: "fulfillment_orders/order_routing_complete", status: "APPLIED", error: null });
      expect([...decision.shippingLocationIds].sort()).toEqual([depot, sfStore].sort());
      const moves = decision.moves as { ok: boolean; toLocationId: string; whole: boolean }[];
      expect(moves.map((m) => [m.toLocationId, m.ok]).sort()).toEqual([[depot, true], [sfStore, true]].sort());
      expect(moves.some((m) => !m.whole)).toBe(true);

      // Shopify's state: TEE-S open at the depot, TEE-M open at the SF store, nothing left at the warehouse.
      const data = await sim.data(
        `query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10, query: "status:open") { nodes { assignedLocation { location { id } } lineItems(first: 5) { nodes { sku remainingQuantity } } } } } }`,
        { id: orderId },
      );
      const open = (data.order as { fulfillmentOrders: { nodes: { assignedLocation: { location: { id: string } }; lineItems: { nodes: { sku: string; remainingQuantity: number }[] } }[] } }).fulfillmentOrders.nodes;
      expect(open.map((fo) => [fo.assignedLocation.location.id, fo.lineItems.nodes.map((l) => [l.sku, l.remainingQuantity])]).sort()).toEqual(
        [[depot, [["TEE-S", 1]]], [sfStore, [["TEE-M", 1]]]].sort(),
      );
    },
    90_000,
  );
});

/** The Admin API, as the test process reaches the simulator (the install's syncs run in-process). */
const adminGraphql: AdminGraphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);

/** Polls until `probe` answers something (not null), or fails after 60 s naming what it waited for. */
function waitFor<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
  return waitUntil(topology, what, probe);
}
