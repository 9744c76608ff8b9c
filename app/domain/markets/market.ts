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
 * The active markets a shopper in `countryCode` is in, most specific first; empty without a country
 * or when no active market has it. A country can be in several (a parent market and its
 * submarket); Shopify ranks a buyer's markets most specific first, a submarket's regions being a
 * strict subset of its parent's: here the market with fewer countries first, then by name.
 */
export function marketsOfCountry<M extends ShopMarket>(countryCode: string | null | undefined, markets: readonly M[]): M[] {
  const country = countryCode?.trim().toUpperCase();
  if (!country) return [];
  return markets
    .filter((m) => m.active && m.countries.some((c) => c.toUpperCase() === country))
    .sort((a, b) => a.countries.length - b.countries.length || a.name.localeCompare(b.name));
}

/** The market a shopper in `countryCode` belongs to: the most specific active one (marketsOfCountry), or null. */
export function marketOfCountry<M extends ShopMarket>(countryCode: string | null | undefined, markets: readonly M[]): M | null {
  return marketsOfCountry(countryCode, markets)[0] ?? null;
}
