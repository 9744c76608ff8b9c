import "@shopify/shopify-api/adapters/node";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { API_KEY, API_SECRET, SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

const shopify = shopifyApi({
  apiKey: API_KEY,
  apiSecretKey: API_SECRET,
  apiVersion: ApiVersion.October26,
  hostName: "localhost:3000",
  isEmbeddedApp: true,
  logger: { level: LogSeverity.Error },
});

const TOPICS = [
  "returns/request",
  "returns/approve",
  "returns/decline",
  "returns/cancel",
  "returns/close",
  "returns/reopen",
  "reverse_deliveries/attach_deliverable",
  "reverse_fulfillment_orders/dispose",
  "fulfillment_events/create",
  "inventory_levels/update",
  "refunds/create",
];

interface Received {
  topic: string;
  path: string;
  body: Loose;
  valid: boolean;
}

let t: TestSimulator;
let server: Server;
let received: Received[];

beforeEach(async () => {
  received = [];
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const rawBody = Buffer.concat(chunks).toString("utf8");
        const check = await shopify.webhooks.validate({ rawBody, rawRequest: req, rawResponse: res });
        received.push({ topic: String(req.headers["x-shopify-topic"]), path: req.url ?? "", body: JSON.parse(rawBody), valid: check.valid });
        res.writeHead(check.valid ? 200 : 401);
        res.end();
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  t = await startTestSimulator({
    appUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: TOPICS.map((topic) => ({ topic, uri: `/webhooks/${topic}` })) },
  });
});
afterEach(async () => {
  await t.close();
  await new Promise((resolve) => server.close(resolve));
});

async function settle(): Promise<void> {
  await t.sim.webhooks.idle();
}

function only(topic: string): Received[] {
  return received.filter((r) => r.topic === topic);
}

async function deliveredOrder(): Promise<{ orderId: string; fulfillmentId: string; tee: string }> {
  const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
    lines: [{ sku: "TEE-S", quantity: 2 }],
    email: "hook@example.com",
    shippingAddress: { firstName: "Hook", lastName: "Test", city: "Oakland", countryCode: "US", latitude: 37.8, longitude: -122.27 },
  });
  const orderId = created.body.order.id;
  const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId, displayStatus: "DELIVERED" });
  const state = await t.control("GET", `/_control/shops/${SHOP}/state`);
  const f = state.body.orders.find((o: Loose) => o.id === orderId).fulfillments[0];
  return { orderId, fulfillmentId: fulfilled.body.fulfillments[0].id, tee: f.lineItems[0].id };
}

