// The repositories and Shopify's PrismaSessionStorage, run against both backends: the worker's
// PostgreSQL database (cloned from the migrated template) and an embedded PGlite data directory
// migrated through the same migrateDatabase().
import { Session } from "@shopify/shopify-api";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  listInventoryForVariant,
  upsertInventoryLevel,
  type InventoryLevelInput,
} from "~/models/inventory.server";
import {
  deleteLocation,
  listLocations,
  pauseLocationRouting,
  resumeLocationRouting,
  updateRoutingAttributes,
  upsertLocationsFromShopify,
  type ShopifyLocationInput,
} from "~/models/locations.server";
import {
  getShop,
  getShopSettings,
  markUninstalled,
  updateShopSettings,
  upsertShopOnInstall,
} from "~/models/shops.server";
import {
  getDelivery,
  listDeliveries,
  markDelivery,
  recordDelivery,
} from "~/models/webhook-deliveries.server";
import { createTestShop, openEmbeddedTestDatabase, resetDatabase, type EmbeddedTestDatabase } from "../../setup/db";

interface Backend {
  name: string;
  open(): Promise<PrismaClient>;
  close(): Promise<void>;
}

let embedded: EmbeddedTestDatabase | undefined;

const backends: Backend[] = [
  {
    name: "PostgreSQL",
    async open() {
      const { prisma, databaseKind } = await import("~/db.server");
      expect(databaseKind).toBe("postgresql");
      return prisma;
    },
    async close() {
      // The app client is shared with other files of this worker; it closes with the process.
    },
  },
  {
    name: "PGlite",
    async open() {
      embedded = await openEmbeddedTestDatabase();
      return embedded.prisma;
    },
    async close() {
      await embedded?.close();
      embedded = undefined;
    },
  },
];

const location = (n: number, extra: Partial<ShopifyLocationInput> = {}): ShopifyLocationInput => ({
  shopifyId: `gid://shopify/Location/${n}`,
  legacyResourceId: String(n),
  name: `Location ${n}`,
  city: "Berlin",
  countryCode: "DE",
  latitude: 52.52,
  longitude: 13.405,
  isActive: true,
  fulfillsOnlineOrders: true,
  ...extra,
});

