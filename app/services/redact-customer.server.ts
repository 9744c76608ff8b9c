import { deleteCustomerDataExports } from "~/models/customer-data-exports.server";
import { redactOrdersOfCustomer } from "~/models/orders.server";
import { redactEmailsTo } from "~/models/email-messages.server";
import { redactReturnsOfCustomer } from "~/models/returns.server";
import { deleteShipmentEventsOfOrders } from "~/models/shipment-events.server";
import { getShop } from "~/models/shops.server";
import { redactDeliveryPayloads } from "~/models/webhook-deliveries.server";
import { prisma } from "~/db.server";

export interface CustomerRedaction {
  shop: string;
  /** Shopify's numeric customer id. */
  customerLegacyId: string;
  email: string | null;
  phone: string | null;
  /** Numeric ids of the orders to redact. */
  orderLegacyIds: string[];
}

/**
 * customers/redact: erases what Crossdock holds of the customer's personal data, in one
 * transaction: contact details and address in their order snapshots (lines, statuses, totals stay
 * for the merchant's books), every stored webhook payload about them, their data exports, and their
 * name, email and notes in return requests (RMA, lines, amounts and statuses stay), and the carrier
 * events of their orders (a carrier's message can name the shopper).
 */
export async function redactCustomer(input: CustomerRedaction): Promise<{ orders: number; deliveries: number; exports: number; returns: number; emails: number }> {
  const customerId = `gid://shopify/Customer/${input.customerLegacyId}`;
  return prisma.$transaction(async (tx) => {
    const shop = await getShop(input.shop, tx);
    let orders = 0;
    let exports = 0;
    let returns = 0;
    let emails = 0;
    if (shop) {
      const redacted = await redactOrdersOfCustomer(
        shop,
        {
          customerId,
          email: input.email,
          phone: input.phone,
          orderIds: input.orderLegacyIds.map((id) => `gid://shopify/Order/${id}`),
        },
        new Date(),
        tx,
      );
      orders = redacted.length;
      const orderIds = new Set([...input.orderLegacyIds.map((id) => `gid://shopify/Order/${id}`), ...redacted.map((o) => o.shopifyId)]);
      await deleteShipmentEventsOfOrders(shop, [...orderIds], tx);
      exports = await deleteCustomerDataExports(shop, customerId, tx);
      returns = await redactReturnsOfCustomer(
        shop,
        { customerId, email: input.email, orderIds: input.orderLegacyIds.map((id) => `gid://shopify/Order/${id}`) },
        tx,
      );
      if (input.email) emails = await redactEmailsTo(shop, input.email, tx);
    }
    const deliveries = await redactDeliveryPayloads(
      input.shop,
      { customerLegacyId: input.customerLegacyId, email: input.email, phone: input.phone, orderLegacyIds: input.orderLegacyIds },
      tx,
    );
    return { orders, deliveries, exports, returns, emails };
  });
}
