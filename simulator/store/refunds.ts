/**
 * Refunds made for a return, as staff make them from the return in Shopify admin: money back on
 * the order (its financial status becomes PARTIALLY_REFUNDED or REFUNDED) and a `refunds/create`
 * webhook whose payload names the return. Only what Crossdock reads of refunds is modelled.
 */
import type { RefundRecord } from "./records";
import type { ShopState } from "./shop-state";
import { fail, type Outcome } from "./user-errors";

const cents = (amount: string | number) => Math.round(Number(amount) * 100);

/** What the order has left to refund: its line items' total less earlier refunds. */
export function refundableAmount(shop: ShopState, orderId: number): number {
  const order = shop.orders.get(orderId);
  if (!order) return 0;
  const total = order.lineItems.reduce((sum, line) => sum + cents(line.price) * line.quantity, 0);
  const refunded = [...shop.refunds.values()].filter((r) => r.orderId === orderId).reduce((sum, r) => sum + cents(r.amount), 0);
  return Math.max(0, total - refunded) / 100;
}

export function totalRefunded(shop: ShopState, orderId: number): number {
  return [...shop.refunds.values()].filter((r) => r.orderId === orderId).reduce((sum, r) => sum + cents(r.amount), 0) / 100;
}

export function refundReturn(shop: ShopState, returnId: number, input: { amount: string; note?: string | null; at?: string }): Outcome<RefundRecord> {
  const ret = shop.returns.get(returnId);
  if (!ret) return fail(["returnId"], "Return does not exist.", "NOT_FOUND");
  if (ret.status !== "OPEN" && ret.status !== "CLOSED") return fail(["returnId"], `A ${ret.status.toLowerCase()} return cannot be refunded.`, "INVALID_STATE");
  const order = shop.orders.get(ret.orderId)!;
  const amount = cents(input.amount);
  if (!Number.isFinite(amount) || amount <= 0) return fail(["amount"], "Amount must be greater than zero.", "INVALID");
  if (amount > cents(refundableAmount(shop, order.id))) return fail(["amount"], "Amount exceeds what the order has left to refund.", "INVALID");
  const at = input.at ?? shop.now();
  const refund: RefundRecord = {
    __typename: "Refund",
    id: shop.nextId("Refund"),
    orderId: order.id,
    returnId: ret.id,
    amount: (amount / 100).toFixed(2),
    currencyCode: order.currencyCode,
    note: input.note ?? null,
    transactionId: shop.nextId("OrderTransaction"),
    createdAt: at,
  };
  shop.refunds.set(refund.id, refund);
  order.financialStatus = refundableAmount(shop, order.id) === 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
  order.updatedAt = at;
  shop.emit({ topic: "refunds/create", shop: shop.domain, refundId: refund.id });
  return { ok: true, value: refund };
}
