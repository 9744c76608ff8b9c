// The jobs' Admin client against the simulator's cost-based throttling: the bucket runs dry, the
// client waits and completes, no error. Through the real `unauthenticated.admin(shop)` (offline
// session in storage) and the library's own GraphQL client.
import "./env";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { offlineAdmin } from "~/jobs/admin.server";
import { listLocations } from "~/models/locations.server";
import { syncLocations } from "~/services/sync-locations.server";
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

describe("the jobs' Admin client under throttling", () => {
  it("waits for the bucket to refill when Shopify answers THROTTLED, and completes", async () => {
    const shop = await createTestShop({ domain: SHOP });
    const waits: { reason: string; waitMs: number }[] = [];
    const admin = offlineAdmin({ onWait: (e) => waits.push(e) });
    // The locations query asks for ~300 points; the bucket holds 400, restores 200/s, and is empty.
    const throttle = await sim.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 400, restoreRate: 200, currentlyAvailable: 0 });
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

  it("reads throttleStatus and waits before a request the bucket cannot pay for, instead of being refused", async () => {
    const shop = await createTestShop({ domain: SHOP });
    const waits: { reason: string; waitMs: number }[] = [];
    const admin = offlineAdmin({ onWait: (e) => waits.push(e) });
    // 305 points: the first sync (302 requested, 9 actual) leaves 296; the next needs 302 at 10/s.
    await sim.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 400, restoreRate: 10, currentlyAvailable: 305 });
    await syncLocations(shop, await admin(SHOP));
    expect(waits).toEqual([]);
    await syncLocations(shop, await admin(SHOP)); // another job of the same shop: a new client, same bucket
    expect(waits.map((w) => w.reason)).toEqual(["bucket"]);
    expect(waits[0]!.waitMs).toBeGreaterThan(400);
  });
});
