import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestSimulator, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(() => t.close());

async function order(name: string): Promise<Loose> {
  const data = await t.data(`query($q: String) { orders(first: 1, query: $q) { nodes { id displayFulfillmentStatus
    fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 5) { nodes { id remainingQuantity } } } }
    fulfillments { id status displayStatus trackingInfo { company number url } } } } }`, { q: `name:${name}` });
  return data.orders.nodes[0];
}

const CREATE = `mutation($input: FulfillmentInput!) { fulfillmentCreate(fulfillment: $input) {
  fulfillment { id status displayStatus trackingInfo { company number url } } userErrors { field message } } }`;

describe("fulfillmentCreate", () => {
  it("fulfils part of a fulfillment order with tracking", async () => {
    const before = await order("#1001");
    const fo = before.fulfillmentOrders.nodes[0];
    const data = await t.data(CREATE, {
      input: {
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems.nodes[0].id, quantity: 2 }] }],
        trackingInfo: { company: "UPS", number: "1ZNEW", url: "https://ups.example/1ZNEW" },
      },
    });
    expect(data.fulfillmentCreate.userErrors).toEqual([]);
    expect(data.fulfillmentCreate.fulfillment).toMatchObject({ status: "SUCCESS", displayStatus: "CONFIRMED", trackingInfo: [{ company: "UPS", number: "1ZNEW", url: "https://ups.example/1ZNEW" }] });
    const after = await order("#1001");
    expect(after.displayFulfillmentStatus).toBe("PARTIALLY_FULFILLED");
    expect(after.fulfillmentOrders.nodes[0]).toMatchObject({ status: "IN_PROGRESS", lineItems: { nodes: [{ remainingQuantity: 0 }, { remainingQuantity: 3 }] } });
  });

  it("refuses quantities above what remains and unknown fulfillment orders", async () => {
    const fo = (await order("#1001")).fulfillmentOrders.nodes[0];
    const tooMany = await t.data(CREATE, { input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id, fulfillmentOrderLineItems: [{ id: fo.lineItems.nodes[0].id, quantity: 9 }] }] } });
    expect(tooMany.fulfillmentCreate.fulfillment).toBeNull();
    expect(tooMany.fulfillmentCreate.userErrors).toHaveLength(1);
    const unknown = await t.data(CREATE, { input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: "gid://shopify/FulfillmentOrder/999999" }] } });
    expect(unknown.fulfillmentCreate.userErrors[0].field).toEqual(["fulfillment", "lineItemsByFulfillmentOrder", "0", "fulfillmentOrderId"]);
  });

  it("completes a pickup prepared for collection", async () => {
    const ready = await order("#1005");
    expect(ready.fulfillments[0]).toMatchObject({ status: "OPEN", displayStatus: "READY_FOR_PICKUP" });
    const data = await t.data(CREATE, { input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: ready.fulfillmentOrders.nodes[0].id }] } });
    expect(data.fulfillmentCreate.fulfillment).toMatchObject({ id: ready.fulfillments[0].id, status: "SUCCESS", displayStatus: "PICKED_UP" });
    const after = await order("#1005");
    expect(after.displayFulfillmentStatus).toBe("FULFILLED");
    expect(after.fulfillmentOrders.nodes[0].status).toBe("CLOSED");
  });
});

describe("local pickup", () => {
  it("enables and disables local pickup on a location and prepares pickup orders", async () => {
    const { locations } = await t.data(`{ locations(first: 5, query: "name:Warehouse") { nodes { id } } }`);
    const id = locations.nodes[0].id;
    const enabled = await t.data(`mutation($id: ID!) { locationLocalPickupEnable(localPickupSettings: { locationId: $id, pickupTime: FOUR_HOURS, instructions: "Door B" }) {
      localPickupSettings { pickupTime instructions } userErrors { field message code } } }`, { id });
    expect(enabled.locationLocalPickupEnable).toEqual({ localPickupSettings: { pickupTime: "FOUR_HOURS", instructions: "Door B" }, userErrors: [] });
    const read = await t.data(`query($id: ID!) { location(id: $id) { localPickupSettingsV2 { pickupTime } } }`, { id });
    expect(read.location.localPickupSettingsV2).toEqual({ pickupTime: "FOUR_HOURS" });
    const disabled = await t.data(`mutation($id: ID!) { locationLocalPickupDisable(locationId: $id) { locationId userErrors { code } } }`, { id });
    expect(disabled.locationLocalPickupDisable).toEqual({ locationId: id, userErrors: [] });
    const unknown = await t.data(`mutation { locationLocalPickupDisable(locationId: "gid://shopify/Location/999999") { locationId userErrors { code } } }`);
    expect(unknown.locationLocalPickupDisable.userErrors).toEqual([{ code: "ACTIVE_LOCATION_NOT_FOUND" }]);

    const created = await t.control("POST", "/_control/shops/sim-test.myshopify.com/orders", {
      lines: [{ sku: "MUG-1", quantity: 1 }], email: "p@example.com", deliveryMethod: "PICK_UP",
      pickupLocationId: (await t.control("GET", "/_control/shops/sim-test.myshopify.com/state")).body.locations.find((l: Loose) => l.name === "SF Store").id,
    });
    const foId = created.body.fulfillmentOrders[0].id;
    const prepared = await t.data(`mutation($id: ID!) { fulfillmentOrderLineItemsPreparedForPickup(input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { code } } }`, { id: foId });
    expect(prepared.fulfillmentOrderLineItemsPreparedForPickup.userErrors).toEqual([]);
    const again = await t.data(`mutation($id: ID!) { fulfillmentOrderLineItemsPreparedForPickup(input: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: $id }] }) { userErrors { code } } }`, { id: foId });
    expect(again.fulfillmentOrderLineItemsPreparedForPickup.userErrors).toEqual([{ code: "NO_LINE_ITEMS_TO_PREPARE_FOR_FULFILLMENT_ORDER" }]);
    const state = await t.data(`query($id: ID!) { fulfillmentOrder(id: $id) { status order { displayFulfillmentStatus fulfillments { displayStatus } } } }`, { id: foId });
    expect(state.fulfillmentOrder).toEqual({ status: "IN_PROGRESS", order: { displayFulfillmentStatus: "IN_PROGRESS", fulfillments: [{ displayStatus: "READY_FOR_PICKUP" }] } });
  });
});
