/** What a shopper sees for one location: never the raw count unless the merchant allows it. */
export type StockStatus = "in_stock" | "low_stock" | "out_of_stock";

export interface StockPolicy {
  /** Units held back at the location before anything counts as available (≥ 0). */
  buffer: number;
  /** At or below this many sellable units (and above 0) the status is "low_stock". */
  lowStockThreshold: number;
}

/** Units a shopper may buy at the location: Shopify's `available` minus the buffer, never below 0. */
export function sellableUnits(available: number, buffer: number): number {
  return Math.max(0, Math.trunc(available) - Math.max(0, Math.trunc(buffer)));
}

export function stockStatus(available: number, policy: StockPolicy): StockStatus {
  const units = sellableUnits(available, policy.buffer);
  if (units <= 0) return "out_of_stock";
  if (units <= Math.max(0, policy.lowStockThreshold)) return "low_stock";
  return "in_stock";
}
