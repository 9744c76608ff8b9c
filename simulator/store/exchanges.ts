/**
 * Exchanges as Shopify documents them (FIDELITY "Exchanges", EX-*): `returnCreate`'s
 * `exchangeLineItems` ("The new line items to be added to the order") are kept on the return as
 * `ExchangeLineItem`s; `returnProcess` confirms them ("This mutation confirms the quantities for
 * `ReturnLineItem` and `ExchangeLineItem` … The mutation creates `FulfillmentOrder` objects for
 * exchange items"). Processing adds the items to the original order as new line items ("Native
 * exchanges do not create a separate new order. They're updates to the existing order",
 * shopify.dev read-exchanges) with a new fulfillment order, held AWAITING_PAYMENT while the order
 * has a balance due ("If there is a balance due, the fulfillment order might be held until payment
 * is captured"); the value of processed returned items is applied to them.
 */
import { decimalString, fitsCurrency, percentOfMinor, scaleBag, subtractBag, toMinor, toPresentment, toShopMinor, ZERO, type Bag } from "./money";
import { assignFulfillmentOrders, touchOrder } from "./orders";
import type { ExchangeLineItemRecord, FulfillmentOrderRecord, LineItemRecord, OrderRecord, ReturnRecord } from "./records";
import type { ShopState } from "./shop-state";
import { userError, type Outcome, type UserError } from "./user-errors";

// ---------------------------------------------------------------------------------------------
// returnCreate: exchange line items on a new return

export interface ExchangeLineInput {
  /** undefined: not given; null: given but not a ProductVariant GID. */
  variantId?: number | null;
  quantity: number;
  appliedDiscount?: { description?: string | null; value: { amount?: { amount: string; currencyCode: string } | null; percentage?: number | null } } | null;
  giftCardCodes?: string[] | null;
}

export type NewExchangeLine = Omit<ExchangeLineItemRecord, "id" | "returnId">;

/**
 * Validates `exchangeLineItems` of a return on `order` (schema: `ExchangeLineItemInput`); `at(index,
 * …field)` is the userError path. The variant must be one of this shop's; its price is the
 * variant's price now, in the order's presentment currency at the order's rate. A discount is per
 * unit: a percentage (0–100) or a fixed amount in the order's presentment currency, at most the price.
 */
