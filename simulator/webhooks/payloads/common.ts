import type { AddressRecord, MailingAddressRecord } from "../../store/records";

const COUNTRY_NAMES: Record<string, string> = { US: "United States", CA: "Canada", VN: "Vietnam", CN: "China", GB: "United Kingdom", FR: "France", DE: "Germany" };

export function countryName(address: AddressRecord): string | null {
  return address.country ?? (address.countryCode ? (COUNTRY_NAMES[address.countryCode] ?? address.countryCode) : null);
}

/** Shopify's REST address shape. */
export function restAddress(a: MailingAddressRecord | null) {
  if (!a) return null;
  const name = [a.firstName, a.lastName].filter(Boolean).join(" ");
  return {
    first_name: a.firstName,
    address1: a.address1,
    phone: a.phone,
    city: a.city,
    zip: a.zip,
    province: a.province,
    country: countryName(a),
    last_name: a.lastName,
    address2: a.address2,
    company: a.company,
    latitude: a.latitude,
    longitude: a.longitude,
    name,
    country_code: a.countryCode,
    province_code: a.provinceCode,
  };
}

export function money(amount: number | string): string {
  return (typeof amount === "number" ? amount : Number(amount)).toFixed(2);
}

export function moneySet(amount: number | string, currency: string) {
  const value = money(amount);
  return { shop_money: { amount: value, currency_code: currency }, presentment_money: { amount: value, currency_code: currency } };
}
