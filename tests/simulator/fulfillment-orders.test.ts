import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator, type Loose } from "./helpers";

let t: TestSimulator;
beforeEach(async () => {
  t = await startTestSimulator();
});
afterEach(() => t.close());

const FO_FIELDS = `id status assignedLocation { name } lineItems(first: 10) { nodes { id sku totalQuantity remainingQuantity } }`;

async function ids() {
  const data = await t.data(`{
    locations(first: 10, includeInactive: true) { nodes { id name } }
    orders(first: 10) { nodes { name fulfillmentOrders(first: 5) { nodes { ${FO_FIELDS} } } } }
  }`);
  const location = Object.fromEntries(data.locations.nodes.map((l: Loose) => [l.name, l.id])) as Record<string, string>;
  const fo = Object.fromEntries(data.orders.nodes.map((o: Loose) => [o.name, o.fulfillmentOrders.nodes[0]])) as Record<string, Loose>;
  return { location, fo };
}

async function levels(sku: string): Promise<Record<string, { available: number; committed: number }>> {
  const data = await t.data(`query($q: String) { productVariants(first: 1, query: $q) { nodes { inventoryItem { inventoryLevels(first: 10) { nodes {
    location { name } quantities(names: ["available", "committed"]) { name quantity } } } } } } }`, { q: `sku:${sku}` });
  return Object.fromEntries(
    data.productVariants.nodes[0].inventoryItem.inventoryLevels.nodes.map((l: Loose) => [
      l.location.name,
      Object.fromEntries(l.quantities.map((q: Loose) => [q.name, q.quantity])),
    ]),
  );
}

const MOVE = `mutation($id: ID!, $to: ID!, $lines: [FulfillmentOrderLineItemInput!]) {
  fulfillmentOrderMove(id: $id, newLocationId: $to, fulfillmentOrderLineItems: $lines) {
    movedFulfillmentOrder { ${FO_FIELDS} } originalFulfillmentOrder { ${FO_FIELDS} } remainingFulfillmentOrder { ${FO_FIELDS} }
    userErrors { field message code }
  } }`;

