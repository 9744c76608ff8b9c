// Every topic shopify.app.toml subscribes, through the app's real webhook endpoint and the BullMQ
// worker, in the shape of Shopify's example payloads (tests/fixtures/webhooks, FIDELITY WP-1..WP-15):
// each payload is what the simulator sends for a real change of a simulated shop (held to the
// example's shape by tests/simulator/webhook-payload-shapes.test.ts), signed here as Shopify signs
// webhooks (HMAC-SHA256 of the raw body with the app's secret, base64, X-Shopify-* headers).
//
// Each topic is delivered twice: as sent, where its effect must land; then with every value Shopify's
// example has as null set to null (a level with `available: null`, line items without variants,
// addresses without coordinates …), which must be processed too: the parsers take the documented
// shape. The one exception is an event the nulls turn into another: the example's refund is for
// no return, which Crossdock skips by design.
import "./env";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { offlineAdmin } from "~/jobs/admin.server";
import type { WebhookDelivery } from "~/models/webhook-deliveries.server";
import { getShop } from "~/models/shops.server";
import { syncLocations } from "~/services/sync-locations.server";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { loadAppConfig } from "../../../simulator/webhooks/app-config";
import { createTestShop, resetDatabase } from "../../setup/db";
import { SHOP, startTestSimulator, TOKEN, type Loose, type TestSimulator } from "../../simulator/helpers";
import type { TestJobs } from "./drivers";
import { startAppJobs } from "./simulated-app";
import { API_KEY, API_SECRET } from "./env";
import { obliterateQueues, postWebhook, waitForStatus } from "./support";

const ROOT = join(import.meta.dirname, "../../..");
const CONFIG = loadAppConfig(join(ROOT, "shopify.app.toml"), ADMIN_API_VERSION);
const SUBSCRIBED = [...new Set(CONFIG.subscriptions.map((s) => s.topic))];
const SHAPES = join(ROOT, "tests/fixtures/webhooks");
/** Topics whose published example is empty, held to another topic's shape (sources.md). */
const SHAPE_OF: Record<string, string> = { "returns/process": "returns/approve" };
/** What the example's nulls make of an event, where it is another event: the example's refund is for no return, its risk assessment for no order. */
const NULLS_SKIPPED: Record<string, string> = {
  "refunds/create": "The refund is not for a return",
  // The example's order ids are both null: it names no order.
  "orders/risk_assessment_changed": "The delivery names no order",
};

type Shape = string | Shape[] | { [key: string]: Shape };

function shapeOf(topic: string): Shape {
  const file = join(SHAPES, `${SHAPE_OF[topic] ?? topic}.shape.json`);
  expect(existsSync(file), `an example shape for ${topic}`).toBe(true);
  return JSON.parse(readFileSync(file, "utf8")) as Shape;
}

/** The payload with every value Shopify's example has as null set to null (the rest as it is). */
export function withExampleNulls(shape: Shape, value: unknown): unknown {
  if (shape === "null") return null;
  if (typeof shape === "string" || value === null || value === undefined) return value;
  if (Array.isArray(shape)) return Array.isArray(value) && shape[0] !== undefined ? value.map((v) => withExampleNulls(shape[0]!, v)) : value;
  if (typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k in shape ? withExampleNulls(shape[k]!, v) : v]));
}

let sim: TestSimulator;
let jobs: TestJobs;
const delivered: { topic: string; variant: "as sent" | "example nulls"; status: string; note: string | null }[] = [];

beforeAll(async () => {
  sim = await startTestSimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    // Nothing listens there: the simulator records each payload; the test delivers it itself.
    appUrl: "http://127.0.0.1:9",
    webhookConfig: CONFIG,
    webhooks: { maxAttempts: 1, retryDelayMs: 1, timeoutMs: 1_000 },
    // Exactly what Crossdock asks for.
    scopes: CONFIG.scopes,
  });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  await resetDatabase();
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: CONFIG.scopes ?? "" } });
  const shop = await createTestShop({ domain: SHOP });
  await syncLocations(shop, await offlineAdmin()(SHOP));
  jobs = await startAppJobs();
});

