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
  orderSubtotal,
  percentOfBag,
  scaleBag,
  subtractBag,
  toMinor,
  toShopMinor,
  unitPrice,
  ZERO,
  type Bag,
} from "./money";
import {
  addExchangeItemsToOrder,
  exchangeLineValue,
  planExchangeProcessing,
  type ProcessExchangeInput,
} from "./exchanges";
import { markOrderPaid, touchOrder, type Result } from "./orders";
import type {
  ExchangeLineItemRecord,
  FulfillmentOrderRecord,
  OrderRecord,
  OrderTransactionRecord,
  RefundRecord,
  ReturnLineItemRecord,
  ReturnRecord,
  ReverseFulfillmentOrderLineItemRecord,
} from "./records";
import { netPayment, recordRefund, refundableAmount, saleTransactionOf, totalRefunded } from "./refunds";
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

function orderLineOf(shop: ShopState, line: Pick<ReturnLineItemRecord, "fulfillmentLineItemId">) {
  const lineItemId = shop.fulfillmentLineItem(line.fulfillmentLineItemId)?.line.lineItemId;
  return lineItemId == null ? undefined : shop.lineItem(lineItemId);
}

/** `quantity` units of a return line at the price the customer paid, in both currencies. */
export function returnLineValue(shop: ShopState, line: Pick<ReturnLineItemRecord, "fulfillmentLineItemId" | "quantity">, quantity = line.quantity): Bag {
  const found = orderLineOf(shop, line);
  return found ? scaleBag(unitPrice(found.order, found.line), quantity) : ZERO;
}

/**
 * The restocking fee of `quantity` units of a return line: its percentage of their discounted
 * price, rounded to the minor unit of each currency (schema: `RestockingFee.amountSet`, "The amount
 * of the restocking fee, in shop and presentment currencies").
 */
export function restockingFeeOf(shop: ShopState, line: Pick<ReturnLineItemRecord, "fulfillmentLineItemId" | "quantity" | "restockingFee">, quantity = line.quantity): Bag {
  return line.restockingFee ? percentOfBag(returnLineValue(shop, line, quantity), line.restockingFee.percentage) : ZERO;
}

/** The return shipping fee in both currencies (it is held in the presentment currency). */
export function returnShippingFeeOf(order: OrderRecord, ret: Pick<ReturnRecord, "shippingFee">): Bag {
  if (!ret.shippingFee) return ZERO;
  const presentment = toMinor(ret.shippingFee.amount, order.presentmentCurrencyCode);
  return { presentment, shop: toShopMinor(order, presentment) };
}

export interface OutcomeLine {
  /** null: not a ReturnLineItem GID. */
  returnLineItemId: number | null;
  quantity: number;
}

export interface OutcomeExchangeLine {
  /** null: not an ExchangeLineItem GID. */
  exchangeLineItemId: number | null;
  quantity: number;
}

export interface FinancialOutcome {
  order: OrderRecord;
  discountedSubtotal: Bag;
  restockingFees: Bag;
  returnShippingFees: Bag;
  maximumRefundable: Bag;
  /** The exchange items the returned items pay for: those asked about, and those processed but not yet paid for. */
  exchangeItems: Bag;
  /** Subtotal less fees and exchange items: positive means a refund is due, negative that the customer owes. */
  net: Bag;
  /** What to refund: the net, at most what the order has left to refund; null when nothing is due. */
  refund: Bag | null;
  /** What the customer owes when the fees exceed the items; null otherwise. */
  invoice: Bag | null;
  sale: OrderTransactionRecord | undefined;
}

/**
 * Suggested financial outcome of refunding `lines` of a return and exchanging `exchangeLines` of it
 * (validated: an error names the bad line).
 */
