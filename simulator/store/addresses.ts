import type { AddressRecord, MailingAddressRecord } from "./records";
import type { ShopState } from "./shop-state";

export interface AddressInput {
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  provinceCode?: string | null;
  zip?: string | null;
  country?: string | null;
  countryCode?: string | null;
  phone?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export function toAddress(input: AddressInput): AddressRecord {
  return {
    address1: input.address1 ?? null,
    address2: input.address2 ?? null,
    city: input.city ?? null,
    province: input.province ?? null,
    provinceCode: input.provinceCode ?? null,
    zip: input.zip ?? null,
    country: input.country ?? null,
    countryCode: input.countryCode ?? null,
    phone: input.phone ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

export function toMailingAddress(
  shop: ShopState,
  input: AddressInput & { firstName?: string | null; lastName?: string | null; company?: string | null },
): MailingAddressRecord {
  return {
    __typename: "MailingAddress",
    id: shop.nextId("MailingAddress"),
    ...toAddress(input),
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    company: input.company ?? null,
  };
}

export function copyMailingAddress(shop: ShopState, address: MailingAddressRecord): MailingAddressRecord {
  return { ...address, id: shop.nextId("MailingAddress") };
}

/** Shopify's `formatted` address lines. */
export function formatAddress(address: AddressRecord, name?: string | null): string[] {
  const lines: string[] = [];
  if (name) lines.push(name);
  if (address.address1) lines.push(address.address1);
  if (address.address2) lines.push(address.address2);
  const cityLine = [address.city, [address.provinceCode ?? address.province, address.zip].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(" ");
  if (cityLine) lines.push(cityLine);
  if (address.country) lines.push(address.country);
  return lines;
}
