import { fromMinor, percentOf, toMinor, type Minor } from "./money";
import type { ReturnMethod, ReturnPolicy } from "./policy";

export interface FeeLine {
  /** Decimal string, e.g. "19.99". */
  unitPrice: string;
  quantity: number;
}

/** Totals in minor units (for arithmetic) and as decimal strings (for storage and display). */
export interface ReturnTotals {
  /** Σ unit price × quantity of the returned lines. */
  value: string;
  /** The policy's flat fee for MAIL returns; 0 for DROP_OFF. */
  returnShippingFee: string;
  /** restockingFeePercent of the value, rounded half up to the cent. */
  restockingFee: string;
  /** value − fees, never below 0: what the shopper gets back at most. */
  refund: string;
  minor: { value: Minor; returnShippingFee: Minor; restockingFee: Minor; refund: Minor };
}

/**
 * The money side of a return: value, return shipping fee (MAIL only), restocking fee and the refund
 * they leave. Fees are reported as the policy sets them; the refund is clamped at zero, so a €3
 * return with a €5 label fee refunds nothing rather than charging the shopper.
 */
export function computeReturnTotals(
  lines: readonly FeeLine[],
  method: ReturnMethod,
  policy: Pick<ReturnPolicy, "returnShippingFee" | "restockingFeePercent">,
): ReturnTotals {
  let value = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`Quantity must be a non-negative integer, got ${line.quantity}`);
    }
    value += toMinor(line.unitPrice) * line.quantity;
  }
  if (!Number.isSafeInteger(value)) throw new RangeError("Return value out of range");
  const returnShippingFee = method === "MAIL" ? toMinor(policy.returnShippingFee) : 0;
  const restockingFee = percentOf(value, policy.restockingFeePercent);
  const refund = Math.max(0, value - returnShippingFee - restockingFee);
  return {
    value: fromMinor(value),
    returnShippingFee: fromMinor(returnShippingFee),
    restockingFee: fromMinor(restockingFee),
    refund: fromMinor(refund),
    minor: { value, returnShippingFee, restockingFee, refund },
  };
}
