// Installing or signing in while the shop's Admin API bucket is dry (a re-authentication while the
// import or routing jobs use it): the reads the person waits on wait for the bucket, a few short
// waits, instead of answering the sign-in with an error at Shopify's first THROTTLED.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listLocations } from "~/models/locations.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { onShopAuthenticated } from "~/services/on-shop-authenticated.server";
import { buildDemoShop } from "../../simulator/seed/demo-shop";
import { startSimulator, type RunningSimulator } from "../../simulator/server";
import { resetDatabase } from "../setup/db";
import { simulatorAdminGraphql } from "../support/simulator-admin";

const demo = buildDemoShop({ now: new Date("2026-11-20T12:00:00Z") });
const SHOP = demo.shop.domain;
const TOKEN = "shpat_sign_in_test";
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: "k", apiSecret: "s", seed: demo, accessToken: TOKEN, webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: [] } });
});
afterAll(async () => sim?.close());
beforeEach(() => resetDatabase());

describe("signing in while the shop's bucket is dry", () => {
  it("waits for the bucket and brings the shop and its locations in", async () => {
    // Empty, refilling at 100 points a second (Shopify's standard plan): the first read is THROTTLED.
    const throttle = await fetch(`${sim.url}/_control/shops/${SHOP}/throttle`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ plan: "standard", currentlyAvailable: 0 }),
    });
    expect(throttle.ok).toBe(true);
    const shop = await onShopAuthenticated({ shop: SHOP, graphql: simulatorAdminGraphql(() => sim.url, SHOP, TOKEN) });
    expect(shop.name).toBe(demo.shop.name);
    expect((await listLocations(shop)).length).toBe(demo.locations.length);
  });
});
