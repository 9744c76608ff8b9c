// End to end from the simulator: a store change there sends signed webhooks to the app's routes
// (served over HTTP here), the pipeline processes them. Orders, stock, uninstall, and the three
// compliance topics, checked in the database (what is erased is really gone). Both drivers.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { offlineAdmin } from "~/jobs/admin.server";
import { createProcessors } from "~/jobs/webhook-topics.server";
import { getShop } from "~/models/shops.server";
import { engineOrderRouter } from "~/services/engine-order-router.server";
import { resetDatabase } from "../../setup/db";
import { SHOP, type TestSimulator } from "../../simulator/helpers";
import { startJobs, type DriverKind, type TestJobs } from "./drivers";
import { installFreshShop, settled as settledOf, startSimulatedApp, type SimulatedApp } from "./simulated-app";
import { obliterateQueues, waitFor } from "./support";
import { handOverRecorder } from "../../support/order-routers";

let app: SimulatedApp;
let sim: TestSimulator;

beforeAll(async () => {
  app = await startSimulatedApp();
  sim = app.sim;
});

afterAll(async () => {
  await app.close();
  await obliterateQueues();
});

beforeEach(async () => {
  await resetDatabase();
  await installFreshShop(sim, "read_orders");
});

const settled = () => settledOf(sim);

async function createOrder(customer: { email: string; firstName: string; phone: string; street: string }) {
  const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 1 }],
    email: customer.email,
    phone: customer.phone,
    customer: { email: customer.email, firstName: customer.firstName, phone: customer.phone },
    shippingAddress: { firstName: customer.firstName, lastName: "Hopper", address1: customer.street, city: "Arlington", zip: "22201", countryCode: "US", phone: customer.phone },
    noteAttributes: [{ name: "gift_message", value: `For ${customer.firstName}` }],
  });
  expect(created.status).toBe(201);
  return created.body.order as { id: string; name: string };
}

/** Every row of every table, as text, that mentions `needle` (case-insensitive). */
async function rowsMentioning(needle: string): Promise<string[]> {
  const tables = ["order", "webhook_delivery", "customer_data_export", "job_run", "Session", "shop"];
  const found: string[] = [];
  for (const table of tables) {
    const rows = await prisma.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${table}" t WHERE t::text ILIKE $1`, `%${needle}%`);
    found.push(...rows.map((r) => `${table}: ${r.row.slice(0, 200)}`));
  }
  return found;
}

