/**
 * Postal code → an approximate position, offline, from the shop's own locations.
 *
 * Crossdock ships no postal-code database. What it can say honestly: a postal code equal to a
 * location's (same country) is at that location; otherwise postal codes that share a leading part
 * are near each other in the countries Crossdock serves (US ZIP: 3 digits = sectional centre;
 * Vietnam: 2 digits = province; China: 2 digits = province), so the position is the centroid of
 * the shop's locations sharing the longest prefix (at least `minPrefix` characters) with it.
 * Anything else is unresolved: the caller lists stores without distances. A code that is not written
 * the way the country writes postal codes (a Hà Nội "100000" typed on a US storefront) is unresolved
 * too, instead of being matched by its first digits to a US ZIP (formats: postcode-validator).
 */
import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator";
import type { GeoPoint } from "./geo";

export interface PostalPlace extends GeoPoint {
  countryCode: string;
  postalCode: string;
}

export type PostalResolution =
  | { resolved: true; point: GeoPoint; precision: "exact" | "area" }
  | { resolved: false; point: null; precision: null };

/** "10118-0110" → "10118"; " 700 000 " → "700000"; uppercase, no spaces or dashes. */
export function normalizePostalCode(postalCode: string, countryCode: string): string {
  const compact = postalCode.toUpperCase().replace(/[\s-]+/g, "");
  if (countryCode.toUpperCase() === "US" && /^\d{9}$/.test(compact)) return compact.slice(0, 5);
  return compact;
}

const UNRESOLVED: PostalResolution = { resolved: false, point: null, precision: null };

export function resolvePostalCode(
  postalCode: string,
  countryCode: string,
  places: readonly PostalPlace[],
  options: { minPrefix?: number } = {},
): PostalResolution {
  const minPrefix = options.minPrefix ?? 2;
  const country = countryCode.toUpperCase();
  const code = normalizePostalCode(postalCode, country);
  if (!code) return UNRESOLVED;
  if (postcodeValidatorExistsForCountry(country) && !postcodeValidator(postalCode.trim(), country)) return UNRESOLVED;
  const candidates = places
    .filter((p) => p.countryCode.toUpperCase() === country && p.postalCode.trim() !== "")
    .map((p) => ({ place: p, code: normalizePostalCode(p.postalCode, country) }));

  const exact = candidates.filter((c) => c.code === code);
  if (exact.length > 0) return { resolved: true, point: centroid(exact.map((c) => c.place)), precision: "exact" };

  let best = 0;
  let matches: PostalPlace[] = [];
  for (const candidate of candidates) {
    const shared = sharedPrefix(code, candidate.code);
    if (shared < minPrefix || shared < best) continue;
    if (shared > best) {
      best = shared;
      matches = [];
    }
    matches.push(candidate.place);
  }
  return matches.length > 0 ? { resolved: true, point: centroid(matches), precision: "area" } : UNRESOLVED;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function centroid(points: readonly GeoPoint[]): GeoPoint {
  const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
  const lon = points.reduce((sum, p) => sum + p.lon, 0) / points.length;
  return { lat, lon };
}
