// The initial full inventory sync against the simulator (the real 2026-10 schema, cost-based
// throttling), stored in the worker's PostgreSQL database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listInventoryForVariant, upsertInventoryLevel } from "~/models/inventory.server";
import type { Shop } from "~/models/shops.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { syncInventory } from "~/services/sync-inventory.server";
import { syncLocations } from "~/services/sync-locations.server";
import { createTestShop, resetDatabase } from "../setup/db";
import { SHOP } from "../simulator/fixture-seed";
import { startTestSimulator, TOKEN, type Loose, type TestSimulator } from "../simulator/helpers";
import { simulatorAdminGraphql } from "../support/simulator-admin";

let t: TestSimulator;
let shop: Shop;
let requests = 0;

const graphql: AdminGraphql = simulatorAdminGraphql(() => t.sim.url, SHOP, TOKEN, () => { requests++; });

interface StateLevel {
  inventoryItemId: string;
  locationId: string;
  available: number;
  on_hand: number;
  committed: number;
}

async function simulatorLevels(): Promise<StateLevel[]> {
  const state = (await t.control("GET", `/_control/shops/${SHOP}/state`)).body as Loose;
  return state.inventory as StateLevel[];
}

beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

beforeEach(async () => {
  await resetDatabase();
  await t.control("POST", `/_control/shops/${SHOP}/seed`, (await import("../simulator/fixture-seed")).fixtureSeed());
  shop = await createTestShop({ domain: SHOP });
  await syncLocations(shop, graphql);
  requests = 0;
});

describe("syncInventory", () => {
  it("stores every variant's level at every location, as Shopify reports it", async () => {
    const result = await syncInventory(shop, graphql);
    const expected = await simulatorLevels();
    expect(expected.length).toBeGreaterThan(3);
    expect(result).toEqual({ levels: expected.length, written: expected.length, unknownLocation: 0 });

    const tee = await t.data(`query { productVariants(first: 10) { nodes { id sku } } }`);
    for (const variant of tee.productVariants.nodes as { id: string; sku: string }[]) {
      const stored = await listInventoryForVariant(shop, variant.id);
      expect(stored.length, variant.sku).toBeGreaterThan(0);
      for (const level of stored) {
        expect(level.sku).toBe(variant.sku);
        const truth = expected.find((e) => e.inventoryItemId === level.inventoryItemId && e.locationId === level.location.shopifyId);
        expect(truth, `${variant.sku} @ ${level.location.name}`).toBeDefined();
        expect([level.available, level.onHand, level.committed]).toEqual([truth!.available, truth!.on_hand, truth!.committed]);
      }
    }
  });

  it("waits out Shopify's throttling instead of failing", async () => {
    await t.control("PUT", `/_control/shops/${SHOP}/throttle`, { maximumAvailable: 1000, restoreRate: 1000, currentlyAvailable: 0 });
    const started = performance.now();
    const result = await syncInventory(shop, graphql);
    expect(result.written).toBe((await simulatorLevels()).length);
    expect(requests).toBeGreaterThan(1); // at least one THROTTLED answer, then the retry
    expect(performance.now() - started).toBeGreaterThan(500); // ≈ 950 points at 1000/s
  });

  it("never overwrites a newer state a webhook stored meanwhile, and is idempotent", async () => {
    const [level] = await simulatorLevels();
    const future = new Date(Date.now() + 3_600_000);
    await upsertInventoryLevel(shop, { inventoryItemId: level!.inventoryItemId, locationShopifyId: level!.locationId, available: 999, shopifyUpdatedAt: future });
    const first = await syncInventory(shop, graphql);
    expect(first.written).toBe(first.levels - 1);
    const second = await syncInventory(shop, graphql);
    expect(second.written).toBe(second.levels - 1);
    const { prisma } = await import("~/db.server");
    const kept = await prisma.inventoryLevel.findFirstOrThrow({ where: { shopId: shop.id, inventoryItemId: level!.inventoryItemId, location: { shopifyId: level!.locationId } } });
    expect(kept.available).toBe(999);
    expect(await prisma.inventoryLevel.count({ where: { shopId: shop.id } })).toBe(first.levels);
  });
});
