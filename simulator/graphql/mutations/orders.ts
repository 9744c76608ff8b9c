/**
 * Orders' payments: `orderInvoiceSend` (the invoice Shopify emails the customer, FIDELITY EX-11) and
 * `orderMarkAsPaid` (the merchant recording the payment of what is outstanding, EX-13). Both need
 * `write_orders` (their `requiredAccess`), checked by simulator/graphql/access.ts like every other.
 */
import { markOrderPaid } from "../../store/orders";
import { sendOrderInvoice, type EmailInput } from "../../store/order-invoices";
import { recordOutstandingPayment, totalOutstanding } from "../../store/return-processing";
import type { GraphqlContext, ResolverMap } from "../context";
import { inputId } from "../ids";

export const orderMutations: ResolverMap = {
  Mutation: {
    orderInvoiceSend: (_s: unknown, args: { id: string; email?: EmailInput | null }, ctx: GraphqlContext) => {
      const outcome = sendOrderInvoice(ctx.shop, { orderId: inputId("Order", args.id), email: args.email ?? null });
      if (!outcome.ok) return { order: null, userErrors: outcome.userErrors.map((e) => ({ __typename: "OrderInvoiceSendUserError", ...e })) };
      return { order: outcome.value, userErrors: [] };
    },
    // "An order can be marked as paid only if it has a positive outstanding balance and its financial
    // status isn't already `PAID`. The mutation will either create a new sale transaction for the full
    // outstanding amount or capture an existing authorized transaction" (schema). `UserError` has no code.
    orderMarkAsPaid: (_s: unknown, args: { input: { id: string } }, ctx: GraphqlContext) => {
      const id = inputId("Order", args.input.id);
      const order = id == null ? undefined : ctx.shop.orders.get(id);
      const refuse = (message: string) => ({ order: null, userErrors: [{ __typename: "UserError", field: ["input", "id"], message }] });
      if (!order) return refuse("Order does not exist");
      if (order.cancelledAt) return refuse("Order has been cancelled");
      if (order.financialStatus === "PAID" || totalOutstanding(ctx.shop, order).presentment <= 0) return refuse("Order cannot be marked as paid: nothing is outstanding");
      if (order.financialStatus === "PENDING" || order.financialStatus === "AUTHORIZED") {
        const paid = markOrderPaid(ctx.shop, order.id);
        return paid.ok ? { order: paid.value, userErrors: [] } : refuse(paid.error);
      }
      return { order: recordOutstandingPayment(ctx.shop, order, "manual"), userErrors: [] };
    },
  },
};