describe("returns webhooks", () => {
  it("sends returns/*, reverse delivery, disposal and inventory webhooks, signed with the app secret", async () => {
    const { orderId, tee } = await deliveredOrder();
    await settle();
    received.length = 0;

    const requested = await t.data(
      `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } userErrors { message } } }`,
      { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: tee, quantity: 2, returnReason: "WRONG_ITEM", customerNote: "Got blue" }] } },
    );
    const returnId = requested.returnRequest.return.id;
    await settle();
    const [request] = only("returns/request");
    expect(request).toBeDefined();
    expect(request!.valid).toBe(true);
    expect(request!.path).toBe("/webhooks/returns/request");
    expect(request!.body).toMatchObject({
      admin_graphql_api_id: returnId,
      status: "requested",
      order: { admin_graphql_api_id: orderId },
      total_return_line_items: 2,
      return_line_items: [
        {
          quantity: 2,
          return_reason: "wrong_item",
          customer_note: "Got blue",
          fulfillment_line_item: { admin_graphql_api_id: tee, line_item: { sku: "TEE-S" } },
        },
      ],
    });
    expect(typeof request!.body.id).toBe("number");

    const approved = await t.data(`mutation($id: ID!) { returnApproveRequest(input: { id: $id }) { return { reverseFulfillmentOrders(first: 1) { nodes { id lineItems(first: 1) { nodes { id } } } } } } }`, { id: returnId });
    const rfo = approved.returnApproveRequest.return.reverseFulfillmentOrders.nodes[0];
    await t.data(
      `mutation($id: ID!) { reverseDeliveryCreateWithShipping(reverseFulfillmentOrderId: $id, reverseDeliveryLineItems: [], trackingInput: { number: "1ZBACK", url: "https://www.ups.com/track?tracknum=1ZBACK" }, labelInput: { fileUrl: "https://labels.example/1.pdf" }) { userErrors { message } } }`,
      { id: rfo.id },
    );
    const { locations } = await t.data(`{ locations(first: 1, query: "name:Warehouse") { nodes { id } } }`);
    await t.data(
      `mutation($inputs: [ReverseFulfillmentOrderDisposeInput!]!) { reverseFulfillmentOrderDispose(dispositionInputs: $inputs) { userErrors { message } } }`,
      { inputs: [{ reverseFulfillmentOrderLineItemId: rfo.lineItems.nodes[0].id, quantity: 2, dispositionType: "RESTOCKED", locationId: locations.nodes[0].id }] },
    );
    await t.data(`mutation($id: ID!) { returnClose(id: $id) { userErrors { message } } }`, { id: returnId });
    await t.data(`mutation($id: ID!) { returnReopen(id: $id) { userErrors { message } } }`, { id: returnId });
    await settle();

    expect(received.every((r) => r.valid)).toBe(true);
    expect(only("returns/approve")[0]!.body).toMatchObject({ admin_graphql_api_id: returnId, status: "open", order: { admin_graphql_api_id: orderId } });
    expect(only("reverse_deliveries/attach_deliverable")[0]!.body).toMatchObject({
      return: { admin_graphql_api_id: returnId },
      shipping_deliverable: {
        tracking: { carrier_name: "UPS", tracking_number: "1ZBACK", tracking_url: "https://www.ups.com/track?tracknum=1ZBACK" },
        label: { public_file_url: "https://labels.example/1.pdf" },
      },
    });
    expect(only("reverse_fulfillment_orders/dispose")[0]!.body).toMatchObject({
      admin_graphql_api_id: rfo.id,
      total_dispositions: 1,
      dispositions: [
        {
          type: "restocked",
          quantity: 2,
          location: { admin_graphql_api_id: locations.nodes[0].id },
          reverse_fulfillment_order_line_item: { admin_graphql_api_id: rfo.lineItems.nodes[0].id },
          reverse_delivery_line_item: { admin_graphql_api_id: expect.stringMatching(/^gid:\/\/shopify\/ReverseDeliveryLineItem\//) },
        },
      ],
    });
    const inventory = only("inventory_levels/update").map((r) => r.body);
    expect(inventory).toHaveLength(1);
    expect(inventory[0].location_id).toBe(Number(locations.nodes[0].id.split("/").pop()));
    // Shopify's examples for close and reopen: the return's id, order_id and status only.
    expect(only("returns/close")[0]!.body).toEqual({ id: expect.any(Number), admin_graphql_api_id: returnId, order_id: Number(orderId.split("/").pop()), status: "closed" });
    expect(only("returns/reopen")[0]!.body).toMatchObject({ admin_graphql_api_id: returnId, status: "open" });
    expect(received.map((r) => r.topic)).toEqual([
      "returns/request",
      "returns/approve",
      "reverse_deliveries/attach_deliverable",
      "inventory_levels/update",
      "reverse_fulfillment_orders/dispose",
      "returns/close",
      "returns/reopen",
    ]);
  });

  it("sends returns/decline with the reason, returns/cancel, and returns/approve for a merchant-created return", async () => {
    const { orderId, tee } = await deliveredOrder();
    const requested = await t.data(
      `mutation($input: ReturnRequestInput!) { returnRequest(input: $input) { return { id } } }`,
      { input: { orderId, returnLineItems: [{ fulfillmentLineItemId: tee, quantity: 1, returnReason: "UNWANTED" }] } },
    );
    await t.data(`mutation($id: ID!) { returnDeclineRequest(input: { id: $id, declineReason: RETURN_PERIOD_ENDED, declineNote: "Bought 40 days ago" }) { userErrors { message } } }`, {
      id: requested.returnRequest.return.id,
    });
    const created = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId, lines: [{ sku: "TEE-S", quantity: 1 }] });
    await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(created.body.return.id)}/cancel`, {});
    await settle();
    expect(received.every((r) => r.valid)).toBe(true);
    expect(only("returns/decline")[0]!.body).toMatchObject({ status: "declined", decline: { reason: "return_period_ended", note: "Bought 40 days ago" } });
    expect(only("returns/approve")[0]!.body).toMatchObject({ admin_graphql_api_id: created.body.return.id, status: "open" });
    expect(only("returns/cancel")[0]!.body).toMatchObject({ admin_graphql_api_id: created.body.return.id, status: "canceled" });
  });

  it("a refund made for a return (control API) refunds the order and sends refunds/create naming the return", async () => {
    const { orderId } = await deliveredOrder();
    const made = await t.control("POST", `/_control/shops/${SHOP}/returns`, { orderId });
    expect(made.status).toBe(201);
    const returnId: string = made.body.return.id;
    await settle();
    received.length = 0;
    const priced = await t.data(`query($id: ID!) { order(id: $id) { subtotalPriceSet { shopMoney { amount } } } }`, { id: orderId });
    const total = Number(priced.order.subtotalPriceSet.shopMoney.amount);

    const partial = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnId)}/refund`, { amount: "5.00", note: "half" });
    expect(partial.status).toBe(201);
    await settle();
    const [hook] = only("refunds/create");
    expect(hook!.valid).toBe(true);
    expect(hook!.body).toMatchObject({
      admin_graphql_api_id: partial.body.refund.id,
      return: { admin_graphql_api_id: returnId },
      // Shopify's example: the transaction's currency is null (the order's currency applies).
      transactions: [{ kind: "refund", status: "success", amount: "5.00", currency: null }],
    });
    const order = await t.data(`query($id: ID!) { order(id: $id) { displayFinancialStatus totalRefundedSet { shopMoney { amount } } } }`, { id: orderId });
    expect(order.order).toEqual({ displayFinancialStatus: "PARTIALLY_REFUNDED", totalRefundedSet: { shopMoney: { amount: "5.0" } } });

    // More than is left: refused, nothing sent.
    const tooMuch = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnId)}/refund`, { amount: String(total) });
    expect(tooMuch.status).toBe(422);
    const rest = await t.control("POST", `/_control/shops/${SHOP}/returns/${encodeURIComponent(returnId)}/refund`, { amount: (total - 5).toFixed(2) });
    expect(rest.status).toBe(201);
    await settle();
    expect(only("refunds/create")).toHaveLength(2);
    const after = await t.data(`query($id: ID!) { order(id: $id) { displayFinancialStatus } }`, { id: orderId });
    expect(after.order.displayFinancialStatus).toBe("REFUNDED");
  });

  it("sends fulfillment_events/create for fulfillmentEventCreate and the carrier updates of the control API", async () => {
    const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, {
      lines: [{ sku: "MUG-1", quantity: 1 }],
      email: "hook@example.com",
      shippingAddress: { firstName: "Hook", lastName: "Test", city: "Oakland", countryCode: "US", latitude: 37.8, longitude: -122.27 },
    });
    const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId: created.body.order.id });
    const fulfillmentId = fulfilled.body.fulfillments[0].id;
    await t.data(`mutation($id: ID!) { fulfillmentEventCreate(fulfillmentEvent: { fulfillmentId: $id, status: IN_TRANSIT, happenedAt: "2026-11-24T08:00:00Z", city: "Fresno", estimatedDeliveryAt: "2026-11-26T17:00:00Z" }) { userErrors { message } } }`, {
      id: fulfillmentId,
    });
    await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfillmentId)}/deliver`, {});
    await settle();
    const events = only("fulfillment_events/create");
    expect(events.every((r) => r.valid)).toBe(true);
    expect(events.map((e) => e.body.status)).toEqual(["in_transit", "delivered"]);
    expect(events[0]!.body).toMatchObject({
      fulfillment_id: Number(fulfillmentId.split("/").pop()),
      order_id: Number(created.body.order.id.split("/").pop()),
      happened_at: "2026-11-24T08:00:00Z",
      estimated_delivery_at: "2026-11-26T17:00:00Z",
      city: "Fresno",
      admin_graphql_api_id: expect.stringMatching(/^gid:\/\/shopify\/FulfillmentEvent\/\d+$/),
    });
  });
});
