// FIDELITY "Order creation and routing" (OR-*): Shopify announces a new order at once and creates its
// fulfillment orders afterwards, in a background routing job, announcing each with
// fulfillment_orders/order_routing_complete.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { webhookHmac } from "../../simulator/webhooks/hmac";
import { API_SECRET, SHOP, startTestSimulator, type TestSimulator } from "./helpers";

interface Received {
  topic: string;
  at: number;
  body: Record<string, unknown>;
  signed: boolean;
}

let t: TestSimulator;
let app: { url: string; received: Received[]; server: Server };

async function startApp(): Promise<typeof app> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      received.push({
        topic: String(req.headers["x-shopify-topic"]),
        at: Date.now(),
        body: JSON.parse(raw) as Record<string, unknown>,
        signed: req.headers["x-shopify-hmac-sha256"] === webhookHmac(raw, API_SECRET),
      });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, server };
}

const ORDER_FOS = `query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { id status deliveryMethod { methodType } assignedLocation { location { id } } } } } }`;

async function fulfillmentOrdersOf(orderId: string) {
  const data = await t.data(ORDER_FOS, { id: orderId });
  return data.order.fulfillmentOrders.nodes as { id: string; status: string; deliveryMethod: { methodType: string }; assignedLocation: { location: { id: string } } }[];
}

async function locationId(name: string): Promise<string> {
  const data = await t.data(`{ locations(first: 10) { nodes { id name } } }`);
  return (data.locations.nodes as { id: string; name: string }[]).find((l) => l.name === name)!.id;
}

async function waitFor<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const shipTo = { address1: "1 Oakland Street", city: "Oakland", provinceCode: "CA", zip: "94601", countryCode: "US", latitude: 37.8, longitude: -122.27 };

beforeEach(async () => {
  app = await startApp();
  t = await startTestSimulator({
    appUrl: app.url,
    webhookConfig: {
      apiVersion: ADMIN_API_VERSION,
      subscriptions: [
        { topic: "orders/create", uri: "/webhooks/orders/create" },
        { topic: "fulfillment_orders/order_routing_complete", uri: "/webhooks/fulfillment_orders/order_routing_complete" },
      ],
    },
  });
});

afterEach(async () => {
  await t.close();
  await new Promise((resolve) => app.server.close(resolve));
});

describe("order creation (FIDELITY OR-*)", () => {
  it("OR-1: announces orders/create before any fulfillment order exists; the order has none until routing completes", async () => {
    await t.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 400 });
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], shippingAddress: shipTo, wait: false });
    expect(created.status).toBe(201);
    expect(created.body.fulfillmentOrders).toEqual([]);
    const orderId = created.body.order.id as string;

    await waitFor(() => app.received.filter((r) => r.topic === "orders/create").length, (n) => n === 1, "orders/create");
    // Shopify's routing job has not run yet: the order exists, its fulfillment orders do not.
    expect(await fulfillmentOrdersOf(orderId)).toEqual([]);
    expect(app.received.some((r) => r.topic === "fulfillment_orders/order_routing_complete")).toBe(false);

    const fos = await waitFor(() => fulfillmentOrdersOf(orderId), (f) => f.length === 1, "fulfillment orders");
    expect(fos[0]).toMatchObject({ status: "OPEN", deliveryMethod: { methodType: "SHIPPING" }, assignedLocation: { location: { id: await locationId("Warehouse") } } });
  });

  it("OR-2: after the shop's delay, sends fulfillment_orders/order_routing_complete per fulfillment order, shaped like Shopify's example", async () => {
    await t.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 150 });
    const startedAt = Date.now();
    // TEE-M only at the warehouse; 7 mugs only at the SF store (the warehouse has 6 left): no
    // location has both, so Shopify's default routing splits the order into two fulfillment orders.
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-M", quantity: 1 }, { sku: "MUG-1", quantity: 7 }],
      shippingAddress: shipTo,
    });
    expect(created.status).toBe(201);
    const fos = created.body.fulfillmentOrders as { id: string; status: string }[];
    expect(fos).toHaveLength(2);

    const routed = await waitFor(
      () => app.received.filter((r) => r.topic === "fulfillment_orders/order_routing_complete"),
      (r) => r.length === 2,
      "two order_routing_complete deliveries",
    );
    const ordersCreate = app.received.find((r) => r.topic === "orders/create")!;
    for (const delivery of routed) {
      expect(delivery.signed).toBe(true);
      expect(delivery.at).toBeGreaterThanOrEqual(ordersCreate.at);
      expect(delivery.at - startedAt).toBeGreaterThanOrEqual(150);
      // Shopify's example payload: the fulfillment order's GID and its status, nothing more.
      expect(Object.keys(delivery.body)).toEqual(["fulfillment_order"]);
      expect(Object.keys(delivery.body.fulfillment_order as object).sort()).toEqual(["id", "status"]);
      expect(delivery.body.fulfillment_order).toMatchObject({ status: "open" });
    }
    expect(routed.map((r) => (r.body.fulfillment_order as { id: string }).id).sort()).toEqual(fos.map((f) => f.id).sort());
  });

  it("OR-3: the routing delay is set per shop and is never zero", async () => {
    expect((await t.control("GET", `/_control/shops/${SHOP}/order-routing`)).body.orderRouting).toEqual({ delayMs: 20, moveOutcome: "documented" });
    const zero = await t.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 0 });
    expect(zero.status).toBe(400);
    const set = await t.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 2500 });
    expect(set.body.orderRouting).toEqual({ delayMs: 2500, moveOutcome: "documented" });
    const other = await t.control("POST", "/_control/shops", { shop: "other-shop.myshopify.com" });
    expect(other.body.orderRouting.delayMs).toBe(20);
  });

  it("OR-4: a pickup order's fulfillment order is created at the checkout's pickup location with delivery method PICK_UP", async () => {
    const sf = await locationId("SF Store");
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 1 }],
      email: "pick@example.com",
      deliveryMethod: "PICK_UP",
      pickupLocationId: sf,
    });
    const fos = await fulfillmentOrdersOf(created.body.order.id);
    expect(fos).toHaveLength(1);
    expect(fos[0]).toMatchObject({ status: "OPEN", deliveryMethod: { methodType: "PICK_UP" }, assignedLocation: { location: { id: sf } } });
  });

  it("OR-5: an order cancelled before routing completes gets no fulfillment orders and no order_routing_complete", async () => {
    await t.control("PUT", `/_control/shops/${SHOP}/order-routing`, { delayMs: 200 });
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], shippingAddress: shipTo, wait: false });
    const orderId = created.body.order.id as string;
    expect((await t.control("POST", `/_control/shops/${SHOP}/orders/${encodeURIComponent(orderId)}/cancel`, {})).status).toBe(200);
    await new Promise((r) => setTimeout(r, 400));
    expect(await fulfillmentOrdersOf(orderId)).toEqual([]);
    expect(app.received.some((r) => r.topic === "fulfillment_orders/order_routing_complete")).toBe(false);
  });

  it("OR-6: seeded orders are history: their fulfillment orders exist from the start and nothing is announced", async () => {
    const data = await t.data(`{ orders(first: 10, query: "name:#1001") { nodes { fulfillmentOrders(first: 5) { nodes { status } } } } }`);
    expect(data.orders.nodes[0].fulfillmentOrders.nodes).toEqual([{ status: "OPEN" }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(app.received).toEqual([]);
  });
});
