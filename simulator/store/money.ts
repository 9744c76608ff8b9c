/**
 * Money in two currencies, as Shopify keeps it on an order (schema: `MoneyBag`: "The
 * `presentmentMoney` field contains the amount in the customer's selected currency. The `shopMoney`
 * field contains the equivalent in the shop's base currency"). Amounts are integers of the
 * currency's minor unit (ISO 4217 exponent: 2 for USD, 0 for VND and JPY), so sums and percentages
 * never drift.
 */
import type { LineItemRecord, OrderRecord } from "./records";

const digitsCache = new Map<string, number>();

/** ISO 4217 minor-unit exponent of a currency (2 for USD, 0 for VND), from the runtime's CLDR data. */
export function currencyDigits(currencyCode: string): number {
  let digits = digitsCache.get(currencyCode);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat("en", { style: "currency", currency: currencyCode }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(currencyCode, digits);
  }
  return digits;
}

/** A decimal amount ("24.5", 24.5) in minor units of the currency, rounded half away from zero. */
export function toMinor(amount: string | number, currencyCode: string): number {
  const n = typeof amount === "number" ? amount : Number(amount);
  if (!Number.isFinite(n)) return Number.NaN;
  const scale = 10 ** currencyDigits(currencyCode);
  return Math.sign(n) * Math.round(Math.abs(n) * scale + 1e-9);
}

/** Minor units back to a decimal number of the currency. */
export function fromMinor(minor: number, currencyCode: string): number {
  return minor / 10 ** currencyDigits(currencyCode);
}

/** Whether an amount has no more decimals than the currency has (VND: whole dong only). */
export function fitsCurrency(amount: string, currencyCode: string): boolean {
  const match = /^-?\d+(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return false;
  const decimals = (match[1] ?? "").replace(/0+$/, "").length;
  return decimals <= currencyDigits(currencyCode);
}

/** `percentage` % of an amount in minor units, rounded half away from zero to the minor unit. */
export function percentOfMinor(minor: number, percentage: number): number {
  const exact = (minor * percentage) / 100;
  return Math.sign(exact) * Math.round(Math.abs(exact) + 1e-9);
}

/**
 * A shop-currency amount converted to the order's presentment currency at the order's rate, rounded
 * to the presentment currency's minor unit.
 */
export function toPresentment(order: Pick<OrderRecord, "currencyCode" | "presentmentCurrencyCode" | "presentmentRate">, shopAmount: string | number): number {
  if (order.presentmentCurrencyCode === order.currencyCode) return toMinor(shopAmount, order.currencyCode);
  return toMinor(Number(shopAmount) * Number(order.presentmentRate), order.presentmentCurrencyCode);
}

/** A presentment amount converted back to the shop currency at the order's rate. */
export function toShopMinor(order: Pick<OrderRecord, "currencyCode" | "presentmentCurrencyCode" | "presentmentRate">, presentmentMinor: number): number {
  if (order.presentmentCurrencyCode === order.currencyCode) return presentmentMinor;
  return toMinor(fromMinor(presentmentMinor, order.presentmentCurrencyCode) / Number(order.presentmentRate), order.currencyCode);
}

/** An amount held in both of an order's currencies, in minor units. */
export interface Bag {
  shop: number;
  presentment: number;
}

export const ZERO: Bag = { shop: 0, presentment: 0 };

export function addBags(...bags: Bag[]): Bag {
  return bags.reduce((sum, b) => ({ shop: sum.shop + b.shop, presentment: sum.presentment + b.presentment }), ZERO);
}

export function subtractBag(a: Bag, b: Bag): Bag {
  return { shop: a.shop - b.shop, presentment: a.presentment - b.presentment };
}

export function scaleBag(bag: Bag, factor: number): Bag {
  return { shop: bag.shop * factor, presentment: bag.presentment * factor };
}

/** A line item's unit price before discounts, in both currencies. */
export function originalUnitPrice(order: OrderRecord, line: LineItemRecord): Bag {
  return { shop: toMinor(line.price, order.currencyCode), presentment: toMinor(line.presentmentPrice, order.presentmentCurrencyCode) };
}

/** A line item's unit price as the customer paid it (less its discount), in both currencies. */
export function unitPrice(order: OrderRecord, line: LineItemRecord): Bag {
  const original = originalUnitPrice(order, line);
  return line.unitDiscount ? subtractBag(original, line.unitDiscount) : original;
}

/** Σ unit price × quantity of an order's lines. */
export function orderSubtotal(order: OrderRecord): Bag {
  return addBags(...order.lineItems.map((line) => scaleBag(unitPrice(order, line), line.quantity)));
}

/** Σ unit price × quantity of the lines checkout sold (without items an exchange added). */
export function checkoutSubtotal(order: OrderRecord): Bag {
  return addBags(...order.lineItems.filter((line) => line.exchangeLineItemId == null).map((line) => scaleBag(unitPrice(order, line), line.quantity)));
}

/** `percentage` % of each side of a bag, each rounded to its own currency's minor unit. */
export function percentOfBag(bag: Bag, percentage: number): Bag {
  return { shop: percentOfMinor(bag.shop, percentage), presentment: percentOfMinor(bag.presentment, percentage) };
}

/** Shopify's Decimal strings: "24.0", "609600.0", "24.99". */
export function decimalString(minor: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode);
  const text = (minor / 10 ** digits).toFixed(digits).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  return text.includes(".") ? text : `${text}.0`;
}

/** Fixed decimals of the currency, as stored records and REST payloads carry amounts: "5.00", "609600". */
export function fixedString(minor: number, currencyCode: string): string {
  const digits = currencyDigits(currencyCode);
  return (minor / 10 ** digits).toFixed(digits);
}

/** A GraphQL `MoneyBag` for an order's amount. */
export function orderMoneyBag(order: Pick<OrderRecord, "currencyCode" | "presentmentCurrencyCode">, bag: Bag) {
  return {
    shopMoney: { amount: decimalString(bag.shop, order.currencyCode), currencyCode: order.currencyCode },
    presentmentMoney: { amount: decimalString(bag.presentment, order.presentmentCurrencyCode), currencyCode: order.presentmentCurrencyCode },
  };
}
