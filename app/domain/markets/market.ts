// The shop's Shopify Markets as Crossdock mirrors them (read from the Admin API's `markets` query,
// never per page view), and which market a country belongs to. Pure.

/** A market as Crossdock reads it: its Shopify GID, the merchant's name, whether buyers can be in it, its countries. */
export interface ShopMarket {
  id: string;
  name: string;
  /** `Market.status` ACTIVE; a DRAFT market matches no buyer. */
  active: boolean;
  /** ISO 3166-1 alpha-2 codes of its region condition (upper case); empty for a market without countries. */
  countries: readonly string[];
}

/**
 * The active market a shopper in `countryCode` belongs to, or null (no country, or no active market
 * has it). A country in several active markets (a parent market and its submarket) belongs to the
 * most specific one, as Shopify ranks them: the market with the fewest countries (a submarket's
 * regions are a strict subset of its parent's), then by name for a stable answer.
 */
export function marketOfCountry<M extends ShopMarket>(countryCode: string | null | undefined, markets: readonly M[]): M | null {
  const country = countryCode?.trim().toUpperCase();
  if (!country) return null;
  let best: M | null = null;
  for (const market of markets) {
    if (!market.active || !market.countries.some((c) => c.toUpperCase() === country)) continue;
    if (!best || market.countries.length < best.countries.length || (market.countries.length === best.countries.length && market.name.localeCompare(best.name) < 0)) best = market;
  }
  return best;
}
