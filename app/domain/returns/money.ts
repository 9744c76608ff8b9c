/**
 * Money as integer minor units of a currency, so that sums and percentages never drift the way
 * binary floats do. A currency's minor unit is its ISO 4217 exponent: 2 for USD and CNY (cents,
 * fen), 0 for VND and JPY (whole đồng, yen). Amounts cross the boundary as decimal strings ("12.50",
 * "609600"), what Prisma's Decimal and the Admin API's `Decimal` scalar give.
 *
 * The currency-free helpers (`toMinor(amount)` without a currency, `fromMinor`, `percentOf`) work in
 * hundredths, as the database's `Decimal(12, 2)` columns and the policy's percentages do.
 */

/** An amount in minor units of its currency (cents for USD, đồng for VND). */
export type Minor = number;

/** An amount and its currency (ISO 4217 code, e.g. "USD", "VND"). */
export interface Money {
  minor: Minor;
  currency: string;
}

const exponents = new Map<string, number>();

/**
 * The currency's minor-unit exponent (ISO 4217: USD 2, VND 0, JPY 0, KWD 3), from the runtime's
 * CLDR data (`Intl.NumberFormat`'s fraction digits for the currency); an unknown code counts 2.
 */
export function currencyExponent(currency: string): number {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    try {
      exponent = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      exponent = 2;
    }
    exponents.set(currency, exponent);
  }
  return exponent;
}

const AMOUNT = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses "12", "12.5", "12.50", "-3.10", "609600.0" (or a finite number, or an object whose
 * toString() gives one, such as Prisma's Decimal) to minor units: of `currency` when given, else
 * hundredths. Throws a RangeError on anything else, and on more (non-zero) decimals than the
 * currency has: "12.345" USD, "609600.5" VND.
 */
export function toMinor(amount: string | number | { toString(): string }, currency?: string): Minor {
  const exponent = currency ? currencyExponent(currency) : 2;
  const text = typeof amount === "number" ? numberToText(amount, exponent) : String(amount).trim();
  const match = AMOUNT.exec(text);
  if (!match) throw new RangeError(`Not an amount: "${text}"`);
  const [, sign, units, rawFraction = ""] = match;
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > exponent) {
    throw new RangeError(currency ? `Not an amount of ${currency} (at most ${exponent} decimals): "${text}"` : `Not an amount with at most 2 decimals: "${text}"`);
  }
  const minor = Number(units) * 10 ** exponent + Number(fraction.padEnd(exponent, "0") || "0");
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount out of range: "${text}"`);
  return sign ? -minor : minor;
}

/** Whether `toMinor` would accept the value (for `currency`, else with at most 2 decimals). */
export function isAmount(amount: string, currency?: string): boolean {
  try {
    toMinor(amount, currency);
    return true;
  } catch {
    return false;
  }
}

/** Minor units back to a decimal string with the currency's decimals: 1250 → "12.50" (USD), 609600 → "609600" (VND); hundredths without a currency. */
export function fromMinor(minor: Minor, currency?: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an integer amount of minor units: ${minor}`);
  const exponent = currency ? currencyExponent(currency) : 2;
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (exponent === 0) return `${sign}${abs}`;
  const scale = 10 ** exponent;
  return `${sign}${Math.trunc(abs / scale)}.${String(abs % scale).padStart(exponent, "0")}`;
}

/** `money` as a decimal string of its currency ("12.50", "609600"). */
export function moneyAmount(money: Money): string {
  return fromMinor(money.minor, money.currency);
}

/** Parses an amount of `currency` into Money (see `toMinor`). */
export function money(amount: string | number | { toString(): string }, currency: string): Money {
  return { minor: toMinor(amount, currency), currency };
}

/**
 * `percent` % of an amount, rounded half away from zero to the minor unit, computed on integers:
 * the percentage is taken in hundredths of a percent (the `Decimal(5, 2)` column), so
 * percentOf(1999, "12.5") = round(1999 × 1250 / 10000) = 250.
 */