export function suggestFinancialOutcome(
  shop: ShopState,
  ret: ReturnRecord,
  lines: OutcomeLine[],
  field = "returnLineItems",
  exchangeLines: OutcomeExchangeLine[] = [],
): Outcome<FinancialOutcome> {
  const order = shop.orders.get(ret.orderId)!;
  const errors: UserError[] = [];
  const exchanged = new Map<ExchangeLineItemRecord, number>();
  exchangeLines.forEach((input, index) => {
    const line = ret.exchangeLineItems.find((l) => l.id === input.exchangeLineItemId);
    if (!line) {
      errors.push(userError(["exchangeLineItems", index, "id"], "Exchange line item does not exist on this return.", "NOT_FOUND"));
      return;
    }
    const total = (exchanged.get(line) ?? 0) + input.quantity;
    if (!Number.isInteger(input.quantity) || input.quantity < 0 || total > line.quantity - line.processedQuantity) {
      errors.push(userError(["exchangeLineItems", index, "quantity"], `Quantity must be between 0 and the unprocessed quantity (${line.quantity - line.processedQuantity}).`, "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    exchanged.set(line, total);
  });
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
  return { ok: true, value: outcomeOf(shop, order, ret, wanted, exchanged) };
}

function outcomeOf(
  shop: ShopState,
  order: OrderRecord,
  ret: ReturnRecord,
  wanted: Map<ReturnLineItemRecord, number>,
  exchanged: Map<ExchangeLineItemRecord, number>,
): FinancialOutcome {
  const included = [...wanted].filter(([, quantity]) => quantity > 0);
  const discountedSubtotal = addBags(...included.map(([line, quantity]) => returnLineValue(shop, line, quantity)));
  // Each line's fee on its own units, rounded per line: the sum Shopify shows as the line fees.
  const restockingFees = addBags(...included.map(([line, quantity]) => restockingFeeOf(shop, line, quantity)));
  // The return shipping fee is the return's, taken once: by the first processing that includes items.
  const returnShippingFees = included.length && !ret.shippingFeeProcessed ? returnShippingFeeOf(order, ret) : ZERO;
  const maximumRefundable = refundableAmount(shop, order.id);
  // The returned items' value is applied to exchange items (help centre quote above): those asked
  // about, and the balance processed exchange items left on the order.
  const exchangeItems = addBags(...[...exchanged].map(([line, quantity]) => exchangeLineValue(order, line, quantity)), unpaidExchangeBalance(shop, order));
  const net = subtractBag(discountedSubtotal, addBags(restockingFees, returnShippingFees, exchangeItems));
  const refund =
    net.presentment > 0
      ? net.presentment > maximumRefundable.presentment
        ? maximumRefundable
        : net
      : null;
  const invoice = net.presentment < 0 ? scaleBag(net, -1) : null;
  return { order, discountedSubtotal, restockingFees, returnShippingFees, maximumRefundable, exchangeItems, net, refund, invoice, sale: saleTransactionOf(shop, order.id) };
}

// ---------------------------------------------------------------------------------------------
// The order's balance

const SETTLED_RETURN = new Set(["OPEN", "CLOSED"]);

/**
 * The order's total after returns (schema: `Order.currentTotalPriceSet`, "The total price of the
 * order, after returns"): every line item (processed exchange items included, at the price the
 * customer pays), less the processed returned units, plus the fees those processings took.
 */
export function currentOrderTotal(shop: ShopState, order: OrderRecord): Bag {
  if (order.cancelledAt) return ZERO;
  let total = orderSubtotal(order);
  for (const ret of shop.returnsOf(order.id)) {
    if (!SETTLED_RETURN.has(ret.status)) continue;
    for (const line of ret.lineItems) {
      if (line.processedQuantity === 0) continue;
      total = addBags(subtractBag(total, returnLineValue(shop, line, line.processedQuantity)), restockingFeeOf(shop, line, line.processedQuantity));
    }
    if (ret.shippingFeeProcessed) total = addBags(total, returnShippingFeeOf(order, ret));
  }
  return total;
}

/**
 * schema: `Order.totalOutstandingSet`, "The total amount not yet transacted for the order … A
 * positive value indicates a difference in the merchant's favor (payment from customer to merchant)
 * and a negative value indicates a difference in the customer's favor (refund from merchant to customer)".
 */
export function totalOutstanding(shop: ShopState, order: OrderRecord): Bag {
  return subtractBag(currentOrderTotal(shop, order), netPayment(shop, order));
}

/** What processed exchange items still leave the customer owing (0 when nothing is owed). */
function unpaidExchangeBalance(shop: ShopState, order: OrderRecord): Bag {
  const exchangeItems = addBags(...order.lineItems.filter((l) => l.exchangeLineItemId != null).map((l) => scaleBag(unitPrice(order, l), l.quantity)));
  const outstanding = totalOutstanding(shop, order);
  if (exchangeItems.presentment <= 0 || outstanding.presentment <= 0) return ZERO;
  return outstanding.presentment < exchangeItems.presentment ? outstanding : exchangeItems;
}

/**
 * After exchange items were processed: while the order has a balance due it is PARTIALLY_PAID and
 * its exchange items' fulfillment orders are held AWAITING_PAYMENT ("If there is a balance due, the
 * fulfillment order might be held until payment is captured", shopify.dev read-exchanges); once
 * nothing is due, the holds are released and the order is PAID again (PARTIALLY_REFUNDED when money
 * went back). Returns whether the order changed (the caller announces it with orders/updated).
 */
export function settleExchangeBalance(shop: ShopState, order: OrderRecord, newFulfillmentOrders: FulfillmentOrderRecord[], at: string): boolean {
  const exchangeLines = new Set(order.lineItems.filter((l) => l.exchangeLineItemId != null).map((l) => l.id));
  if (!exchangeLines.size) return false;
  const due = totalOutstanding(shop, order).presentment > 0;
  let changed = false;
  if (due) {
    for (const fo of newFulfillmentOrders) {
      fo.status = "ON_HOLD";
      fo.holds = [{ id: shop.nextId("FulfillmentHold"), reason: "AWAITING_PAYMENT", reasonNotes: null }];
    }
    if (order.financialStatus !== "PARTIALLY_PAID" && order.financialStatus !== "PENDING" && order.financialStatus !== "AUTHORIZED") {
      order.financialStatus = "PARTIALLY_PAID";
      changed = true;
    }
  } else {
    for (const fo of shop.fulfillmentOrdersOf(order.id)) {
      if (fo.status !== "ON_HOLD" || !fo.holds?.some((h) => h.reason === "AWAITING_PAYMENT")) continue;
      if (!fo.lineItems.some((l) => exchangeLines.has(l.lineItemId))) continue;
      fo.holds = fo.holds.filter((h) => h.reason !== "AWAITING_PAYMENT");
      if (fo.holds.length === 0) {
        fo.status = "OPEN";
        fo.updatedAt = at;
      }
      changed = true;
    }
    if (order.financialStatus === "PARTIALLY_PAID") {
      order.financialStatus = totalRefunded(shop, order.id).presentment > 0 ? "PARTIALLY_REFUNDED" : "PAID";
      changed = true;
    }
  }
  if (changed || newFulfillmentOrders.length) {
    touchOrder(shop, order, at);
    shop.bump();
  }
  return changed || newFulfillmentOrders.length > 0;
}

/**
 * The customer pays what the order has outstanding (the merchant's "Mark as paid" in Shopify admin;
 * schema `orderMarkAsPaid`: "recording a payment transaction for the outstanding amount"): an unpaid
 * order's payment (`markOrderPaid`), or the balance processed exchange items left (EX-4): a manual
 * SALE of the outstanding amount, after which the exchange's held fulfillment orders are released
 * and the order is PAID; `orders/paid` and `orders/updated`.
 */
export function collectPayment(shop: ShopState, orderId: number): Result<OrderRecord> {
  const order = shop.orders.get(orderId);
  if (!order || order.financialStatus !== "PARTIALLY_PAID") return markOrderPaid(shop, orderId);
  if (order.cancelledAt) return { ok: false, error: "Order has been cancelled" };
  return { ok: true, value: recordOutstandingPayment(shop, order, "manual") };
}

/**
 * A payment of everything the order has outstanding through `gateway` (the merchant's manual
 * payment, or the customer paying Shopify's invoice: store/order-invoices.ts): a SALE of
 * `totalOutstandingSet`, after which `settleExchangeBalance` releases an exchange's held
 * fulfillment orders and the order is PAID (PARTIALLY_REFUNDED when money went back);
 * `orders/paid` and `orders/updated`.
 */
export function recordOutstandingPayment(shop: ShopState, order: OrderRecord, gateway: string): OrderRecord {
  const due = totalOutstanding(shop, order);
  const now = shop.now();
  const id = shop.nextId("OrderTransaction");
  shop.transactions.set(id, { __typename: "OrderTransaction", id, orderId: order.id, kind: "SALE", status: "SUCCESS", gateway, amount: due, parentId: null, createdAt: now });
  shop.bump();
  settleExchangeBalance(shop, order, [], now);
  shop.emit({ topic: "orders/paid", shop: shop.domain, orderId: order.id });
  shop.emit({ topic: "orders/updated", shop: shop.domain, orderId: order.id });
  return order;
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
  exchangeLineItems?: ProcessExchangeInput[] | null;
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
  const exchangeInputs = input.exchangeLineItems ?? [];
  if (input.lines.length === 0 && exchangeInputs.length === 0) {
    return fail([...root, "returnLineItems"], "Return line items or exchange line items to process are required.", "BLANK");
  }
  const order = shop.orders.get(ret.orderId)!;

  const errors: UserError[] = [];
  const exchanges = planExchangeProcessing(ret, exchangeInputs, root);
  if (!exchanges.ok) errors.push(...exchanges.userErrors);
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
  if (wanted.size) ret.shippingFeeProcessed = true;
  if (dispositions.length) applyDispositions(shop, dispositions, now);
  const exchangeFulfillmentOrders = exchanges.ok ? addExchangeItemsToOrder(shop, order, exchanges.value, now) : [];
  touch(shop, ret, now);
  const refundRecord =
    refund && refundAmount > 0
      ? recordRefund(shop, { order, returnId: ret.id, presentmentAmount: refundAmount, parentTransactionId, note: input.note ?? null, at: now })
      : null;
  const orderChanged = settleExchangeBalance(shop, order, exchangeFulfillmentOrders, now);
  shop.emit({ topic: "returns/process", shop: shop.domain, returnId: ret.id });
  if (orderChanged) shop.emit({ topic: "orders/updated", shop: shop.domain, orderId: order.id });
  return { ok: true, value: { ret, refund: refundRecord } };
}
