/**
 * Query cost and rate limits (simulator/FIDELITY.md, rows QC-*). Expected costs are worked out by
 * hand from Shopify's documented rules ("GraphQL Admin API rate limits", Cost calculation): scalars
 * and enums 0, objects 1, interfaces and unions the maximum of their possible selections,
 * connections 2 + first × one node, mutations 10; never by calling the simulator's cost code.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SHOP, startTestSimulator, type TestSimulator } from "./helpers";

let t: TestSimulator;
let orderIds: Record<string, string>;
let locationIds: Record<string, string>;

beforeAll(async () => {
  t = await startTestSimulator();
  const data = await t.data(`{ orders(first: 10) { nodes { id name } } locations(first: 10, includeInactive: true) { nodes { id name } } }`);
  orderIds = Object.fromEntries((data.orders.nodes as { id: string; name: string }[]).map((o) => [o.name, o.id]));
  locationIds = Object.fromEntries((data.locations.nodes as { id: string; name: string }[]).map((l) => [l.name, l.id]));
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control("PUT", `/_control/shops/${SHOP}/throttle`, { plan: "standard" });
});

const cost = async (query: string, variables?: Record<string, unknown>) => {
  const body = await t.gql(query, variables);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.extensions!.cost;
};

describe("requested and actual cost (QC-1 … QC-8)", () => {
  it("QC-1: scalars and enums cost 0, an object 1", async () => {
    expect(await cost(`{ shop { name currencyCode } }`)).toMatchObject({ requestedQueryCost: 1, actualQueryCost: 1 });
    // shop 1 + primaryDomain 1
    expect(await cost(`{ shop { name primaryDomain { host } } }`)).toMatchObject({ requestedQueryCost: 2, actualQueryCost: 2 });
  });

  it("QC-2: a connection costs 2 plus first × one node; edges, node and pageInfo add nothing", async () => {
    // 2 + 10 × 1; six orders exist, so 2 + 6 × 1 is what was returned
    expect(await cost(`{ orders(first: 10) { nodes { name } } }`)).toMatchObject({ requestedQueryCost: 12, actualQueryCost: 8 });
    expect(await cost(`{ orders(first: 10) { edges { cursor node { name } } pageInfo { hasNextPage } } }`)).toMatchObject({ requestedQueryCost: 12, actualQueryCost: 8 });
    expect(await cost(`{ orders(last: 4) { nodes { name } } }`)).toMatchObject({ requestedQueryCost: 6, actualQueryCost: 6 });
  });

  it("QC-3: nested connections multiply; the actual cost counts the lines each order has", async () => {
    // 2 + 5 orders × (order 1 + lineItems 2 + 3 lines × (line 1 + variant 1))
    const nested = await cost(`{ orders(first: 5) { nodes { lineItems(first: 3) { nodes { sku variant { id } } } } } }`);
    expect(nested.requestedQueryCost).toBe(2 + 5 * (1 + 2 + 3 * 2));
    // #1001 and #1002 have two lines, #1003–#1005 one: 2 + 2 × (1 + 2 + 2 × 2) + 3 × (1 + 2 + 1 × 2)
    expect(nested.actualQueryCost).toBe(2 + 2 * 7 + 3 * 5);
  });

  it("QC-4: lists of objects multiply by first/last, or by the list argument naming their items", async () => {
    // order 1 + 4 fulfillments × (fulfillment 1 + 2 tracking infos × 1 + location 1)
    const listed = await cost(`query($id: ID!) { order(id: $id) { fulfillments(first: 4) { trackingInfo(first: 2) { number } location { id } } } }`, { id: orderIds["#1002"] });
    expect(listed.requestedQueryCost).toBe(1 + 4 * (1 + 2 + 1));
    // #1002 has one fulfillment with one tracking number, shipped from the warehouse
    expect(listed.actualQueryCost).toBe(1 + (1 + 1 + 1));
    // nodes(ids:) is sized by the ids: 3 × (1 + lineItems 2 + 2 × 1)
    const three = [orderIds["#1001"], orderIds["#1003"], "gid://shopify/Order/999999999"];
    const byIds = await cost(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Order { lineItems(first: 2) { nodes { sku } } } } }`, { ids: three });
    expect(byIds.requestedQueryCost).toBe(3 * (1 + 2 + 2));
    // the unknown id comes back null: #1001 (2 lines) 5 + #1003 (1 line) 4
    expect(byIds.actualQueryCost).toBe(5 + 4);
    // quantities(names:) is sized by the names: level 1 + location 1 + 3 quantities
    const level = await cost(`{ productVariants(first: 1) { nodes { inventoryItem { inventoryLevels(first: 1) { nodes { location { id } quantities(names: ["available", "on_hand", "committed"]) { quantity } } } } } } }`);
    expect(level.requestedQueryCost).toBe(2 + 1 * (1 + 1 + 2 + 1 * (1 + 1 + 3)));
    // a list without a size counts as one item before execution, and per item afterwards: #1001 has one attribute
    const attributes = await cost(`query($id: ID!) { order(id: $id) { customAttributes { key } } }`, { id: orderIds["#1001"] });
    expect(attributes).toMatchObject({ requestedQueryCost: 2, actualQueryCost: 2 });
  });

  it("QC-5: an interface or union costs its most expensive possible selection; the actual cost the type it was", async () => {
    const query = `query($id: ID!) { node(id: $id) { id ... on Order { customer { id } } ... on Location { address { city } localPickupSettingsV2 { instructions } } } }`;
    // max(Order: 1 + customer 1, Location: 1 + address 1 + pickup settings 1) = 3
    const order = await cost(query, { id: orderIds["#1001"] });
    expect(order).toMatchObject({ requestedQueryCost: 3, actualQueryCost: 2 });
    const store = await cost(query, { id: locationIds["SF Store"] });
    expect(store).toMatchObject({ requestedQueryCost: 3, actualQueryCost: 3 });
    const warehouse = await cost(query, { id: locationIds["Warehouse"] }); // no local pickup: settings null
    expect(warehouse).toMatchObject({ requestedQueryCost: 3, actualQueryCost: 2 });
  });

  it("QC-6: a mutation costs 10, whatever its payload selects", async () => {
    const move = `mutation($id: ID!, $to: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $to) { movedFulfillmentOrder { id assignedLocation { location { id } } } userErrors { field message } } }`;
    const result = await cost(move, { id: "gid://shopify/FulfillmentOrder/999999999", to: locationIds["SF Store"] });
    expect(result).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
  });

  it("QC-7: a field selected twice under one key counts once (fields merge), fragments included", async () => {
    const merged = await cost(`{ shop { primaryDomain { host } ...D } } fragment D on Shop { primaryDomain { url } name }`);
    expect(merged.requestedQueryCost).toBe(2);
    const aliased = await cost(`{ shop { a: primaryDomain { host } b: primaryDomain { url } } }`);
    expect(aliased.requestedQueryCost).toBe(3);
  });

  it("QC-8: sizes come from variables and their declared defaults; @skip and @include drop fields", async () => {
    expect((await cost(`query($n: Int = 4) { orders(first: $n) { nodes { id } } }`)).requestedQueryCost).toBe(6);
    expect((await cost(`query($n: Int = 4) { orders(first: $n) { nodes { id } } }`, { n: 7 })).requestedQueryCost).toBe(9);
    const conditional = `query($skip: Boolean!) { shop { primaryDomain @skip(if: $skip) { host } } }`;
    expect((await cost(conditional, { skip: true })).requestedQueryCost).toBe(1);
    expect((await cost(conditional, { skip: false })).requestedQueryCost).toBe(2);
  });
});

describe("the single query limit (QC-9)", () => {
  it("refuses a query that requests more than 1,000 points before running it, in Shopify's error shape", async () => {
    const before = (await cost(`{ shop { name } }`)).throttleStatus.currentlyAvailable;
    const response = await t.gqlRaw(`{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { sku } } } } }`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    const requested = 2 + 250 * (1 + 2 + 250 * 1);
    expect(body).toEqual({
      errors: [
        {
          message: expect.stringContaining(`Query cost is ${requested}, which exceeds the single query max cost limit (1000).`),
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: 1000, documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
    });
    // nothing was charged
    expect((await cost(`{ shop { name } }`)).throttleStatus.currentlyAvailable).toBeGreaterThanOrEqual(before - 1);
  });

  it("runs a query of exactly 1,000 and refuses one of 1,001", async () => {
    // 3 × (2 + 250) + (2 + 242) = 1000
    const atLimit = `{ a: orders(first: 250) { nodes { id } } b: orders(first: 250) { nodes { id } } c: orders(first: 250) { nodes { id } } d: orders(first: 242) { nodes { id } } }`;
    expect((await cost(atLimit)).requestedQueryCost).toBe(1000);
    const over = await t.gql(atLimit.replace("first: 242", "first: 243"));
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: "MAX_COST_EXCEEDED", cost: 1001 });
    expect(over.data).toBeUndefined();
  });
});

describe("the leaky bucket (QC-10 … QC-12)", () => {
  it("QC-10: sizes the bucket by the shop's plan", async () => {
    expect((await cost(`{ shop { name } }`)).throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
    for (const [plan, maximumAvailable, restoreRate] of [
      ["advanced", 4000, 200],
      ["plus", 20000, 1000],
      ["enterprise", 40000, 2000],
      ["standard", 2000, 100],
    ] as const) {
      expect((await t.control("PUT", `/_control/shops/${SHOP}/throttle`, { plan })).status).toBe(200);
      const status = (await cost(`{ shop { name } }`)).throttleStatus;
      expect(status, plan).toMatchObject({ maximumAvailable, restoreRate });
      expect(status.currentlyAvailable, plan).toBe(maximumAvailable - 1);
    }
    expect((await t.control("PUT", `/_control/shops/${SHOP}/throttle`, { plan: "gold" })).status).toBe(400);
  });

  it("QC-11: takes the requested cost first and gives back what was not used", async () => {
    await t.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 1000, restoreRate: 0 });
    const first = await cost(`{ orders(first: 250) { nodes { id } } }`); // requested 252, actual 8
    expect(first).toMatchObject({ requestedQueryCost: 252, actualQueryCost: 8 });
    expect(first.throttleStatus.currentlyAvailable).toBe(1000 - 8);
  });

  it("QC-12: throttles when the bucket cannot pay, executes nothing, and recovers at the restore rate", async () => {
    const configured = await t.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 20, restoreRate: 10 });
    expect(configured.status).toBe(200);
    const query = `{ orders(first: 15) { nodes { name } } }`; // requested 17, actual 8
    const first = await t.gql(query);
    expect(first.data?.orders.nodes).toHaveLength(6);
    expect(first.extensions!.cost).toMatchObject({ requestedQueryCost: 17, actualQueryCost: 8 });
    expect(first.extensions!.cost.throttleStatus).toMatchObject({ maximumAvailable: 20, restoreRate: 10 });
    expect(first.extensions!.cost.throttleStatus.currentlyAvailable).toBeLessThan(17);

    const response = await t.gqlRaw(query);
    expect(response.status).toBe(200);
    const throttled = (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, string> }[]; extensions: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: unknown } } };
    expect(throttled.data).toBeUndefined();
    expect(throttled.errors).toEqual([{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }]);
    expect(throttled.extensions.cost).toMatchObject({ requestedQueryCost: 17, actualQueryCost: null });

    // A throttled mutation is not executed.
    const before = (await t.control("GET", `/_control/shops/${SHOP}/state`)).body.orders[0].fulfillmentOrders[0];
    await t.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 20, restoreRate: 10, currentlyAvailable: 5 });
    const mutation = await t.gql(`mutation($id: ID!) { fulfillmentOrderMove(id: $id, newLocationId: "gid://shopify/Location/1002") { userErrors { message } } }`, { id: before.id });
    expect((mutation.errors as { message: string }[])[0]!.message).toBe("Throttled");
    const after = (await t.control("GET", `/_control/shops/${SHOP}/state`)).body.orders[0].fulfillmentOrders[0];
    expect(after.location).toBe(before.location);

    await new Promise((resolve) => setTimeout(resolve, 1300)); // 5 + 13 ≥ 17
    const recovered = await t.gql(query);
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data?.orders.nodes).toHaveLength(6);
  });
});

describe("paying for what changed (QC-14)", () => {
  it("filters a location's and an item's stock levels by updated_at, as the schema documents", async () => {
    const warehouse = locationIds["Warehouse"]!;
    const levels = `query($id: ID!, $q: String) { location(id: $id) { inventoryLevels(first: 50, query: $q) { nodes { item { sku } } } } }`;
    const all = (await t.data(levels, { id: warehouse })).location.inventoryLevels.nodes as { item: { sku: string } }[];
    expect(all.map((l) => l.item.sku).sort()).toEqual(["MUG-1", "TEE-M", "TEE-S"]);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await t.control("POST", `/_control/shops/${SHOP}/inventory`, { changes: [{ sku: "TEE-M", locationId: warehouse, quantity: 31 }] })).status).toBe(200);

    const changed = await t.gql(levels, { id: warehouse, q: `updated_at:>='${since}'` });
    expect(changed.data!.location.inventoryLevels.nodes).toEqual([{ item: { sku: "TEE-M" } }]);
    // 1 + 2 + 1 level × (1 + item 1): what changed is what is paid for
    expect(changed.extensions!.cost.actualQueryCost).toBe(1 + 2 + 2);
    const earlier = await t.data(levels, { id: warehouse, q: `updated_at:<'${since}'` });
    expect((earlier.location.inventoryLevels.nodes as { item: { sku: string } }[]).map((l) => l.item.sku).sort()).toEqual(["MUG-1", "TEE-S"]);

    const item = `query($sku: String!, $q: String) { productVariants(first: 1, query: $sku) { nodes { inventoryItem { inventoryLevels(first: 10, query: $q) { nodes { location { name } } } } } } }`;
    const byItem = await t.data(item, { sku: "sku:TEE-M", q: `updated_at:>='${since}'` });
    expect(byItem.productVariants.nodes[0].inventoryItem.inventoryLevels.nodes).toEqual([{ location: { name: "Warehouse" } }]);
  });
});
