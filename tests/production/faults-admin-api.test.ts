// Fault: Shopify's Admin API answers 5xx and times out while the workers route orders and sync
// locations, under the production topology (tests/production/topology.ts). The simulator's outage
// control (FIDELITY AF-1..AF-3) makes the next Admin GraphQL requests fail: 503 before anything ran,
// 504 after a mutation was applied (the answer lost), 504 seconds late, and no answer for 60 s
// (Crossdock gives up after ADMIN_API_TIMEOUT_MS). The jobs retry
// (app/shopify/resilient-graphql.ts: a query is resent, a mutation only when Shopify ran nothing,
// else the job retries and re-reads first): every delivery is processed (lost = 0), every order ends
// at the location Crossdock chose, and no fulfillment order is moved twice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { saveRulesExcluding } from "../support/routing-rules";
import { simulatorAdminGraphql } from "../support/simulator-admin";
import { deliveryCounts, nothingLost, SHOP, startTopology, TOKEN, waitFor, type Topology } from "./topology";

let topology: Topology;

beforeAll(async () => {
  topology = await startTopology({ webhookMaxAttempts: 8, webhookRetryDelayMs: 500, env: { JOBS_BACKOFF_MS: "500", ADMIN_API_TIMEOUT_MS: "2000" } });
}, 360_000);

afterAll(async () => {
  await topology?.stop();
});

interface Faults {
  remaining: number;
  failed: { queries: number; mutations: number };
}

