// The storefront availability endpoint (app proxy), called as Remix calls it: the route's loader
// with a Request signed the way Shopify's proxy signs it, on the worker's PostgreSQL database.
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Shop } from "~/models/shops.server";
import { createTestShop, resetDatabase } from "../setup/db";

const SECRET = "proxy-test-secret";
Object.assign(process.env, {
  SHOPIFY_API_KEY: "proxy-test-key",
  SHOPIFY_API_SECRET: SECRET,
  SHOPIFY_APP_URL: "https://crossdock.example.com",
  LOG_LEVEL: "silent",
});

const { loader } = await import("~/routes/proxy.availability");
const { configureAvailabilityCache, invalidateAvailability } = await import("~/services/availability-cache.server");
const { upsertLocationsFromShopify } = await import("~/models/locations.server");
const { upsertInventoryLevel } = await import("~/models/inventory.server");
const { updateShopSettings, markUninstalled } = await import("~/models/shops.server");
const { appProxySignature, signedProxyParams } = await import("../../simulator/app-proxy");
const { checkStorefrontShop, CHANGED_VARIANTS_LIMIT } = await import("~/models/storefront-availability.server");
const { prisma } = await import("~/db.server");

const STORE = "proxy-test"; // setUpValidRequest appends .myshopify.com
const DOMAIN = `${STORE}.myshopify.com`;
const VARIANT = "gid://shopify/ProductVariant/1001";
const OTHER_VARIANT = "gid://shopify/ProductVariant/2002";
const at = new Date("2026-11-20T12:00:00Z");

const locations = [
  { shopifyId: "gid://shopify/Location/1", legacyResourceId: "1", name: "SoHo", address1: "120 Prince St", city: "New York", provinceCode: "NY", zip: "10012", countryCode: "US", latitude: 40.7254, longitude: -73.9987, isActive: true, fulfillsOnlineOrders: true, pickupEnabled: true, pickupTime: "TWO_HOURS", pickupInstructions: "Front desk" },
  { shopifyId: "gid://shopify/Location/2", legacyResourceId: "2", name: "Williamsburg", address1: "200 Bedford Ave", city: "Brooklyn", provinceCode: "NY", zip: "11211", countryCode: "US", latitude: 40.7178, longitude: -73.9577, isActive: true, fulfillsOnlineOrders: true, pickupEnabled: true, pickupTime: "FOUR_HOURS", pickupInstructions: null },
  { shopifyId: "gid://shopify/Location/3", legacyResourceId: "3", name: "Reno warehouse", address1: "1 Industrial Way", city: "Reno", provinceCode: "NV", zip: "89502", countryCode: "US", latitude: 39.5, longitude: -119.78, isActive: true, fulfillsOnlineOrders: true, pickupEnabled: false },
  { shopifyId: "gid://shopify/Location/4", legacyResourceId: "4", name: "Closed store", countryCode: "US", latitude: 40.7, longitude: -74, isActive: false, fulfillsOnlineOrders: false },
];

let shop: Shop;

async function setStock(target: Shop, variantId: string, locationId: string, available: number, when = at) {
  const result = await upsertInventoryLevel(target, {
    inventoryItemId: `gid://shopify/InventoryItem/${variantId.split("/").pop()}`,
    locationShopifyId: locationId,
    variantId,
    available,
    onHand: available,
    shopifyUpdatedAt: when,
  });
  expect(result).toEqual({ applied: true, variantId });
}

/** A request as Shopify's proxy forwards it, signed by the library's own test helper. */
async function proxied(query: string, init: RequestInit = {}, store = STORE): Promise<Response> {
  const request = await setUpValidRequest(
    { type: RequestType.Public, store, apiSecretKey: SECRET },
    new Request(`https://crossdock.example.com/proxy/availability?${query}`, init),
  );
  return call(request);
}

