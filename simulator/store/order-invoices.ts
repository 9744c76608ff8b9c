/**
 * Order invoices (FIDELITY.md "Exchanges", EX-11 … EX-13):
 *
 * - schema `Mutation.orderInvoiceSend(id:, email:)`: "Sends an email invoice for an Order. You can
 *   customize the email recipient, sender, and subject line using the `email` argument"; `EmailInput`
 *   (`to`, `from`, `bcc`, `subject`, `customMessage`, `body`); its payload `{order, userErrors}` with
 *   `OrderInvoiceSendUserError` whose one code is ORDER_INVOICE_SEND_UNSUCCESSFUL ("An error occurred
 *   while sending the invoice"). Required access (the field's `requiredAccess`): "`write_orders`
 *   access scope", checked by simulator/graphql/access.ts like every other.
 * - The invoice Shopify emails asks for what the order has outstanding (`Order.totalOutstandingSet`,
 *   "payment from customer to merchant"); the customer paying it (control API) is a SALE of that
 *   amount through the shop's gateway, after which the order owes nothing: an exchange's
 *   AWAITING_PAYMENT hold is released as when the merchant records the payment (EX-4).
 */
import { fixedString } from "./money";
import { markOrderPaid, type Result } from "./orders";
import type { OrderRecord } from "./records";
import { recordOutstandingPayment, totalOutstanding } from "./return-processing";
import type { ShopState } from "./shop-state";
import { fail, type Outcome } from "./user-errors";

export interface OrderInvoiceRecord {
  orderId: number;
  to: string;
  from: string | null;
  bcc: string[];
  /** null: Shopify's own subject (its "Order invoice" notification template; not documented). */
  subject: string | null;
  customMessage: string | null;
  /** What the order had outstanding when the invoice was sent, in the order's presentment currency. */
  amountOutstanding: { amount: string; currencyCode: string };
  sentAt: string;
}

export interface EmailInput {
  to?: string | null;
  from?: string | null;
  bcc?: string[] | null;
  subject?: string | null;
  customMessage?: string | null;
  body?: string | null;
}

const sent = new WeakMap<ShopState, OrderInvoiceRecord[]>();

/** Every invoice the shop sent, oldest first. */
export function orderInvoices(shop: ShopState): OrderInvoiceRecord[] {
  let list = sent.get(shop);
  if (!list) sent.set(shop, (list = []));
  return list;
}

const UNSUCCESSFUL = "ORDER_INVOICE_SEND_UNSUCCESSFUL";

/**
 * orderInvoiceSend: emails the order's invoice to `email.to`, else to the order's email. An order
 * Shopify does not have, a cancelled order, or no recipient at all: the one documented code, nothing sent.
 */
export function sendOrderInvoice(shop: ShopState, input: { orderId: number | null; email?: EmailInput | null }): Outcome<OrderRecord> {
  const order = input.orderId == null ? undefined : shop.orders.get(input.orderId);
  if (!order) return fail(["id"], "Order does not exist", UNSUCCESSFUL);
  if (order.cancelledAt) return fail(["id"], "Order has been cancelled", UNSUCCESSFUL);
  const to = input.email?.to?.trim() || order.email;
  if (!to) return fail(["email", "to"], "The order has no email address to send the invoice to", UNSUCCESSFUL);
  const outstanding = totalOutstanding(shop, order).presentment;
  orderInvoices(shop).push({
    orderId: order.id,
    to,
    from: input.email?.from ?? null,
    bcc: input.email?.bcc ?? [],
    subject: input.email?.subject ?? null,
    customMessage: input.email?.customMessage ?? null,
    amountOutstanding: { amount: fixedString(Math.max(0, outstanding), order.presentmentCurrencyCode), currencyCode: order.presentmentCurrencyCode },
    sentAt: shop.now(),
  });
  return { ok: true, value: order };
}

/**
 * The customer pays the invoice Shopify emailed (its checkout link): a SALE of what the order has
 * outstanding, then the order owes nothing (an exchange's held fulfillment orders are released, the
 * order is PAID or PARTIALLY_REFUNDED), `orders/paid` and `orders/updated`. Refused (nothing
 * changes): no invoice was sent for the order, or it owes nothing.
 */
export function payOrderInvoice(shop: ShopState, orderId: number): Result<OrderRecord> {
  const order = shop.orders.get(orderId);
  if (!order) return { ok: false, error: "Order does not exist" };
  if (order.cancelledAt) return { ok: false, error: "Order has been cancelled" };
  if (!orderInvoices(shop).some((i) => i.orderId === order.id)) return { ok: false, error: "No invoice was sent for this order" };
  if (totalOutstanding(shop, order).presentment <= 0) return { ok: false, error: "The order has nothing outstanding to pay" };
  if (order.financialStatus === "PENDING" || order.financialStatus === "AUTHORIZED") return markOrderPaid(shop, order.id);
  return { ok: true, value: recordOutstandingPayment(shop, order, "shopify_payments") };
}
