/** Small shared value shapes: money, counts, addresses. */
import { formatAddress } from "../../store/addresses";
import { orderMoneyBag, scaleBag, unitPrice } from "../../store/money";
import type { AddressRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";

/** Shopify's Decimal strings: "24.0", "24.5", "24.99". */
export function decimal(amount: string | number): string {
  const n = typeof amount === "number" ? amount : Number(amount);
  const text = String(Math.round(n * 100) / 100);
  return text.includes(".") ? text : `${text}.0`;
}

export function money(amount: string | number, currencyCode: string): { amount: string; currencyCode: string } {
  return { amount: decimal(amount), currencyCode };
}

export function moneyBag(amount: string | number, currencyCode: string): { shopMoney: ReturnType<typeof money>; presentmentMoney: ReturnType<typeof money> } {
  return { shopMoney: money(amount, currencyCode), presentmentMoney: money(amount, currencyCode) };
}

/** `quantity` units of an order's line item, as a MoneyBag in the order's shop and presentment currencies. */
export function lineItemMoneyBag(shop: ShopState, lineItemId: number, quantity: number) {
  const found = shop.lineItem(lineItemId);
  if (!found) return moneyBag(0, shop.shop.currencyCode);
  return orderMoneyBag(found.order, scaleBag(unitPrice(found.order, found.line), quantity));
}

export function count(n: number): { count: number; precision: "EXACT" } {
  return { count: n, precision: "EXACT" };
}

/** Fields shared by LocationAddress / MailingAddress views. */
export function addressFields(address: AddressRecord, name?: string | null) {
  return {
    ...address,
    countryCodeV2: address.countryCode,
    formatted: formatAddress(address, name),
    formattedArea: [address.city, address.provinceCode ?? address.province, address.country].filter(Boolean).join(", ") || null,
  };
}