describe.each(backends)("repositories on $name", (backend) => {
  let db: PrismaClient;

  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(() => backend.close());
  beforeEach(() => resetDatabase(db));

  describe("shops", () => {
    it("creates a shop with default settings, and a re-install clears uninstalledAt but keeps settings", async () => {
      const shop = await upsertShopOnInstall({ domain: "a.myshopify.com", name: "A", currency: "EUR" }, db);
      expect(shop).toMatchObject({ domain: "a.myshopify.com", currency: "EUR", uninstalledAt: null });
      expect(await getShopSettings(shop, db)).toMatchObject({
        autoRouting: true,
        stockBuffer: 0,
        lowStockThreshold: 3,
        showExactCounts: false,
        defaultLocale: "en",
        returnWindowDays: 30,
        portalBrandColor: null,
      });
      expect(await updateShopSettings(shop, { stockBuffer: 2 }, db)).toMatchObject({ ok: true });

      expect(await markUninstalled("a.myshopify.com", new Date("2026-01-01T00:00:00Z"), db)).toBe(true);
      expect((await getShop("a.myshopify.com", db))?.uninstalledAt?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
      expect(await markUninstalled("unknown.myshopify.com", undefined, db)).toBe(false);

      const again = await upsertShopOnInstall({ domain: "a.myshopify.com", name: "A renamed" }, db);
      expect(again.id).toBe(shop.id);
      expect(again).toMatchObject({ name: "A renamed", uninstalledAt: null, currency: "EUR" });
      expect((await getShopSettings(shop, db)).stockBuffer).toBe(2);
    });

    it("validates settings and writes nothing when invalid", async () => {
      const shop = await createTestShop({}, db);
      const result = await updateShopSettings(
        shop,
        {
          stockBuffer: -1,
          lowStockThreshold: 2.5,
          portalBrandColor: "red",
          portalLogoUrl: "http://insecure.example/logo.png",
          returnWindowDays: 400,
          defaultLocale: "english",
          autoRouting: false,
        },
        db,
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(Object.keys(result.errors).sort()).toEqual(
        ["defaultLocale", "lowStockThreshold", "portalBrandColor", "portalLogoUrl", "returnWindowDays", "stockBuffer"].sort(),
      );
      expect(result.errors.portalBrandColor).toEqual(["Must be a colour like #1a2b3c"]);
      expect((await getShopSettings(shop, db)).autoRouting).toBe(true);

      const unknownKey = await updateShopSettings(shop, { colour: "#fff" } as never, db);
      expect(unknownKey).toMatchObject({ ok: false, errors: { _form: [expect.stringMatching(/colour/)] } });

      const ok = await updateShopSettings(
        shop,
        { portalBrandColor: "#1A2B3C", portalLogoUrl: " https://cdn.example/logo.png ", portalBrandName: "", defaultLocale: "pt-BR" },
        db,
      );
      expect(ok).toMatchObject({
        ok: true,
        settings: {
          portalBrandColor: "#1A2B3C",
          portalLogoUrl: "https://cdn.example/logo.png",
          portalBrandName: null,
          defaultLocale: "pt-BR",
        },
      });
    });
  });

  describe("locations", () => {
    it("upserts from Shopify without touching routing attributes, lists by priority, deletes", async () => {
      const shop = await createTestShop({}, db);
      expect(await upsertLocationsFromShopify(shop, [location(1), location(2)], {}, db)).toEqual({
        created: 2,
        updated: 0,
      });
      const [first] = await listLocations(shop, {}, db);
      expect(first).toBeDefined();
      const updated = await updateRoutingAttributes(
        shop,
        first!.id,
        { kind: "STORE", priority: 5, dailyCapacity: 40, tags: ["north", "north", " big "] },
        db,
      );
      expect(updated).toMatchObject({ ok: true, location: { kind: "STORE", priority: 5, tags: ["north", "big"] } });
      const pausedAt = new Date("2026-12-06T09:00:00Z");
      expect(await pauseLocationRouting(shop, first!.id, { note: " Flooded ", by: "mai@example.com", at: pausedAt }, db)).toMatchObject({
        ok: true,
        location: { routingPausedAt: pausedAt, routingPausedBy: "mai@example.com", routingPausedNote: "Flooded" },
      });

      const resync = await upsertLocationsFromShopify(
        shop,
        [location(1, { name: "Renamed", pickupEnabled: true, pickupTime: "TWO_HOURS" }), location(3)],
        {},
        db,
      );
      expect(resync).toEqual({ created: 1, updated: 1 });
      const list = await listLocations(shop, {}, db);
      expect(list.map((l) => l.shopifyId)).toEqual([
        "gid://shopify/Location/1",
        "gid://shopify/Location/2",
        "gid://shopify/Location/3",
      ]);
      expect(list[0]).toMatchObject({
        name: "Renamed",
        kind: "STORE",
        priority: 5,
        dailyCapacity: 40,
        pickupEnabled: true,
        pickupTime: "TWO_HOURS",
        latitude: 52.52,
        // The staff's pause is Crossdock's own: a sync never clears it.
        routingPausedAt: pausedAt,
        routingPausedBy: "mai@example.com",
        routingPausedNote: "Flooded",
      });
      // Pausing again keeps who and when, and takes the new note; a control character or a long note is refused.
      expect(await pauseLocationRouting(shop, first!.id, { note: "", by: "lan@example.com" }, db)).toMatchObject({ ok: true, location: { routingPausedAt: pausedAt, routingPausedBy: "mai@example.com", routingPausedNote: null } });
      expect(await pauseLocationRouting(shop, first!.id, { note: "a\u0000b", by: "lan@example.com" }, db)).toEqual({ ok: false, reason: "invalid", problem: { code: "invalid" } });
      expect(await pauseLocationRouting(shop, first!.id, { note: "x".repeat(201), by: "lan@example.com" }, db)).toEqual({ ok: false, reason: "invalid", problem: { code: "tooLong", limit: 200 } });
      expect(await resumeLocationRouting(shop, first!.id, db)).toMatchObject({ routingPausedAt: null, routingPausedBy: null, routingPausedNote: null });
      expect(await resumeLocationRouting(shop, "no-such-location", db)).toBeNull();

      expect(await updateRoutingAttributes(shop, first!.id, { priority: -3, dailyCapacity: 1.5 }, db)).toMatchObject({
        ok: false,
        reason: "invalid",
        problems: { priority: { code: "atLeast", limit: 0 }, dailyCapacity: { code: "wholeNumber" } },
      });
      expect(await deleteLocation(shop, "gid://shopify/Location/2", db)).toBe(true);
      expect(await deleteLocation(shop, "gid://shopify/Location/2", db)).toBe(false);
      expect(await listLocations(shop, {}, db)).toHaveLength(2);
    });
  });

  describe("inventory levels", () => {
    const level = (at: string, available: number): InventoryLevelInput => ({
      inventoryItemId: "gid://shopify/InventoryItem/9",
      locationShopifyId: "gid://shopify/Location/1",
      variantId: "gid://shopify/ProductVariant/7",
      sku: "SKU-7",
      available,
      onHand: available + 1,
      shopifyUpdatedAt: new Date(at),
    });

    it("refuses to overwrite a newer state with an older one (out-of-order webhooks)", async () => {
      const shop = await createTestShop({}, db);
      await upsertLocationsFromShopify(shop, [location(1)], {}, db);

      expect(await upsertInventoryLevel(shop, level("2026-05-01T10:00:05Z", 5), db)).toEqual({ applied: true, variantId: "gid://shopify/ProductVariant/7" });
      expect(await upsertInventoryLevel(shop, level("2026-05-01T10:00:01Z", 99), db)).toEqual({
        applied: false,
        reason: "stale",
      });
      let [row] = await listInventoryForVariant(shop, "gid://shopify/ProductVariant/7", db);
      expect(row).toMatchObject({ available: 5, onHand: 6, sku: "SKU-7" });

      // An equal timestamp is a replay: applied (idempotent). A newer one wins.
      expect(await upsertInventoryLevel(shop, level("2026-05-01T10:00:05Z", 5), db)).toEqual({ applied: true, variantId: "gid://shopify/ProductVariant/7" });
      expect(
        await upsertInventoryLevel(shop, { ...level("2026-05-01T10:00:09Z", 2), sku: undefined, onHand: undefined }, db),
      ).toEqual({ applied: true, variantId: "gid://shopify/ProductVariant/7" });
      [row] = await listInventoryForVariant(shop, "gid://shopify/ProductVariant/7", db);
      expect(row).toMatchObject({ available: 2, onHand: 6, sku: "SKU-7", location: { shopifyId: "gid://shopify/Location/1" } });
      expect(await db.inventoryLevel.count()).toBe(1);
    });

    it("applies concurrent first writes once, keeping the newest", async () => {
      const shop = await createTestShop({}, db);
      await upsertLocationsFromShopify(shop, [location(1)], {}, db);
      const results = await Promise.all(
        [3, 1, 4, 2].map((s) => upsertInventoryLevel(shop, level(`2026-05-01T10:00:0${s}Z`, s * 10), db)),
      );
      expect(results.some((r) => r.applied)).toBe(true);
      const rows = await listInventoryForVariant(shop, "gid://shopify/ProductVariant/7", db);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ available: 40 });
    });

    it("needs the location to belong to the shop", async () => {
      const a = await createTestShop({}, db);
      const b = await createTestShop({}, db);
      await upsertLocationsFromShopify(a, [location(1)], {}, db);
      expect(await upsertInventoryLevel(b, level("2026-05-01T10:00:00Z", 1), db)).toEqual({
        applied: false,
        reason: "unknown_location",
      });
    });
  });

  describe("webhook deliveries", () => {
    const delivery = (webhookId: string, extra: Record<string, unknown> = {}) => ({
      shop: "a.myshopify.com",
      topic: "orders/create",
      webhookId,
      apiVersion: "2026-10",
      triggeredAt: new Date("2026-05-01T10:00:00Z"),
      payload: { id: 1, line_items: [{ sku: "X", quantity: 2 }], note: null },
      ...extra,
    });

    it("records a delivery once per (shop, webhookId), also under concurrency", async () => {
      expect(await recordDelivery(delivery("w-1"), db)).toEqual({ isNew: true });
      expect(await recordDelivery(delivery("w-1", { payload: { changed: true } }), db)).toEqual({ isNew: false });
      const concurrent = await Promise.all([1, 2, 3, 4, 5].map(() => recordDelivery(delivery("w-2"), db)));
      expect(concurrent.filter((r) => r.isNew)).toHaveLength(1);
      // The same webhook id for another shop is another delivery.
      expect(await recordDelivery(delivery("w-1", { shop: "b.myshopify.com" }), db)).toEqual({ isNew: true });
      expect((await getDelivery("a.myshopify.com", "w-1", db))?.payload).toEqual({
        id: 1,
        line_items: [{ sku: "X", quantity: 2 }],
        note: null,
      });
      expect(await db.webhookDelivery.count()).toBe(3);
    });

    it("moves through statuses and pages newest first with filters", async () => {
      const base = Date.parse("2026-05-01T10:00:00Z");
      for (let i = 0; i < 7; i++) {
        await recordDelivery(
          delivery(`w-${i}`, { receivedAt: new Date(base + Math.floor(i / 2) * 1000), topic: i % 2 ? "orders/create" : "locations/update" }),
          db,
        );
      }
      expect(await markDelivery("a.myshopify.com", "w-1", { status: "PROCESSING" }, db)).toBe(true);
      expect(await markDelivery("a.myshopify.com", "w-1", { status: "FAILED", error: "boom" }, db)).toBe(true);
      expect(await markDelivery("a.myshopify.com", "w-1", { status: "PROCESSING" }, db)).toBe(true);
      expect(await markDelivery("a.myshopify.com", "w-1", { status: "PROCESSED" }, db)).toBe(true);
      expect(await markDelivery("b.myshopify.com", "w-1", { status: "PROCESSED" }, db)).toBe(false);
      expect(await getDelivery("a.myshopify.com", "w-1", db)).toMatchObject({
        status: "PROCESSED",
        attempts: 2,
        lastError: null,
        processedAt: expect.any(Date),
      });
      await markDelivery("a.myshopify.com", "w-3", { status: "FAILED", error: "nope" }, db);

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listDeliveries("a.myshopify.com", {}, { limit: 3, cursor }, db);
        expect(page.items.length).toBeLessThanOrEqual(3);
        expect(page.items[0]).not.toHaveProperty("payload");
        seen.push(...page.items.map((d) => d.webhookId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
      expect(seen[0]).toBe("w-6"); // newest receivedAt first
      expect(seen.slice(-2).sort()).toEqual(["w-0", "w-1"]);

      const failed = await listDeliveries("a.myshopify.com", { status: "FAILED" }, {}, db);
      expect(failed.items.map((d) => [d.webhookId, d.lastError])).toEqual([["w-3", "nope"]]);
      const byTopic = await listDeliveries(
        "a.myshopify.com",
        { topic: "orders/create", status: ["PROCESSED", "FAILED", "RECEIVED"], receivedFrom: new Date(base + 1000) },
        {},
        db,
      );
      expect(byTopic.items.map((d) => d.webhookId).sort()).toEqual(["w-3", "w-5"]);
    });
  });

  describe("shop scoping", () => {
    it("never shows one shop's rows to another", async () => {
      const a = await createTestShop({ domain: "a.myshopify.com" }, db);
      const b = await createTestShop({ domain: "b.myshopify.com" }, db);
      await upsertLocationsFromShopify(a, [location(1), location(2)], {}, db);
      // Shop B has a location with the same Shopify GID: a separate row.
      await upsertLocationsFromShopify(b, [location(1, { name: "B's" })], {}, db);
      await upsertInventoryLevel(a, {
        inventoryItemId: "gid://shopify/InventoryItem/1",
        locationShopifyId: "gid://shopify/Location/1",
        variantId: "gid://shopify/ProductVariant/1",
        available: 3,
        shopifyUpdatedAt: new Date(),
      }, db);
      await recordDelivery({ shop: a.domain, topic: "orders/create", webhookId: "w", payload: {} }, db);
      await updateShopSettings(a, { stockBuffer: 7 }, db);

      const aLocations = await listLocations(a, {}, db);
      const bLocations = await listLocations(b, {}, db);
      expect(aLocations).toHaveLength(2);
      expect(bLocations.map((l) => l.name)).toEqual(["B's"]);
      expect(await listInventoryForVariant(b, "gid://shopify/ProductVariant/1", db)).toEqual([]);
      expect((await listDeliveries(b.domain, {}, {}, db)).items).toEqual([]);
      expect(await getDelivery(b.domain, "w", db)).toBeNull();
      expect((await getShopSettings(b, db)).stockBuffer).toBe(0);

      // B cannot change or delete A's location, even knowing its id.
      expect(await updateRoutingAttributes(b, aLocations[0]!.id, { priority: 1 }, db)).toEqual({
        ok: false,
        reason: "not_found",
      });
      expect(await deleteLocation(b, "gid://shopify/Location/2", db)).toBe(false);
      expect(await listLocations(a, {}, db)).toHaveLength(2);
      // Deleting B's location with the shared GID leaves A's alone.
      expect(await deleteLocation(b, "gid://shopify/Location/1", db)).toBe(true);
      expect(await listInventoryForVariant(a, "gid://shopify/ProductVariant/1", db)).toHaveLength(1);
    });
  });

  describe("Shopify PrismaSessionStorage", () => {
    it("stores, loads, finds and deletes sessions", async () => {
      const storage = new PrismaSessionStorage(db, { connectionRetries: 1, connectionRetryIntervalMs: 10 });
      expect(await storage.isReady()).toBe(true);

      const offline = new Session({
        id: "offline_a.myshopify.com",
        shop: "a.myshopify.com",
        state: "state-1",
        isOnline: false,
        scope: "read_orders,write_fulfillments",
        accessToken: "shpat_secret",
      });
      const online = new Session({
        id: "a.myshopify.com_42",
        shop: "a.myshopify.com",
        state: "state-2",
        isOnline: true,
        scope: "read_orders",
        accessToken: "shpua_secret",
        expires: new Date("2030-01-01T00:00:00Z"),
        onlineAccessInfo: {
          expires_in: 86_400,
          associated_user_scope: "read_orders",
          associated_user: {
            id: 42,
            first_name: "Ada",
            last_name: "Lovelace",
            email: "ada@example.com",
            email_verified: true,
            account_owner: true,
            locale: "en",
            collaborator: false,
          },
        },
      });
      expect(await storage.storeSession(offline)).toBe(true);
      expect(await storage.storeSession(online)).toBe(true);

      const loaded = await storage.loadSession(online.id);
      expect(loaded?.isOnline).toBe(true);
      expect(loaded?.accessToken).toBe("shpua_secret");
      expect(loaded?.expires?.toISOString()).toBe("2030-01-01T00:00:00.000Z");
      expect(loaded?.onlineAccessInfo?.associated_user).toMatchObject({ id: 42, first_name: "Ada", email: "ada@example.com" });
      expect(loaded?.equals(online)).toBe(true);

      // Storing again updates in place.
      offline.scope = "read_orders";
      await storage.storeSession(offline);
      expect((await storage.loadSession(offline.id))?.scope).toBe("read_orders");

      expect((await storage.findSessionsByShop("a.myshopify.com")).map((s) => s.id).sort()).toEqual(
        [offline.id, online.id].sort(),
      );
      expect(await storage.findSessionsByShop("b.myshopify.com")).toEqual([]);

      expect(await storage.deleteSession(online.id)).toBe(true);
      expect(await storage.loadSession(online.id)).toBeUndefined();
      expect(await storage.deleteSessions([offline.id])).toBe(true);
      expect(await db.session.count()).toBe(0);
    });
  });
});
