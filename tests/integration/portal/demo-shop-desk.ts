// Shared by the portal's store-credit tests: the demo shop in the simulator, installed in a fresh
// database before each test with its locations mirrored, and helpers to drive the simulator and the
// Admin API as the test's own staff would. Call `demoShopDesk()` at the top of a test file.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { API_KEY, API_SECRET, TOKEN } from "./lookup-support";
import { simulatorAdminGraphql } from "../../support/simulator-admin";

const { redirectAdminApiTo } = await import("~/shopify/admin-origin.server");
const { createTestShop, resetDatabase } = await import("../../setup/db");
const { startTestSimulator } = await import("../../simulator/helpers");
const { syncLocations } = await import("~/services/sync-locations.server");

export const seed = buildDemoShop({ now: new Date() });
export const SHOP = seed.shop.domain;
const DAY = 86_400_000;
/** An active T-shirt that is not final sale: returnable. */
export const TEE = seed.products.find((p) => p.status === "ACTIVE" && p.tags.includes("basics") && !p.tags.includes("final-sale"))!.variants[0]!;

export interface DemoShopDesk {
  graphql(): AdminGraphql;
  shop(): Shop;
  control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  admin<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  /** An order placed, shipped and delivered three days ago; its GID. */
  deliveredOrder(order: Record<string, unknown>): Promise<string>;
  /** The running simulator (its store: what a webhook of the shop would carry). */
  simulator(): Awaited<ReturnType<typeof startTestSimulator>>["sim"];
}

export function demoShopDesk(): DemoShopDesk {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let graphql: AdminGraphql;
  let shop: Shop;

  beforeAll(async () => {
    sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, seed, accessToken: TOKEN });
    await import("~/shopify.server");
    redirectAdminApiTo(sim.sim.url);
    graphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);
  });
  afterAll(async () => sim?.close());
  beforeEach(async () => {
    await resetDatabase();
    shop = await createTestShop({ domain: SHOP, name: seed.shop.name, timezone: "UTC", currency: "USD" });
    await syncLocations(shop, graphql);
  });

  const control = async (method: string, path: string, body?: unknown) => {
    const result = await sim.control(method, `/_control/shops/${SHOP}${path}`, body);
    if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body as Record<string, unknown>;
  };
  return {
    graphql: () => graphql,
    shop: () => shop,
    simulator: () => sim.sim,
    control,
    async admin<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      const body = (await (await graphql(query, { variables })).json()) as { data: T; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
    async deliveredOrder(order) {
      const created = (await control("POST", "/orders", { financialStatus: "PAID", ...order })) as { order: { id: string } };
      const shipped = (await control("POST", "/fulfillments", { orderId: created.order.id })) as { fulfillments: { id: string }[] };
      for (const f of shipped.fulfillments) await control("POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 3 * DAY).toISOString() });
      return created.order.id;
    },
  };
}
