/**
 * Tracking numbers of the built-in provider, in the UPU S10 layout that postal services use:
 * two letters, an 8-digit serial, a mod-11 check digit, the destination's ISO country code, e.g.
 * "CD473920185VN". The serial is derived from the shop and the RMA, so the same return always gets
 * the same number (labels can be re-printed); the check digit catches a wrong check digit always and
 * a mistyped serial digit about 98 % of the time (S10's mapping of remainders 0 and 6 to 5 is its blind spot).
 */

export const TRACKING_PREFIX = "CD";
const WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** The S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`S10 serial must be 8 digits, got "${serial}"`);
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/**
 * A deterministic tracking number for a return of a shop. Serials are hashes, so two returns of a
 * shop can meet on one (about 1 in 10⁸ per pair): `attempt` 1, 2, … give the same return other
 * numbers, for the caller to pick one no other return of the shop carries (attempt 0 is the number
 * every earlier label got).
 */
export function builtinTrackingNumber(shopDomain: string, rma: string, countryCode?: string | null, attempt = 0): string {
  const key = `${shopDomain.toLowerCase()}|${rma.toUpperCase()}${attempt > 0 ? `|${attempt}` : ""}`;
  const serial = String(fnv1a(key) % 100_000_000).padStart(8, "0");
  const country = /^[A-Za-z]{2}$/.test(countryCode ?? "") ? countryCode!.toUpperCase() : "US";
  return `${TRACKING_PREFIX}${serial}${s10CheckDigit(serial)}${country}`;
}

/** Whether a string is a well-formed built-in tracking number with a correct check digit. */
export function isValidTrackingNumber(value: string): boolean {
  const match = /^([A-Z]{2})(\d{8})(\d)([A-Z]{2})$/.exec(value.trim().toUpperCase());
  return match !== null && match[1] === TRACKING_PREFIX && s10CheckDigit(match[2]!) === Number(match[3]);
}

/** The page where the shopper follows the parcel: `base` + the number (base gets a trailing "/"). */
export function builtinTrackingUrl(base: string, trackingNumber: string): string {
  return `${base.endsWith("/") ? base : `${base}/`}${encodeURIComponent(trackingNumber)}`;
}

/** 32-bit FNV-1a over the UTF-16 code units: small, stable, good enough to spread serials. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
