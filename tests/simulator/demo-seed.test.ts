import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemoShop, DEMO_SHOP_DOMAIN } from "../../simulator/seed/demo-shop";
import type { SeedData } from "../../simulator/seed/types";
import { startTestSimulator, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
let seed: SeedData;
beforeAll(async () => {
  t = await startTestSimulator({ seed: undefined });
  seed = buildDemoShop();
});
afterAll(() => t.close());

const EXPECTED_STATUS: Record<string, string> = {
  unfulfilled: "UNFULFILLED",
  partially_fulfilled: "PARTIALLY_FULFILLED",
  fulfilled: "FULFILLED",
  delivered: "FULFILLED",
  ready_for_pickup: "IN_PROGRESS",
  picked_up: "FULFILLED",
};

describe("the demo shop generator's SeedData", () => {
  it("loads through the control API into a consistent shop", async () => {
    const response = await t.control("POST", `/_control/shops/${DEMO_SHOP_DOMAIN}/seed?accessToken=shpat_demo`, seed);
    expect(response.status, JSON.stringify(response.body).slice(0, 500)).toBe(201);
    expect(response.body).toMatchObject({ orders: seed.orders.length, locations: seed.locations.length, warnings: [] });

    const state = (await t.control("GET", `/_control/shops/${DEMO_SHOP_DOMAIN}/state`)).body;
    const byName = new Map<string, Loose>(state.orders.map((o: Loose) => [o.name, o]));
    for (const order of seed.orders) {
      const loaded = byName.get(`#${order.number}`);
      expect(loaded, order.key).toBeDefined();
      if (order.state === "cancelled") {
        expect(loaded.cancelledAt).toBeTruthy();
        expect(loaded.fulfillmentOrders.every((fo: Loose) => fo.status === "CANCELLED" || fo.status === "CLOSED")).toBe(true);
      } else {
        expect(loaded.displayFulfillmentStatus, `${order.key} (${order.state})`).toBe(EXPECTED_STATUS[order.state]);
      }
    }
    // Stock the seed declares on hand is what the shop reports on hand.
    const variant = seed.products[0]!.variants[0]!;
    const [locationKey, stock] = Object.entries(variant.inventory)[0]!;
    const locationName = seed.locations.find((l) => l.key === locationKey)!.name;
    const level = state.inventory.find((l: Loose) => l.sku === variant.sku && l.location === locationName);
    expect(level.on_hand).toBe(stock.onHand);
    expect(level.available).toBe(stock.onHand - level.committed);

    const token = await t.gql(`{ shop { myshopifyDomain } }`, undefined, { shop: DEMO_SHOP_DOMAIN, token: "shpat_demo" });
    expect(token.data).toEqual({ shop: { myshopifyDomain: DEMO_SHOP_DOMAIN } });
  });
});
