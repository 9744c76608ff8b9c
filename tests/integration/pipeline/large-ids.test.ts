// 64-bit ids end to end: a shop whose ids are above 2^53 (simulator `largeIds`, FIDELITY WP-15, as
// in Shopify's example payloads), its webhooks sent signed to the app's routes over HTTP, processed by
// the BullMQ worker with the routing engine. Ids that arrive only as JSON numbers (the order's `id`,
// a line's `variant_id`, a level's `inventory_item_id` and `location_id`) must be stored exactly:
// JSON.parse would turn each into its neighbour.
import "./env";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { offlineAdmin } from "~/jobs/admin.server";
import { createProcessors } from "~/jobs/processors.server";
import { engineOrderRouter } from "~/services/engine-order-router.server";
import { syncLocations } from "~/services/sync-locations.server";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { loadAppConfig } from "../../../simulator/webhooks/app-config";
import { createTestShop, resetDatabase } from "../../setup/db";
import { fixtureSeed } from "../../simulator/fixture-seed";
import { SHOP, startTestSimulator, TOKEN, type TestSimulator } from "../../simulator/helpers";
import { startJobs, type TestJobs } from "./drivers";
import { API_KEY, API_SECRET } from "./env";
import { obliterateQueues, postWebhook, waitFor } from "./support";

const TWO_53 = 2n ** 53n;
const digitsOf = (gid: string) => /\/(\d+)(?:\?|$)/.exec(gid)![1]!;

let sim: TestSimulator;
let app: Server;
let jobs: TestJobs;

beforeAll(async () => {
  app = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`https://crossdock.example.com${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
      postWebhook({ topic: req.url!.replace(/^\/webhooks\//, ""), request }).then(
        (response) => res.writeHead(response.status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  sim = await startTestSimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    appUrl: `http://127.0.0.1:${(app.address() as { port: number }).port}`,
    webhookConfig: loadAppConfig(join(import.meta.dirname, "../../../shopify.app.toml"), ADMIN_API_VERSION),
    webhooks: { retryDelayMs: 200 },
  });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  await resetDatabase();
  expect((await sim.control("POST", "/_control/shops", { shop: SHOP, largeIds: true })).status).toBe(201);
  expect((await sim.control("POST", `/_control/shops/${SHOP}/seed?accessToken=${TOKEN}`, fixtureSeed())).status).toBe(201);
  await sim.control("DELETE", "/_control/webhooks");
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: "read_orders" } });
  const shop = await createTestShop({ domain: SHOP });
  await syncLocations(shop, await offlineAdmin()(SHOP));
  const admin = offlineAdmin();
  jobs = await startJobs("bullmq", createProcessors({ admin, orderRouter: engineOrderRouter(admin) }), { maxAttempts: 3, backoffMs: 100 });
});

afterAll(async () => {
  await jobs?.close();
  await sim?.close();
  await new Promise((resolve) => app.close(resolve));
  await obliterateQueues();
});

async function settled(): Promise<void> {
  await sim.control("GET", "/_control/webhooks?wait=1");
  await waitFor(async () => (await prisma.webhookDelivery.count({ where: { status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } })) === 0, {
    what: "the inbox to be processed",
  });
}

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
  expect(stored.routingStatus).toBe("ROUTED");
  expect(await prisma.routingDecision.count({ where: { orderId: orderGid } })).toBe(1);

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