afterAll(async () => {
  await jobs?.close();
  await sim?.close();
  await obliterateQueues();
});

/** The newest payload the simulator sent for `topic` (optionally the newest matching `where`). */
async function sent(topic: string, where: (payload: Loose) => boolean = () => true): Promise<Loose> {
  await sim.sim.webhooks.idle();
  const found = sim.sim.webhooks.deliveries.filter((d) => d.shop === SHOP && d.topic === topic && where(d.payload)).at(-1);
  expect(found, `the simulator sent ${topic}`).toBeTruthy();
  return found!.payload;
}

/** Signs and posts one delivery to the topic's route, waits for the worker's final word. */
async function deliver(topic: string, payload: unknown, variant: "as sent" | "example nulls"): Promise<WebhookDelivery> {
  const webhookId = randomUUID();
  const response = await postWebhook({ topic, shop: SHOP, payload, webhookId });
  expect(response.status, `${topic} (${variant}) answered`).toBe(200);
  const row = await waitForStatus(SHOP, webhookId, ["PROCESSED", "SKIPPED", "FAILED"], 20_000);
  delivered.push({ topic, variant, status: row.status, note: row.lastError });
  return row;
}

/**
 * The topic's payload as sent (its effect is then checked by the caller), then with the example's
 * nulls: processed or skipped for a stated reason, never failed.
 */
async function both(topic: string, payload: Loose, effect: () => Promise<void>): Promise<void> {
  const row = await deliver(topic, payload, "as sent");
  expect(row.status, `${topic}: ${row.lastError}`).toBe("PROCESSED");
  await effect();
  const nulled = await deliver(topic, withExampleNulls(shapeOf(topic), payload), "example nulls");
  const skipped = NULLS_SKIPPED[topic];
  expect([nulled.status, nulled.lastError], `${topic} with the example's nulls`).toEqual(skipped ? ["SKIPPED", skipped] : ["PROCESSED", null]);
}

const orderRow = (gid: string) => prisma.order.findFirst({ where: { shopifyId: gid } });
const returnRow = (gid: string) => prisma.returnRequest.findFirst({ where: { shopifyReturnId: gid } });

