/**
 * Money as integer minor units (hundredths, matching the database's `Decimal(12, 2)` columns) so
 * that sums and percentages never drift the way binary floats do. Amounts cross the boundary as
 * decimal strings ("12.50"), exactly what Prisma's Decimal and the Admin API's `Decimal` scalar give.
 */

/** An amount in hundredths of the currency unit (cents for USD; VND and CNY also stored with 2 places). */
export type Minor = number;

const AMOUNT = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses "12", "12.5", "12.50", "-3.10" (or a finite number with at most 2 decimals, or an object
 * whose toString() gives one, such as Prisma's Decimal) to minor units. Throws on anything else:
 * more than 2 decimals, exponents, NaN.
 */
export function toMinor(amount: string | number | { toString(): string }): Minor {
  const text = typeof amount === "number" ? numberToText(amount) : String(amount).trim();
  const match = AMOUNT.exec(text);
  if (!match) throw new RangeError(`Not an amount with at most 2 decimals: "${text}"`);
  const [, sign, units, fraction = ""] = match;
  const minor = Number(units) * 100 + Number(fraction.padEnd(2, "0"));
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount out of range: "${text}"`);
  return sign ? -minor : minor;
}

/** Whether `toMinor` would accept the value. */
export function isAmount(amount: string): boolean {
  return AMOUNT.test(amount.trim());
}

/** Minor units back to a 2-decimal string: 1250 → "12.50", -5 → "-0.05". */
export function fromMinor(minor: Minor): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an integer amount of minor units: ${minor}`);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
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

function numberToText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite amount: ${value}`);
  // Reject binary noise instead of rounding it away silently: 0.1 + 0.2 is not an amount.
  const fixed = value.toFixed(2);
  if (Number(fixed) !== value) throw new RangeError(`Not an amount with at most 2 decimals: ${value}`);
  return fixed;
}
