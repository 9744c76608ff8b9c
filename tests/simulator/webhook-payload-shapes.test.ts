// FIDELITY.md "Webhook payloads" (WP-1 … WP-14, WP-16): the simulator's payloads have the shape of Shopify's
// example payloads (tests/fixtures/webhooks/<topic>.shape.json, sources.md): the same keys at every
// level, and where the example has a value, a value of the same JSON type (or null: the examples
// show one instance, and Shopify sends null for what is absent). Arrays: each element has the
// shape of the example's first one; an empty example array constrains nothing but the type.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { ALL_SCOPES, SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

const FIXTURES = join(__dirname, "..", "fixtures", "webhooks");
type Shape = string | Shape[] | { [key: string]: Shape };

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Every difference between a payload and the example's shape, as paths. */
export function shapeDifferences(shape: Shape, value: unknown, path = "$"): string[] {
  if (typeof shape === "string") {
    if (shape === "null" || value === null) return [];
    const actual = typeOf(value);
    const fits = actual === shape || (shape === "number" && actual === "integer");
    return fits ? [] : [`${path}: ${actual}, Shopify's example has ${shape}`];
  }
  if (value === null) return [];
  if (Array.isArray(shape)) {
    if (!Array.isArray(value)) return [`${path}: ${typeOf(value)}, Shopify's example has an array`];
    const element = shape[0];
    return element === undefined ? [] : value.flatMap((v, i) => shapeDifferences(element, v, `${path}[${i}]`));
  }
  if (typeOf(value) !== "object") return [`${path}: ${typeOf(value)}, Shopify's example has an object`];
  const object = value as Record<string, unknown>;
  const missing = Object.keys(shape).filter((k) => !(k in object)).map((k) => `${path}.${k}: missing`);
  const extra = Object.keys(object).filter((k) => !(k in shape)).map((k) => `${path}.${k}: not in Shopify's example`);
  const nested = Object.keys(shape).filter((k) => k in object).flatMap((k) => shapeDifferences(shape[k]!, object[k], `${path}.${k}`));
  return [...missing, ...extra, ...nested];
}

const shapeOf = (topic: string) => JSON.parse(readFileSync(join(FIXTURES, `${topic}.shape.json`), "utf8")) as Shape;

const TOPICS = [
  "returns/request",
  "returns/approve",
  "returns/decline",
  "returns/cancel",
  "returns/close",
  "returns/reopen",
  "reverse_deliveries/attach_deliverable",
  "reverse_fulfillment_orders/dispose",
  "refunds/create",
  "app/scopes_update",
  "locations/delete",
  "customers/data_request",
  "customers/redact",
  "shop/redact",
  // WP-7 … WP-14
  "orders/create",
  "orders/updated",
  "orders/cancelled",
  "fulfillment_orders/order_routing_complete",
  "fulfillments/create",
  "fulfillments/update",
  "fulfillment_events/create",
  "locations/create",
  "locations/update",
  "inventory_levels/update",
  "returns/process",
  "app/uninstalled",
  // WP-16
  "orders/risk_assessment_changed",
];
/** Topics whose example payload is empty: held to another topic's shape (sources.md). */
const SHAPE_OF: Record<string, string> = { "returns/process": "returns/approve" };

let t: TestSimulator;
const received = new Map<string, Loose[]>();

beforeAll(async () => {
  t = await startTestSimulator({
    // Nothing listens there: each delivery is recorded with its payload, and fails once.
    appUrl: "http://127.0.0.1:9",
    webhooks: { maxAttempts: 1, retryDelayMs: 1, timeoutMs: 1_000 },
    webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: TOPICS.map((topic) => ({ topic, uri: `/webhooks/${topic}` })) },
  });
});
afterAll(() => t.close());

async function deliveries(topic: string): Promise<Loose[]> {
  const log = await t.control("GET", `/_control/webhooks?wait=1&shop=${SHOP}&topic=${encodeURIComponent(topic)}`);
  return (log.body.deliveries ?? log.body.webhooks ?? log.body).map((d: Loose) => d.payload ?? JSON.parse(d.body));
}