describe("fulfillmentOrderMove", () => {
  it("moves a whole fulfillment order: the same FO is moved and original, and committed stock follows", async () => {
    const { location, fo } = await ids();
    expect(await levels("TEE-S")).toMatchObject({ Warehouse: { committed: 2 }, "SF Store": { committed: 1 } });
    // The SF store stocks TEE-S and MUG-1.
    const data = await t.data(MOVE, { id: fo["#1001"].id, to: location["SF Store"] });
    const result = data.fulfillmentOrderMove;
    expect(result.userErrors).toEqual([]);
    expect(result.movedFulfillmentOrder.id).toBe(fo["#1001"].id);
    expect(result.originalFulfillmentOrder.id).toBe(fo["#1001"].id);
    expect(result.remainingFulfillmentOrder).toBeNull();
    expect(result.movedFulfillmentOrder.assignedLocation.name).toBe("SF Store");
    expect(result.movedFulfillmentOrder.status).toBe("OPEN");
    expect(await levels("TEE-S")).toMatchObject({ Warehouse: { committed: 0, available: 50 }, "SF Store": { committed: 3, available: 2 } });
    expect(await levels("MUG-1")).toMatchObject({ Warehouse: { committed: 1 }, "SF Store": { committed: 3 } });
  });

  it("moves part of a fulfillment order into a new one; the original keeps the rest (outcome original-stays)", async () => {
    await t.control("PUT", "/_control/shops/sim-test.myshopify.com/order-routing", { moveOutcome: "original-stays" });
    const { location, fo } = await ids();
    const [tee, mug] = fo["#1001"].lineItems.nodes;
    const data = await t.data(MOVE, { id: fo["#1001"].id, to: location["SF Store"], lines: [{ id: mug.id, quantity: 2 }] });
    const { movedFulfillmentOrder: moved, originalFulfillmentOrder: original, remainingFulfillmentOrder: remaining, userErrors } = data.fulfillmentOrderMove;
    expect(userErrors).toEqual([]);
    expect(moved.id).not.toBe(fo["#1001"].id);
    expect(moved).toMatchObject({ status: "OPEN", assignedLocation: { name: "SF Store" } });
    expect(moved.lineItems.nodes.map((l: Loose) => [l.sku, l.totalQuantity, l.remainingQuantity])).toEqual([["MUG-1", 2, 2]]);
    expect(original.id).toBe(fo["#1001"].id);
    expect(original.assignedLocation.name).toBe("Warehouse");
    expect(original.lineItems.nodes.map((l: Loose) => [l.id, l.totalQuantity, l.remainingQuantity])).toEqual([
      [tee.id, 2, 2],
      [mug.id, 1, 1],
    ]);
    expect(remaining.id).toBe(original.id);
    expect(await levels("MUG-1")).toMatchObject({ Warehouse: { committed: 2 }, "SF Store": { committed: 2 } });
    const order = await t.data(`{ orders(first: 1, query: "name:#1001") { nodes { fulfillmentOrders(first: 5) { nodes { status assignedLocation { name } } } } } }`);
    expect(order.orders.nodes[0].fulfillmentOrders.nodes).toEqual([
      { status: "OPEN", assignedLocation: { name: "Warehouse" } },
      { status: "OPEN", assignedLocation: { name: "SF Store" } },
    ]);
  });

  it("moves the unfulfilled rest of an in-progress fulfillment order and closes the original", async () => {
    const { location, fo } = await ids();
    // #1002: TEE-M shipped, one MUG-1 left. Old Depot is inactive; SF Store stocks the mug.
    const data = await t.data(MOVE, { id: fo["#1002"].id, to: location["SF Store"] });
    const { movedFulfillmentOrder: moved, originalFulfillmentOrder: original } = data.fulfillmentOrderMove;
    expect(moved.id).not.toBe(original.id);
    expect(moved.lineItems.nodes.map((l: Loose) => [l.sku, l.remainingQuantity])).toEqual([["MUG-1", 1]]);
    expect(original.status).toBe("CLOSED");
    expect(original.lineItems.nodes.map((l: Loose) => [l.sku, l.totalQuantity, l.remainingQuantity])).toEqual([["TEE-M", 2, 0]]);
  });

  it("returns userErrors where Shopify does, changing nothing", async () => {
    const { location, fo } = await ids();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ id: "gid://shopify/FulfillmentOrder/999999", to: location["SF Store"] }, ["id"]],
      [{ id: fo["#1001"].id, to: "gid://shopify/Location/999999" }, ["newLocationId"]],
      [{ id: fo["#1001"].id, to: location.Warehouse }, ["newLocationId"]], // same location
      [{ id: fo["#1001"].id, to: location["Old Depot"] }, ["newLocationId"]], // inactive
      [{ id: fo["#1003"].id, to: location["SF Store"] }, ["id"]], // closed
      [{ id: fo["#1004"].id, to: location["SF Store"] }, ["id"]], // cancelled
      [{ id: fo["#1001"].id, to: location["SF Store"], lines: [{ id: fo["#1001"].lineItems.nodes[0].id, quantity: 3 }] }, ["fulfillmentOrderLineItems", "0", "quantity"]],
      [{ id: fo["#1001"].id, to: location["SF Store"], lines: [{ id: "gid://shopify/FulfillmentOrderLineItem/999999", quantity: 1 }] }, ["fulfillmentOrderLineItems", "0", "id"]],
    ];
    for (const [variables, field] of cases) {
      const data = await t.data(MOVE, variables);
      const result = data.fulfillmentOrderMove;
      expect(result.movedFulfillmentOrder, JSON.stringify(variables)).toBeNull();
      expect(result.userErrors).toHaveLength(1);
      expect(result.userErrors[0].field).toEqual(field);
      expect(result.userErrors[0].message).toBeTruthy();
      expect(result.userErrors[0]).toHaveProperty("code");
    }
    const after = await ids();
    expect(after.fo["#1001"]).toEqual(fo["#1001"]);
    expect(after.fo["#1003"].status).toBe("CLOSED");
  });

  it("refuses a location that does not stock the items", async () => {
    const { fo } = await ids();
    const created = await t.control("POST", "/_control/shops/sim-test.myshopify.com/locations", { name: "Empty Shop", address: { city: "Reno", countryCode: "US" } });
    expect(created.status).toBe(201);
    const data = await t.data(MOVE, { id: fo["#1001"].id, to: created.body.id });
    expect(data.fulfillmentOrderMove.userErrors[0].field).toEqual(["newLocationId"]);
  });
});

