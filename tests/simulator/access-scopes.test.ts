/**
 * FIDELITY.md "Access scopes" (SC-*): the simulator answers as Shopify does when the installation
 * lacks a scope the 2026-10 schema names.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { parseRequiredAccess } from "../../simulator/access/schema-access";
import { ALL_SCOPES, SHOP, startTestSimulator, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(async () => {
  await t.close();
});

const without = (...scopes: string[]) => ALL_SCOPES.split(",").filter((s) => !scopes.includes(s)).join(",");
const grant = (scopes: string) => t.control("POST", "/_control/shops", { shop: SHOP, scopes });

const ORDERS = `query { orders(first: 5) { nodes { id name } } }`;
const SHIP_TO = { address1: "1 Main St", city: "Oakland", provinceCode: "CA", zip: "94607", countryCode: "US", firstName: "Ada", lastName: "Lovelace" };
const createOrder = async (body: Record<string, unknown>): Promise<string> => {
  const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, { shippingAddress: SHIP_TO, ...body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.order.id as string;
};

describe("SC-1 a root field whose type needs a scope the installation lacks", () => {
  it("answers ACCESS_DENIED with Shopify's message, the documentation link and the required access, and data null", async () => {
    await grant(without("write_orders", "read_all_orders"));
    const body = await t.gql(ORDERS);
    expect(body.data).toBeNull();
    expect(body.errors).toEqual([
      {
        message:
          "Access denied for orders field. Required access: `read_orders` access scope, `read_marketplace_orders` access scope or `read_quick_sale` access scope.",
        locations: [{ line: 1, column: 9 }],
        path: ["orders"],
        extensions: {
          code: "ACCESS_DENIED",
          documentation: "https://shopify.dev/api/usage/access-scopes",
          requiredAccess: "`read_orders` access scope, `read_marketplace_orders` access scope or `read_quick_sale` access scope.",
        },
      },
    ]);
    expect(body.extensions?.cost).toBeDefined();
  });

  it("serves the same query once the scope is granted", async () => {
    await grant("read_orders,read_all_orders");
    const body = await t.gql(ORDERS);
    expect(body.errors).toBeUndefined();
    expect(body.data!.orders.nodes.length).toBeGreaterThan(0);
  });
});

describe("SC-2 a mutation whose own requirement is unmet", () => {
  it("runs nothing and answers ACCESS_DENIED on the mutation field", async () => {
    const order = (await t.data(`{ orders(first: 1, query: "name:#1001") { nodes { fulfillmentOrders(first: 1) { nodes { id assignedLocation { location { id } } } } } } }`))
      .orders.nodes[0];
    const fo = order.fulfillmentOrders.nodes[0];
    const sf = (await t.data(`{ locations(first: 5, query: "name:'SF Store'") { nodes { id } } }`)).locations.nodes[0].id;
    await grant("read_orders,read_merchant_managed_fulfillment_orders,read_locations");
    const body = await t.gql(
      `mutation Move($id: ID!, $to: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $to) { movedFulfillmentOrder { id } userErrors { message } } }`,
      { id: fo.id, to: sf },
    );
    expect(body.data).toEqual({ fulfillmentOrderMove: null });
    expect(body.errors![0]).toMatchObject({
      message: expect.stringMatching(/^Access denied for fulfillmentOrderMove field\. Required access: `write_merchant_managed_fulfillment_orders` access scope or `write_third_party_fulfillment_orders` access scope\./),
      path: ["fulfillmentOrderMove"],
      extensions: { code: "ACCESS_DENIED" },
    });
    await grant(ALL_SCOPES);
    const after = await t.data(`query($id: ID!) { fulfillmentOrder(id: $id) { assignedLocation { location { id } } } }`, { id: fo.id });
    expect(after.fulfillmentOrder.assignedLocation.location.id).toBe(fo.assignedLocation.location.id);
  });
});

describe("SC-3 an object field with its own requirement", () => {
  it("denies InventoryItem.inventoryLevels without read_inventory, though read_products reads the item", async () => {
    await grant("read_products");
    const body = await t.gql(`{ productVariants(first: 1) { nodes { sku inventoryItem { id inventoryLevels(first: 1) { nodes { id } } } } } }`);
    // The field is non-null, so its null reaches the root, as GraphQL requires.
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]).toMatchObject({
      path: ["productVariants", "nodes", 0, "inventoryItem", "inventoryLevels"],
      extensions: { code: "ACCESS_DENIED", requiredAccess: "`read_inventory` access scope." },
    });
    const allowed = await t.gql(`{ productVariants(first: 1) { nodes { sku inventoryItem { id } } } }`);
    expect(allowed.errors).toBeUndefined();
  });
});

describe("SC-4 a nested connection whose node type needs a scope", () => {
  it("denies Order.fulfillmentOrders without any fulfillment-order scope", async () => {
    await grant("read_orders,read_all_orders");
    const body = await t.gql(`{ orders(first: 1) { nodes { name fulfillmentOrders(first: 1) { nodes { id } } } } }`);
    expect(body.errors![0]).toMatchObject({
      message: expect.stringContaining("Access denied for fulfillmentOrders field. Required access: `read_assigned_fulfillment_orders` access scope"),
      path: ["orders", "nodes", 0, "fulfillmentOrders"],
    });
  });
});

describe("SC-5 a write scope grants its read scope", () => {
  it("reads returns with write_returns alone", async () => {
    await grant("write_returns");
    const body = await t.gql(`{ returnReasonDefinitions(first: 1) { nodes { handle } } }`);
    expect(body.errors).toBeUndefined();
    await grant("read_orders");
    expect((await t.gql(`{ returnReasonDefinitions(first: 1) { nodes { handle } } }`)).errors![0]!.extensions!.code).toBe("ACCESS_DENIED");
  });
});

describe("SC-6 an input field whose description names a scope", () => {
  it("checks GiftCardCreateInput.customerId only when the request sets it", async () => {
    await grant(`${ALL_SCOPES},write_gift_cards`);
    const mutation = `mutation G($input: GiftCardCreateInput!) { giftCardCreate(input: $input) { userErrors { message } } }`;
    const withCustomer = await t.gql(mutation, { input: { initialValue: "10.00", customerId: "gid://shopify/Customer/1" } });
    expect(withCustomer.errors![0]).toMatchObject({
      message: "Access denied for customerId field. Required access: `write_customers` access scope.",
      extensions: { code: "ACCESS_DENIED" },
    });
    // Without the protected input the access check passes (and the simulator says it does not implement gift cards).
    const plain = await t.gql(mutation, { input: { initialValue: "10.00" } });
    expect(plain.errors![0]!.extensions!.code).toBe("NOT_IMPLEMENTED");
  });
});

describe("SC-7 node(id:) answers by the type it finds", () => {
  it("denies an Order behind node(id:) without read_orders and serves a Location", async () => {
    const ids = await t.data(`{ orders(first: 1) { nodes { id } } locations(first: 1) { nodes { id } } }`);
    await grant("read_locations");
    const order = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ids.orders.nodes[0].id });
    expect(order.data).toEqual({ node: null });
    expect(order.errors![0]).toMatchObject({ path: ["node"], extensions: { code: "ACCESS_DENIED" } });
    const location = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: ids.locations.nodes[0].id });
    expect(location).toMatchObject({ data: { node: { id: ids.locations.nodes[0].id } } });
    expect(location.errors).toBeUndefined();
  });
});

describe("SC-8 fulfillment orders are visible by who manages their location", () => {
  async function orderAtThirdParty(): Promise<{ orderId: string; merchantFo: string; thirdPartyFo: string }> {
    const created = await t.control("POST", `/_control/shops/${SHOP}/locations`, {
      name: "ShipBob Reno",
      address: { city: "Reno", countryCode: "US", provinceCode: "NV", zip: "89501" },
      fulfillmentServiceManager: "third_party",
    });
    expect(created.status).toBe(201);
    const stocked = await t.control("POST", `/_control/shops/${SHOP}/inventory`, {
      changes: ["TEE-S", "MUG-1"].map((sku) => ({ sku, locationId: created.body.id, quantity: 10 })),
    });
    expect(stocked.status, JSON.stringify(stocked.body)).toBeLessThan(300);
    const orderId = await createOrder({ lines: [{ sku: "TEE-S", quantity: 1 }, { sku: "MUG-1", quantity: 1 }] });
    const fos = (await t.data(`query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 5) { nodes { id lineItems(first: 5) { nodes { id totalQuantity } } } } } }`, { id: orderId }))
      .order.fulfillmentOrders.nodes;
    const line = fos[0].lineItems.nodes[0];
    const moved = await t.data(
      `mutation($id: ID!, $to: ID!, $lines: [FulfillmentOrderLineItemInput!]) { fulfillmentOrderMove(id: $id, newLocationId: $to, fulfillmentOrderLineItems: $lines) { movedFulfillmentOrder { id } originalFulfillmentOrder { id } userErrors { message } } }`,
      { id: fos[0].id, to: created.body.id, lines: [{ id: line.id, quantity: line.totalQuantity }] },
    );
    expect(moved.fulfillmentOrderMove.userErrors).toEqual([]);
    // Which id stays at the merchant's location depends on the move's outcome (FM-2..FM-5): the
    // original may stay, move, or close; the other line is then in the order's other open one.
    const thirdPartyFo: string = moved.fulfillmentOrderMove.movedFulfillmentOrder.id;
    const after = (await t.data(`query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { id status } } } }`, { id: orderId }))
      .order.fulfillmentOrders.nodes as { id: string; status: string }[];
    const merchant = after.filter((fo) => fo.id !== thirdPartyFo && fo.status !== "CLOSED");
    expect(merchant).toHaveLength(1);
    return { orderId, merchantFo: merchant[0]!.id, thirdPartyFo };
  }

  const LIST = `query($id: ID!) { order(id: $id) { fulfillmentOrders(first: 10) { nodes { id } } } fulfillmentOrders(first: 50) { nodes { id } } }`;
  const ids = (data: Loose) => ({
    ofOrder: data.order.fulfillmentOrders.nodes.map((n: Loose) => n.id),
    all: data.fulfillmentOrders.nodes.map((n: Loose) => n.id),
  });

  it("hides a 3PL location's fulfillment orders without read_third_party_fulfillment_orders", async () => {
    const { orderId, merchantFo, thirdPartyFo } = await orderAtThirdParty();
    await grant("read_orders,write_merchant_managed_fulfillment_orders");
    const seen = ids(await t.data(LIST, { id: orderId }));
    expect(seen.ofOrder).toEqual([merchantFo]);
    expect(seen.all).toContain(merchantFo);
    expect(seen.all).not.toContain(thirdPartyFo);
    expect((await t.data(`query($id: ID!) { fulfillmentOrder(id: $id) { id } }`, { id: thirdPartyFo })).fulfillmentOrder).toBeNull();

    await grant("read_orders,write_merchant_managed_fulfillment_orders,read_third_party_fulfillment_orders");
    expect(ids(await t.data(LIST, { id: orderId })).ofOrder).toEqual([merchantFo, thirdPartyFo].sort());
  });

  it("shows only the 3PL's fulfillment orders to read_third_party_fulfillment_orders alone", async () => {
    const { orderId, thirdPartyFo } = await orderAtThirdParty();
    await grant("read_orders,read_third_party_fulfillment_orders");
    expect(ids(await t.data(LIST, { id: orderId })).ofOrder).toEqual([thirdPartyFo]);
  });

  it("shows read_assigned_fulfillment_orders only the app's own fulfillment service locations", async () => {
    const { orderId } = await orderAtThirdParty();
    await grant("read_orders,read_assigned_fulfillment_orders");
    expect(ids(await t.data(LIST, { id: orderId }))).toEqual({ ofOrder: [], all: [] });
  });
});

describe("SC-9 a webhook topic whose scope the installation lacks cannot be subscribed", () => {
  let server: Server;
  let appUrl: string;
  const received: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(String(req.headers["x-shopify-topic"]));
      req.resume();
      req.on("end", () => res.end("ok"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("delivers orders/create but not inventory_levels/update to an installation without read_inventory", async () => {
    await t.close();
    received.length = 0;
    t = await startTestSimulator({
      appUrl,
      scopes: "read_orders,read_products,read_locations",
      webhookConfig: {
        apiVersion: ADMIN_API_VERSION,
        subscriptions: ["orders/create", "inventory_levels/update"].map((topic) => ({ topic, uri: `/webhooks/${topic}` })),
      },
    });
    const subscriptions = await t.control("GET", `/_control/shops/${SHOP}/webhook-subscriptions`);
    expect(subscriptions.body.active.map((s: Loose) => s.topic)).toEqual(["orders/create"]);
    expect(subscriptions.body.refused).toEqual([
      { topic: "inventory_levels/update", uri: "/webhooks/inventory_levels/update", requiredAccess: "Requires the `read_inventory` scope." },
    ]);
    await createOrder({ lines: [{ sku: "TEE-S", quantity: 1 }] });
    await t.sim.webhooks.idle();
    expect(received).toContain("orders/create");
    expect(received).not.toContain("inventory_levels/update");
    expect(t.sim.webhooks.deliveries.map((d) => d.topic)).toEqual(["orders/create"]);
  });
});

describe("SC-10 orders older than 60 days need read_all_orders", () => {
  it("leaves an old order out of orders, order(id:) and node(id:) until read_all_orders is granted", async () => {
    const createdAt = new Date(Date.now() - 61 * 24 * 3600 * 1000).toISOString();
    const recentAt = new Date(Date.now() - 59 * 24 * 3600 * 1000).toISOString();
    const oldId = await createOrder({ lines: [{ sku: "TEE-S", quantity: 1 }], createdAt, tags: ["old"] });
    await createOrder({ lines: [{ sku: "TEE-S", quantity: 1 }], createdAt: recentAt, tags: ["recent"] });
    const QUERY = `query($id: ID!) { orders(first: 50, query: "tag:old OR tag:recent") { nodes { tags } } order(id: $id) { id } node(id: $id) { id } }`;

    await grant(without("read_all_orders"));
    const hidden = await t.data(QUERY, { id: oldId });
    expect(hidden.orders.nodes.map((n: Loose) => n.tags)).toEqual([["recent"]]);
    expect(hidden.order).toBeNull();
    expect(hidden.node).toBeNull();

    await grant(ALL_SCOPES);
    const shown = await t.data(QUERY, { id: oldId });
    expect(shown.orders.nodes).toHaveLength(2);
    expect(shown.order).toEqual({ id: oldId });
  });
});

describe("the schema's requiredAccess texts", () => {
  it("parse into clauses of alternatives, dropping user permissions", () => {
    expect(parseRequiredAccess("`read_orders` access scope, `read_marketplace_orders` access scope or `read_quick_sale` access scope.")!.clauses).toEqual([
      ["read_orders", "read_marketplace_orders", "read_quick_sale"],
    ]);
    expect(
      parseRequiredAccess("`write_customers` access scope as well as any of `read_a`, `read_b` access scopes. Also: The user must have `x` permissions.")!.clauses,
    ).toEqual([["write_customers"], ["read_a", "read_b"]]);
    expect(parseRequiredAccess("Any of `shipping` access scopes or `manage_delivery_settings` user permission.")!.clauses).toEqual([
      ["read_shipping", "write_shipping"],
    ]);
    expect(parseRequiredAccess("`write_customers` access scope. Also: Requires `write_customer_payment_methods` scope.")!.clauses).toEqual([
      ["write_customers"],
      ["write_customer_payment_methods"],
    ]);
    expect(parseRequiredAccess("The user must have access to payouts.")).toBeNull();
  });
});
