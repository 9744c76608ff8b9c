// FIDELITY.md "Webhook payloads" (WP-1 … WP-5): the simulator's payloads have the shape of Shopify's
// example payloads (tests/fixtures/webhooks/<topic>.shape.json, sources.md): the same keys at every
// level, and where the example has a value, a value of the same JSON type (or null: the examples
// show one instance, and Shopify sends null for what is absent). Arrays: each element has the
// shape of the example's first one; an empty example array constrains nothing but the type.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

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
];

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
    await t.control("POST", "/_control/shops", { shop: SHOP, scopes: "read_orders,read_returns" });
    await t.control("DELETE", `/_control/shops/${SHOP}/locations/${encodeURIComponent(state.locations.at(-1).id)}`);
    const customerId = (await t.data(`{ customers(first: 1) { nodes { id } } }`)).customers.nodes[0]?.id;
    for (const topic of ["customers/data_request", "customers/redact", "shop/redact"]) {
      expect((await t.control("POST", `/_control/shops/${SHOP}/compliance`, { topic, customerId })).status).toBe(200);
    }

    const differences: string[] = [];
    for (const topic of TOPICS) {
      const payloads = await deliveries(topic);
      received.set(topic, payloads);
      if (payloads.length === 0) differences.push(`${topic}: no payload sent`);
      for (const payload of payloads) differences.push(...shapeDifferences(shapeOf(topic), payload).map((d) => `${topic} ${d}`));
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