describe("locationsForMove", () => {
  it("lists candidate locations with movability, message and line availability", async () => {
    const { fo } = await ids();
    await t.control("POST", "/_control/shops/sim-test.myshopify.com/locations", { name: "Empty Shop", address: { city: "Reno", countryCode: "US" } });
    const data = await t.data(`query($id: ID!) { fulfillmentOrder(id: $id) { locationsForMove(first: 10) { nodes {
      location { name } movable message availableLineItems(first: 5) { nodes { sku } } unavailableLineItems(first: 5) { nodes { sku } } } } } }`, { id: fo["#1002"].id });
    const byName = Object.fromEntries(data.fulfillmentOrder.locationsForMove.nodes.map((n: Loose) => [n.location.name, n]));
    expect(byName.Warehouse).toMatchObject({ movable: false, message: "Current location." });
    expect(byName["SF Store"]).toMatchObject({ movable: true, message: null, availableLineItems: { nodes: [{ sku: "MUG-1" }] }, unavailableLineItems: { nodes: [] } });
    expect(byName["Empty Shop"]).toMatchObject({ movable: false, availableLineItems: { nodes: [] }, unavailableLineItems: { nodes: [{ sku: "MUG-1" }] } });
    expect(byName["Old Depot"]).toBeUndefined(); // inactive locations are not candidates
  });

  it("filters by locationIds and lineItemIds", async () => {
    const { fo, location } = await ids();
    const tee = fo["#1001"].lineItems.nodes[0];
    const data = await t.data(`query($id: ID!, $locs: [ID!], $lines: [ID!]) { fulfillmentOrder(id: $id) { locationsForMove(first: 10, locationIds: $locs, lineItemIds: $lines) { nodes {
      location { name } movable availableLineItems(first: 5) { nodes { sku } } } } } }`, { id: fo["#1001"].id, locs: [location["Old Depot"], location["SF Store"]], lines: [tee.id] });
    expect(data.fulfillmentOrder.locationsForMove.nodes).toEqual([
      { location: { name: "SF Store" }, movable: true, availableLineItems: { nodes: [{ sku: "TEE-S" }] } },
      { location: { name: "Old Depot" }, movable: false, availableLineItems: { nodes: [] } },
    ]);
  });
});

const SPLIT = `mutation($splits: [FulfillmentOrderSplitInput!]!) { fulfillmentOrderSplit(fulfillmentOrderSplits: $splits) {
  fulfillmentOrderSplits { fulfillmentOrder { ${FO_FIELDS} } remainingFulfillmentOrder { ${FO_FIELDS} } replacementFulfillmentOrder { id } }
  userErrors { field message code } } }`;
const MERGE = `mutation($inputs: [FulfillmentOrderMergeInput!]!) { fulfillmentOrderMerge(fulfillmentOrderMergeInputs: $inputs) {
  fulfillmentOrderMerges { fulfillmentOrder { ${FO_FIELDS} } } userErrors { field message code } } }`;

