/**
 * Rate shopping for a carrier label: of the rates a carrier aggregator offers for a shipment, the
 * cheapest one within the merchant's service level. Pure: the caller fetched the rates.
 */

/** How fast a return must travel: economy takes the cheapest rate, however slow. */
export type ServiceLevel = "economy" | "standard" | "express";

/** The most days in transit each level accepts (null: no limit). */
export const MAX_DELIVERY_DAYS: Readonly<Record<ServiceLevel, number | null>> = { economy: null, standard: 5, express: 2 };

export interface OfferedRate {
  id: string;
  carrier: string;
  service: string;
  /** Decimal string as the carrier sends it, e.g. "6.07". */
  rate: string;
  currency: string;
  /** Days in transit the carrier promises; null when it names none. */
  delivery_days?: number | null;
}

/** Hundredths of a currency unit from a decimal string ("6.07" → 607); null when it is not a price. */
function cents(rate: string): number | null {
  const match = /^\s*(\d+)(?:\.(\d{1,2})\d*)?\s*$/.exec(rate);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/**
 * The cheapest rate within the service level, in the given currency; ties go to the faster rate,
 * then to the carrier and service names (the same rates always give the same choice). A rate with
 * no promised delivery days counts only for economy; a rate whose price is not a number never
 * counts. Null when no rate fits.
 */
export function chooseRate<R extends OfferedRate>(rates: readonly R[], level: ServiceLevel, currency = "USD"): R | null {
  const maxDays = MAX_DELIVERY_DAYS[level];
  const fitting = rates
    .map((rate) => ({ rate, cents: cents(rate.rate), days: rate.delivery_days ?? null }))
    .filter((r): r is { rate: R; cents: number; days: number | null } => r.cents !== null && r.rate.currency.toUpperCase() === currency.toUpperCase())
    .filter((r) => maxDays === null || (r.days !== null && r.days <= maxDays));
  fitting.sort(
    (a, b) =>
      a.cents - b.cents ||
      (a.days ?? Infinity) - (b.days ?? Infinity) ||
      a.rate.carrier.localeCompare(b.rate.carrier) ||
      a.rate.service.localeCompare(b.rate.service),
  );
  return fitting[0]?.rate ?? null;
}
