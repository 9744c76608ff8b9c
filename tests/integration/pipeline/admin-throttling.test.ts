// The jobs' Admin client against the simulator's cost-based throttling: the bucket runs dry, the
// client waits and completes, no error. Through the real `unauthenticated.admin(shop)` (offline
// session in storage) and the library's own GraphQL client.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { offlineAdmin } from "~/jobs/admin.server";
import { listLocations } from "~/models/locations.server";
import { syncLocations } from "~/services/sync-locations.server";
import { LOCATIONS_PER_PAGE, LOCATIONS_QUERY } from "~/shopify/locations";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { createTestShop, resetDatabase } from "../../setup/db";
import { SHOP, startTestSimulator, TOKEN, type TestSimulator } from "../../simulator/helpers";
import { API_KEY, API_SECRET } from "./env";

let sim: TestSimulator;

beforeAll(async () => {
  sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET });
  await import("~/shopify.server"); // installs the library's fetch, which the redirect wraps
  redirectAdminApiTo(sim.sim.url);
});
afterAll(() => sim.close());

beforeEach(async () => {
  await resetDatabase();
  await prisma.session.create({
    data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: "read_locations" },
  });
});

/** What the sync's query costs (requested before execution, actual after) on the fixture shop. */
async function locationsQueryCost(): Promise<{ requested: number; actual: number }> {
  const body = await sim.gql(LOCATIONS_QUERY, { first: LOCATIONS_PER_PAGE });
  const cost = body.extensions!.cost;
  return { requested: cost.requestedQueryCost, actual: cost.actualQueryCost! };
}

describe("the jobs' Admin client under throttling", () => {
  it("waits for the bucket to refill when Shopify answers THROTTLED, and completes", async () => {
    const shop = await createTestShop({ domain: SHOP });
    const waits: { reason: string; waitMs: number }[] = [];
    const admin = offlineAdmin({ onWait: (e) => waits.push(e) });
    // The bucket is empty and restores what the locations query asks for in 1.5 s.
    const { requested } = await locationsQueryCost();
    const restoreRate = Math.ceil(requested / 1.5);
    const throttle = await sim.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 1000, restoreRate, currentlyAvailable: 0 });
    expect(throttle.status).toBe(200);

    const started = performance.now();
    const locations = await syncLocations(shop, await admin(SHOP));
    const took = performance.now() - started;

    expect(locations.map((l) => l.name).sort()).toEqual(["Old Depot", "SF Store", "Warehouse"]);
    expect(waits.filter((w) => w.reason === "throttled")).toHaveLength(1);
    expect(waits[0]!.waitMs).toBeGreaterThan(1000);
    expect(took).toBeGreaterThan(1000);

    expect(await listLocations(shop)).toHaveLength(3);
  });

  it("retries what the Shopify library throws on a 503 (HttpInternalError, whose name is plain 'Error') and completes", async () => {
    const shop = await createTestShop({ domain: SHOP });
    const waits: { reason: string; waitMs: number }[] = [];
    const admin = offlineAdmin({ onWait: (e) => waits.push(e), baseDelayMs: 20 });
    const fault = await sim.control("PUT", `/_control/shops/${SHOP}/faults`, { status: 503, count: 2, operations: "queries" });
    expect(fault.status).toBe(200);
    const locations = await syncLocations(shop, await admin(SHOP));
    expect(locations).toHaveLength(3);
    expect(waits.map((w) => w.reason)).toEqual(["server", "server"]);
  });

  it("reads throttleStatus and waits before a request the bucket cannot pay for, instead of being refused", async () => {
    const shop = await createTestShop({ domain: SHOP });
    const waits: { reason: string; waitMs: number }[] = [];
    const admin = offlineAdmin({ onWait: (e) => waits.push(e) });
    // Enough for one sync: it pays the actual cost and leaves less than the next one asks for plus
    // the half of the bucket jobs leave to people (BACKGROUND_RESERVE: 500 of 1,000), which the
    // client must see from throttleStatus and wait ~2.5 s for (5 points short, 2 restored a second).
    const { requested, actual } = await locationsQueryCost();
    await sim.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 1000, restoreRate: 2, currentlyAvailable: requested + actual - 5 + 500 });
    await syncLocations(shop, await admin(SHOP));
    expect(waits).toEqual([]);
    await syncLocations(shop, await admin(SHOP)); // another job of the same shop: a new client, same bucket
    expect(waits.map((w) => w.reason)).toEqual(["bucket"]);
    expect(waits[0]!.waitMs).toBeGreaterThan(400);
  });
});