it("every subscribed topic in the example's shape lands its effect through the endpoint and the worker; nothing fails for good", async () => {
  const warehouse = (await prisma.location.findFirstOrThrow({ where: { name: "Warehouse" } })).shopifyId;
  const customer = { email: "lan@example.vn", firstName: "Lan", lastName: "Nguyen", phone: "+84901234567" };
  const address = { firstName: "Lan", lastName: "Nguyen", address1: "1 Main St", city: "Fresno", zip: "93721", provinceCode: "CA", countryCode: "US", latitude: 36.74, longitude: -119.78 };

  // An order: stored, then routed once Shopify's fulfillment orders exist.
  const placed = await sim.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-S", quantity: 1 }], email: customer.email, customer, shippingAddress: address });
  expect(placed.status).toBe(201);
  const orderGid = placed.body.order.id as string;
  await both("orders/create", await sent("orders/create", (p) => p.admin_graphql_api_id === orderGid), async () => {
    expect(await orderRow(orderGid)).toMatchObject({ name: placed.body.order.name, email: customer.email });
  });
  const foGid = placed.body.fulfillmentOrders[0].id as string;
  await both("fulfillment_orders/order_routing_complete", await sent("fulfillment_orders/order_routing_complete", (p) => p.fulfillment_order.id === foGid), async () => {
    expect(await prisma.routingDecision.findMany({ where: { orderId: orderGid } })).toEqual([expect.objectContaining({ status: "APPLIED" })]);
  });

  // An order Shopify assesses as high risk waits before routing; a new assessment, no longer high, routes it.
  const risky = await sim.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-S", quantity: 1 }], email: "kim@example.com", shippingAddress: address, riskLevel: "HIGH" });
  expect(risky.status).toBe(201);
  const riskyGid = risky.body.order.id as string;
  await deliver("orders/create", await sent("orders/create", (p) => p.admin_graphql_api_id === riskyGid), "as sent");
  const riskyFo = risky.body.fulfillmentOrders[0].id as string;
  await deliver("fulfillment_orders/order_routing_complete", await sent("fulfillment_orders/order_routing_complete", (p) => p.fulfillment_order.id === riskyFo), "as sent");
  expect(await orderRow(riskyGid)).toMatchObject({ routingHold: "HIGH_RISK" });
  expect((await sim.control("POST", `/_control/shops/${SHOP}/orders/${riskyGid.split("/").pop()}/risk-assessments`, { riskLevel: "LOW" })).status).toBe(200);
  await both("orders/risk_assessment_changed", await sent("orders/risk_assessment_changed", (p) => p.admin_graphql_api_order_id === riskyGid), async () => {
    expect(await prisma.routingDecision.findMany({ where: { orderId: riskyGid } })).toEqual([expect.objectContaining({ status: "APPLIED", trigger: "hold-ended" })]);
    expect(await orderRow(riskyGid)).toMatchObject({ routingHold: null });
  });

  // Stock counted at the warehouse.
  expect((await sim.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: warehouse, quantity: 17 }] })).status).toBe(200);
  await both("inventory_levels/update", await sent("inventory_levels/update", (p) => p.available === 17), async () => {
    expect(await prisma.inventoryLevel.count({ where: { location: { shopifyId: warehouse }, available: 17 } })).toBe(1);
  });

  // A location opened, renamed, closed for good.
  const opened = await sim.control("POST", `/_control/shops/${SHOP}/locations`, { name: "Pop-up", address: { address1: "5 Fair St", city: "Fresno", zip: "93721", countryCode: "US" } });
  expect(opened.status).toBe(201);
  await both("locations/create", await sent("locations/create"), async () => {
    expect(await prisma.location.findFirst({ where: { shopifyId: opened.body.id } })).toMatchObject({ name: "Pop-up" });
  });
  expect((await sim.control("PATCH", `/_control/shops/${SHOP}/locations/${encodeURIComponent(opened.body.id)}`, { name: "Pop-up (Fair)" })).status).toBe(200);
  await both("locations/update", await sent("locations/update"), async () => {
    expect(await prisma.location.findFirst({ where: { shopifyId: opened.body.id } })).toMatchObject({ name: "Pop-up (Fair)" });
  });
  // Shopify deletes only a deactivated location.
  expect((await sim.control("PATCH", `/_control/shops/${SHOP}/locations/${encodeURIComponent(opened.body.id)}`, { isActive: false })).status).toBe(200);
  expect((await sim.control("DELETE", `/_control/shops/${SHOP}/locations/${encodeURIComponent(opened.body.id)}`)).status).toBe(200);
  await both("locations/delete", await sent("locations/delete"), async () => {
    expect(await prisma.location.findFirst({ where: { shopifyId: opened.body.id } })).toBeNull();
  });

  // Shipped and delivered: orders/updated moves the order on (fulfillments/* are not subscribed: the
  // portal reads tracking live; README "Webhooks and background jobs").
  const shipped = await sim.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: orderGid, tracking: { company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" } });
  expect(shipped.status).toBe(201);
  const fulfillmentGid = shipped.body.fulfillments[0].id as string;
  await both("orders/updated", await sent("orders/updated", (p) => p.admin_graphql_api_id === orderGid && p.fulfillment_status === "fulfilled"), async () => {
    expect((await orderRow(orderGid))?.fulfillmentStatus).toBe("fulfilled");
  });
  // The carrier's scan: stored once per Shopify event (the shipment emails: shipment-notices.test.ts).
  expect((await sim.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfillmentGid)}/events`, { status: "DELIVERED", city: "Fresno", country: "US", message: "Left at front door" })).status).toBe(201);
  await both("fulfillment_events/create", await sent("fulfillment_events/create", (p) => p.status === "delivered"), async () => {
    expect(await prisma.shipmentEvent.findMany({ where: { fulfillmentId: fulfillmentGid }, select: { status: true, message: true } })).toEqual([{ status: "DELIVERED", message: "Left at front door" }]);
  });

  // A return the customer asked for in Shopify: requested, approved, shipped back, received, refunded, closed, reopened.
  const requested = await sim.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: orderGid, status: "REQUESTED" });
  expect(requested.status).toBe(201);
  const returnGid = requested.body.return.id as string;
  await both("returns/request", await sent("returns/request"), async () => {
    expect(await returnRow(returnGid)).toMatchObject({ status: "REQUESTED", source: "SHOPIFY" });
  });
  const path = `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnGid)}`;
  expect((await sim.control("POST", `${path}/approve`, {})).status).toBe(200);
  await both("returns/approve", await sent("returns/approve"), async () => {
    expect((await returnRow(returnGid))?.status).toBe("APPROVED");
  });
  const rfo = (await sim.data(`query($id: ID!) { return(id: $id) { reverseFulfillmentOrders(first: 1) { nodes { id lineItems(first: 5) { nodes { id totalQuantity } } } } } }`, { id: returnGid })).return
    .reverseFulfillmentOrders.nodes[0];
  const label = await sim.gql(
    `mutation($id: ID!) { reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $id, reverseDeliveryLineItems: [], trackingInput: { number: "1Z999AA10123450000", url: "https://www.ups.com/track?tracknum=1Z999AA10123450000" }) { userErrors { message } } }`,
    { id: rfo.id },
  );
  expect(label.data?.reverseDeliveryCreateWithShipping.userErrors).toEqual([]);
  await both("reverse_deliveries/attach_deliverable", await sent("reverse_deliveries/attach_deliverable"), async () => {
    expect((await returnRow(returnGid))?.labelTrackingNumber).toBe("1Z999AA10123450000");
  });
  const disposed = await sim.gql(`mutation($inputs: [ReverseFulfillmentOrderDisposeInput!]!) { reverseFulfillmentOrderDispose(dispositionInputs: $inputs) { userErrors { message } } }`, {
    inputs: rfo.lineItems.nodes.map((l: Loose) => ({ reverseFulfillmentOrderLineItemId: l.id, quantity: l.totalQuantity, dispositionType: "RESTOCKED", locationId: warehouse })),
  });
  expect(disposed.data?.reverseFulfillmentOrderDispose.userErrors).toEqual([]);
  await both("reverse_fulfillment_orders/dispose", await sent("reverse_fulfillment_orders/dispose"), async () => {
    expect(await returnRow(returnGid)).toMatchObject({ status: "RECEIVED", receivedAt: expect.any(Date) });
  });
  expect((await sim.control("POST", `${path}/refund`, { amount: "15.00" })).status).toBe(201);
  await both("refunds/create", await sent("refunds/create"), async () => {
    const row = await returnRow(returnGid);
    expect([row?.status, row?.refundedAmount?.toString()]).toEqual(["REFUNDED", "15"]);
  });
  expect((await sim.control("POST", `${path}/close`, {})).status).toBe(200);
  await both("returns/close", await sent("returns/close"), async () => {
    expect((await returnRow(returnGid))?.closedAt).toBeInstanceOf(Date);
  });
  expect((await sim.control("POST", `${path}/reopen`, {})).status).toBe(200);
  await both("returns/reopen", await sent("returns/reopen"), async () => {
    expect((await returnRow(returnGid))?.status).not.toBe("CLOSED");
  });
  if (SUBSCRIBED.includes("returns/process")) {
    expect((await sim.control("POST", `${path}/process`, { refund: false })).status).toBe(200);
    await both("returns/process", await sent("returns/process"), async () => {
      expect(await returnRow(returnGid)).toBeTruthy();
    });
  }

  // Two more requests on a second shipped order: one declined, one cancelled.
  const second = await sim.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-S", quantity: 2 }], email: "bo@example.com", shippingAddress: { ...address, firstName: "Bo" } });
  expect((await sim.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: second.body.order.id })).status).toBe(201);
  const declined = await sim.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: second.body.order.id, status: "REQUESTED", lines: [{ sku: "TEE-S", quantity: 1 }] });
  expect(declined.status).toBe(201);
  expect((await sim.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(declined.body.return.id)}/decline`, { declineReason: "FINAL_SALE", declineNote: "Worn" })).status).toBe(200);
  await both("returns/decline", await sent("returns/decline"), async () => {
    expect(await returnRow(declined.body.return.id)).toMatchObject({ status: "DECLINED", declineNote: "Worn" });
  });
  const cancelledReturn = await sim.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: second.body.order.id, status: "REQUESTED", lines: [{ sku: "TEE-S", quantity: 1 }] });
  expect(cancelledReturn.status).toBe(201);
  expect((await sim.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(cancelledReturn.body.return.id)}/cancel`, {})).status).toBe(200);
  await both("returns/cancel", await sent("returns/cancel"), async () => {
    expect((await returnRow(cancelledReturn.body.return.id))?.status).toBe("CANCELED");
  });

  // An order cancelled before Crossdock saw it.
  const third = await sim.control("POST", `/_control/shops/${SHOP}/orders`, { lines: [{ sku: "TEE-M", quantity: 1 }], email: "cy@example.com", shippingAddress: { ...address, firstName: "Cy" } });
  expect((await sim.control("POST", `/_control/shops/${SHOP}/orders/${encodeURIComponent(third.body.order.id)}/cancel`, { reason: "CUSTOMER" })).status).toBe(200);
  await both("orders/cancelled", await sent("orders/cancelled"), async () => {
    expect((await orderRow(third.body.order.id))?.cancelledAt).toBeInstanceOf(Date);
  });

  // The merchant grants one more scope, then takes it back.
  const granted = `${CONFIG.scopes},read_customers`;
  await sim.control("POST", "/_control/shops", { shop: SHOP, scopes: granted });
  await both("app/scopes_update", await sent("app/scopes_update"), async () => {
    expect((await prisma.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } })).scope).toBe(granted);
  });
  await sim.control("POST", "/_control/shops", { shop: SHOP, scopes: CONFIG.scopes });

  // The customer asks for their data, then to be forgotten.
  const customerGid = (await orderRow(orderGid))!.customerId!;
  expect((await sim.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "customers/data_request", customerId: customerGid })).status).toBe(200);
  await both("customers/data_request", await sent("customers/data_request"), async () => {
    const exports = await prisma.customerDataExport.findMany({ where: { customerId: customerGid } });
    expect(exports.length).toBeGreaterThan(0);
    // The carrier's updates on the order's shipments are the customer's data too.
    const stored = await prisma.shipmentEvent.findMany({ where: { orderId: orderGid } });
    expect(stored.length).toBeGreaterThan(0);
    const exported = (exports.at(-1)!.data as { orders: { id: string; shipmentUpdates: { status: string; message: string | null }[] }[] }).orders;
    expect(exported.find((o) => o.id === orderGid)?.shipmentUpdates).toEqual(stored.map((e) => expect.objectContaining({ status: e.status, message: e.message })));
  });
  expect((await sim.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "customers/redact", customerId: customerGid })).status).toBe(200);
  await both("customers/redact", await sent("customers/redact"), async () => {
    expect(await orderRow(orderGid)).toMatchObject({ email: null, customerId: null, redactedAt: expect.any(Date) });
    // The carrier's messages about the order may name the shopper: its shipment events are gone.
    expect(await prisma.shipmentEvent.count({ where: { orderId: orderGid } })).toBe(0);
  });

  // Uninstalled, then, 48 hours later in Shopify's time, the shop's data erased.
  expect((await sim.control("POST", `/_control/shops/${SHOP}/uninstall`)).status).toBe(200);
  await both("app/uninstalled", await sent("app/uninstalled"), async () => {
    expect((await getShop(SHOP))?.uninstalledAt).toBeInstanceOf(Date);
    expect(await prisma.session.count({ where: { shop: SHOP } })).toBe(0);
  });
  expect((await sim.control("POST", `/_control/shops/${SHOP}/compliance`, { topic: "shop/redact" })).status).toBe(200);
  await both("shop/redact", await sent("shop/redact"), async () => {
    expect(await getShop(SHOP)).toBeNull();
  });

  // Every subscribed topic went through, both ways; none failed for good.
  expect([...new Set(delivered.map((d) => d.topic))].sort()).toEqual([...SUBSCRIBED].sort());
  expect(delivered.filter((d) => d.status === "FAILED")).toEqual([]);
  expect(await prisma.webhookDelivery.count({ where: { status: "FAILED" } })).toBe(0);
});
