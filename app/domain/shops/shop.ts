/** What Crossdock keeps of a shop's own profile, as read from the Admin API. */
export interface ShopSnapshot {
  domain: string;
  name: string;
  email: string;
  currencyCode: string;
  timezone: string;
  countryCode: string | null;
  plan: string;
}
