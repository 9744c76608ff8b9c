import { fromMinor, percentOf, toMinor, toPresentment, type Minor, type OrderRate } from "./money";
import type { ReturnMethod, ReturnPolicy } from "./policy";

export interface FeeLine {
  /** Decimal string in the return's currency, e.g. "19.99" or "526000". */
  unitPrice: string;
  quantity: number;
}

/**
 * The currency a return is priced in, and how the policy's shop-currency fee gets there: Shopify
 * takes return fees "in the presentment currency of the order" (schema: `ReturnShippingFeeInput`),
 * so a return is priced in the currency the shopper paid in, at the order's own rate.
 */
export interface ReturnMoneyContext {
  /** The order's presentment currency: unit prices are in it, and so is every total. */
  currency: string;
  /** The order's totals in both currencies (its rate); the policy's fee is in `rate.shop.currency`. */
  rate: OrderRate;
}

/** Totals in minor units of `currency` (for arithmetic) and as decimal strings (for storage and display). */
export interface ReturnTotals {
  /** The currency of every amount; null when priced without one (hundredths). */
  currency: string | null;
  /** Σ unit price × quantity of the returned lines. */
  value: string;
  /** The policy's flat fee for MAIL returns, in `currency`; 0 for DROP_OFF. */
  returnShippingFee: string;
  /** Σ each line's restocking fee: restockingFeePercent of the line, rounded half up to the minor unit per line. */
  restockingFee: string;
  /** value − fees, never below 0: what the shopper gets back at most. */
  refund: string;
  /** The policy's percentage as Shopify's `RestockingFeeInput.percentage` takes it (a Float); 0 = no fee. */
  restockingFeePercentage: number;
  minor: { value: Minor; returnShippingFee: Minor; restockingFee: Minor; refund: Minor };
  /** Per line, in the order given: its value and its restocking fee. */
  lines: { value: Minor; restockingFee: Minor }[];
}

/**
 * The money side of a return: value, return shipping fee (MAIL only), restocking fee and the refund
 * they leave, as Shopify computes its suggested refund from the fees sent with the return: each
 * line's restocking fee is its percentage of that line's discounted total (Shopify's
 * `RestockingFee.amountSet` per `ReturnLineItem`), so the fee is rounded per line, and the return
 * shipping fee is one amount in the order's presentment currency. The refund is clamped at zero, so a
 * €3 return with a €5 label fee refunds nothing rather than charging the shopper.
 *
 * Without `money`, amounts are hundredths and the policy's fee is taken as it is.
 */
export function computeReturnTotals(
  lines: readonly FeeLine[],
  method: ReturnMethod,
  policy: Pick<ReturnPolicy, "returnShippingFee" | "restockingFeePercent">,
  money?: ReturnMoneyContext,
): ReturnTotals {
  const currency = money?.currency;
  let value = 0;
  let restockingFee = 0;
  const perLine: ReturnTotals["lines"] = [];
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`Quantity must be a non-negative integer, got ${line.quantity}`);
    }
    const lineValue = toMinor(line.unitPrice, currency) * line.quantity;
    const lineFee = percentOf(lineValue, policy.restockingFeePercent);
    value += lineValue;
    restockingFee += lineFee;
    perLine.push({ value: lineValue, restockingFee: lineFee });
  }
  if (!Number.isSafeInteger(value)) throw new RangeError("Return value out of range");
  const returnShippingFee = method === "MAIL" ? shippingFeeIn(policy.returnShippingFee, money) : 0;
  const refund = Math.max(0, value - returnShippingFee - restockingFee);
  return {
    currency: currency ?? null,
    value: fromMinor(value, currency),
    returnShippingFee: fromMinor(returnShippingFee, currency),
    restockingFee: fromMinor(restockingFee, currency),
    refund: fromMinor(refund, currency),
    restockingFeePercentage: toMinor(policy.restockingFeePercent) / 100,
    minor: { value, returnShippingFee, restockingFee, refund },
    lines: perLine,
  };
}

/** The policy's fee (shop currency) in the return's currency; a free order (no rate to be had) pays none. */
export function shippingFeeIn(fee: string, money?: ReturnMoneyContext): Minor {
  if (!money) return toMinor(fee);
  const shopFee = { minor: toMinor(fee, money.rate.shop.currency), currency: money.rate.shop.currency };
  return toPresentment(shopFee, money.rate)?.minor ?? 0;
}

/**
 * The refund a stored return quoted its shopper: value less fees, never below 0, in `currency`
 * (amounts as stored: "1380750.00" for đồng reads as 1,380,750).
 */
export function quotedRefund(amounts: { value: string; returnShippingFee: string; restockingFee: string }, currency: string): string {
  const refund = Math.max(0, toMinor(amounts.value, currency) - toMinor(amounts.returnShippingFee, currency) - toMinor(amounts.restockingFee, currency));
  return fromMinor(refund, currency);
}

/**
 * The same totals with another return shipping fee (minor units of their currency), e.g. the postage
 * the policy charges (app/domain/returns/postage.ts); the refund is recomputed and clamped at zero.
 */
export function withReturnShippingFee(totals: ReturnTotals, fee: Minor): ReturnTotals {
  if (!Number.isSafeInteger(fee) || fee < 0) throw new RangeError(`Not a fee: ${fee}`);
  const currency = totals.currency ?? undefined;
  const refund = Math.max(0, totals.minor.value - fee - totals.minor.restockingFee);
  return {
    ...totals,
    returnShippingFee: fromMinor(fee, currency),
    refund: fromMinor(refund, currency),
    minor: { ...totals.minor, returnShippingFee: fee, refund },
  };
}