describe("Admin API 5xx and timeouts while jobs run", () => {
  it("retries until Shopify answers: everything processed, orders routed once, nothing moved twice", async () => {
    const sim = topology.sim;
    const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
    const graphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);
    const { syncLocations } = await import("~/services/sync-locations.server");
    const { syncInventory } = await import("~/services/sync-inventory.server");
    const { updateShopSettings } = await import("~/models/shops.server");
    const all = (await sim.data(`{ locations(first: 10) { nodes { id name } } }`)).locations.nodes as { id: string; name: string }[];
    const locationOf = (name: string) => all.find((l) => l.name === name)!.id;
    const [warehouse, sfStore] = [locationOf("Warehouse"), locationOf("SF Store")];
    // TEE-M at the warehouse (where Shopify's default routing puts it) and the SF store; the merchant
    // never ships from the warehouse, so Crossdock moves every order to the SF store (a mutation).
    expect((await sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: sfStore, name: "available", quantity: 50 }] })).status).toBeLessThan(300);
    await syncLocations(shop, graphql);
    await syncInventory(shop, graphql);
    await saveRulesExcluding(shop, "Not from the warehouse", warehouse);
    await updateShopSettings(shop, { autoRouting: true });

    const orders: string[] = [];
    const order = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
          lines: [{ sku: "TEE-M", quantity: 1 }],
          email: `admin-fault-${orders.length}@example.com`,
          shippingAddress: { address1: "1 Market St", city: "San Francisco", zip: "94105", countryCode: "US", latitude: 37.79, longitude: -122.4 },
          wait: false,
        });
        expect(created.status).toBe(201);
        orders.push(created.body.order.id as string);
      }
    };
    const faults = async (body: Record<string, unknown>) => {
      const answer = await sim.control("PUT", `/_control/shops/${SHOP}/faults`, body);
      expect(answer.status).toBe(200);
    };
    /** Waits until the outage's requests are all spent (the app kept asking), and answers what failed. */
    const outageSpent = (what: string) =>
      waitFor(topology, `the ${what} outage to be spent`, async () => {
        const faults = (await sim.control("GET", `/_control/shops/${SHOP}/faults`)).body.faults as Faults | null;
        return faults && faults.remaining === 0 ? faults.failed : null;
      });
    const renameWarehouse = (name: string) => sim.control("PATCH", `/_control/shops/${SHOP}/locations/${encodeURIComponent(warehouse)}`, { name });

    // 1. 503 on every request, nothing run: queries are resent, mutations refused before running are retried by the job.
    await faults({ status: 503, count: 6 });
    await order(3);
    await renameWarehouse("Fresno Warehouse");
    const failed503 = await outageSpent("503");

    // 2. 504 after the mutation ran (the answer lost): the job must not move the fulfillment order again.
    await faults({ status: 504, count: 2, applied: true, operations: "mutations" });
    await order(2);
    const failedApplied = await outageSpent("applied 504");

    // 3. Late 504s (a request hanging 3 s, then Shopify's gateway timeout).
    await faults({ status: 504, count: 4, delayMs: 3_000 });
    await order(2);
    await renameWarehouse("Central Warehouse");
    const failedLate = await outageSpent("late 504");

    // 4. Requests Shopify never answers in time (60 s): Crossdock gives up after ADMIN_API_TIMEOUT_MS
    // (2 s here) and retries, so the order is routed long before Shopify's answer would come.
    const hangingSince = Date.now();
    await faults({ status: 504, count: 2, delayMs: 60_000 });
    await order(1);
    const failedHanging = await outageSpent("hanging");
    // Whatever job met the hanging requests finishes within 30 s: it did not wait Shopify's 60 s.
    await nothingLost(topology, "while requests hang", 30_000);
    const hangingMs = Date.now() - hangingSince;

    const counts = await nothingLost(topology, "after the Admin API outages");
    // Each order's latest decision is APPLIED (a move whose answer was lost leaves a FAILED revision,
    // and the retried job, reading Shopify again, records the order as where the plan wants it).
    const latest = async () => {
      const found = await prisma.routingDecision.findMany({ where: { orderId: { in: orders } }, orderBy: { revision: "desc" } });
      return orders.map((id) => found.find((d) => d.orderId === id));
    };
    const decisions = await waitFor(topology, "every order's latest routing decision to be APPLIED", async () => ((await latest()).every((d) => d?.status === "APPLIED") ? latest() : null), 30_000).catch(async (error: Error) => {
      const found = await prisma.routingDecision.findMany({ where: { orderId: { in: orders } }, orderBy: [{ orderId: "asc" }, { revision: "asc" }] });
      throw new Error(`${error.message.split("\n")[0]}\n${found.map((d) => `${d.orderId} r${d.revision} ${d.trigger} ${d.status} ${d.error ?? ""}`).join("\n")}`);
    });
    const routed = await deliveryCounts(topology, ["orders/create", "fulfillment_orders/order_routing_complete", "locations/update"]);
    console.log(
      `admin-api-faults: sent ${counts.sent} stored ${counts.stored} processed ${counts.processed} lost ${counts.lost}` +
        ` (orders and locations: ${routed.processed}/${routed.sent}); Admin failed: 503 ${JSON.stringify(failed503)}, 504 after applying ${JSON.stringify(failedApplied)}, 504 after 3 s ${JSON.stringify(failedLate)}, never answered ${JSON.stringify(failedHanging)} (all processed ${(hangingMs / 1000).toFixed(1)} s after)`,
    );
    expect(counts).toEqual({ sent: counts.sent, stored: counts.sent, processed: counts.sent, lost: 0 });
    expect(failedApplied.mutations).toBe(2);

    // In Shopify each order has one open fulfillment order, at the SF store, with the one unit (a
    // second move would fail or leave another fulfillment order).
    expect(decisions.map((d) => [d!.orderId, d!.status])).toEqual(orders.map((id) => [id, "APPLIED"]));
    const revisions = await prisma.routingDecision.groupBy({ by: ["orderId", "status"], where: { orderId: { in: orders } }, _count: true });
    console.log(`admin-api-faults decisions: ${JSON.stringify(revisions.map((r) => [r.orderId.split("/").pop(), r.status, r._count]))}`);
    for (const id of orders) {
      const data = await sim.data(
        `query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { status assignedLocation { location { id } } lineItems(first: 5) { nodes { sku remainingQuantity } } } } } }`,
        { id },
      );
      const fulfillmentOrders = (data.order as { fulfillmentOrders: { nodes: { status: string; assignedLocation: { location: { id: string } }; lineItems: { nodes: { sku: string; remainingQuantity: number }[] } }[] } }).fulfillmentOrders.nodes;
      const open = fulfillmentOrders.filter((fo) => fo.status === "OPEN");
      expect(open.map((fo) => [fo.assignedLocation.location.id, fo.lineItems.nodes.map((l) => [l.sku, l.remainingQuantity])]), id).toEqual([[sfStore, [["TEE-M", 1]]]]);
    }
    // The renames reached Crossdock through the outages.
    expect(await prisma.location.findFirst({ where: { shopId: shop.id, shopifyId: warehouse } })).toMatchObject({ name: "Central Warehouse" });
  }, 240_000);
});
