import { listLocations } from "~/models/locations.server";
import { getShop } from "~/models/shops.server";

export interface HomeSummary {
  shopName: string;
  locations: number;
  activeLocations: number;
  pickupLocations: number;
  countries: string[];
}

/** The admin home: what Crossdock knows about the shop so far. */
export async function loadHome(shopDomain: string): Promise<HomeSummary | null> {
  const shop = await getShop(shopDomain);
  if (!shop) return null;
  const locations = await listLocations(shop);
  const active = locations.filter((l) => l.isActive);
  return {
    shopName: shop.name,
    locations: locations.length,
    activeLocations: active.length,
    pickupLocations: active.filter((l) => l.pickupEnabled).length,
    countries: [...new Set(active.map((l) => l.countryCode).filter((c): c is string => Boolean(c)))].sort(),
  };
}