async function call(request: Request): Promise<Response> {
  try {
    return await loader({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

interface Body {
  error?: string;
  variantId: string;
  showExactCounts: boolean;
  total: number;
  inStock: number;
  origin: unknown;
  locations: { id: string; name: string; status: string; available: number | null; pickupEnabled: boolean; pickupTime: string | null; distanceKm: number | null; address: { city: string | null } }[];
}

async function json(response: Response): Promise<Body> {
  return (await response.json()) as Body;
}

beforeAll(() => configureAvailabilityCache({ revalidateAfterMs: 60_000 }));
afterEach(() => configureAvailabilityCache({ revalidateAfterMs: 60_000 }));

beforeEach(async () => {
  await resetDatabase();
  configureAvailabilityCache({ revalidateAfterMs: 60_000 });
  shop = await createTestShop({ domain: DOMAIN });
  await upsertLocationsFromShopify(shop, locations);
  await setStock(shop, VARIANT, "gid://shopify/Location/1", 12);
  await setStock(shop, VARIANT, "gid://shopify/Location/2", 2);
  await setStock(shop, VARIANT, "gid://shopify/Location/3", 40);
  await setStock(shop, VARIANT, "gid://shopify/Location/4", 9);
});

describe("GET /proxy/availability", () => {
  it("lists the active locations nearest first, with status, pickup and distance, counts hidden", async () => {
    const response = await proxied("variant=1001&lat=40.7178&lon=-73.9577");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=10, stale-while-revalidate=30");
    expect(response.headers.get("ETag")).toMatch(/^".+"$/);
    const body = await json(response);
    expect(body.variantId).toBe(VARIANT);
    expect(body.origin).toEqual({ source: "coordinates", resolved: true, precision: "exact" });
    expect(body.locations.map((l) => [l.name, l.status, l.available, l.pickupEnabled, l.pickupTime])).toEqual([
      ["Williamsburg", "low_stock", null, true, "FOUR_HOURS"],
      ["SoHo", "in_stock", null, true, "TWO_HOURS"],
      ["Reno warehouse", "in_stock", null, false, null],
    ]);
    expect(body.locations[0]!.distanceKm).toBe(0);
    expect(body.locations[1]!.distanceKm).toBeCloseTo(3.6, 0);
    expect(body.locations[1]!.address.city).toBe("New York");
    expect(body).toMatchObject({ total: 3, inStock: 3, showExactCounts: false });
  });

  it("answers 304 to a matching If-None-Match, and a new ETag once the stock changes", async () => {
    const first = await proxied("variant=1001");
    const etag = first.headers.get("ETag")!;
    const again = await proxied("variant=1001", { headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get("Cache-Control")).toMatch(/max-age=10/);

    await setStock(shop, VARIANT, "gid://shopify/Location/1", 0, new Date(at.getTime() + 1000));
    invalidateAvailability(shop, VARIANT);
    const changed = await proxied("variant=1001", { headers: { "If-None-Match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("ETag")).not.toBe(etag);
  });

  it("places a postal code through the shop's locations", async () => {
    const body = await json(await proxied("variant=1001&postal_code=11206&country=US&pickup_only=1"));
    expect(body.origin).toEqual({ source: "postal_code", resolved: true, precision: "area" });
    expect(body.locations.map((l) => l.name)).toEqual(["Williamsburg", "SoHo"]);
    const unknown = await json(await proxied("variant=1001&postal_code=60601&country=US"));
    expect(unknown.origin).toEqual({ source: "postal_code", resolved: false, precision: null });
    expect(unknown.locations.every((l) => l.distanceKm === null)).toBe(true);
  });

  it("shows exact sellable counts (after the buffer) only when the merchant allows it", async () => {
    await updateShopSettings(shop, { showExactCounts: true, stockBuffer: 2, lowStockThreshold: 5 });
    invalidateAvailability(shop);
    const body = await json(await proxied("variant=1001&lat=40.7254&lon=-73.9987"));
    expect(body.showExactCounts).toBe(true);
    expect(body.locations.map((l) => [l.name, l.status, l.available])).toEqual([
      ["SoHo", "in_stock", 10],
      ["Williamsburg", "out_of_stock", 0],
      ["Reno warehouse", "in_stock", 38],
    ]);
    // The block's own threshold replaces the shop's.
    const block = await json(await proxied("variant=1001&lat=40.7254&lon=-73.9987&low_stock_threshold=10"));
    expect(block.locations[0]).toMatchObject({ name: "SoHo", status: "low_stock" });
  });

  it("keeps back what routing keeps back: the stock-buffer rule's fallback where a location has no buffer of its own", async () => {
    // Issue 14: the Routing page's "4 units kept back where a location has no buffer of its own".
    const { saveRuleSet } = await import("~/models/routing.server");
    await updateShopSettings(shop, { showExactCounts: true, stockBuffer: 1, lowStockThreshold: 0 });
    await prisma.location.update({ where: { shopId_shopifyId: { shopId: shop.id, shopifyId: "gid://shopify/Location/2" } }, data: { stockBuffer: 0 } });
    await saveRuleSet(shop, { name: "Default", allowSplitLines: true, rules: [{ enabled: true, rule: { type: "stock-buffer", units: 4 } }, { enabled: true, rule: { type: "closest" } }] }, null);
    invalidateAvailability(shop);
    const body = await json(await proxied("variant=1001&lat=40.7254&lon=-73.9987"));
    // SoHo 12 − 4 (the rule's fallback), Williamsburg 2 − 0 (its own), Reno 40 − 4.
    expect(body.locations.map((l) => [l.name, l.available])).toEqual([
      ["SoHo", 8],
      ["Williamsburg", 2],
      ["Reno warehouse", 36],
    ]);
    // The rule switched off in Routing: routing keeps nothing back, and neither does the storefront
    // (the cache notices the rules changed without being told).
    await saveRuleSet(shop, { name: "Default", allowSplitLines: true, rules: [{ enabled: false, rule: { type: "stock-buffer", units: 4 } }, { enabled: true, rule: { type: "closest" } }] }, null);
    configureAvailabilityCache({ revalidateAfterMs: 0 });
    const off = await json(await proxied("variant=1001&lat=40.7254&lon=-73.9987"));
    expect(off.locations.map((l) => [l.name, l.available])).toEqual([
      ["SoHo", 12],
      ["Williamsburg", 2],
      ["Reno warehouse", 40],
    ]);
  });

  it.each([
    ["", "variant is required (a variant id)"],
    ["variant=shoe", "variant must be a numeric id or a ProductVariant GID"],
    ["variant=1001&lat=40", "lat and lon go together"],
    ["variant=1001&lat=100&lon=0", "lat must be a number between -90 and 90"],
    ["variant=1001&postal_code=10012", "country must be an ISO 3166-1 alpha-2 code (e.g. US) with postal_code"],
    ["variant=1001&limit=500", "limit must be a whole number from 1 to 50"],
  ])("answers 400 with a message to %j", async (query, message) => {
    const response = await proxied(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await json(response)).toEqual({ error: message });
  });

  it("answers 404 for a variant the shop has no stock record of, and for an unknown shop", async () => {
    const unknown = await proxied("variant=999");
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error).toMatch(/no stock record of this variant/);
    expect(unknown.headers.get("Cache-Control")).toBe("no-store");

    const stranger = await proxied("variant=1001", {}, "not-a-customer");
    expect(stranger.status).toBe(404);
    expect((await json(stranger)).error).toMatch(/does not use Crossdock/);

    await markUninstalled(DOMAIN);
    invalidateAvailability(shop);
    expect((await proxied("variant=1001")).status).toBe(404);
  });

  it("keeps shops apart: another shop's variant is unknown here, and its stock never shows", async () => {
    const other = await createTestShop({ domain: "other-proxy-shop.myshopify.com" });
    await upsertLocationsFromShopify(other, [{ ...locations[0]!, name: "Other shop's store" }]);
    await setStock(other, OTHER_VARIANT, "gid://shopify/Location/1", 99);
    await setStock(other, VARIANT, "gid://shopify/Location/1", 77);

    expect((await proxied("variant=2002")).status).toBe(404);
    const mine = await json(await proxied("variant=1001"));
    expect(mine.locations.map((l) => l.name)).not.toContain("Other shop's store");
    await updateShopSettings(shop, { showExactCounts: true });
    invalidateAvailability(shop);
    const counts = await json(await proxied("variant=1001"));
    expect(counts.locations.find((l) => l.name === "SoHo")!.available).toBe(12);
    const theirs = await json(await proxied("variant=2002", {}, "other-proxy-shop"));
    expect(theirs.locations.map((l) => l.name)).toEqual(["Other shop's store"]);
  });

  it("answers 401 to a missing, wrong or tampered signature, and to a stale timestamp", async () => {
    const signed = await setUpValidRequest(
      { type: RequestType.Public, store: STORE, apiSecretKey: SECRET },
      new Request("https://crossdock.example.com/proxy/availability?variant=1001"),
    );
    const url = new URL(signed.url);

    const tampered = new URL(url);
    tampered.searchParams.set("variant", "2002");
    const unsigned = new URL(url);
    unsigned.searchParams.delete("signature");
    const otherSecret = await setUpValidRequest(
      { type: RequestType.Public, store: STORE, apiSecretKey: "not-the-secret" },
      new Request("https://crossdock.example.com/proxy/availability?variant=1001"),
    );
    const stale = new URLSearchParams({ variant: "1001", shop: DOMAIN, timestamp: String(Math.trunc(Date.now() / 1000) - 3600) });
    stale.set("signature", appProxySignature(stale.toString(), SECRET));

    for (const bad of [tampered.href, unsigned.href, otherSecret.url, `https://crossdock.example.com/proxy/availability?${stale}`]) {
      const response = await call(new Request(bad));
      expect(response.status, bad).toBe(401);
      expect(await json(response)).toEqual({ error: "The request is not signed by Shopify's app proxy" });
    }
    // Even with bad parameters the signature is checked first.
    const badParams = new URL(tampered);
    badParams.searchParams.set("lat", "500");
    expect((await call(new Request(badParams))).status).toBe(401);
  });

  it("answers 400, not 500, to a validly signed request whose shop is not a myshopify.com domain", async () => {
    for (const shop of ["../../etc/passwd", "evil.example.com"]) {
      const query = signedProxyParams(new URLSearchParams("variant=1001"), { shop, pathPrefix: "/apps/crossdock", secret: SECRET });
      const response = await call(new Request(`https://crossdock.example.com/proxy/availability?${query}`));
      expect(response.status, shop).toBe(400);
      expect(await json(response)).toEqual({ error: "The shop parameter is not a myshopify.com domain" });
    }
  });

  it("accepts the storefront harness's signature (Shopify's proxy parameters, repeated values)", async () => {
    const query = signedProxyParams(new URLSearchParams("variant=1001&lat=40.7&lon=-74"), {
      shop: DOMAIN,
      pathPrefix: "/apps/crossdock",
      secret: SECRET,
    });
    expect([...query.keys()]).toEqual(["variant", "lat", "lon", "shop", "logged_in_customer_id", "path_prefix", "timestamp", "signature"]);
    expect((await call(new Request(`https://crossdock.example.com/proxy/availability?${query}`))).status).toBe(200);

    // Repeated values are joined with "," before signing, as Shopify does.
    const repeated = signedProxyParams(new URLSearchParams("variant=1001&tag=a&tag=b"), { shop: DOMAIN, pathPrefix: "/apps/crossdock", secret: SECRET });
    expect((await call(new Request(`https://crossdock.example.com/proxy/availability?${repeated}`))).status).toBe(200);
  });
});

describe("the availability cache", () => {
  it("serves from memory until invalidated (the pipeline calls invalidateAvailability)", async () => {
    const soho = async () => (await json(await proxied("variant=1001"))).locations.find((l) => l.name === "SoHo")!.status;
    expect(await soho()).toBe("in_stock");
    await setStock(shop, VARIANT, "gid://shopify/Location/1", 0, new Date(at.getTime() + 1000));
    expect(await soho()).toBe("in_stock"); // cached: nobody told this process
    invalidateAvailability(shop, VARIANT);
    expect(await soho()).toBe("out_of_stock");
    // Invalidating another variant or shop leaves this entry alone.
    await setStock(shop, VARIANT, "gid://shopify/Location/1", 30, new Date(at.getTime() + 2000));
    invalidateAvailability(shop, OTHER_VARIANT);
    invalidateAvailability("someone-else.myshopify.com");
    expect(await soho()).toBe("out_of_stock");
    invalidateAvailability({ domain: DOMAIN });
    expect(await soho()).toBe("in_stock");
  });

  it("notices changes made by another process through the version check, without invalidation", async () => {
    configureAvailabilityCache({ revalidateAfterMs: 0 });
    const statuses = async () => Object.fromEntries((await json(await proxied("variant=1001"))).locations.map((l) => [l.name, l.status]));
    expect(await statuses()).toMatchObject({ SoHo: "in_stock", Williamsburg: "low_stock" });

    await setStock(shop, VARIANT, "gid://shopify/Location/2", 50, new Date(at.getTime() + 1000));
    expect(await statuses()).toMatchObject({ Williamsburg: "in_stock" });

    // A location switched off in Shopify, and a settings change, show up the same way.
    await upsertLocationsFromShopify(shop, [{ ...locations[0]!, isActive: false }]);
    expect(await statuses()).not.toHaveProperty("SoHo");
    await updateShopSettings(shop, { lowStockThreshold: 100 });
    expect(await statuses()).toMatchObject({ Williamsburg: "low_stock" });
  });

  it("does not offer a store staff paused (at once, and through the version check elsewhere), and offers it again once resumed", async () => {
    const { setLocationRoutingPause } = await import("~/services/edit-location-routing.server");
    const { listLocations } = await import("~/models/locations.server");
    const names = async () => (await json(await proxied("variant=1001&pickup_only=1"))).locations.map((l) => l.name);
    const soho = (await listLocations(shop)).find((l) => l.name === "SoHo")!;
    expect(await names()).toEqual(expect.arrayContaining(["SoHo", "Williamsburg"]));
    // This process is told.
    await setLocationRoutingPause(shop, soho.id, { pause: true, note: "Closed today", by: "mai@example.com" });
    expect(await names()).toEqual(["Williamsburg"]);
    await setLocationRoutingPause(shop, soho.id, { pause: false });
    expect(await names()).toEqual(expect.arrayContaining(["SoHo", "Williamsburg"]));
    // Another process paused it: the version check finds the row changed.
    configureAvailabilityCache({ revalidateAfterMs: 0 });
    const { pauseLocationRouting } = await import("~/models/locations.server");
    await pauseLocationRouting(shop, soho.id, { note: "", by: "mai@example.com" });
    expect(await names()).toEqual(["Williamsburg"]);
  });

  it("names the variants written since the last check, in this shop only, and changes its fingerprint with the shop's locations", async () => {
    const other = await createTestShop({ domain: "proxy-other.myshopify.com" });
    await upsertLocationsFromShopify(other, [locations[0]!]);
    const first = await checkStorefrontShop(DOMAIN, null);
    expect(first.changed).toEqual([]);
    expect(first.version).not.toBe("none");

    await setStock(shop, VARIANT, "gid://shopify/Location/2", 5, new Date(at.getTime() + 1000));
    await setStock(other, OTHER_VARIANT, "gid://shopify/Location/1", 99);
    const second = await checkStorefrontShop(DOMAIN, first.since);
    expect(second.changed).toEqual([VARIANT]);
    expect(second.version).toBe(first.version);
    // A stale update that is refused writes nothing, so it names nothing. (The feed may name a
    // variant again, never miss one: other sessions' transactions hold the position back, so this
    // reads the row's stamp rather than expecting an empty list.)
    const stamp = () =>
      prisma.$queryRaw<{ xid: string }[]>`SELECT change_xid::text AS xid FROM inventory_level WHERE shop_id = ${shop.id} AND variant_id = ${VARIANT} ORDER BY location_id`;
    const before = await stamp();
    const refused = await upsertInventoryLevel(shop, {
      inventoryItemId: "gid://shopify/InventoryItem/1001",
      locationShopifyId: "gid://shopify/Location/2",
      variantId: VARIANT,
      available: 1,
      onHand: 1,
      shopifyUpdatedAt: at,
    });
    expect(refused).toEqual({ applied: false, reason: "stale" });
    expect(await stamp()).toEqual(before);

    await upsertLocationsFromShopify(shop, [{ ...locations[1]!, name: "Williamsburg (Bedford)" }]);
    expect((await checkStorefrontShop(DOMAIN, second.since)).version).not.toBe(first.version);
    expect((await checkStorefrontShop("nobody.myshopify.com", null)).version).toBe("none");
    await markUninstalled(DOMAIN);
    expect((await checkStorefrontShop(DOMAIN, second.since)).version).toBe("none");
  });

  it("finds a write that commits after a check could see it, at the next check (commit order does not matter)", async () => {
    const first = await checkStorefrontShop(DOMAIN, null);
    let during: Awaited<ReturnType<typeof checkStorefrontShop>> | undefined;
    await prisma.$transaction(async (tx) => {
      // The writer holds its transaction open while a later writer commits and another connection checks.
      await tx.$executeRaw`UPDATE inventory_level SET available = 0 WHERE shop_id = ${shop.id} AND variant_id = ${VARIANT}`;
      await setStock(shop, OTHER_VARIANT, "gid://shopify/Location/1", 7);
      during = await checkStorefrontShop(DOMAIN, first.since);
    });
    // The later writer is seen; the first has not committed (the list may still name VARIANT for its
    // earlier writes when other sessions' transactions hold the position back).
    expect(during!.changed).toContain(OTHER_VARIANT);
    expect((await checkStorefrontShop(DOMAIN, during!.since)).changed).toContain(VARIANT);
  });

  it("is not held back by a long transaction elsewhere: a write is named once, not at every check while it runs", async () => {
    const other = await createTestShop({ domain: "proxy-long.myshopify.com" });
    await prisma.$transaction(
      async (tx) => {
        // A long writer in another shop, running through the checks below.
        await tx.$executeRaw`UPDATE shop SET name = 'busy' WHERE id = ${other.id}`;
        const first = await checkStorefrontShop(DOMAIN, null);
        await setStock(shop, VARIANT, "gid://shopify/Location/2", 7, new Date(at.getTime() + 1000));
        const second = await checkStorefrontShop(DOMAIN, first.since);
        expect(second.changed).toEqual([VARIANT]);
        expect((await checkStorefrontShop(DOMAIN, second.since)).changed).toEqual([]);
      },
      { timeout: 20_000 },
    );
  });

  it("says 'all' rather than list more than its limit of changed variants", async () => {
    const first = await checkStorefrontShop(DOMAIN, null);
    const location = await prisma.location.findFirstOrThrow({ where: { shopId: shop.id, shopifyId: "gid://shopify/Location/1" } });
    await prisma.$executeRaw`INSERT INTO inventory_level (id, shop_id, inventory_item_id, variant_id, location_id, available, shopify_updated_at, updated_at)
      SELECT 'bulk-' || i, ${shop.id}, 'gid://shopify/InventoryItem/b' || i, 'gid://shopify/ProductVariant/b' || i, ${location.id}, 1, now(), now()
      FROM generate_series(1, ${CHANGED_VARIANTS_LIMIT + 1}::int) AS i`;
    expect((await checkStorefrontShop(DOMAIN, first.since)).changed).toBe("all");

    // Or read more changed levels than its bound, however few variants they belong to.
    const second = await checkStorefrontShop(DOMAIN, null);
    await prisma.$executeRaw`INSERT INTO location (id, shop_id, shopify_id, legacy_resource_id, name, updated_at)
      SELECT 'many-' || i, ${shop.id}, 'gid://shopify/Location/m' || i, 'm' || i, 'Store ' || i, now() FROM generate_series(1, 1000) AS i`;
    await prisma.$executeRaw`INSERT INTO inventory_level (id, shop_id, inventory_item_id, variant_id, location_id, available, shopify_updated_at, updated_at)
      SELECT 'many-' || v || '-' || i, ${shop.id}, 'gid://shopify/InventoryItem/m' || v, 'gid://shopify/ProductVariant/m' || v, 'many-' || i, 1, now(), now()
      FROM generate_series(1, 10) AS v, generate_series(1, 1000) AS i`;
    expect((await checkStorefrontShop(DOMAIN, second.since)).changed).toBe("all");
  });

  it("serves a variant no check named from memory, and re-reads one a check named", async () => {
    configureAvailabilityCache({ revalidateAfterMs: 0 }); // a check before every request
    const soho = async (variant: string) =>
      (await json(await proxied(`variant=${variant.split("/").pop()}`))).locations.find((l) => l.name === "SoHo")!.status;
    await setStock(shop, OTHER_VARIANT, "gid://shopify/Location/1", 30);
    expect(await soho(VARIANT)).toBe("in_stock");
    expect(await soho(OTHER_VARIANT)).toBe("in_stock");

    // A write the feed cannot see (its trigger off, an old transaction id): VARIANT is not re-read.
    await prisma.$executeRawUnsafe(`ALTER TABLE inventory_level DISABLE TRIGGER inventory_level_change_xid`);
    try {
      await prisma.$executeRaw`UPDATE inventory_level SET available = 0, change_xid = '3'::xid8 WHERE shop_id = ${shop.id} AND variant_id = ${VARIANT}`;
    } finally {
      await prisma.$executeRawUnsafe(`ALTER TABLE inventory_level ENABLE TRIGGER inventory_level_change_xid`);
    }
    // A write it sees: OTHER_VARIANT is.
    await setStock(shop, OTHER_VARIANT, "gid://shopify/Location/1", 0, new Date(at.getTime() + 1000));
    expect(await soho(OTHER_VARIANT)).toBe("out_of_stock");
    expect(await soho(VARIANT)).toBe("in_stock");
    invalidateAvailability(shop, VARIANT);
    expect(await soho(VARIANT)).toBe("out_of_stock");
  });
});
