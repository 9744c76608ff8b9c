import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator, type Loose } from "./helpers";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

async function orderByName(name: string) {
  const data = await t.data(
    `query($q: String) { orders(first: 1, query: $q) { nodes {
      id legacyResourceId name email displayFinancialStatus displayFulfillmentStatus cancelledAt cancelReason tags
      customAttributes { key value } customer { email firstName }
      shippingAddress { city latitude firstName }
      lineItems(first: 10) { nodes { sku quantity unfulfilledQuantity variant { sku } originalUnitPriceSet { shopMoney { amount currencyCode } } } }
      fulfillmentOrders(first: 10) { nodes { id status assignedLocation { name location { name } } deliveryMethod { methodType }
        destination { city email } lineItems(first: 10) { nodes { sku totalQuantity remainingQuantity } } } }
      fulfillments { name status displayStatus trackingInfo { company number url } inTransitAt deliveredAt
        fulfillmentLineItems(first: 5) { nodes { quantity lineItem { sku } } } }
    } } }`,
    { q: `name:${name}` },
  );
  return data.orders.nodes[0];
}

describe("read paths over the seeded shop", () => {
  it("serves the shop", async () => {
    const data = await t.data(`{ shop { id name myshopifyDomain currencyCode email } }`);
    expect(data.shop).toMatchObject({ name: "Sim Test", myshopifyDomain: "sim-test.myshopify.com", currencyCode: "USD" });
    expect(data.shop.id).toMatch(/^gid:\/\/shopify\/Shop\/\d+$/);
  });

  it("lists active locations with address, pickup settings and flags; includeInactive adds the rest", async () => {
    const data = await t.data(`{
      active: locations(first: 10) { nodes { name isActive fulfillsOnlineOrders address { city latitude longitude countryCode } localPickupSettingsV2 { instructions pickupTime } } }
      all: locations(first: 10, includeInactive: true) { nodes { name isActive } }
    }`);
    expect(data.active.nodes.map((l: Loose) => l.name)).toEqual(["SF Store", "Warehouse"]);
    const sf = data.active.nodes[0];
    expect(sf.address).toEqual({ city: "San Francisco", latitude: 37.77, longitude: -122.42, countryCode: "US" });
    expect(sf.localPickupSettingsV2).toEqual({ instructions: "Ask at the counter", pickupTime: "TWO_HOURS" });
    expect(data.active.nodes[1].localPickupSettingsV2).toBeNull();
    expect(data.all.nodes).toContainEqual({ name: "Old Depot", isActive: false });
  });

  it("reads one location by id and node(id)", async () => {
    const { locations } = await t.data(`{ locations(first: 1, query: "name:Warehouse") { nodes { id } } }`);
    const id = locations.nodes[0].id;
    const data = await t.data(`query($id: ID!) { location(id: $id) { name } node(id: $id) { __typename ... on Location { name } } }`, { id });
    expect(data.location.name).toBe("Warehouse");
    expect(data.node).toEqual({ __typename: "Location", name: "Warehouse" });
  });

  it("serves an unfulfilled order with an OPEN fulfillment order and note attributes", async () => {
    const order = await orderByName("#1001");
    expect(order).toMatchObject({
      name: "#1001",
      email: "ada@example.com",
      displayFinancialStatus: "PAID",
      displayFulfillmentStatus: "UNFULFILLED",
      cancelledAt: null,
      tags: ["vip"],
      customAttributes: [{ key: "gift", value: "yes" }],
      customer: { email: "ada@example.com", firstName: "Ada" },
      shippingAddress: { city: "Oakland", latitude: 37.8, firstName: "Ada" },
    });
    expect(order.id).toBe(`gid://shopify/Order/${order.legacyResourceId}`);
    expect(order.lineItems.nodes[0]).toEqual({ sku: "TEE-S", quantity: 2, unfulfilledQuantity: 2, variant: { sku: "TEE-S" }, originalUnitPriceSet: { shopMoney: { amount: "20.0", currencyCode: "USD" } } });
    const [fo] = order.fulfillmentOrders.nodes;
    expect(fo).toMatchObject({ status: "OPEN", assignedLocation: { name: "Warehouse", location: { name: "Warehouse" } }, deliveryMethod: { methodType: "SHIPPING" }, destination: { city: "Oakland", email: "ada@example.com" } });
    expect(fo.lineItems.nodes).toEqual([
      { sku: "TEE-S", totalQuantity: 2, remainingQuantity: 2 },
      { sku: "MUG-1", totalQuantity: 3, remainingQuantity: 3 },
    ]);
  });

  it("serves partially fulfilled, delivered, cancelled and pickup orders consistently", async () => {
    const partial = await orderByName("#1002");
    expect(partial.displayFulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    expect(partial.fulfillmentOrders.nodes[0].status).toBe("IN_PROGRESS");
    expect(partial.fulfillments[0]).toMatchObject({ name: "#1002.1", status: "SUCCESS", displayStatus: "IN_TRANSIT", trackingInfo: [{ company: "UPS", number: "1Z999", url: "https://ups.example/1Z999" }], inTransitAt: "2026-10-03T12:00:00Z", deliveredAt: null });
    expect(partial.fulfillments[0].fulfillmentLineItems.nodes).toEqual([{ quantity: 2, lineItem: { sku: "TEE-M" } }]);

    const delivered = await orderByName("#1003");
    expect(delivered.displayFulfillmentStatus).toBe("FULFILLED");
    expect(delivered.fulfillmentOrders.nodes[0].status).toBe("CLOSED");
    expect(delivered.fulfillments[0]).toMatchObject({ displayStatus: "DELIVERED", deliveredAt: "2026-10-06T09:00:00Z" });

    const cancelled = await orderByName("#1004");
    expect(cancelled).toMatchObject({ cancelledAt: "2026-10-04T11:00:00Z", cancelReason: "CUSTOMER", displayFinancialStatus: "REFUNDED" });
    expect(cancelled.fulfillmentOrders.nodes[0].status).toBe("CANCELLED");

    const ready = await orderByName("#1005");
    expect(ready.fulfillmentOrders.nodes[0]).toMatchObject({ status: "IN_PROGRESS", deliveryMethod: { methodType: "PICK_UP" }, assignedLocation: { name: "SF Store" }, destination: null });
    expect(ready.fulfillments[0]).toMatchObject({ status: "OPEN", displayStatus: "READY_FOR_PICKUP" });

    const picked = await orderByName("#1006");
    expect(picked.displayFulfillmentStatus).toBe("FULFILLED");
    expect(picked.fulfillments[0].displayStatus).toBe("PICKED_UP");
  });

  it("derives committed stock from open fulfillment orders and keeps the seed's on-hand", async () => {
    const data = await t.data(`{ productVariants(first: 10, query: "sku:MUG-1") { nodes { sku inventoryQuantity inventoryItem { inventoryLevels(first: 5) { nodes {
      location { name } quantities(names: ["available", "on_hand", "committed", "incoming", "reserved"]) { name quantity } } } } } } }`);
    const levels = data.productVariants.nodes[0].inventoryItem.inventoryLevels.nodes;
    const byLocation = Object.fromEntries(
      levels.map((l: Loose) => [l.location.name, Object.fromEntries(l.quantities.map((q: Loose) => [q.name, q.quantity]))]),
    );
    // #1001 commits 3 mugs and #1002 one more at the warehouse; #1004 is cancelled; #1006 was picked up.
    expect(byLocation.Warehouse).toEqual({ available: 6, on_hand: 10, committed: 4, incoming: 0, reserved: 0 });
    expect(byLocation["SF Store"]).toEqual({ available: 8, on_hand: 8, committed: 0, incoming: 0, reserved: 0 });
    expect(data.productVariants.nodes[0].inventoryQuantity).toBe(6 + 8 + 4);
  });

  it("reads products, variants, inventory items and levels by id", async () => {
    const { products } = await t.data(`{ products(first: 5, query: "title:'Crossdock Tee'") { nodes { id title handle tags variants(first: 5) { nodes { id sku price selectedOptions { name value } inventoryItem { id } } } } } }`);
    const product = products.nodes[0];
    expect(product).toMatchObject({ title: "Crossdock Tee", handle: "crossdock-tee", tags: ["apparel", "summer"] });
    const variant = product.variants.nodes[0];
    expect(variant).toMatchObject({ sku: "TEE-S", price: "20.0", selectedOptions: [{ name: "Size", value: "S" }] });
    const { locations } = await t.data(`{ locations(first: 1, query: "name:Warehouse") { nodes { id } } }`);
    const data = await t.data(
      `query($p: ID!, $v: ID!, $i: ID!, $l: ID!) {
        product(id: $p) { title }
        productVariant(id: $v) { sku product { title } }
        inventoryItem(id: $i) { sku tracked inventoryLevel(locationId: $l) { id quantities(names: ["available"]) { quantity } } }
      }`,
      { p: product.id, v: variant.id, i: variant.inventoryItem.id, l: locations.nodes[0].id },
    );
    expect(data.product.title).toBe("Crossdock Tee");
    expect(data.productVariant).toEqual({ sku: "TEE-S", product: { title: "Crossdock Tee" } });
    expect(data.inventoryItem.sku).toBe("TEE-S");
    const levelId = data.inventoryItem.inventoryLevel.id;
    expect(levelId).toMatch(/^gid:\/\/shopify\/InventoryLevel\/\d+\?inventory_item_id=\d+$/);
    const level = await t.data(`query($id: ID!) { inventoryLevel(id: $id) { location { name } item { sku } } }`, { id: levelId });
    expect(level.inventoryLevel).toEqual({ location: { name: "Warehouse" }, item: { sku: "TEE-S" } });
  });

  it("reads fulfillment orders by id, nodes() and returns null for unknown ids", async () => {
    const order = await orderByName("#1001");
    const foId = order.fulfillmentOrders.nodes[0].id;
    const data = await t.data(
      `query($id: ID!, $ids: [ID!]!) { fulfillmentOrder(id: $id) { status orderName order { name } }
        nodes(ids: $ids) { __typename ... on FulfillmentOrder { status } ... on Order { name } }
        missing: order(id: "gid://shopify/Order/999999") { id } }`,
      { id: foId, ids: [foId, order.id, "gid://shopify/Order/999999"] },
    );
    expect(data.fulfillmentOrder).toEqual({ status: "OPEN", orderName: "#1001", order: { name: "#1001" } });
    expect(data.nodes).toEqual([{ __typename: "FulfillmentOrder", status: "OPEN" }, { __typename: "Order", name: "#1001" }, null]);
    expect(data.missing).toBeNull();
  });

  it("names an unimplemented field in a GraphQL error instead of returning null", async () => {
    const body = await t.gql(`{ orders(first: 1) { nodes { name canMarkAsPaid } } }`);
    expect(Array.isArray(body.errors)).toBe(true);
    const errors = body.errors as { message: string; path?: (string | number)[] }[];
    expect(errors[0]!.message).toBe("Field Order.canMarkAsPaid is not implemented by the Crossdock simulator");
    expect(errors[0]!.path).toEqual(["orders", "nodes", 0, "canMarkAsPaid"]);
  });

  it("rejects documents that do not validate against the 2026-10 schema, and syntax errors", async () => {
    const invalid = await t.gql(`{ shop { nmae } }`);
    expect((invalid.errors as { message: string }[])[0]!.message).toContain('Cannot query field "nmae" on type "Shop"');
    expect(invalid.data).toBeUndefined();
    const syntax = await t.gql(`{ shop { name `);
    expect((syntax.errors as { message: string }[])[0]!.message).toMatch(/Syntax Error/);
  });

  it("requires first or last on connections, as Shopify does", async () => {
    const body = await t.gql(`{ locations { nodes { name } } }`);
    expect((body.errors as { message: string }[])[0]!.message).toBe("you must provide one of first or last");
  });
});
