/**
 * Return processing as 2026-10 documents it (schema: `returnProcess`, "Processes a return by
 * confirming which items customers return and exchange, handling their disposition, and optionally
 * issuing refunds"): returns are created unprocessed; `returnProcess` confirms quantities of return
 * line items, applies their dispositions and may issue a refund in the order's presentment currency.
 * `Return.suggestedFinancialOutcome` (and the deprecated `suggestedRefund`) compute what is owed: the
 * discounted price of the lines, less each line's restocking fee (its percentage of the line) and
 * the return shipping fee not yet taken by an earlier processing.
 */
import {
  addBags,
  decimalString,
  fitsCurrency,
  percentOfBag,
  scaleBag,
  subtractBag,
  toMinor,
  toShopMinor,
  unitPrice,
  ZERO,
  type Bag,
} from "./money";
import type { OrderRecord, OrderTransactionRecord, RefundRecord, ReturnLineItemRecord, ReturnRecord, ReverseFulfillmentOrderLineItemRecord } from "./records";
import { recordRefund, refundableAmount, saleTransactionOf } from "./refunds";
import { applyDispositions, planDispositions, touch, type DispositionInput, type PlannedDisposition } from "./returns";
import type { ShopState } from "./shop-state";
import { fail, userError, type Outcome, type UserError } from "./user-errors";

/** Units of a return line not yet confirmed by `returnProcess` (only an open return processes). */
export function processableQuantity(ret: ReturnRecord, line: ReturnLineItemRecord): number {
  return ret.status === "OPEN" ? line.quantity - line.processedQuantity : 0;
}

/**
 * Units of a return line not yet refunded: of a requested, open or closed return (a requested one
 * already has an estimated outcome: the help centre's "When you create a return, the financial
 * outcome is calculated automatically"); none of a declined or canceled one.
 */
export function refundableQuantity(ret: ReturnRecord, line: ReturnLineItemRecord): number {
  return ret.status === "REQUESTED" || ret.status === "OPEN" || ret.status === "CLOSED" ? line.quantity - line.refundedQuantity : 0;
}

function orderLineOf(shop: ShopState, line: ReturnLineItemRecord) {
  const lineItemId = shop.fulfillmentLineItem(line.fulfillmentLineItemId)?.line.lineItemId;
  return lineItemId == null ? undefined : shop.lineItem(lineItemId);
}

/** `quantity` units of a return line at the price the customer paid, in both currencies. */
export function returnLineValue(shop: ShopState, line: ReturnLineItemRecord, quantity = line.quantity): Bag {
  const found = orderLineOf(shop, line);
  return found ? scaleBag(unitPrice(found.order, found.line), quantity) : ZERO;
}

/**
 * The restocking fee of `quantity` units of a return line: its percentage of their discounted
 * price, rounded to the minor unit of each currency (schema: `RestockingFee.amountSet`, "The amount
 * of the restocking fee, in shop and presentment currencies").
 */
export function restockingFeeOf(shop: ShopState, line: ReturnLineItemRecord, quantity = line.quantity): Bag {
  return line.restockingFee ? percentOfBag(returnLineValue(shop, line, quantity), line.restockingFee.percentage) : ZERO;
}

/** The return shipping fee in both currencies (it is held in the presentment currency). */
export function returnShippingFeeOf(order: OrderRecord, ret: ReturnRecord): Bag {
  if (!ret.shippingFee) return ZERO;
  const presentment = toMinor(ret.shippingFee.amount, order.presentmentCurrencyCode);
  return { presentment, shop: toShopMinor(order, presentment) };
}

export interface OutcomeLine {
  /** null: not a ReturnLineItem GID. */
  returnLineItemId: number | null;
  quantity: number;
}

export interface FinancialOutcome {
  order: OrderRecord;
  discountedSubtotal: Bag;
  restockingFees: Bag;
  returnShippingFees: Bag;
  maximumRefundable: Bag;
  /** Subtotal less fees: positive means a refund is due, negative that the customer owes. */
  net: Bag;
  /** What to refund: the net, at most what the order has left to refund; null when nothing is due. */
  refund: Bag | null;
  /** What the customer owes when the fees exceed the items; null otherwise. */
  invoice: Bag | null;
  sale: OrderTransactionRecord | undefined;
}

