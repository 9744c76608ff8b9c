import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { startSimulator, type RunningSimulator } from "../../../simulator/server";
import { resetDatabase } from "../../setup/db";

// routeOrder against the simulator seeded with the demo shop: live order, live stock, real moves.
const seed = buildDemoShop({ now: new Date("2026-11-20T12:00:00Z") });
const SHOP = seed.shop.domain;
const TOKEN = "shpat_routing_test";
let sim: RunningSimulator;
let graphql: AdminGraphql;

const sku = seed.products.find((p) => p.status === "ACTIVE" && !p.tags.includes("bulky"))!.variants[0]!.sku;
const sanFrancisco = {
  address1: "1 Market St",
  city: "San Francisco",
  provinceCode: "CA",
  zip: "94105",
  country: "United States",
  countryCode: "US",
  latitude: 37.7936,
  longitude: -122.3958,
  firstName: "Ada",
  lastName: "Lee",
};

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sim.url}/_control/shops/${SHOP}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function locationIdByName(name: string): Promise<string> {
  const { fetchLocations } = await import("~/shopify/locations");
  const found = (await fetchLocations(graphql)).find((l) => l.name === name);
  if (!found) throw new Error(`no location ${name}`);
  return found.shopifyId;
}

async function foLocations(orderId: string): Promise<string[]> {
  const { fetchOrderForRouting } = await import("~/shopify/fulfillment-orders");
  const order = await fetchOrderForRouting(graphql, orderId);
  return order!.fulfillmentOrders.filter((fo) => fo.status === "OPEN").map((fo) => fo.locationId);
}

/** Only Edison and Reno hold the sku (5 each); Shopify assigns the first, Edison, New Jersey. */
async function setStock() {
  const edison = await locationIdByName("Edison Fulfillment Center");
  const reno = await locationIdByName("Reno Fulfillment Center");
  const { fetchLocations } = await import("~/shopify/locations");
  const changes = (await fetchLocations(graphql)).map((l) => ({
    sku,
    locationId: l.shopifyId,
    name: "available",
    quantity: l.shopifyId === edison || l.shopifyId === reno ? 5 : 0,
  }));
  await control("POST", "/inventory", { changes });
  return { edison, reno };
}

async function createOrder(options: { wait?: boolean } = {}): Promise<string> {
  const created = (await control("POST", "/orders", { lines: [{ sku, quantity: 2 }], email: "ada@example.com", shippingAddress: sanFrancisco, ...options })) as {
    order?: { id: string };
    id?: string;
  };
  const id = created.order?.id ?? created.id;
  if (!id) throw new Error(`unexpected order response ${JSON.stringify(created)}`);
  return String(id).startsWith("gid://") ? String(id) : `gid://shopify/Order/${id}`;
}

let shop: { id: string; domain: string };

