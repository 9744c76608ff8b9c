/**
 * Refunds: money given back on an order, in the currency the customer paid in (schema:
 * `ReturnRefundOrderTransactionInput.transactionAmount`: "in the presentment currency of the order"),
 * with its shop-currency equivalent. Each refund is a REFUND transaction on the order's SALE; the
 * order's financial status becomes PARTIALLY_REFUNDED or REFUNDED, and `refunds/create` is sent
 * (its payload names the return when the refund was made for one).
 */
import { addBags, checkoutSubtotal, fitsCurrency, fixedString, subtractBag, toMinor, toShopMinor, ZERO, type Bag } from "./money";
import type { OrderRecord, OrderTransactionRecord, RefundRecord } from "./records";
import type { ShopState } from "./shop-state";
import { fail, type Outcome } from "./user-errors";

/** What has gone back to the customer on an order, in both currencies. */
export function totalRefunded(shop: ShopState, orderId: number): Bag {
  return addBags(...shop.transactionsOf(orderId).filter((t) => t.kind === "REFUND").map((t) => t.amount));
}

/** What the order has left to refund: what was paid (its SALE transactions) less the refunds. */
export function refundableAmount(shop: ShopState, orderId: number): Bag {
  const order = shop.orders.get(orderId);
  if (!order) return ZERO;
  const sales = shop.transactionsOf(orderId).filter((t) => t.kind === "SALE");
  // Orders seeded as paid before transactions existed: their line items' total.
  const paid = sales.length ? addBags(...sales.map((t) => t.amount)) : checkoutSubtotal(order);
  const left = subtractBag(paid, totalRefunded(shop, orderId));
  return { shop: Math.max(0, left.shop), presentment: Math.max(0, left.presentment) };
}

/** Payments received less refunds (schema: `Order.netPaymentSet`, "the total amount received minus the total amount refunded"). */
export function netPayment(shop: ShopState, order: OrderRecord): Bag {
  const transactions = shop.transactionsOf(order.id);
  // Orders seeded as refunded before refunds were recorded: everything went back.
  if (order.financialStatus === "REFUNDED" && !transactions.some((t) => t.kind === "REFUND")) return ZERO;
  const paid = addBags(...transactions.filter((t) => t.kind === "SALE").map((t) => t.amount));
  return subtractBag(paid, totalRefunded(shop, order.id));
}

/** The order's payment a refund goes back to: its first successful SALE. */
export function saleTransactionOf(shop: ShopState, orderId: number): OrderTransactionRecord | undefined {
  return shop.transactionsOf(orderId).find((t) => t.kind === "SALE" && t.status === "SUCCESS");
}

export interface NewRefund {
  order: OrderRecord;
  returnId: number | null;
  /** In minor units of the order's presentment currency. */
  presentmentAmount: number;
  /** The SALE it goes back to (default: the order's). */
  parentTransactionId?: number | null;
  note?: string | null;
  at?: string;
}

/** Records a refund that has already been validated (see `refundReturn` and `processReturn`). */
export function recordRefund(shop: ShopState, input: NewRefund): RefundRecord {
  const { order } = input;
  const at = input.at ?? shop.now();
  const left = refundableAmount(shop, order.id);
  // The last refund of what is left takes exactly the shop money left (no rounding remainder).
  const shopAmount = input.presentmentAmount >= left.presentment ? left.shop : toShopMinor(order, input.presentmentAmount);
  const transactionId = shop.nextId("OrderTransaction");
  shop.transactions.set(transactionId, {
    __typename: "OrderTransaction",
    id: transactionId,
    orderId: order.id,
    kind: "REFUND",
    status: "SUCCESS",
    gateway: (input.parentTransactionId != null ? shop.transactions.get(input.parentTransactionId)?.gateway : saleTransactionOf(shop, order.id)?.gateway) ?? "manual",
    amount: { shop: shopAmount, presentment: input.presentmentAmount },
    parentId: input.parentTransactionId ?? saleTransactionOf(shop, order.id)?.id ?? null,
    createdAt: at,
  });
  shop.bump();
  const refund: RefundRecord = {
    __typename: "Refund",
    id: shop.nextId("Refund"),
    orderId: order.id,
    returnId: input.returnId,
    amount: fixedString(input.presentmentAmount, order.presentmentCurrencyCode),
    currencyCode: order.presentmentCurrencyCode,
    shopAmount: fixedString(shopAmount, order.currencyCode),
    note: input.note ?? null,
    transactionId,
    createdAt: at,
  };
  shop.refunds.set(refund.id, refund);
  shop.bump();
  order.financialStatus = refundableAmount(shop, order.id).presentment === 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
  if (at > order.updatedAt) order.updatedAt = at;
  shop.bump();
  shop.emit({ topic: "refunds/create", shop: shop.domain, refundId: refund.id });
  return refund;
}

/**
 * The merchant refunding an open or closed return from Shopify admin (control API): `amount` in
 * the order's presentment currency, at most what is left to refund.
 */
export function refundReturn(shop: ShopState, returnId: number, input: { amount: string; note?: string | null; at?: string }): Outcome<RefundRecord> {
  const ret = shop.returns.get(returnId);
  if (!ret) return fail(["returnId"], "Return does not exist.", "NOT_FOUND");
  if (ret.status !== "OPEN" && ret.status !== "CLOSED") return fail(["returnId"], `A ${ret.status.toLowerCase()} return cannot be refunded.`, "INVALID_STATE");
  const order = shop.orders.get(ret.orderId)!;
  if (!fitsCurrency(input.amount, order.presentmentCurrencyCode)) {
    return fail(["amount"], `Amount must be an amount of ${order.presentmentCurrencyCode}, the order's presentment currency.`, "INVALID");
  }
  const amount = toMinor(input.amount, order.presentmentCurrencyCode);
  if (!Number.isFinite(amount) || amount <= 0) return fail(["amount"], "Amount must be greater than zero.", "INVALID");
  if (amount > refundableAmount(shop, order.id).presentment) return fail(["amount"], "Amount exceeds what the order has left to refund.", "INVALID");
  return { ok: true, value: recordRefund(shop, { order, returnId: ret.id, presentmentAmount: amount, note: input.note ?? null, at: input.at }) };
}
