import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PICKUP_LOCATION_ATTRIBUTE } from "~/domain/availability/pickup-attribute";
import { pickupSignalOf, type LocationAttributes, type RoutableOrder } from "~/domain/routing/order-input";
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

  it("gives every seeded pickup order the chosen store's location GID, which routing resolves to that store", async () => {
    expect((await t.control("POST", `/_control/shops/${DEMO_SHOP_DOMAIN}/seed?accessToken=shpat_demo`, seed)).status).toBe(201);
    const opts = { shop: DEMO_SHOP_DOMAIN, token: "shpat_demo" };
    const locations = await t.gql(`{ locations(first: 50, includeInactive: true) { nodes { id legacyResourceId name isActive } } }`, undefined, opts);
    const orders = await t.gql(`{ orders(first: 250) { nodes { name customAttributes { key value } } } }`, undefined, opts);
    expect(locations.errors ?? orders.errors).toBeUndefined();
    const seeded: { id: string; legacyResourceId: string; name: string; isActive: boolean }[] = locations.data!.locations.nodes;
    const attributesOf = new Map<string, Record<string, string>>(
      orders.data!.orders.nodes.map((o: Loose) => [o.name, Object.fromEntries(o.customAttributes.map((a: Loose) => [a.key, a.value]))]),
    );
    // What Crossdock knows of each location when it routes (only the id fields matter here).
    const known: LocationAttributes[] = seeded.map((l) => ({
      shopifyId: l.id,
      legacyResourceId: l.legacyResourceId,
      name: l.name,
      kind: "store",
      countryCode: null,
      latitude: null,
      longitude: null,
      isActive: l.isActive,
      fulfillsOnlineOrders: true,
      pickupEnabled: true,
      priority: 0,
      dailyCapacity: null,
      stockBuffer: null,
      tags: [],
    }));

    const pickups = seed.orders.filter((o) => o.deliveryMethod === "PICK_UP");
    expect(pickups.length).toBeGreaterThan(0);
    for (const order of pickups) {
      const store = seed.locations.find((l) => l.key === order.pickupLocationKey)!;
      const expected = seeded.find((l) => l.name === store.name)!;
      const attributes = attributesOf.get(`#${order.number}`)!;
      const value = attributes[PICKUP_LOCATION_ATTRIBUTE];
      expect(value, order.key).toMatch(/^gid:\/\/shopify\/Location\/\d+$/);
      expect(value, order.key).toBe(expected.id);
      // Routing reads the attribute as the product page's hint (no pickup fulfillment order here).
      const routable: RoutableOrder = {
        id: order.key,
        name: `#${order.number}`,
        createdAt: order.createdAt,
        cancelledAt: null,
        destination: null,
        attributes,
        lines: [],
        fulfillmentOrders: [],
      };
      expect(pickupSignalOf(routable, known), order.key).toEqual({ decidedBy: "checkout-shipping", hintLocationId: expected.id });
    }
    // Shipping orders carry no pickup attribute.
    for (const order of seed.orders.filter((o) => o.deliveryMethod === "SHIPPING")) {
      expect(attributesOf.get(`#${order.number}`)?.[PICKUP_LOCATION_ATTRIBUTE], order.key).toBeUndefined();
    }
  });
});