/** Suggested financial outcome of refunding `lines` of a return (validated: an error names the bad line). */
export function suggestFinancialOutcome(shop: ShopState, ret: ReturnRecord, lines: OutcomeLine[], field = "returnLineItems"): Outcome<FinancialOutcome> {
  const order = shop.orders.get(ret.orderId)!;
  const errors: UserError[] = [];
  const wanted = new Map<ReturnLineItemRecord, number>();
  lines.forEach((input, index) => {
    const line = ret.lineItems.find((l) => l.id === input.returnLineItemId);
    if (!line) {
      errors.push(userError([field, index, "id"], "Return line item does not exist on this return.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(input.quantity) || input.quantity < 0) {
      errors.push(userError([field, index, "quantity"], "Quantity must be greater than or equal to 0.", "GREATER_THAN_OR_EQUAL_TO"));
      return;
    }
    const total = (wanted.get(line) ?? 0) + input.quantity;
    if (total > refundableQuantity(ret, line)) {
      errors.push(userError([field, index, "quantity"], `Quantity must be less than or equal to the refundable quantity (${refundableQuantity(ret, line)}).`, "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    wanted.set(line, total);
  });
  if (errors.length) return { ok: false, userErrors: errors };
  return { ok: true, value: outcomeOf(shop, order, ret, wanted) };
}

function outcomeOf(shop: ShopState, order: OrderRecord, ret: ReturnRecord, wanted: Map<ReturnLineItemRecord, number>): FinancialOutcome {
  const included = [...wanted].filter(([, quantity]) => quantity > 0);
  const discountedSubtotal = addBags(...included.map(([line, quantity]) => returnLineValue(shop, line, quantity)));
  // Each line's fee on its own units, rounded per line: the sum Shopify shows as the line fees.
  const restockingFees = addBags(...included.map(([line, quantity]) => restockingFeeOf(shop, line, quantity)));
  // The return shipping fee is the return's, taken once: by the first processing that includes items.
  const returnShippingFees = included.length && !ret.shippingFeeProcessed ? returnShippingFeeOf(order, ret) : ZERO;
  const maximumRefundable = refundableAmount(shop, order.id);
  const net = subtractBag(discountedSubtotal, addBags(restockingFees, returnShippingFees));
  const refund =
    net.presentment > 0
      ? net.presentment > maximumRefundable.presentment
        ? maximumRefundable
        : net
      : null;
  const invoice = net.presentment < 0 ? scaleBag(net, -1) : null;
  return { order, discountedSubtotal, restockingFees, returnShippingFees, maximumRefundable, net, refund, invoice, sale: saleTransactionOf(shop, order.id) };
}

// ---------------------------------------------------------------------------------------------
// returnProcess

export interface ProcessLineInput {
  /** null: not a ReturnLineItem GID. */
  id: number | null;
  quantity: number;
  dispositions?: DispositionInput[] | null;
}

export interface ProcessReturnInput {
  returnId: number | null;
  lines: ProcessLineInput[];
  exchangeLineItems?: unknown[] | null;
  refund?: {
    orderTransactions: { parentId: number | null; amount: string; currencyCode: string }[];
    allowOverRefunding?: boolean | null;
    refundMethods?: unknown[] | null;
  } | null;
  refundShipping?: { fullRefund?: boolean | null; shippingRefundAmount?: { amount: string; currencyCode: string } | null } | null;
  refundDuties?: unknown[] | null;
  note?: string | null;
  at?: string;
}

export interface ProcessedReturn {
  ret: ReturnRecord;
  refund: RefundRecord | null;
}

/**
 * returnProcess: validates everything first (nothing changes when it answers userErrors), then
 * confirms the quantities, applies the dispositions, takes the return shipping fee with the first
 * processing, and records the refund. Sends `returns/process` (and `refunds/create`,
 * `reverse_fulfillment_orders/dispose` as those happen).
 */
export function processReturn(shop: ShopState, input: ProcessReturnInput): Outcome<ProcessedReturn> {
  const root = ["input"];
  const ret = input.returnId == null ? undefined : shop.returns.get(input.returnId);
  if (!ret) return fail([...root, "returnId"], "Return does not exist.", "NOT_FOUND");
  if (ret.status !== "OPEN") {
    return fail([...root, "returnId"], `Return is ${ret.status.toLowerCase()}; only an open return can be processed.`, "INVALID_STATE");
  }
  if (input.exchangeLineItems?.length) {
    return fail([...root, "exchangeLineItems"], "The Crossdock simulator does not implement exchanges.", "FEATURE_NOT_ENABLED");
  }
  if (input.lines.length === 0) return fail([...root, "returnLineItems"], "Return line items to process are required.", "BLANK");
  const order = shop.orders.get(ret.orderId)!;

  const errors: UserError[] = [];
  const wanted = new Map<ReturnLineItemRecord, number>();
  const disposed = new Map<ReverseFulfillmentOrderLineItemRecord, number>();
  const dispositions: PlannedDisposition[] = [];
  input.lines.forEach((lineInput, index) => {
    const at = (...field: (string | number)[]) => [...root, "returnLineItems", index, ...field];
    const line = ret.lineItems.find((l) => l.id === lineInput.id);
    if (!line) {
      errors.push(userError(at("id"), "Return line item does not exist on this return.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(lineInput.quantity) || lineInput.quantity <= 0) {
      errors.push(userError(at("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const total = (wanted.get(line) ?? 0) + lineInput.quantity;
    const processable = processableQuantity(ret, line);
    if (total > processable) {
      errors.push(userError(at("quantity"), `Quantity must be less than or equal to the processable quantity (${processable}).`, "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    wanted.set(line, total);
    const lineDispositions = lineInput.dispositions ?? [];
    const foreign = lineDispositions.findIndex((d) => d.reverseFulfillmentOrderLineItemId == null || shop.reverseFulfillmentOrderLineItem(d.reverseFulfillmentOrderLineItemId)?.line.returnLineItemId !== line.id);
    if (foreign >= 0) {
      errors.push(userError(at("dispositions", foreign, "reverseFulfillmentOrderLineItemId"), "Reverse fulfillment order line item is not for this return line item.", "INVALID"));
      return;
    }
    const dispositionUnits = lineDispositions.reduce((sum, d) => sum + d.quantity, 0);
    if (dispositionUnits > lineInput.quantity) {
      errors.push(userError(at("dispositions"), `Dispositions must be for at most the quantity processed (${lineInput.quantity}).`, "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    const planned = planDispositions(shop, lineDispositions, (i, field) => at("dispositions", i, field), disposed);
    if (!planned.ok) errors.push(...planned.userErrors);
    else dispositions.push(...planned.value);
  });

  const shipping = input.refundShipping;
  if (shipping?.shippingRefundAmount && Number(shipping.shippingRefundAmount.amount) > 0) {
    // The simulator's orders charge no shipping: there is none to refund.
    errors.push(userError([...root, "refundShipping", "shippingRefundAmount"], "Shipping refund must be less than or equal to the refundable shipping (0).", "LESS_THAN_OR_EQUAL_TO"));
  }
  if (input.refundDuties?.length) errors.push(userError([...root, "refundDuties"], "The order has no duties to refund.", "INVALID"));

  let refundAmount = 0;
  let parentTransactionId: number | null = null;
  const refund = input.refund;
  if (refund) {
    const at = (...field: (string | number)[]) => [...root, "financialTransfer", "issueRefund", ...field];
    if (refund.refundMethods?.length) errors.push(userError(at("refundMethods"), "The Crossdock simulator does not implement store credit refunds.", "FEATURE_NOT_ENABLED"));
    refund.orderTransactions.forEach((t, index) => {
      const parent = t.parentId == null ? undefined : shop.transactions.get(t.parentId);
      if (!parent || parent.orderId !== order.id) {
        errors.push(userError(at("orderTransactions", index, "parentId"), "Parent transaction does not exist on this order.", "NOT_FOUND"));
        return;
      }
      if (parent.kind !== "SALE") {
        errors.push(userError(at("orderTransactions", index, "parentId"), "The parent transaction must be a SALE or a CAPTURE.", "INVALID"));
        return;
      }
      // schema: ReturnRefundOrderTransactionInput.transactionAmount, "in the presentment currency of the order".
      if (t.currencyCode !== order.presentmentCurrencyCode) {
        errors.push(
          userError(
            at("orderTransactions", index, "transactionAmount", "currencyCode"),
            `Transaction amount must be in the presentment currency of the order (${order.presentmentCurrencyCode}), not ${t.currencyCode}.`,
            "INVALID",
          ),
        );
        return;
      }
      if (!fitsCurrency(t.amount, t.currencyCode) || !(Number(t.amount) > 0)) {
        errors.push(userError(at("orderTransactions", index, "transactionAmount", "amount"), `Transaction amount must be a positive amount of ${t.currencyCode}.`, "INVALID"));
        return;
      }
      refundAmount += toMinor(t.amount, t.currencyCode);
      parentTransactionId ??= parent.id;
    });
    const left = refundableAmount(shop, order.id).presentment;
    if (refundAmount > left && !refund.allowOverRefunding) {
      errors.push(userError(at("orderTransactions"), `Refund must be less than or equal to what the order has left to refund (${decimalString(left, order.presentmentCurrencyCode)} ${order.presentmentCurrencyCode}).`, "LESS_THAN_OR_EQUAL_TO"));
    }
  }
  if (errors.length) return { ok: false, userErrors: errors };

  const now = input.at ?? shop.now();
  for (const [line, quantity] of wanted) {
    line.processedQuantity += quantity;
    if (refund && refundAmount > 0) line.refundedQuantity += quantity;
  }
  ret.shippingFeeProcessed = true;
  if (dispositions.length) applyDispositions(shop, dispositions, now);
  touch(shop, ret, now);
  const refundRecord =
    refund && refundAmount > 0
      ? recordRefund(shop, { order, returnId: ret.id, presentmentAmount: refundAmount, parentTransactionId, note: input.note ?? null, at: now })
      : null;
  shop.emit({ topic: "returns/process", shop: shop.domain, returnId: ret.id });
  return { ok: true, value: { ret, refund: refundRecord } };
}
