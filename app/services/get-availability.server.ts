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
  listVariantAvailable,
  storefrontShopVersion,
  variantAvailableVersion,
} from "~/models/storefront-availability.server";
import { cached, shopEntries, variantEntries, variantKey } from "./availability-cache.server";

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
    load: async () => {
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
    },
  });
}

async function variantLevels(domain: string, shop: ShopContext, variantId: string) {
  return cached<Map<string, number>>(variantEntries, variantKey(domain, variantId), {
    version: () => variantAvailableVersion(shop, variantId),
    load: async () => {
      const rows = await listVariantAvailable(shop, variantId);
      return new Map(rows.map((r) => [r.locationId, r.available]));
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