export function percentOf(minor: Minor, percent: string | number): Minor {
  const basisPoints = toMinor(percent); // "12.5" → 1250 hundredths of a percent
  const numerator = minor * basisPoints;
  if (!Number.isSafeInteger(numerator)) throw new RangeError("Amount too large for a percentage");
  const sign = Math.sign(numerator);
  const abs = Math.abs(numerator);
  const quotient = Math.trunc(abs / 10_000);
  const remainder = abs % 10_000;
  return sign * (remainder * 2 >= 10_000 ? quotient + 1 : quotient);
}

/**
 * An order's own exchange rate, as its totals in both currencies show it (Shopify's `MoneyBag`:
 * `shopMoney` "the equivalent in the shop's base currency" of `presentmentMoney`, "the amount in the
 * customer's selected currency").
 */
export interface OrderRate {
  shop: Money;
  presentment: Money;
}

/**
 * A shop-currency amount in the order's presentment currency, at the order's rate, rounded half
 * away from zero to the presentment currency's minor unit (exact integer arithmetic). The same
 * currency: unchanged. No rate to be had (a free order): null.
 */
export function toPresentment(amount: Money, rate: OrderRate): Money | null {
  if (amount.currency !== rate.shop.currency) throw new RangeError(`Expected an amount of ${rate.shop.currency}, got ${amount.currency}`);
  if (rate.presentment.currency === rate.shop.currency) return { minor: amount.minor, currency: amount.currency };
  if (rate.shop.minor <= 0 || rate.presentment.minor <= 0) return null;
  // Both totals are in their own minor units, so their ratio turns shop minor units into presentment
  // minor units directly: amount × presentment / shop, rounded half away from zero, in BigInt.
  let numerator = BigInt(amount.minor) * BigInt(rate.presentment.minor);
  const denominator = BigInt(rate.shop.minor);
  const negative = numerator < 0n;
  if (negative) numerator = -numerator;
  const quotient = numerator / denominator;
  const rounded = (numerator % denominator) * 2n >= denominator ? quotient + 1n : quotient;
  const minor = Number(negative ? -rounded : rounded);
  if (!Number.isSafeInteger(minor)) throw new RangeError("Amount out of range");
  return { minor, currency: rate.presentment.currency };
}

function numberToText(value: number, exponent: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  // Reject binary noise instead of rounding it away silently: 0.1 + 0.2 is not an amount.
  const fixed = value.toFixed(exponent);
  if (Number(fixed) !== value) throw new RangeError(`Not an amount with at most ${exponent} decimals: ${value}`);
  return fixed;
}

/**
 * A presentment-currency amount in the shop's currency at the order's rate (the inverse of
 * `toPresentment`, rounded the same way): what the merchant sees beside the shopper's amount.
 */
export function toShop(amount: Money, rate: OrderRate): Money | null {
  if (amount.currency !== rate.presentment.currency) throw new RangeError(`Expected an amount of ${rate.presentment.currency}, got ${amount.currency}`);
  return toPresentment(amount, { shop: rate.presentment, presentment: rate.shop });
}

/**
 * An amount for people to read, in its currency and the reader's language: "$12.50", "250.000 ₫",
 * "US$12.50" (zh-CN). The one formatter of the admin, the portal and the emails. An unknown currency
 * code reads "12.50 XYZ"; an amount that is not a number reads "".
 */
export function formatMoney(locale: string, amount: string | number, currency: string): string {
  const value = typeof amount === "number" ? amount : Number(amount);
  if (!Number.isFinite(value)) return "";
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/**
 * Splits `total` minor units over parts in proportion to `weights` (largest remainder: each part
 * gets the floor of its share, the units left go one each to the parts with the largest remainders,
 * earlier parts first on a tie), never giving a part more than its weight. Needs 0 ≤ total ≤ Σ
 * weights; the parts always sum to `total`.
 */
export function splitProportionally(total: Minor, weights: readonly Minor[]): Minor[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < 0 || total > sum) throw new RangeError(`Cannot split ${total} over weights summing to ${sum}`);
  if (sum === 0) return weights.map(() => 0);
  // In BigInt: total × weight passes 2⁵³ for amounts in đồng.
  const shares = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = shares.map((share) => Number(share / BigInt(sum)));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = shares
    .map((share, i) => ({ i, remainder: share % BigInt(sum) }))
    .filter(({ i }) => parts[i]! < weights[i]!)
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of byRemainder) {
    if (left === 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return parts;
}
