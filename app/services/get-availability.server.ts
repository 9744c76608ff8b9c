/**
 * Storefront availability of one variant (the app proxy's `availability` endpoint): the shop's
 * locations that take orders now (active, not paused by staff) with stock status, pickup details and
 * distance, through the in-process cache.
 */
import { createHash } from "node:crypto";
import {
  computeAvailability,
  postalPlacesOf,
  type AvailabilityRequest,
  type AvailabilityResult,
  type AvailabilitySettings,
  type PostalPlace,
  type StorefrontLocation,
} from "~/domain/availability";
import {
  checkStorefrontShop,
  getStorefrontShop,
  listStorefrontLocations,
  listVariantLevels,
  type VariantLevels,
} from "~/models/storefront-availability.server";
import { readRuleSet, toRoutingConfig } from "~/domain/routing/rule-set";
import { stockBufferPolicyOf } from "~/domain/routing/rules/stock-buffer";
import { Batcher } from "~/batcher";
import { shopEntry, variantEntry } from "./availability-cache.server";

interface ShopContext {
  id: string;
  settings: AvailabilitySettings;
  locations: StorefrontLocation[];
  /** Location GID by row id (inventory levels name the row), locations taking orders only. */
  gidByRow: Map<string, string>;
  places: PostalPlace[];
}

export type AvailabilityOutcome =
  | { status: "ok"; result: AvailabilityResult & { variantId: string }; etag: string }
  | { status: "shop_not_found" }
  | { status: "variant_not_found" };

async function shopContext(domain: string) {
  return shopEntry<ShopContext | null>(domain, {
    check: (since) => checkStorefrontShop(domain, since),
    load: () => loadShopContext(domain),
  });
}

async function loadShopContext(domain: string): Promise<ShopContext | null> {
  const shop = await getStorefrontShop(domain);
  if (!shop) return null;
  const rows = await listStorefrontLocations(shop);
  const locations: StorefrontLocation[] = rows.map(({ shopifyId, rowId: _rowId, ...row }) => ({ ...row, id: shopifyId }));
  return {
    id: shop.id,
    gidByRow: new Map(rows.map((row) => [row.rowId, row.shopifyId])),
    settings: {
      // The buffers routing applies: its stock-buffer rule over the locations' own and the shop's.
      buffer: stockBufferPolicyOf(toRoutingConfig(readRuleSet(shop.routingRules).ruleSet), shop.settings?.stockBuffer ?? 0),
      lowStockThreshold: shop.settings?.lowStockThreshold ?? 3,
      showExactCounts: shop.settings?.showExactCounts ?? false,
    },
    locations,
    places: postalPlacesOf(locations),
  };
}

/**
 * The variants' level reads, batched per shop (Batcher): under load, the loads of many requests go
 * to the database as one statement per shop. Keys are (shop id, variant id).
 */
const levelReads = new Batcher<VariantLevels, { shopId: string; variantId: string }>(
  async (_keys, reads) => {
    const byShop = new Map<string, string[]>();
    for (const { shopId, variantId } of reads.values()) byShop.set(shopId, [...(byShop.get(shopId) ?? []), variantId]);
    const answers = await Promise.all([...byShop].map(async ([id, variantIds]) => ({ id, found: await listVariantLevels({ id }, variantIds) })));
    const results = new Map<string, VariantLevels>();
    for (const { id, found } of answers) for (const [variantId, value] of found) results.set(`${id}\u0000${variantId}`, value);
    return results;
  },
  { maxInFlight: 2, maxBatch: 25 },
);

/**
 * A variant's stock as stored: `available` by location row id (every location, active or not), with
 * a fingerprint of it for ETags; `known` when it has levels at all (Crossdock knows a variant through
 * its inventory levels). Kept apart from any one version of the shop's locations: `byLocation`
 * reads it through the shop context of the request at hand.
 */
interface StoredLevels {
  byRow: Map<string, number>;
  known: boolean;
  /** The last reading by location GID, and the shop version it was made for. */
  read?: { shopVersion: string; available: Map<string, number> };
}

async function variantLevels(domain: string, shop: ShopContext, variantId: string) {
  return variantEntry<StoredLevels>(domain, variantId, async () => {
    const levels = await levelReads.get(`${shop.id}\u0000${variantId}`, { shopId: shop.id, variantId });
    // Every asked variant is answered (an empty map when it has no levels).
    if (!levels) throw new Error(`no answer for variant ${variantId}`);
    const fingerprint = createHash("sha1");
    for (const [row, count] of levels.available) fingerprint.update(`${row}:${count};`);
    return { value: { byRow: levels.available, known: levels.available.size > 0 }, version: fingerprint.digest("base64url") };
  });
}

/** The variant's `available` at the shop's locations taking orders, by GID, for this version of the shop. */
function byLocation(stored: StoredLevels, shop: ShopContext, shopVersion: string): Map<string, number> {
  if (stored.read?.shopVersion === shopVersion) return stored.read.available;
  const available = new Map<string, number>();
  for (const [row, count] of stored.byRow) {
    const gid = shop.gidByRow.get(row);
    if (gid !== undefined) available.set(gid, count);
  }
  stored.read = { shopVersion, available };
  return available;
}

export async function getVariantAvailability(input: {
  shop: string;
  variantId: string;
  request: AvailabilityRequest;
}): Promise<AvailabilityOutcome> {
  const shop = await shopContext(input.shop);
  if (!shop.value) return { status: "shop_not_found" };
  const levels = await variantLevels(input.shop, shop.value, input.variantId);
  // Crossdock knows a variant through its inventory levels (synced at install, kept by webhooks).
  if (!levels.value.known) return { status: "variant_not_found" };
  const available = byLocation(levels.value, shop.value, shop.version);
  const result = computeAvailability(shop.value.locations, available, shop.value.settings, input.request, shop.value.places);
  const etag = createHash("sha1")
    .update(`${shop.version}|${levels.version}|${JSON.stringify(input.request)}`)
    .digest("base64url");
  return { status: "ok", result: { variantId: input.variantId, ...result }, etag: `"${etag}"` };
}