describe("webhook payloads in the shape of Shopify's examples", () => {
  it("the comparison catches a missing key, an extra key and a wrong type", () => {
    const shape: Shape = { id: "integer", note: "null", items: [{ amount: "string" }] };
    expect(shapeDifferences(shape, { id: 1, note: "x", items: [{ amount: "1.00" }] })).toEqual([]);
    expect(shapeDifferences(shape, { id: "1", items: [{ amount: 1 }], return: {} })).toEqual([
      "$.note: missing",
      "$.return: not in Shopify's example",
      "$.id: string, Shopify's example has integer",
      "$.items[0].amount: integer, Shopify's example has string",
    ]);
  });

  it("WP-1 … WP-5: every payload the returns lifecycle, a refund, scopes, a deleted location and the compliance topics send", async () => {
    await t.control("DELETE", "/_control/webhooks");
    const state = (await t.control("GET", `/_control/shops/${SHOP}/state`)).body;
    const fulfilled = state.orders.find((o: Loose) => o.fulfillments?.length > 0);
    expect(fulfilled, "the fixture shop has a fulfilled order").toBeTruthy();
    // A request, approved (its reverse fulfillment order), a label, disposals, a refund, closed, reopened.
    const created = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: fulfilled.id, status: "REQUESTED" });
    expect(created.status).toBe(201);
    const returnId = created.body.return.id as string;
    await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnId)}/approve`, {});
    const rfo = (await t.data(`query($id: ID!) { return(id: $id) { reverseFulfillmentOrders(first: 1) { nodes { id lineItems(first: 5) { nodes { id totalQuantity } } } } } }`, { id: returnId })).return
      .reverseFulfillmentOrders.nodes[0];
    const delivered = await t.gql(
      `mutation($id: ID!) { reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $id, reverseDeliveryLineItems: [], trackingInput: { number: "1Z999", url: "https://www.ups.com/track?tracknum=1Z999" }) { userErrors { message } } }`,
      { id: rfo.id },
    );
    expect(delivered.data?.reverseDeliveryCreateWithShipping.userErrors).toEqual([]);
    const location = state.locations[0].id;
    const disposed = await t.gql(`mutation($inputs: [ReverseFulfillmentOrderDisposeInput!]!) { reverseFulfillmentOrderDispose(dispositionInputs: $inputs) { userErrors { message } } }`, {
      inputs: rfo.lineItems.nodes.map((l: Loose) => ({ reverseFulfillmentOrderLineItemId: l.id, quantity: l.totalQuantity, dispositionType: "RESTOCKED", locationId: location })),
    });
    expect(disposed.data?.reverseFulfillmentOrderDispose.userErrors).toEqual([]);
    expect((await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnId)}/refund`, { amount: "1.00" })).status).toBe(201);
    await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnId)}/close`, {});
    await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnId)}/reopen`, {});
    // A second request, declined; a third, cancelled.
    const other = state.orders.filter((o: Loose) => o.fulfillments?.length > 0)[1];
    expect(other, "the fixture shop has a second fulfilled order").toBeTruthy();
    const second = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: other.id, status: "REQUESTED" });
    expect(second.status).toBe(201);
    await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(second.body.return.id)}/decline`, { declineReason: "OTHER", declineNote: "Worn" });
    const third = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId: other.id, status: "REQUESTED" });
    expect(third.status).toBe(201);
    await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(third.body.return.id)}/cancel`, {});
    await t.control("DELETE", `/_control/shops/${SHOP}/locations/${encodeURIComponent(state.locations.at(-1).id)}`);
    const customerId = (await t.data(`{ customers(first: 1) { nodes { id } } }`)).customers.nodes[0]?.id;
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"]) {
      expect((await t.control("POST", `/_control/shops/${SHOP}/compliance`, { topic, customerId })).status).toBe(200);
    }
    // The merchant narrows the scopes, then grants them all again (the next test needs them).
    await t.control("POST", "/_control/shops", { shop: SHOP, scopes: "read_orders,read_returns" });
    await t.control("POST", "/_control/shops", { shop: SHOP, scopes: ALL_SCOPES });

    const differences: string[] = [];
    for (const topic of TOPICS.slice(0, TOPICS.indexOf("orders/create"))) {
      const payloads = await deliveries(topic);
      received.set(topic, payloads);
      if (payloads.length === 0) differences.push(`${topic}: no payload sent`);
      for (const payload of payloads) differences.push(...shapeDifferences(shapeOf(SHAPE_OF[topic] ?? topic), payload).map((d) => `${topic} ${d}`));
    }
    expect(differences).toEqual([]);
  });

  it("WP-4: reverse_fulfillment_orders/dispose is the reverse fulfillment order itself, with no return", () => {
    const [payload] = received.get("reverse_fulfillment_orders/dispose")!;
    expect(payload.admin_graphql_api_id).toMatch(/^gid:\/\/shopify\/ReverseFulfillmentOrder\/\d+$/);
    expect(payload).not.toHaveProperty("return");
    expect(payload.total_dispositions).toBe(payload.dispositions.length);
  });

  it("WP-5: refunds/create transactions carry currency null, as Shopify's example", () => {
    const [payload] = received.get("refunds/create")!;
    expect(payload.transactions.map((tx: Loose) => tx.currency)).toEqual([null]);
    expect(payload.return.admin_graphql_api_id).toMatch(/^gid:\/\/shopify\/Return\//);
  });
});

