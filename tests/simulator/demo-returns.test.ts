import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoShop, DEMO_SHOP_DOMAIN } from "../../simulator/seed/demo-shop";
import type { SeedData } from "../../simulator/seed/types";
import { startTestSimulator, type Loose, type TestSimulator } from "./helpers";

const DAY = 86_400_000;
const now = new Date();
let t: TestSimulator;
let seed: SeedData;
let state: Loose;
beforeAll(async () => {
  t = await startTestSimulator({ seed: undefined });
  seed = buildDemoShop({ now });
  const loaded = await t.control("POST", `/_control/shops/${DEMO_SHOP_DOMAIN}/seed?accessToken=shpat_demo`, seed);
  expect(loaded.status, JSON.stringify(loaded.body).slice(0, 500)).toBe(201);
  state = (await t.control("GET", `/_control/shops/${DEMO_SHOP_DOMAIN}/state`)).body;
});
afterAll(() => t.close());

async function demoData(query: string, variables: Record<string, unknown>): Promise<Loose> {
  const body = await t.gql(query, variables, { shop: DEMO_SHOP_DOMAIN, token: "shpat_demo" });
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

const RETURNABLE = `query($id: ID!) { returnableFulfillments(orderId: $id, first: 10) { nodes { returnableFulfillmentLineItems(first: 20) { nodes { quantity } } } } }`;

describe("the demo shop, for the returns portal", () => {
  it("has delivered orders inside a 30-day return window and outside it, all with returnable units", async () => {
    const delivered = state.orders.filter((o: Loose) => o.fulfillments.length > 0 && o.fulfillments.every((f: Loose) => f.displayStatus === "DELIVERED"));
    const age = (o: Loose) => (now.getTime() - Math.max(...o.fulfillments.map((f: Loose) => Date.parse(f.deliveredAt)))) / DAY;
    const inside = delivered.filter((o: Loose) => age(o) <= 30);
    const outside = delivered.filter((o: Loose) => age(o) > 30);
    expect(inside.length).toBeGreaterThanOrEqual(5);
    expect(outside.length).toBeGreaterThanOrEqual(3);
    for (const order of [...inside.slice(0, 3), ...outside.slice(0, 2)]) {
      const { returnableFulfillments } = await demoData(RETURNABLE, { id: order.id });
      const units = returnableFulfillments.nodes.flatMap((rf: Loose) => rf.returnableFulfillmentLineItems.nodes).reduce((sum: number, l: Loose) => sum + l.quantity, 0);
      expect(units, order.name).toBeGreaterThan(0);
    }
  });

  it("replays the seed's past returns as closed, restocked returns that are no longer returnable", async () => {
    const withReturns = seed.orders.filter((o) => o.returns?.length);
    expect(withReturns.length).toBeGreaterThan(0);
    for (const seeded of withReturns) {
      const order = state.orders.find((o: Loose) => o.name === `#${seeded.number}`);
      expect(order.returnStatus).toBe("RETURNED");
      expect(order.returns).toHaveLength(1);
      expect(order.returns[0]).toMatchObject({ status: "CLOSED", lineItems: [{ quantity: 1 }] });
      expect(order.returns[0].reverseFulfillmentOrders[0]).toMatchObject({ status: "CLOSED", lineItems: [{ disposedQuantity: 1, dispositions: [{ type: "RESTOCKED", quantity: 1 }] }] });
      const returned = order.returns[0].lineItems[0];
      const { returnableFulfillments } = await demoData(
        `query($id: ID!) { returnableFulfillments(orderId: $id, first: 10) { nodes { returnableFulfillmentLineItems(first: 20) { nodes { quantity fulfillmentLineItem { id quantity } } } } } }`,
        { id: order.id },
      );
      const line = returnableFulfillments.nodes.flatMap((rf: Loose) => rf.returnableFulfillmentLineItems.nodes).find((l: Loose) => l.fulfillmentLineItem.id === returned.fulfillmentLineItemId);
      const shipped = order.fulfillments.flatMap((f: Loose) => f.lineItems).find((l: Loose) => l.id === returned.fulfillmentLineItemId);
      expect(line?.quantity ?? 0, order.name).toBe(shipped.quantity - 1);
    }
    // Seeded history is not news: the shop's declared stock is today's, and nothing was announced.
    expect((await t.control("GET", `/_control/webhooks?shop=${DEMO_SHOP_DOMAIN}`)).body.deliveries).toEqual([]);
  });
});
