/**
 * How far a store is, as a shopper on this storefront reads it: miles on storefronts of countries
 * that measure road distances in miles, kilometres elsewhere; a distance from an approximate place
 * (a postal-code prefix guess) is shown as approximate and never as "0".
 */
export type DistanceUnit = "km" | "mi";

/** Countries whose road signs and shoppers use miles. */
const MILE_COUNTRIES = new Set(["US", "GB", "LR", "MM"]);
const KM_PER_MILE = 1.609344;

export function distanceUnitFor(countryCode: string | null): DistanceUnit {
  return countryCode && MILE_COUNTRIES.has(countryCode.toUpperCase()) ? "mi" : "km";
}

export interface ShownDistance {
  value: number;
  unit: DistanceUnit;
  /** From an approximate place: the block says "about …". */
  approximate: boolean;
}

/** Exact: to 0.1 (at least 0.1); approximate: whole units, at least 1. */
export function shownDistance(km: number, unit: DistanceUnit, approximate: boolean): ShownDistance {
  const inUnit = unit === "mi" ? km / KM_PER_MILE : km;
  const value = approximate ? Math.max(1, Math.round(inUnit)) : Math.max(0.1, Math.round(inUnit * 10) / 10);
  return { value, unit, approximate };
}
