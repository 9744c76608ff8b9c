/**
 * RMA numbers: "RMA-1001-7KQ2" — the order number, then random characters from an alphabet with
 * nothing that reads as something else (no 0/O, 1/I/L, U/V, 5/S, 2/Z, 8/B), so a shopper can read
 * one out on the phone or copy it from a label without guessing.
 */
export const RMA_ALPHABET = "34679ACDEFGHJKMNPQRTWXY";

/** A source of uniform numbers in [0, 1): Math.random in production, a seeded generator in tests. */
export type RandomSource = () => number;

export interface RmaOptions {
  /** Default "RMA". */
  prefix?: string;
  /** Random characters after the order number; default 4 (23⁴ ≈ 280 000 per order). */
  length?: number;
}

const DEFAULT_PREFIX = "RMA";
const DEFAULT_LENGTH = 4;

/**
 * The order number part: Shopify's order name without "#" and anything outside A–Z/0–9
 * ("#1001" → "1001", "#VN-1002" → "VN1002"); "0" if nothing is left.
 */
export function rmaOrderPart(orderName: string | number): string {
  const cleaned = String(orderName).toUpperCase().replace(/[^A-Z0-9]/g, "");
  return cleaned || "0";
}

/** A fresh RMA for an order. Deterministic for a given random source. */
export function generateRma(orderName: string | number, random: RandomSource, options: RmaOptions = {}): string {
  const length = options.length ?? DEFAULT_LENGTH;
  let suffix = "";
  for (let i = 0; i < length; i++) {
    const r = random();
    if (!(r >= 0 && r < 1)) throw new RangeError(`Random source must give numbers in [0, 1), got ${r}`);
    suffix += RMA_ALPHABET[Math.floor(r * RMA_ALPHABET.length)];
  }
  return `${options.prefix ?? DEFAULT_PREFIX}-${rmaOrderPart(orderName)}-${suffix}`;
}

/**
 * An RMA not in `taken` (the order's or shop's existing numbers), trying up to `attempts` times.
 * The database's unique (shop, rma) index stays the final word; this only avoids known clashes.
 */
export function generateUniqueRma(
  orderName: string | number,
  random: RandomSource,
  taken: ReadonlySet<string>,
  options: RmaOptions & { attempts?: number } = {},
): string {
  const attempts = options.attempts ?? 20;
  for (let i = 0; i < attempts; i++) {
    const rma = generateRma(orderName, random, options);
    if (!taken.has(rma)) return rma;
  }
  throw new Error(`No free RMA for order ${String(orderName)} after ${attempts} attempts`);
}

/**
 * Normalises what a shopper typed (lower case, spaces, missing or extra dashes) to the canonical
 * form, or null if it cannot be an RMA.
 */
export function normaliseRma(input: string, options: RmaOptions = {}): string | null {
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const length = options.length ?? DEFAULT_LENGTH;
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (!compact.startsWith(prefix)) return null;
  const rest = compact.slice(prefix.length);
  if (rest.length <= length) return null;
  const order = rest.slice(0, rest.length - length);
  const suffix = rest.slice(rest.length - length);
  if (![...suffix].every((c) => RMA_ALPHABET.includes(c)) || !/^[A-Z0-9]+$/.test(order)) return null;
  return `${prefix}-${order}-${suffix}`;
}

/** mulberry32: a small seeded generator for tests and reproducible demos. */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
