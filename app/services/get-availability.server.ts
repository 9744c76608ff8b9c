/**
 * Storefront availability of one variant (the app proxy's `availability` endpoint): the shop's
 * active locations with stock status, pickup details and distance, through the in-process cache.
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
  getStorefrontShop,
  listStorefrontLocations,
  listVariantLevels,
  storefrontShopVersion,
  variantVersions,
  type VariantLevels,
} from "~/models/storefront-availability.server";
import { Batcher, cached, shopEntries, variantEntries, variantKey } from "./availability-cache.server";

interface ShopContext {
  id: string;
  settings: AvailabilitySettings;
  locations: StorefrontLocation[];
  places: PostalPlace[];
}

export type AvailabilityOutcome =
  | { status: "ok"; result: AvailabilityResult & { variantId: string }; etag: string }
  | { status: "shop_not_found" }
  | { status: "variant_not_found" };

async function shopContext(domain: string) {
  return cached<ShopContext | null>(shopEntries, domain, {
    version: async () => (await storefrontShopVersion(domain))?.version ?? "none",
    load: async () => ({ version: (await storefrontShopVersion(domain))?.version ?? "none", value: await loadShopContext(domain) }),
  });
}

async function loadShopContext(domain: string): Promise<ShopContext | null> {
  const shop = await getStorefrontShop(domain);
  if (!shop) return null;
  const rows = await listStorefrontLocations(shop);
  const locations: StorefrontLocation[] = rows.map(({ shopifyId, ...row }) => ({ ...row, id: shopifyId }));
  return {
    id: shop.id,
    settings: {
      stockBuffer: shop.settings?.stockBuffer ?? 0,
      lowStockThreshold: shop.settings?.lowStockThreshold ?? 3,
      showExactCounts: shop.settings?.showExactCounts ?? false,
    },
    locations,
    places: postalPlacesOf(locations),
  };
}

/**
 * The variants' reads, batched per shop (Batcher): under load, the fingerprint checks and loads
 * of many requests go to the database as one statement per shop. Keys are (shop id, variant id).
 */
function perShop<V>(read: (shop: { id: string }, variantIds: string[]) => Promise<Map<string, V>>) {
  return async (keys: string[]): Promise<Map<string, V>> => {
    const byShop = new Map<string, string[]>();
    for (const key of keys) {
      const [shopId, variantId] = key.split("\u0000") as [string, string];
      byShop.set(shopId, [...(byShop.get(shopId) ?? []), variantId]);
    }
    const answers = await Promise.all([...byShop].map(async ([id, variantIds]) => ({ id, found: await read({ id }, variantIds) })));
    const results = new Map<string, V>();
    for (const { id, found } of answers) for (const [variantId, value] of found) results.set(`${id}\u0000${variantId}`, value);
    return results;
  };
}

const versionReads = new Batcher<string>(perShop(variantVersions), { maxInFlight: 2, maxBatch: 200 });
const levelReads = new Batcher<VariantLevels>(perShop(listVariantLevels), { maxInFlight: 2, maxBatch: 25 });

async function variantLevels(domain: string, shop: ShopContext, variantId: string) {
  const read = `${shop.id}\u0000${variantId}`;
  return cached<Map<string, number>>(variantEntries, variantKey(domain, variantId), {
    version: async () => (await versionReads.get(read)) ?? "",
    load: async () => {
      const levels = await levelReads.get(read);
      // Every asked variant is answered (an empty map when it has no levels).
      if (!levels) throw new Error(`no answer for variant ${variantId}`);
      return { value: levels.available, version: levels.version };
    },
  });
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
  if (levels.value.size === 0) return { status: "variant_not_found" };
  const result = computeAvailability(shop.value.locations, levels.value, shop.value.settings, input.request, shop.value.places);
  const etag = createHash("sha1")
    .update(`${shop.version}|${levels.version}|${JSON.stringify(input.request)}`)
    .digest("base64url");
  return { status: "ok", result: { variantId: input.variantId, ...result }, etag: `"${etag}"` };
}
