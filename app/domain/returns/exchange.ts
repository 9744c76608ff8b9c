import { sellableUnits } from "../availability/status";
import { fromMinor, percentOf, splitProportionally, toMinor, toPresentment, type Minor, type Money, type OrderRate } from "./money";
import { fixedBonusIn, type ExchangePolicy } from "./store-credit";
import { quotedRefund } from "./fees";

/**
 * Exchanges: a returned item swapped for another variant of the same product. Which variants may be
 * offered (in stock at a location that ships online orders, as Crossdock's inventory mirror has it,
 * less what each location keeps back), what the swap costs (the new items at their price in the
 * shopper's currency, less the merchant's exchange bonus) and whether the shopper may choose it
 * (one that costs more than the return gives back only when the policy lets them pay the difference).
 */

/** A variant of the returned item's product, as the catalogue has it (price in the shop's currency). */
export interface CatalogVariant {
  /** gid://shopify/ProductVariant/… */
  id: string;
  title: string;
  sku: string | null;
  /** Decimal string in the shop's currency. */
  price: string;
}

/** One mirrored inventory level. */
export interface VariantStock {
  variantId: string;
  /** gid://shopify/Location/… */
  locationId: string;
  available: number;
}

/** A location that may ship the exchange: active and fulfilling online orders, with what it keeps back. */
export interface ShippingLocation {
  /** gid://shopify/Location/… */
  id: string;
  buffer: number;
}

/** A variant the shopper may choose instead of the returned one. */
export interface ExchangeVariant {
  id: string;
  title: string;
  sku: string | null;
  /** One unit, in the shopper's currency. */
  unitPrice: Money;
  /** Units that locations able to ship it may sell (summed: routing may split an order). */
  sellable: number;
}

/**
 * The variants offered instead of `returnedVariantId`: every other variant of its product that some
 * shipping location can sell at least `quantity` of, priced in the shopper's currency (at the
 * order's rate when they paid in another; none offered when no rate can be had rather than a
 * guessed price). Cheapest first, then by title.
 */
export function exchangeVariants(input: {
  returnedVariantId: string | null;
  variants: readonly CatalogVariant[];
  stock: readonly VariantStock[];
  shippingLocations: readonly ShippingLocation[];
  quantity: number;
  shopCurrency: string;
  money: { currency: string; rate?: OrderRate };
}): ExchangeVariant[] {
  const buffers = new Map(input.shippingLocations.map((l) => [l.id, l.buffer]));
  const sellable = new Map<string, number>();
  for (const level of input.stock) {
    const buffer = buffers.get(level.locationId);
    if (buffer === undefined) continue;
    sellable.set(level.variantId, (sellable.get(level.variantId) ?? 0) + sellableUnits(level.available, buffer));
  }
  const offered: ExchangeVariant[] = [];
  for (const variant of input.variants) {
    if (variant.id === input.returnedVariantId) continue;
    const units = sellable.get(variant.id) ?? 0;
    if (units < Math.max(1, input.quantity)) continue;
    const unitPrice = priceIn(variant.price, input.shopCurrency, input.money);
    if (!unitPrice) continue;
    offered.push({ id: variant.id, title: variant.title, sku: variant.sku, unitPrice, sellable: units });
  }
  return offered.sort((a, b) => a.unitPrice.minor - b.unitPrice.minor || a.title.localeCompare(b.title));
}

/** A shop-currency price in the shopper's currency; null when it cannot be converted. */
function priceIn(price: string, shopCurrency: string, money: { currency: string; rate?: OrderRate }): Money | null {
  const shop: Money = { minor: toMinor(price, shopCurrency), currency: shopCurrency };
  if (shopCurrency === money.currency) return shop;
  if (!money.rate || money.rate.shop.currency !== shopCurrency) return null;
  return toPresentment(shop, money.rate);
}

/** One exchanged line: the new variant's unit price (shopper's currency) and how many. */
export interface ExchangeLinePrice {
  unitPrice: Money;
  quantity: number;
}

export interface ExchangeQuote {
  /** Σ new unit price × quantity. */
  newValue: Money;
  /** The merchant's bonus, taken off the new items (never more than they cost). */
  bonus: Money;
  /** Per exchanged line, in the order given: the bonus off each unit (Shopify's `appliedDiscount`, per unit). */
  unitBonuses: Minor[];
  /** Per exchanged line: unit bonus × quantity. */
  lineBonuses: Minor[];
  /** newValue − bonus: what the new items cost the shopper. */
  charged: Money;
  /** What the return gives back (its refund: items less fees) less `charged`. */
  balance: Money;
  /** balance ≥ 0: money the shopper gets back (by the return's outcome); else 0. */
  moneyBack: Money;
  /** balance < 0: what the shopper pays; else 0. */
  due: Money;
}

/**
 * The money of a return with exchanged lines. `refund` is what the whole return gives back before
 * the exchange (the returned items less the return's fees, as `computeReturnTotals` says). The bonus
 * is taken off each new unit, as Shopify applies an exchange item's discount: a percentage of the
 * unit's price (rounded half away from zero), or a fixed amount of the shop's currency (at the
 * order's rate) split over the lines in proportion to their value by largest remainder, then per
 * unit rounded down (so never more than the bonus); it never exceeds what the new items cost.
 * Integer arithmetic.
 */
