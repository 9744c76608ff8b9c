/**
 * `returnCalculate` (schema: "Calculates the financial outcome of a `Return` without creating it. Use
 * this query to preview return costs before initiating the actual return process"; the manage-exchanges
 * guide's "Step 2 (Optional): Calculate return financials with exchanges"): the same validation as
 * `returnCreate`, priced as a return would be (returned lines at the price paid, restocking fees, the
 * return shipping fee; exchange items at the variant's price less the applied discount), nothing recorded.
 */
import { exchangeUnitPrice } from "./exchanges";
import { scaleBag, toMinor, toShopMinor, type Bag } from "./money";
import type { OrderRecord } from "./records";
import { restockingFeeOf, returnLineValue } from "./return-processing";
import { planReturn, type NewReturn, type PlannedReturn } from "./returns";
import type { ShopState } from "./shop-state";
import type { Outcome } from "./user-errors";

export interface CalculatedLine {
  fulfillmentLineItemId: number;
  quantity: number;
  subtotal: Bag;
  restockingFee: { percentage: number; amount: Bag } | null;
}

export interface CalculatedExchange {
  variantId: number;
  quantity: number;
  originalUnitPrice: Bag;
  discountedUnitPrice: Bag;
  subtotal: Bag;
  discount: { description: string | null; total: Bag; percentage: number | null; amount: string | null } | null;
}

export interface CalculatedReturn {
  order: OrderRecord;
  returnLineItems: CalculatedLine[];
  exchangeLineItems: CalculatedExchange[];
  returnShippingFee: Bag | null;
}

export function calculateReturn(
  shop: ShopState,
  input: Omit<NewReturn, "status" | "createdAt">,
  discounts: ({ percentage?: number | null; amount?: { amount: string } | null } | null)[] = [],
): Outcome<CalculatedReturn> {
  const planned = planReturn(shop, input, true);
  if (!planned.ok) return planned;
  return { ok: true, value: priced(shop, planned.value, discounts) };
}

function priced(shop: ShopState, planned: PlannedReturn, discounts: ({ percentage?: number | null; amount?: { amount: string } | null } | null)[]): CalculatedReturn {
  const { order, lines, exchangeLines, fee } = planned;
  return {
    order,
    returnLineItems: lines.map((line) => ({
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      quantity: line.quantity,
      subtotal: returnLineValue(shop, line),
      restockingFee: line.restockingFee ? { percentage: line.restockingFee.percentage, amount: restockingFeeOf(shop, line) } : null,
    })),
    exchangeLineItems: exchangeLines.map((line, index) => {
      const original = { shop: toMinor(line.price, order.currencyCode), presentment: toMinor(line.presentmentPrice, order.presentmentCurrencyCode) };
      const discounted = exchangeUnitPrice(order, line);
      const value = discounts[index];
      const discounting = line.unitDiscount.presentment > 0 || line.unitDiscount.shop > 0;
      return {
        variantId: line.variantId,
        quantity: line.quantity,
        originalUnitPrice: original,
        discountedUnitPrice: discounted,
        subtotal: scaleBag(discounted, line.quantity),
        discount: discounting
          ? { description: line.appliedDiscountDescription, total: scaleBag(line.unitDiscount, line.quantity), percentage: value?.percentage ?? null, amount: value?.amount?.amount ?? null }
          : null,
      };
    }),
    returnShippingFee: fee && Number(fee.amount) > 0 ? feeBag(order, fee.amount) : null,
  };
}

function feeBag(order: OrderRecord, amount: string): Bag {
  const presentment = toMinor(amount, order.presentmentCurrencyCode);
  return { presentment, shop: toShopMinor(order, presentment) };
}
