// 64-bit ids end to end: a shop whose ids are above 2^53 (simulator `largeIds`, FIDELITY WP-15, as
// in Shopify's example payloads), its webhooks sent signed to the app's routes over HTTP, processed by
// the BullMQ worker with the routing engine. Ids that arrive only as JSON numbers (the order's `id`,
// a line's `variant_id`, a level's `inventory_item_id` and `location_id`) must be stored exactly:
// JSON.parse would turn each into its neighbour.
import "./env";
import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { resetDatabase } from "../../setup/db";
import { SHOP, type TestSimulator } from "../../simulator/helpers";
import type { TestJobs } from "./drivers";
import { installFreshShop, settled as settledOf, type SimulatedApp, startAppJobs, startSimulatedApp } from "./simulated-app";
import { obliterateQueues } from "./support";

const TWO_53 = 2n ** 53n;
const digitsOf = (gid: string) => /\/(\d+)(?:\?|$)/.exec(gid)![1]!;

let app: SimulatedApp;
let sim: TestSimulator;
let jobs: TestJobs;

beforeAll(async () => {
  app = await startSimulatedApp();
  sim = app.sim;
  await resetDatabase();
  expect((await sim.control("POST", "/_control/shops", { shop: SHOP, largeIds: true })).status).toBe(201);
  await installFreshShop(sim, "read_orders");
  jobs = await startAppJobs();
});

afterAll(async () => {
  await jobs?.close();
  await app?.close();
  await obliterateQueues();
});

const settled = () => settledOf(sim);

it("an order whose ids are above 2^53 is stored with its exact ids and routed; a stock level of such an item lands on the right row", async () => {
  const placed = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 1 }],
    email: "grace@example.com",
    shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
  });
  expect(placed.status).toBe(201);
  const orderGid = placed.body.order.id as string;
  expect(BigInt(digitsOf(orderGid)) > TWO_53).toBe(true);
  await settled();

  const line = (await sim.data(`query($id: ID!) { order(id: $id) { lineItems(first: 1) { nodes { id variant { id } } } } }`, { id: orderGid })).order.lineItems.nodes[0];
  const stored = await prisma.order.findFirstOrThrow({ where: { shopifyId: orderGid } });
  // legacyResourceId and the variant come only from JSON numbers in orders/create.
  expect(stored.legacyResourceId).toBe(digitsOf(orderGid));
  expect(stored.lineItems).toEqual([expect.objectContaining({ id: line.id, variantId: line.variant.id, quantity: 1 })]);
  expect(await prisma.routingDecision.findMany({ where: { orderId: orderGid } })).toEqual([expect.objectContaining({ status: "APPLIED" })]);

  // inventory_levels/update names the item and the location by number only (and in its GID).
  const warehouse = await prisma.location.findFirstOrThrow({ where: { name: "Warehouse" } });
  expect(BigInt(digitsOf(warehouse.shopifyId)) > TWO_53).toBe(true);
  const tee = (await sim.data(`{ productVariants(first: 1, query: "sku:TEE-M") { nodes { inventoryItem { id } } } }`)).productVariants.nodes[0];
  expect((await sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: warehouse.shopifyId, quantity: 23 }] })).status).toBe(200);
  await settled();
  const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { locationId: warehouse.id, available: 23 } });
  expect(level.inventoryItemId).toBe(tee.inventoryItem.id);

  const failed = await prisma.webhookDelivery.findMany({ where: { status: "FAILED" } });
  expect(failed.map((d) => `${d.topic}: ${d.lastError}`)).toEqual([]);
  // The stored payload keeps the order's id as its exact digits.
  const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { topic: "orders/create" } });
  expect((delivery.payload as { id: unknown }).id).toBe(digitsOf(orderGid));
});

it("a carrier's event on such a shipment names the fulfillment and the order by number only: stored with their exact ids", async () => {
  const placed = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 1 }],
    email: "ada@example.com",
    shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
  });
  expect(placed.status).toBe(201);
  await settled();
  const orderGid = placed.body.order.id as string;
  const shipped = await sim.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: orderGid, tracking: { company: "UPS", number: "1Z999AA10123456784" } });
  expect(shipped.status).toBe(201);
  const fulfillmentGid = shipped.body.fulfillments[0].id as string;
  expect(BigInt(digitsOf(fulfillmentGid)) > TWO_53).toBe(true);
  expect((await sim.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfillmentGid)}/events`, { status: "IN_TRANSIT", message: "Departed" })).status).toBe(201);
  await settled();
  // fulfillment_events/create carries `fulfillment_id` and `order_id` as JSON numbers only.
  expect(await prisma.shipmentEvent.findMany({ select: { fulfillmentId: true, orderId: true, status: true } })).toEqual([{ fulfillmentId: fulfillmentGid, orderId: orderGid, status: "IN_TRANSIT" }]);
});