export function planExchangeLines(
  shop: ShopState,
  order: OrderRecord,
  inputs: ExchangeLineInput[],
  at: (index: number, ...field: string[]) => (string | number)[],
): Outcome<NewExchangeLine[]> {
  const errors: UserError[] = [];
  const lines: NewExchangeLine[] = [];
  inputs.forEach((input, index) => {
    if (input.variantId === undefined) {
      errors.push(userError(at(index, "variantId"), "Variant is required.", "BLANK"));
      return;
    }
    const variant = input.variantId == null ? undefined : shop.variants.get(input.variantId);
    if (!variant) {
      errors.push(userError(at(index, "variantId"), "Product variant does not exist.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(input.quantity) || input.quantity <= 0) {
      errors.push(userError(at(index, "quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    if (input.giftCardCodes?.length) {
      // The simulator's products are never gift cards; codes belong to physical gift cards only.
      errors.push(userError(at(index, "giftCardCodes"), "Gift card codes can only be given for a gift card variant.", "INVALID"));
      return;
    }
    const price = { shop: toMinor(variant.price, order.currencyCode), presentment: toPresentment(order, variant.price) };
    const discount = discountOf(order, price, input.appliedDiscount, (...field) => at(index, "appliedDiscount", ...field));
    if (!discount.ok) {
      errors.push(...discount.userErrors);
      return;
    }
    const product = shop.products.get(variant.productId);
    lines.push({
      __typename: "ExchangeLineItem",
      variantId: variant.id,
      productId: variant.productId,
      title: product?.title ?? variant.title,
      variantTitle: variant.title === "Default Title" ? null : variant.title,
      sku: variant.sku,
      quantity: input.quantity,
      price: decimalString(price.shop, order.currencyCode),
      presentmentPrice: decimalString(price.presentment, order.presentmentCurrencyCode),
      unitDiscount: discount.value,
      appliedDiscountDescription: input.appliedDiscount?.description ?? null,
      processedQuantity: 0,
      lineItemIds: [],
    });
  });
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: lines };
}

function discountOf(
  order: OrderRecord,
  price: Bag,
  discount: ExchangeLineInput["appliedDiscount"],
  at: (...field: string[]) => (string | number)[],
): Outcome<Bag> {
  if (!discount) return { ok: true, value: ZERO };
  // The schema's @oneOf input: exactly one of them is set.
  const { amount, percentage } = discount.value;
  if (percentage != null) {
    if (!(percentage >= 0)) return { ok: false, userErrors: [userError(at("value", "percentage"), "Discount percentage must be greater than or equal to 0.", "GREATER_THAN_OR_EQUAL_TO")] };
    if (percentage > 100) return { ok: false, userErrors: [userError(at("value", "percentage"), "Discount percentage must be less than or equal to 100.", "LESS_THAN_OR_EQUAL_TO")] };
    return { ok: true, value: { shop: percentOfMinor(price.shop, percentage), presentment: percentOfMinor(price.presentment, percentage) } };
  }
  const currency = order.presentmentCurrencyCode;
  if (amount!.currencyCode !== currency) {
    return { ok: false, userErrors: [userError(at("value", "amount", "currencyCode"), `Discount amount must be in the presentment currency of the order (${currency}), not ${amount!.currencyCode}.`, "INVALID")] };
  }
  if (!fitsCurrency(amount!.amount, currency) || !(Number(amount!.amount) >= 0)) {
    return { ok: false, userErrors: [userError(at("value", "amount", "amount"), `Discount amount must be an amount of ${currency} greater than or equal to 0.`, "GREATER_THAN_OR_EQUAL_TO")] };
  }
  const presentment = toMinor(amount!.amount, currency);
  if (presentment > price.presentment) {
    return {
      ok: false,
      userErrors: [userError(at("value", "amount", "amount"), `Discount amount must be less than or equal to the item's price (${decimalString(price.presentment, currency)} ${currency}).`, "LESS_THAN_OR_EQUAL_TO")],
    };
  }
  return { ok: true, value: { shop: toShopMinor(order, presentment), presentment } };
}

/** Records planned exchange lines on a new return. */
export function addExchangeLines(shop: ShopState, ret: ReturnRecord, lines: NewExchangeLine[]): void {
  ret.exchangeLineItems = lines.map((line) => ({ ...line, id: shop.nextId("ExchangeLineItem"), returnId: ret.id }));
}

// ---------------------------------------------------------------------------------------------
// Quantities and money

/** Units of an exchange line not yet confirmed by `returnProcess` (only an open return processes). */
export function exchangeProcessableQuantity(ret: ReturnRecord, line: ExchangeLineItemRecord): number {
  return ret.status === "OPEN" ? line.quantity - line.processedQuantity : 0;
}

/** One unit of an exchange line as the customer pays for it: its price less the applied discount. */
export function exchangeUnitPrice(order: OrderRecord, line: NewExchangeLine): Bag {
  const price = { shop: toMinor(line.price, order.currencyCode), presentment: toMinor(line.presentmentPrice, order.presentmentCurrencyCode) };
  return subtractBag(price, line.unitDiscount);
}

export function exchangeLineValue(order: OrderRecord, line: NewExchangeLine, quantity = line.quantity): Bag {
  return scaleBag(exchangeUnitPrice(order, line), quantity);
}

// ---------------------------------------------------------------------------------------------
// returnProcess: exchange line items

export interface ProcessExchangeInput {
  /** null: not an ExchangeLineItem GID. */
  id: number | null;
  quantity: number;
}

/** Validates `ReturnProcessInput.exchangeLineItems` against the return. */
export function planExchangeProcessing(ret: ReturnRecord, inputs: ProcessExchangeInput[], root: string[]): Outcome<Map<ExchangeLineItemRecord, number>> {
  const errors: UserError[] = [];
  const wanted = new Map<ExchangeLineItemRecord, number>();
  inputs.forEach((input, index) => {
    const at = (field: string) => [...root, "exchangeLineItems", index, field];
    const line = ret.exchangeLineItems.find((l) => l.id === input.id);
    if (!line) {
      errors.push(userError(at("id"), "Exchange line item does not exist on this return.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(input.quantity) || input.quantity <= 0) {
      errors.push(userError(at("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const processable = exchangeProcessableQuantity(ret, line);
    const total = (wanted.get(line) ?? 0) + input.quantity;
    if (total > processable) {
      errors.push(userError(at("quantity"), `Quantity must be less than or equal to the processable quantity (${processable}).`, "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    wanted.set(line, total);
  });
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: wanted };
}

/**
 * Adds the processed exchange units to the order: one new line item per exchange line (the price
 * the customer pays, the applied discount kept apart), and their fulfillment orders where Shopify's
 * routing puts them (a pickup order's at its pickup location). Returns the new fulfillment orders;
 * the caller settles holds and the financial status once the whole processing is applied.
 */
export function addExchangeItemsToOrder(shop: ShopState, order: OrderRecord, wanted: Map<ExchangeLineItemRecord, number>, at: string): FulfillmentOrderRecord[] {
  const added: LineItemRecord[] = [];
  for (const [line, quantity] of wanted) {
    const variant = shop.variants.get(line.variantId);
    const lineItem: LineItemRecord = {
      __typename: "LineItem",
      id: shop.nextId("LineItem"),
      orderId: order.id,
      variantId: line.variantId,
      productId: line.productId,
      sku: line.sku,
      title: line.title,
      variantTitle: line.variantTitle,
      vendor: shop.products.get(line.productId)?.vendor ?? null,
      quantity,
      price: line.price,
      presentmentPrice: line.presentmentPrice,
      requiresShipping: true,
      weightGrams: variant?.weightGrams ?? 0,
      exchangeLineItemId: line.id,
      ...(line.unitDiscount.presentment || line.unitDiscount.shop ? { unitDiscount: line.unitDiscount } : {}),
    };
    order.lineItems.push(lineItem);
    line.lineItemIds.push(lineItem.id);
    line.processedQuantity += quantity;
    added.push(lineItem);
  }
  if (!added.length) return [];
  touchOrder(shop, order, at);
  shop.bump();
  const pickupLocationId = order.deliveryMethod === "PICK_UP" ? (shop.fulfillmentOrdersOf(order.id)[0]?.assignedLocationId ?? null) : null;
  return assignFulfillmentOrders(shop, order, pickupLocationId, at, added);
}
