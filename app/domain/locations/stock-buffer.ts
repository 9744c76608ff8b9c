/**
 * The one answer to "how many units of each item does this location keep back?", read by routing
 * (the stock-buffer rule), the routing simulator (every strategy it compares), the storefront
 * availability and the Inventory page alike.
 */

/** One stock-buffer routing rule as the shop's rules hold it. */
export interface StockBufferRule {
  /** "N units kept back where a location has no buffer of its own" (0: the shop's default). */
  units: number;
  /** Overrides by location GID: win over the location's own buffer. */
  perLocation: Readonly<Record<string, number>>;
}

/** Everything besides a location's own buffer that decides what it keeps back. */
export interface StockBufferPolicy {
  /** The shop's default buffer (Settings). */
  shop: number;
  /**
   * The stock-buffer rules the shop's routing uses (normally one). None: the rule is off in
   * Routing, and no location keeps anything back.
   */
  rules: readonly StockBufferRule[];
}

/**
 * Per stock-buffer rule: its override for the location, else the location's own buffer (set on its
 * Locations page), else the rule's fallback units when above 0, else the shop's default buffer.
 * Several rules: the largest (routing keeps back the most any filter asks for).
 */
export function stockBufferOf(location: { id: string; stockBuffer?: number | null | undefined }, policy: StockBufferPolicy): number {
  let keepBack = 0;
  for (const rule of policy.rules) {
    const own = rule.perLocation[location.id] ?? location.stockBuffer;
    const units = own != null ? own : rule.units > 0 ? rule.units : policy.shop;
    keepBack = Math.max(keepBack, units);
  }
  return keepBack;
}