export function quoteExchange(policy: Pick<ExchangePolicy, "bonusKind" | "bonusValue">, lines: readonly ExchangeLinePrice[], refund: Money, rate?: OrderRate): ExchangeQuote {
  const currency = refund.currency;
  const values = lines.map((l) => {
    if (l.unitPrice.currency !== currency) throw new RangeError(`Expected prices in ${currency}, got ${l.unitPrice.currency}`);
    return l.unitPrice.minor * l.quantity;
  });
  const newValue = values.reduce((a, b) => a + b, 0);
  let unitBonuses: Minor[];
  if (policy.bonusKind === "PERCENT") unitBonuses = lines.map((l) => Math.min(l.unitPrice.minor, percentOf(l.unitPrice.minor, policy.bonusValue)));
  else {
    const total = newValue > 0 ? Math.min(newValue, fixedBonusIn(policy.bonusValue, currency, rate)) : 0;
    // Split over the lines by largest remainder (never more than a line costs), then per unit as
    // Shopify applies an exchange item's discount: a line of several units may give up a few minor units.
    unitBonuses = splitProportionally(total, values).map((share, i) => Math.floor(share / lines[i]!.quantity));
  }
  const lineBonuses = unitBonuses.map((u, i) => u * lines[i]!.quantity);
  const bonus = lineBonuses.reduce((a, b) => a + b, 0);
  const charged = newValue - bonus;
  const balance = refund.minor - charged;
  const m = (minor: Minor): Money => ({ minor, currency });
  return { newValue: m(newValue), bonus: m(bonus), unitBonuses, lineBonuses, charged: m(charged), balance: m(balance), moneyBack: m(Math.max(0, balance)), due: m(Math.max(0, -balance)) };
}

export type ExchangeChoiceErrorCode =
  /** The policy offers no exchanges. */
  | "EXCHANGE_NOT_OFFERED"
  /** The variant is not one of the item's product, or no shipping location can sell that many any more. */
  | "EXCHANGE_VARIANT_UNAVAILABLE"
  /** The exchange costs more than the return gives back, and the policy does not let the shopper pay the difference. */
  | "EXCHANGE_COSTS_MORE";

export interface ExchangeChoiceError {
  code: ExchangeChoiceErrorCode;
  /** The fulfillment line item the error is about; absent for the return as a whole. */
  item?: string;
}

/** One returned line the shopper wants exchanged: the variant chosen and the variants offered for it now. */
export interface ExchangeChoice {
  item: string;
  quantity: number;
  variantId: string;
  offered: readonly ExchangeVariant[];
}

export type ExchangeCheck = { ok: true; lines: (ExchangeChoice & { variant: ExchangeVariant })[]; quote: ExchangeQuote | null } | { ok: false; errors: ExchangeChoiceError[] };

/**
 * Checks the shopper's exchange choices against the policy and the stock read just now (a variant
 * sold out since the page was shown is refused here, before anything is sent to Shopify), and prices
 * them. Units of the same variant chosen for several lines are counted together.
 */
export function checkExchangeChoices(policy: ExchangePolicy, choices: readonly ExchangeChoice[], refund: Money, rate?: OrderRate): ExchangeCheck {
  if (choices.length === 0) return { ok: true, lines: [], quote: null };
  if (!policy.allowed) return { ok: false, errors: choices.map((c) => ({ code: "EXCHANGE_NOT_OFFERED" as const, item: c.item })) };
  const errors: ExchangeChoiceError[] = [];
  const wanted = new Map<string, number>();
  for (const c of choices) wanted.set(c.variantId, (wanted.get(c.variantId) ?? 0) + c.quantity);
  const lines: (ExchangeChoice & { variant: ExchangeVariant })[] = [];
  for (const c of choices) {
    const variant = c.offered.find((v) => v.id === c.variantId);
    if (!variant || variant.sellable < (wanted.get(c.variantId) ?? c.quantity)) errors.push({ code: "EXCHANGE_VARIANT_UNAVAILABLE", item: c.item });
    else lines.push({ ...c, variant });
  }
  if (errors.length > 0) return { ok: false, errors };
  const quote = quoteExchange(policy, lines.map((l) => ({ unitPrice: l.variant.unitPrice, quantity: l.quantity })), refund, rate);
  if (quote.due.minor > 0 && !policy.payDifference) return { ok: false, errors: [{ code: "EXCHANGE_COSTS_MORE" }] };
  return { ok: true, lines, quote };
}

type Amount = { toString(): string };

/**
 * What a stored return's new items cost the shopper (Σ quoted unit price × quantity less the bonus,
 * in the return's currency); null when nothing was exchanged. What a refund or store credit of the
 * return gives is its quoted refund less this.
 */
export function exchangeChargedOf(ret: { currency: string; exchangeBonus: Amount | null; lines: readonly { quantity: number; exchangeUnitPrice: Amount | null }[] }): string | null {
  const swapped = ret.lines.filter((l) => l.exchangeUnitPrice != null);
  if (swapped.length === 0) return null;
  const value = swapped.reduce((sum, l) => sum + toMinor(String(l.exchangeUnitPrice), ret.currency) * l.quantity, 0);
  return fromMinor(value - (ret.exchangeBonus ? toMinor(String(ret.exchangeBonus), ret.currency) : 0), ret.currency);
}

/**
 * What a stored return gives back by refund or store credit: its quoted refund (the items less the
 * fees, as Shopify's suggested refund computes it) less what its new items cost, never below nothing
 * (a balance the shopper owes is the return's `exchangeDue`).
 */
export function moneyBackOf(ret: Parameters<typeof exchangeChargedOf>[0] & { totalValue: Amount; returnShippingFee: Amount; restockingFee: Amount }): string {
  const quote = quotedRefund({ value: String(ret.totalValue), returnShippingFee: String(ret.returnShippingFee), restockingFee: String(ret.restockingFee) }, ret.currency);
  const charged = exchangeChargedOf(ret);
  return charged === null ? quote : fromMinor(Math.max(0, toMinor(quote, ret.currency) - toMinor(charged, ret.currency)), ret.currency);
}
