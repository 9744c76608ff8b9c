// Where a return goes: the mail return's destination by the shopper's country (the merchant's rule
// for that country, else the rule for the country's Shopify market, else the nearest location there
// that receives returns, else the merchant's fallback), and the drop-off stores offered (the shopper's country, within the merchant's
// distance, nearest first). Pure: the caller gathers the locations, the policy and the shopper.
import { z } from "zod";
import { haversineKm, type GeoPoint } from "../geo/geo";
import { marketsOfCountry, type ShopMarket } from "../markets/market";
import { PORTAL_LOCALES, type PortalLocale } from "../portal/locale";

/** A location as the destination choice reads it (Location GID as `id`). */
export interface DestinationLocation {
  id: string;
  name: string;
  countryCode: string | null;
  latitude: number | null;
  longitude: number | null;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  pickupEnabled: boolean;
}

/**
 * A mail return to a shopper in `country`, or in any country of the Shopify market `market` (its
 * GID), goes to `locationId`. Rules stored before markets name a country.
 */
type DestinationRule = { country: string; market?: undefined; locationId: string } | { market: string; country?: undefined; locationId: string };

export type DropOffInstructions = Partial<Record<PortalLocale, string>>;

export interface ReturnDestinationSettings {
  /** At most one rule per country and one per market. */
  rules: DestinationRule[];
  /** Locations that receive mail returns; empty = every active location shipping online orders without local pickup. */
  mailReturnLocationIds: string[];
  /** Where mail returns go when the shopper's country has no rule and no receiving location; null = the caller's first warehouse. */
  fallbackLocationId: string | null;
  /** Drop-off stores farther than this from the shopper are not offered. */
  dropOffMaxDistanceKm: number;
  /** The merchant's drop-off instructions per language (blank = Crossdock's default text). */
  dropOffInstructions: DropOffInstructions;
}

const DEFAULT_DROP_OFF_MAX_DISTANCE_KM = 50;
const MAX_DROP_OFF_DISTANCE_KM = 2000;
export const MAX_DROP_OFF_INSTRUCTIONS_LENGTH = 500;

const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z]{2}$/.test(v), "COUNTRY_INVALID");

const destinationRuleSchema = z
  .object({
    country: countryCode.optional(),
    market: z.string().trim().min(1, "MARKET_REQUIRED").optional(),
    locationId: z.string().trim().min(1, "LOCATION_REQUIRED"),
  })
  .superRefine((rule, ctx) => {
    // A rule names a country or a market, never both or neither.
    if ((rule.country === undefined) === (rule.market === undefined)) ctx.addIssue({ code: "custom", path: [rule.market === undefined ? "country" : "market"], message: rule.market === undefined ? "COUNTRY_INVALID" : "MARKET_REQUIRED" });
  })
  .transform((rule): DestinationRule => (rule.market !== undefined ? { market: rule.market, locationId: rule.locationId } : { country: rule.country!, locationId: rule.locationId }));

/** The stored JSON of `ReturnPolicy.destinationRules`, and the settings form's rules. */
const destinationRulesSchema = z.array(destinationRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const key = rule.market !== undefined ? `market:${rule.market}` : `country:${rule.country}`;
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: [index, rule.market !== undefined ? "market" : "country"], message: rule.market !== undefined ? "MARKET_TWICE" : "COUNTRY_TWICE" });
    seen.add(key);
  });
});

const dropOffInstructionsSchema = z
  .record(z.string(), z.unknown())
  .transform((raw) => {
    const out: DropOffInstructions = {};
    for (const locale of PORTAL_LOCALES) {
      const value = raw[locale];
      if (typeof value === "string" && value.trim()) out[locale] = value.trim();
    }
    return out;
  })
  .refine((v) => Object.values(v).every((text) => text.length <= MAX_DROP_OFF_INSTRUCTIONS_LENGTH), "INSTRUCTIONS_TOO_LONG");

export const returnDestinationSettingsSchema = z.object({
  rules: destinationRulesSchema.default([]),
  mailReturnLocationIds: z.array(z.string().trim().min(1)).default([]),
  fallbackLocationId: z.string().trim().min(1).nullish().transform((v) => v ?? null),
  dropOffMaxDistanceKm: z.coerce.number().int("DISTANCE_INVALID").min(1, "DISTANCE_INVALID").max(MAX_DROP_OFF_DISTANCE_KM, "DISTANCE_INVALID").default(DEFAULT_DROP_OFF_MAX_DISTANCE_KM),
  dropOffInstructions: dropOffInstructionsSchema.default({}),
});

export const DEFAULT_DESTINATION_SETTINGS: ReturnDestinationSettings = {
  rules: [],
  mailReturnLocationIds: [],
  fallbackLocationId: null,
  dropOffMaxDistanceKm: DEFAULT_DROP_OFF_MAX_DISTANCE_KM,
  dropOffInstructions: {},
};

/** Whether a location receives mail returns under the merchant's list (or, with none, by default). */
export function receivesMailReturns(location: DestinationLocation, mailReturnLocationIds: readonly string[]): boolean {
  if (!location.isActive) return false;
  if (mailReturnLocationIds.length > 0) return mailReturnLocationIds.includes(location.id);
  return location.fulfillsOnlineOrders && !location.pickupEnabled;
}

