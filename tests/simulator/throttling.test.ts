import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHOP, startTestSimulator, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

describe("query cost", () => {
  it("computes requestedQueryCost with Shopify's rules and reports actualQueryCost", async () => {
    const cost = async (query: string, variables?: Record<string, unknown>) => (await t.gql(query, variables)).extensions!.cost;
    expect((await cost(`{ shop { name } }`)).requestedQueryCost).toBe(1);
    const orders = await cost(`{ orders(first: 10) { nodes { name } } }`);
    expect(orders.requestedQueryCost).toBe(12);
    expect(orders.actualQueryCost).toBe(2 + 6); // six orders exist
    const nested = await cost(`query($n: Int!) { orders(first: $n) { edges { cursor node { id lineItems(first: 3) { nodes { sku } } } } pageInfo { hasNextPage } } }`, { n: 5 });
    expect(nested.requestedQueryCost).toBe(2 + 5 * (1 + 2 + 3 * 1));
    const mutation = await cost(`mutation { fulfillmentOrderMove(id: "gid://shopify/FulfillmentOrder/1", newLocationId: "gid://shopify/Location/1") { userErrors { message } } }`);
    expect(mutation.requestedQueryCost).toBe(10);
    expect(orders.throttleStatus).toMatchObject({ maximumAvailable: 2000, restoreRate: 100 });
  });

  it("refuses a single query above 1000 with MAX_COST_EXCEEDED", async () => {
    const body = await t.gql(`{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { sku } } } } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe("MAX_COST_EXCEEDED");
    expect(body.data).toBeUndefined();
    expect(body.extensions?.cost.requestedQueryCost).toBeGreaterThan(1000);
  });
});

describe("leaky bucket", () => {
  it("throttles when the bucket cannot pay, executes nothing, and recovers at the restore rate", async () => {
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
    const throttled = (await response.json()) as { data?: unknown; errors: { message: string; extensions: Record<string, string> }[]; extensions: { cost: { requestedQueryCost: number; throttleStatus: unknown } } };
    expect(throttled.data).toBeUndefined();
    expect(throttled.errors).toEqual([{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }]);
    expect(throttled.extensions.cost.requestedQueryCost).toBe(17);

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