describe("orders, fulfillments, tracking, locations, stock, routing and uninstall payloads in the shape of Shopify's examples", () => {
  it("WP-7 … WP-14, WP-16: every payload an order's life, a location, a stock change, a processed return and an uninstall send", async () => {
    await t.control("DELETE", "/_control/webhooks");
    const state = (await t.control("GET", `/_control/shops/${SHOP}/state`)).body;
    const warehouse = state.locations.find((l: Loose) => l.name === "Warehouse").id as string;
    // A Vietnamese shopper paying in VND in the USD shop, with a customer, addresses and a note attribute.
    const placed = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-S", quantity: 2 }],
      email: "lan@example.vn",
      customer: { email: "lan@example.vn", firstName: "Lan", lastName: "Nguyen" },
      shippingAddress: { firstName: "Lan", lastName: "Nguyen", address1: "1 Le Loi", city: "Ho Chi Minh City", zip: "700000", countryCode: "VN" },
      noteAttributes: [{ name: "gift_message", value: "Chúc mừng" }],
      presentment: { currencyCode: "VND", rate: "26300" },
    });
    expect(placed.status).toBe(201);
    const orderId = placed.body.order.id as string;
    // Shipped with tracking, then scanned in transit (fulfillments/update, fulfillment_events/create).
    const shipped = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId, tracking: { company: "UPS", number: "1Z999AA10123456784", url: "https://www.ups.com/track?tracknum=1Z999AA10123456784" } });
    expect(shipped.status).toBe(201);
    const fulfillmentId = shipped.body.fulfillments[0].id as string;
    expect((await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfillmentId)}/events`, { status: "IN_TRANSIT", city: "Da Nang", country: "VN", message: "Arrived at Da Nang sorting centre" })).status).toBe(201);
    // A second order, cancelled.
    const cancelled = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "TEE-M", quantity: 1 }],
      email: "bo@example.com",
      shippingAddress: { firstName: "Bo", lastName: "Lee", address1: "9 Pine St", city: "Fresno", zip: "93721", countryCode: "US", provinceCode: "CA" },
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(201);
    expect((await t.control("POST", `/_control/shops/${SHOP}/orders/${encodeURIComponent(cancelled.body.order.id)}/cancel`, { reason: "CUSTOMER" })).status).toBe(200);
    // A return made in Shopify admin on the shipped order, processed there.
    const ret = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId });
    expect(ret.status).toBe(201);
    expect((await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(ret.body.return.id)}/process`, { refund: false, dispositionType: "RESTOCKED", locationId: warehouse })).status).toBe(200);
    // A location opened and renamed; stock counted.
    const opened = await t.control("POST", `/_control/shops/${SHOP}/locations`, { name: "Hanoi store", address: { address1: "2 Trang Tien", city: "Hanoi", zip: "100000", countryCode: "VN" } });
    expect(opened.status).toBe(201);
    expect((await t.control("PATCH", `/_control/shops/${SHOP}/locations/${encodeURIComponent(opened.body.id)}`, { name: "Hanoi flagship" })).status).toBe(200);
    expect((await t.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: warehouse, quantity: 12 }] })).status).toBe(200);
    // Shopify assesses the shipped order's risk again (FIDELITY OR-8).
    expect((await t.control("POST", `/_control/shops/${SHOP}/orders/${orderId.split("/").pop()}/risk-assessments`, { riskLevel: "HIGH" })).status).toBe(200);
    // Last: the merchant uninstalls the app.
    expect((await t.control("POST", `/_control/shops/${SHOP}/uninstall`)).status).toBe(200);

    const differences: string[] = [];
    for (const topic of TOPICS.slice(TOPICS.indexOf("orders/create"))) {
      const payloads = await deliveries(topic);
      received.set(topic, payloads);
      if (payloads.length === 0) differences.push(`${topic}: no payload sent`);
      for (const payload of payloads) differences.push(...shapeDifferences(shapeOf(SHAPE_OF[topic] ?? topic), payload).map((d) => `${topic} ${d}`));
    }
    expect(differences).toEqual([]);
  });

  it("WP-7: orders/* carry the example's keys with their nulls, and the presentment currency beside the shop's", () => {
    const created = received.get("orders/create")!.find((o: Loose) => o.presentment_currency === "VND");
    expect(created, "the VND order's orders/create").toBeTruthy();
    for (const key of ["app_id", "browser_ip", "cart_token", "checkout_token", "client_details", "location_id", "payment_terms", "current_total_duties_set"]) {
      expect(created).toHaveProperty(key, null);
    }
    expect(created.currency).toBe("USD");
    const [line] = created.line_items;
    expect(line).toMatchObject({ current_quantity: 2, attributed_staffs: [], sales_line_item_group_id: null, quantity: 2 });
    expect(line.price_set).toEqual({ shop_money: { amount: "20.00", currency_code: "USD" }, presentment_money: { amount: "526000", currency_code: "VND" } });
    expect(created.total_price_set.presentment_money).toEqual({ amount: "1052000", currency_code: "VND" });
    expect(created.customer).toMatchObject({ email: "lan@example.vn", multipass_identifier: null, default_address: expect.objectContaining({ country_code: "VN", default: true }) });
    expect(created.note_attributes).toEqual([{ name: "gift_message", value: "Chúc mừng" }]);
    const cancelledOrder = received.get("orders/cancelled")!.at(-1);
    expect(cancelledOrder).toMatchObject({ cancel_reason: "customer", cancelled_at: expect.any(String), current_total_price: "0.00" });
    expect(received.get("orders/updated")!.length).toBeGreaterThan(0);
  });

  it("WP-8: fulfillments/* line items are the fulfillment's (no current_quantity), origin_address null", () => {
    const [fulfillment] = received.get("fulfillments/create")!;
    expect(fulfillment).toMatchObject({ origin_address: null, receipt: {}, tracking_company: "UPS", tracking_numbers: ["1Z999AA10123456784"], status: "success" });
    expect(fulfillment.line_items[0]).not.toHaveProperty("current_quantity");
    expect(fulfillment.line_items[0]).toMatchObject({ quantity: 2, sku: "TEE-S", admin_graphql_api_id: expect.stringMatching(/^gid:\/\/shopify\/LineItem\/\d+$/) });
    expect(received.get("fulfillments/update")!.at(-1)).toMatchObject({ id: fulfillment.id, shipment_status: "in_transit" });
  });

  it("WP-9: locations/create and update have exactly the example's keys", () => {
    const created = received.get("locations/create")!.at(-1);
    expect(Object.keys(created).sort()).toEqual(Object.keys(shapeOf("locations/create") as object).sort());
    expect(received.get("locations/update")!.at(-1)).toMatchObject({ name: "Hanoi flagship", country_code: "VN", active: true });
  });

  it("WP-10: fulfillment_events/create names the fulfillment and the order", () => {
    const [event] = received.get("fulfillment_events/create")!;
    const [fulfillment] = received.get("fulfillments/create")!;
    expect(event).toMatchObject({ fulfillment_id: fulfillment.id, order_id: fulfillment.order_id, status: "in_transit", city: "Da Nang", country: "VN", message: "Arrived at Da Nang sorting centre" });
    // The carrier gave no estimate: null, as in the example; the time it happened, a string.
    expect(event).toMatchObject({ estimated_delivery_at: null, happened_at: expect.any(String) });
  });

  it("WP-11: app/uninstalled is the shop, with the example's keys", () => {
    const [shop] = received.get("app/uninstalled")!;
    expect(shop).toMatchObject({ myshopify_domain: SHOP, currency: "USD", country_code: "US", primary_location_id: expect.any(Number) });
  });

  it("WP-12: fulfillment_orders/order_routing_complete names one fulfillment order by GID, and its status", () => {
    const payloads = received.get("fulfillment_orders/order_routing_complete")!;
    for (const payload of payloads) expect(payload).toEqual({ fulfillment_order: { id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentOrder\/\d+$/), status: expect.any(String) } });
  });

  it("WP-13: inventory_levels/update carries the level's item, location, available and its GID", () => {
    const level = received.get("inventory_levels/update")!.find((p: Loose) => p.available === 12);
    expect(level).toBeTruthy();
    expect(level.admin_graphql_api_id).toBe(`gid://shopify/InventoryLevel/${level.location_id}?inventory_item_id=${level.inventory_item_id}`);
  });

  it("WP-16: orders/risk_assessment_changed has exactly the example's keys in its order: Shopify as provider (null), the level in lower case, the order", () => {
    const [assessed] = received.get("orders/risk_assessment_changed")!;
    const [shipped] = received.get("fulfillments/create")!;
    expect(Object.keys(assessed)).toEqual(Object.keys(shapeOf("orders/risk_assessment_changed") as object));
    expect(assessed).toEqual({
      provider_id: null,
      provider_title: null,
      risk_level: "high",
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      order_id: shipped.order_id,
      admin_graphql_api_order_id: `gid://shopify/Order/${shipped.order_id}`,
    });
  });

  it("WP-14: returns/process, whose published example is empty, keeps the returns/approve shape", () => {
    const [processed] = received.get("returns/process")!;
    expect(processed).toMatchObject({ status: "open", admin_graphql_api_id: expect.stringMatching(/^gid:\/\/shopify\/Return\/\d+$/) });
  });
});