describe.each<DriverKind>(["bullmq", "inline"])("with the %s driver", (kind) => {
  let jobs: TestJobs;
  const router = handOverRecorder();
  beforeAll(async () => {
    jobs = await startJobs(kind, createProcessors({ admin: offlineAdmin(), orderRouter: router }), { maxAttempts: 3, backoffMs: 100 });
  });
  afterAll(() => jobs.close());

  it("creating an order in the simulator stores it and hands it to routing; changing stock updates the local level", async () => {
    const order = await createOrder({ email: "grace@example.com", firstName: "Grace", phone: "+15550002222", street: "12 Cobol Road" });
    const stock = await sim.control("POST", `/_control/shops/${SHOP}/inventory`, {
      changes: [{ sku: "TEE-M", locationId: (await prisma.location.findFirstOrThrow({ where: { name: "Warehouse" } })).shopifyId, quantity: 17 }],
    });
    expect(stock.status).toBe(200);
    await settled();

    const stored = await prisma.order.findFirstOrThrow({ where: { shopifyId: order.id } });
    expect(stored).toMatchObject({ name: order.name, email: "grace@example.com", financialStatus: expect.any(String) });
    expect(router.handed).toContain(order.id);
    expect(stored.lineItems).toEqual([expect.objectContaining({ sku: "TEE-S", quantity: 1 })]);
    const level = await prisma.inventoryLevel.findFirstOrThrow({ where: { location: { name: "Warehouse" }, available: 17 } });
    expect(level.inventoryItemId).toMatch(/^gid:\/\/shopify\/InventoryItem\/\d+$/);
    expect(await prisma.webhookDelivery.count({ where: { status: "FAILED" } })).toBe(0);
  });

  it("customers/data_request exports what Crossdock holds; customers/redact really erases it", async () => {
    const grace = await createOrder({ email: "grace@example.com", firstName: "Grace", phone: "+15550002222", street: "12 Cobol Road" });
    const other = await createOrder({ email: "linus@example.com", firstName: "Linus", phone: "+15550003333", street: "7 Kernel Street" });
    await settled();
    const customerId = (await prisma.order.findFirstOrThrow({ where: { shopifyId: grace.id } })).customerId!;
    expect(customerId).toMatch(/^gid:\/\/shopify\/Customer\/\d+$/);

    expect((await sim.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "customers/data_request", customerId })).status).toBe(200);
    await settled();
    const exported = await prisma.customerDataExport.findFirstOrThrow({ where: { customerId } });
    const data = exported.data as { customer: { email: string }; orders: { id: string; email: string; shippingAddress: { address1: string } }[] };
    expect(data.customer.email).toBe("grace@example.com");
    expect(data.orders.map((o) => o.id)).toEqual([grace.id]);
    expect(data.orders[0]).toMatchObject({ email: "grace@example.com", shippingAddress: expect.objectContaining({ address1: "12 Cobol Road" }) });

    expect((await rowsMentioning("grace")).length).toBeGreaterThan(0);
    expect((await sim.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "customers/redact", customerId })).status).toBe(200);
    await settled();

    // Gone from every table: order snapshots, stored webhook payloads, exports.
    expect(await rowsMentioning("grace")).toEqual([]);
    expect(await rowsMentioning("5550002222")).toEqual([]);
    expect(await rowsMentioning("Cobol")).toEqual([]);
    const redacted = await prisma.order.findFirstOrThrow({ where: { shopifyId: grace.id } });
    expect(redacted).toMatchObject({ email: null, phone: null, customerId: null, customerEmail: null, noteAttributes: [], redactedAt: expect.any(Date) });
    expect(redacted.lineItems).toEqual([expect.objectContaining({ sku: "TEE-S" })]); // the books stay
    expect(await prisma.customerDataExport.count()).toBe(0);
    // The other customer is untouched.
    expect(await prisma.order.findFirstOrThrow({ where: { shopifyId: other.id } })).toMatchObject({ email: "linus@example.com", redactedAt: null });
    expect((await rowsMentioning("linus")).length).toBeGreaterThan(0);
  });

  it("app/uninstalled removes the sessions and keeps the data; shop/redact then erases everything of the shop", async () => {
    await createOrder({ email: "grace@example.com", firstName: "Grace", phone: "+15550002222", street: "12 Cobol Road" });
    await settled();
    const shop = (await getShop(SHOP))!;
    await prisma.jobRun.create({ data: { shop: SHOP, name: "reconcile", status: "SUCCEEDED" } });

    expect((await sim.control("POST", `/_control/shops/${SHOP}/uninstall`)).status).toBe(200);
    await settled();
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect((await getShop(SHOP))?.uninstalledAt).toBeInstanceOf(Date);
    expect(await prisma.order.count({ where: { shopId: shop.id } })).toBe(1);

    expect((await sim.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "shop/redact" })).status).toBe(200);
    await settled();
    expect(await getShop(SHOP)).toBeNull();
    for (const table of ["order", "location", "inventory_level", "shop_settings", "customer_data_export"]) {
      const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${table}" WHERE shop_id = $1`, shop.id);
      expect(Number(rows[0]?.n), table).toBe(0);
    }
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
    expect(await prisma.jobRun.count({ where: { shop: SHOP } })).toBe(0);
    // Only the shop/redact delivery stays, as the record that the redaction ran.
    const left = await prisma.webhookDelivery.findMany({ where: { shop: SHOP } });
    expect(left.map((d) => [d.topic, d.status])).toEqual([["shop/redact", "PROCESSED"]]);
    expect(await rowsMentioning("grace")).toEqual([]);
  });
});

// Shopify creates an order's fulfillment orders after orders/create (FIDELITY OR-1, OR-2): the
// routing engine leaves the order waiting on orders/create and routes it on order_routing_complete.
describe.each<DriverKind>(["bullmq", "inline"])("routing on Shopify's order_routing_complete, with the %s driver", (kind) => {
  let jobs: TestJobs;
  beforeAll(async () => {
    const admin = offlineAdmin();
    jobs = await startJobs(kind, createProcessors({ admin, orderRouter: engineOrderRouter(admin) }), { maxAttempts: 3, backoffMs: 100 });
  });
  afterAll(() => jobs.close());

  it("an order is waiting (never not routable) until its fulfillment orders exist, then routed once", async () => {
    await sim.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 1_500 });
    const created = await sim.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 1 }],
      email: "grace@example.com",
      shippingAddress: { address1: "1 Oakland Street", city: "Oakland", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 },
      wait: false,
    });
    const orderId = created.body.order.id as string;

    // orders/create is processed while Shopify's routing job still runs: the order waits.
    const waiting = await waitFor(
      async () => {
        const delivery = await prisma.webhookDelivery.findFirst({ where: { topic: "orders/create", status: "PROCESSED" } });
        return delivery && prisma.order.findFirst({ where: { shopifyId: orderId } });
      },
      { what: "orders/create to be processed" },
    );
    expect(waiting).not.toBeNull();
    expect(await prisma.routingDecision.count()).toBe(0);

    // order_routing_complete: the fulfillment orders exist, the order is routed, once.
    await waitFor(() => prisma.webhookDelivery.findFirst({ where: { topic: "fulfillment_orders/order_routing_complete" } }), {
      what: "order_routing_complete to arrive",
    });
    await settled();
    const decisions = await prisma.routingDecision.findMany({ where: { orderId } });
    expect(decisions).toEqual([expect.objectContaining({ trigger: "fulfillment_orders/order_routing_complete", revision: 1 })]);
    expect(["APPLIED", "SUGGESTED"]).toContain(decisions[0]!.status);
    const deliveries = await prisma.webhookDelivery.findMany({ where: { topic: "fulfillment_orders/order_routing_complete" } });
    expect(deliveries.map((d) => d.status)).toEqual(["PROCESSED"]);
    expect(await prisma.webhookDelivery.count({ where: { status: "FAILED" } })).toBe(0);
    await sim.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 20 });
  });
});