/** Where the shopper is: the order's country and, when known, a position. */
export interface ShopperPlace {
  countryCode: string | null;
  point: GeoPoint | null;
}

/** "rule": the shopper's country's rule; "market-rule": the rule of the market the country is in. */
type DestinationReason = "rule" | "market-rule" | "nearest" | "in-country" | "fallback";

export interface DestinationChoice {
  locationId: string;
  reason: DestinationReason;
  /** From the shopper, when both positions are known. */
  distanceKm: number | null;
  /** The market whose rule chose it ("market-rule"). */
  market?: { id: string; name: string };
}

function pointOf(location: DestinationLocation): GeoPoint | null {
  return location.latitude != null && location.longitude != null ? { lat: location.latitude, lon: location.longitude } : null;
}

function sameCountry(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toUpperCase() === b.toUpperCase();
}

/**
 * The mail return's destination: (1) the merchant's rule for the shopper's country, when its
 * location is active; (2) the rule for an active market the country is in (`markets`, the shop's
 * mirror; the most specific market with a rule whose location is active, marketsOfCountry); (3) the nearest location in that country
 * that receives returns (without a position: the first by name); (4) the merchant's fallback, when
 * active; (5) null, for the caller's last resort (the first warehouse).
 */
export function chooseReturnDestination(
  shopper: ShopperPlace,
  locations: readonly DestinationLocation[],
  settings: ReturnDestinationSettings,
  markets: readonly ShopMarket[] = [],
): DestinationChoice | null {
  const active = new Map(locations.filter((l) => l.isActive).map((l) => [l.id, l]));
  const distanceTo = (location: DestinationLocation) => {
    const at = pointOf(location);
    return shopper.point && at ? haversineKm(shopper.point, at) : null;
  };
  const rule = settings.rules.find((r) => r.country !== undefined && sameCountry(r.country, shopper.countryCode));
  const ruled = rule ? active.get(rule.locationId) : undefined;
  if (ruled) return { locationId: ruled.id, reason: "rule", distanceKm: distanceTo(ruled) };

  // The markets the country is in, most specific first: a submarket's rule before its parent's.
  for (const market of marketsOfCountry(shopper.countryCode, markets)) {
    const marketRule = settings.rules.find((r) => r.market === market.id);
    const marketRuled = marketRule ? active.get(marketRule.locationId) : undefined;
    if (marketRuled) return { locationId: marketRuled.id, reason: "market-rule", distanceKm: distanceTo(marketRuled), market: { id: market.id, name: market.name } };
  }

  const inCountry = [...active.values()]
    .filter((l) => sameCountry(l.countryCode, shopper.countryCode) && receivesMailReturns(l, settings.mailReturnLocationIds))
    .map((l) => ({ location: l, distanceKm: distanceTo(l) }))
    .sort(byDistanceThenName);
  const nearest = inCountry[0];
  if (nearest) return { locationId: nearest.location.id, reason: nearest.distanceKm != null ? "nearest" : "in-country", distanceKm: nearest.distanceKm };

  const fallback = settings.fallbackLocationId ? active.get(settings.fallbackLocationId) : undefined;
  if (fallback) return { locationId: fallback.id, reason: "fallback", distanceKm: distanceTo(fallback) };
  return null;
}

function byDistanceThenName(a: { location: { name: string }; distanceKm: number | null }, b: { location: { name: string }; distanceKm: number | null }): number {
  if (a.distanceKm != null && b.distanceKm != null) return a.distanceKm - b.distanceKm || a.location.name.localeCompare(b.location.name);
  if (a.distanceKm != null) return -1;
  if (b.distanceKm != null) return 1;
  return a.location.name.localeCompare(b.location.name);
}

/**
 * The drop-off stores to offer: active pickup locations in the shopper's country (any country when
 * it is unknown), within `maxDistanceKm` when the distance is known, nearest first (stores whose
 * distance cannot be measured after, by name).
 */
export function offeredDropOffStores<L extends DestinationLocation>(
  shopper: ShopperPlace,
  stores: readonly L[],
  maxDistanceKm: number,
): Array<{ location: L; distanceKm: number | null }> {
  return stores
    .filter((s) => s.isActive && s.pickupEnabled && (!shopper.countryCode || sameCountry(s.countryCode, shopper.countryCode)))
    .map((location) => {
      const at = pointOf(location);
      return { location, distanceKm: shopper.point && at ? haversineKm(shopper.point, at) : null };
    })
    .filter((s) => s.distanceKm == null || s.distanceKm <= maxDistanceKm)
    .sort(byDistanceThenName);
}

/** The merchant's instructions in the shopper's language, else null (the page shows the default text). */
export function dropOffInstructionsFor(instructions: DropOffInstructions, locale: PortalLocale): string | null {
  return instructions[locale]?.trim() || null;
}

/**
 * Whether staff may still send a return elsewhere: a mail return, requested or approved, whose
 * label does not exist yet (once printed, the label names its destination).
 */
export function canChangeDestination(ret: { method: string; status: string; labelTrackingNumber: string | null; reverseDeliveryId: string | null }): boolean {
  return ret.method === "MAIL" && (ret.status === "REQUESTED" || ret.status === "APPROVED") && ret.labelTrackingNumber == null && ret.reverseDeliveryId == null;
}
