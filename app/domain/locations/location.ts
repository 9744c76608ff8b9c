/** A location as Shopify describes it (the part Crossdock reads from the Admin API). */
export interface LocationSnapshot {
  shopifyId: string;
  legacyId: string;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  address: {
    address1: string | null;
    address2: string | null;
    city: string | null;
    province: string | null;
    provinceCode: string | null;
    zip: string | null;
    country: string | null;
    countryCode: string | null;
    phone: string | null;
    latitude: number | null;
    longitude: number | null;
  };
  /** null when local pickup is off at this location. */
  pickup: { pickupTime: string; instructions: string } | null;
}

/** One line per address, for display ("350 5th Ave", "New York NY 10118", "United States"). */
export function formatAddressLines(
  address: Pick<LocationSnapshot["address"], "address1" | "address2" | "city" | "province" | "provinceCode" | "zip" | "country">,
): string[] {
  const cityLine = [address.city, address.provinceCode ?? address.province, address.zip].filter(Boolean).join(" ");
  return [address.address1, address.address2, cityLine, address.country].filter(
    (line): line is string => Boolean(line && line.trim()),
  );
}

const pickupTimeLabels: Record<string, string> = {
  ONE_HOUR: "Usually ready in 1 hour",
  TWO_HOURS: "Usually ready in 2 hours",
  FOUR_HOURS: "Usually ready in 4 hours",
  TWENTY_FOUR_HOURS: "Usually ready in 24 hours",
  TWO_TO_FOUR_DAYS: "Usually ready in 2-4 days",
  FIVE_OR_MORE_DAYS: "Usually ready in 5 or more days",
};

export function describePickupTime(pickupTime: string): string {
  return pickupTimeLabels[pickupTime] ?? "Pickup time set by the store";
}