beforeAll(async () => {
  sim = await startSimulator({
    apiKey: "k",
    apiSecret: "s",
    seed,
    accessToken: TOKEN,
    webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: [] },
    orderRouting: { delayMs: 50 },
  });
  graphql = (query, options) =>
    fetch(`${sim.url}/shops/${SHOP}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": TOKEN },
      body: JSON.stringify({ query, variables: options?.variables }),
    });
});

afterAll(async () => sim?.close());

beforeEach(async () => {
  await resetDatabase();
  const { upsertShopOnInstall } = await import("~/models/shops.server");
  const { syncLocations } = await import("~/services/sync-locations.server");
  shop = await upsertShopOnInstall({ domain: SHOP, name: seed.shop.name });
  await syncLocations(shop, graphql);
});

describe("routeOrder", () => {
  it("moves the order from Shopify's default location to the closest one with stock, and explains why", async () => {
    const { edison, reno } = await setStock();
    const orderId = await createOrder();
    expect(await foLocations(orderId)).toEqual([edison]);

    const { routeOrder } = await import("~/services/route-order.server");
    const result = await routeOrder({ shop, graphql, orderId, trigger: "orders/create" });
    expect(result.status).toBe("decided");
    if (result.status !== "decided") return;
    expect(result.decision.status).toBe("APPLIED");
    expect(result.decision.shippingLocationIds).toEqual([reno]);
    expect(await foLocations(orderId)).toEqual([reno]);

    const plan = result.decision.plan as { locations: { locationId: string; status: string; reasons: string[] }[] };
    expect(plan.locations.find((l) => l.locationId === reno)?.status).toBe("chosen");
    expect(plan.locations.find((l) => l.locationId === edison)?.status).toBe("not-chosen");
  });

  it("leaves an order whose fulfillment orders Shopify has not created yet waiting, and routes it once they exist", async () => {
    const { reno } = await setStock();
    await control("PUT", "/order-routing", { delayMs: 1_000 });
    try {
      const orderId = await createOrder({ wait: false });
      const { routeOrder } = await import("~/services/route-order.server");
      expect(await routeOrder({ shop, graphql, orderId, trigger: "orders/create" })).toEqual({ status: "waiting" });
      const { listDecisions } = await import("~/models/routing.server");
      expect((await listDecisions(shop, {}, { take: 10 })).total).toBe(0);

      await new Promise((r) => setTimeout(r, 1_300));
      const routed = await routeOrder({ shop, graphql, orderId, trigger: "fulfillment_orders/order_routing_complete" });
      expect(routed).toMatchObject({ status: "decided", decision: { status: "APPLIED", shippingLocationIds: [reno] } });
      expect(await foLocations(orderId)).toEqual([reno]);
    } finally {
      await control("PUT", "/order-routing", { delayMs: 50 });
    }
  });

  it("never moves twice when orders/create is delivered again", async () => {
    const { reno } = await setStock();
    const orderId = await createOrder();
    const { routeOrder } = await import("~/services/route-order.server");
    await routeOrder({ shop, graphql, orderId, trigger: "orders/create" });
    const again = await routeOrder({ shop, graphql, orderId, trigger: "orders/create" });
    expect(again.status).toBe("already-routed");
    expect(await foLocations(orderId)).toEqual([reno]);
    const { listDecisions } = await import("~/models/routing.server");
    expect((await listDecisions(shop, {}, { take: 10 })).total).toBe(1);
  });

  it("re-routes without a location that declined the order", async () => {
    const { edison, reno } = await setStock();
    const orderId = await createOrder();
    const { routeOrder } = await import("~/services/route-order.server");
    await routeOrder({ shop, graphql, orderId, trigger: "orders/create" });
    const realloc = await routeOrder({ shop, graphql, orderId, trigger: "reallocation", excludeLocationIds: [reno], createdBy: "staff@example.com" });
    expect(realloc.status).toBe("decided");
    if (realloc.status !== "decided") return;
    expect(realloc.decision).toMatchObject({ status: "APPLIED", revision: 2, excludedLocationIds: [reno], createdBy: "staff@example.com" });
    expect(await foLocations(orderId)).toEqual([edison]);
  });

  it("only suggests when auto-routing is off, and moves nothing", async () => {
    const { edison, reno } = await setStock();
    const { updateShopSettings } = await import("~/models/shops.server");
    await updateShopSettings(shop, { autoRouting: false });
    const orderId = await createOrder();
    const { routeOrder } = await import("~/services/route-order.server");
    const result = await routeOrder({ shop, graphql, orderId, trigger: "orders/create" });
    expect(result).toMatchObject({ status: "decided", decision: { status: "SUGGESTED", shippingLocationIds: [reno] } });
    expect(await foLocations(orderId)).toEqual([edison]);
  });

  it("records an order it cannot route, without touching it", async () => {
    await setStock();
    const orderId = await createOrder();
    await control("POST", `/orders/${encodeURIComponent(orderId)}/cancel`, { reason: "CUSTOMER" });
    const { routeOrder } = await import("~/services/route-order.server");
    const result = await routeOrder({ shop, graphql, orderId, trigger: "orders/create" });
    expect(result).toMatchObject({ status: "decided", decision: { status: "NOT_ROUTABLE", summary: "The order is cancelled" } });
  });
});
