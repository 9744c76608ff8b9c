// Admin API adapter for what an order still owes and Shopify's invoice for it (2026-10):
// `Order.totalOutstandingSet` ("The total amount not yet transacted for the order … A positive value
// indicates a difference in the merchant's favor (payment from customer to merchant)"), read in the
// customer's currency, and `orderInvoiceSend` ("Sends an email invoice for an Order"; required access
// `write_orders`), whose email carries Shopify's link for the customer to pay.
import { money, type Money } from "~/domain/returns/money";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";

export const ORDER_BALANCE_QUERY = `#graphql
  query CrossdockOrderBalance($id: ID!) {
    order(id: $id) {
      id
      displayFinancialStatus
      totalOutstandingSet {
        presentmentMoney {
          amount
          currencyCode
        }
      }
    }
  }
`;

export interface OrderBalance {
  /** What the customer still owes, in the order's presentment currency (≤ 0: nothing). */
  outstanding: Money;
  financialStatus: string | null;
}

/** The order's outstanding balance now; null when Shopify has no such order. */
export async function fetchOrderBalance(graphql: AdminGraphql, orderId: string): Promise<OrderBalance | null> {
  const data = await adminRequest(graphql, ORDER_BALANCE_QUERY, { id: orderId });
  if (!data.order) return null;
  const outstanding = data.order.totalOutstandingSet.presentmentMoney;
  return { outstanding: money(String(outstanding.amount), outstanding.currencyCode), financialStatus: data.order.displayFinancialStatus ?? null };
}

export const ORDER_INVOICE_SEND_MUTATION = `#graphql
  mutation CrossdockOrderInvoiceSend($id: ID!, $email: EmailInput) {
    orderInvoiceSend(id: $id, email: $email) {
      order {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/**
 * Has Shopify email the order's invoice to `to` (none: the order's own email). Refusals throw
 * AdminUserError; nothing was sent then.
 */
export async function sendOrderInvoice(graphql: AdminGraphql, input: { orderId: string; to: string | null }): Promise<void> {
  const data = await adminRequest(graphql, ORDER_INVOICE_SEND_MUTATION, { id: input.orderId, ...(input.to ? { email: { to: input.to } } : {}) });
  const payload = data.orderInvoiceSend;
  if (!payload) throw new AdminUserError("orderInvoiceSend", [{ message: "Shopify answered without a result" }]);
  if (payload.userErrors.length) throw new AdminUserError("orderInvoiceSend", payload.userErrors);
}