describe("fulfillmentOrderSplit and fulfillmentOrderMerge", () => {
  it("splits quantities into a new fulfillment order at the same location and merges them back", async () => {
    const { fo } = await ids();
    const [tee, mug] = fo["#1001"].lineItems.nodes;
    const split = await t.data(SPLIT, { splits: [{ fulfillmentOrderId: fo["#1001"].id, fulfillmentOrderLineItems: [{ id: mug.id, quantity: 1 }] }] });
    expect(split.fulfillmentOrderSplit.userErrors).toEqual([]);
    const [result] = split.fulfillmentOrderSplit.fulfillmentOrderSplits;
    expect(result.fulfillmentOrder.id).toBe(fo["#1001"].id);
    expect(result.fulfillmentOrder.lineItems.nodes.map((l: Loose) => [l.id, l.totalQuantity])).toEqual([[tee.id, 2], [mug.id, 2]]);
    expect(result.remainingFulfillmentOrder.assignedLocation.name).toBe("Warehouse");
    expect(result.remainingFulfillmentOrder.lineItems.nodes.map((l: Loose) => [l.sku, l.totalQuantity])).toEqual([["MUG-1", 1]]);
    expect(result.replacementFulfillmentOrder).toBeNull();
    expect(await levels("MUG-1")).toMatchObject({ Warehouse: { committed: 4 } }); // unchanged by a split

    const merged = await t.data(MERGE, { inputs: [{ mergeIntents: [{ fulfillmentOrderId: fo["#1001"].id }, { fulfillmentOrderId: result.remainingFulfillmentOrder.id }] }] });
    expect(merged.fulfillmentOrderMerge.userErrors).toEqual([]);
    const survivor = merged.fulfillmentOrderMerge.fulfillmentOrderMerges[0].fulfillmentOrder;
    expect(survivor.id).toBe(fo["#1001"].id);
    expect(survivor.lineItems.nodes.map((l: Loose) => [l.sku, l.totalQuantity, l.remainingQuantity])).toEqual([["TEE-S", 2, 2], ["MUG-1", 3, 3]]);
    const closed = await t.data(`query($id: ID!) { fulfillmentOrder(id: $id) { status } }`, { id: result.remainingFulfillmentOrder.id });
    expect(closed.fulfillmentOrder.status).toBe("CLOSED");
    expect(await levels("MUG-1")).toMatchObject({ Warehouse: { committed: 4 } });
  });

  it("returns split userErrors with codes", async () => {
    const { fo } = await ids();
    const [tee] = fo["#1001"].lineItems.nodes;
    const run = async (splits: unknown) => (await t.data(SPLIT, { splits })).fulfillmentOrderSplit;
    const notFound = await run([{ fulfillmentOrderId: "gid://shopify/FulfillmentOrder/999999", fulfillmentOrderLineItems: [{ id: tee.id, quantity: 1 }] }]);
    expect(notFound.userErrors[0]).toMatchObject({ code: "FULFILLMENT_ORDER_NOT_FOUND", field: ["fulfillmentOrderSplits", "0", "fulfillmentOrderId"] });
    expect(notFound.fulfillmentOrderSplits).toBeNull();
    expect((await run([{ fulfillmentOrderId: fo["#1001"].id, fulfillmentOrderLineItems: [] }])).userErrors[0].code).toBe("NO_LINE_ITEMS_PROVIDED_TO_SPLIT");
    expect((await run([{ fulfillmentOrderId: fo["#1001"].id, fulfillmentOrderLineItems: [{ id: tee.id, quantity: 0 }] }])).userErrors[0].code).toBe("GREATER_THAN");
    expect((await run([{ fulfillmentOrderId: fo["#1001"].id, fulfillmentOrderLineItems: [{ id: tee.id, quantity: 5 }] }])).userErrors[0].code).toBe("INVALID_LINE_ITEM_QUANTITY");
  });

  it("refuses to merge fulfillment orders at different locations", async () => {
    await t.control("PUT", "/_control/shops/sim-test.myshopify.com/order-routing", { moveOutcome: "original-stays" });
    const { fo, location } = await ids();
    const mug = fo["#1001"].lineItems.nodes[1];
    const moved = await t.data(MOVE, { id: fo["#1001"].id, to: location["SF Store"], lines: [{ id: mug.id, quantity: 1 }] });
    const other = moved.fulfillmentOrderMove.movedFulfillmentOrder.id;
    const merged = await t.data(MERGE, { inputs: [{ mergeIntents: [{ fulfillmentOrderId: fo["#1001"].id }, { fulfillmentOrderId: other }] }] });
    expect(merged.fulfillmentOrderMerge.fulfillmentOrderMerges).toBeNull();
    expect(merged.fulfillmentOrderMerge.userErrors[0].message).toMatch(/same order, location/);
  });
});
