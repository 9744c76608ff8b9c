/**
 * An address laid out as its country writes it (Google's libaddressinput formats, bundled offline by
 * `localized-address-format`): "New York, NY 10118" in the US, the postcode first in China, the city
 * before the province in Vietnam. Shopify's @shopify/address would fetch each country's format from
 * Shopify over the network, which the app cannot rely on (README, dependencies).
 */
import { formatAddress } from "localized-address-format";

export interface PostalAddress {
  name?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  /** The province's code when the country writes codes (US "NY"), else its name. */
  province?: string | null;
  zip?: string | null;
  countryCode?: string | null;
}

/** The address's lines, blank parts left out; the country's name is for the caller to add when it differs from the reader's. */
export function formatPostalAddress(address: PostalAddress): string[] {
  const clean = (v: string | null | undefined) => (v && v.trim() ? v.trim() : undefined);
  const lines = formatAddress({
    postalCountry: clean(address.countryCode)?.toUpperCase() ?? "US",
    administrativeArea: clean(address.province),
    locality: clean(address.city),
    postalCode: clean(address.zip),
    organization: clean(address.company),
    name: clean(address.name),
    addressLines: [clean(address.address1), clean(address.address2)].filter((l): l is string => l !== undefined),
  });
  return lines.map((l) => l.trim()).filter(Boolean);
}
