import { createCustomerDataExport, type CustomerDataExport } from "~/models/customer-data-exports.server";
import { listOrdersOfCustomer } from "~/models/orders.server";
import type { JsonValue } from "~/models/scope.server";
import { getShop } from "~/models/shops.server";

export interface CustomerDataRequest {
  shop: string;
  /** gid://shopify/Customer/123 */
  customerId: string;
  email: string | null;
  phone: string | null;
  /** gid://shopify/Order/123 */
  orderIds: string[];
  requestId: string | null;
}

/**
 * customers/data_request: gathers everything Crossdock holds about the customer (their order
 * snapshots: contact details, address, lines, statuses, routing state) into an export record the
 * merchant downloads from the Activity page and sends to the customer. A shop Crossdock holds
 * nothing of gets no export (there is nothing to report).
 */
export async function exportCustomerData(request: CustomerDataRequest): Promise<CustomerDataExport | null> {
  const shop = await getShop(request.shop);
  if (!shop) return null;
  const orders = await listOrdersOfCustomer(shop, {
    customerId: request.customerId,
    email: request.email,
    phone: request.phone,
    orderIds: request.orderIds,
  });
  const data: { [key: string]: JsonValue } = {
    generatedAt: new Date().toISOString(),
    shop: shop.domain,
    customer: { id: request.customerId, email: request.email, phone: request.phone },
    orders: orders.map((o) => ({
      id: o.shopifyId,
      name: o.name,
      email: o.email,
      phone: o.phone,
      customer: { id: o.customerId, email: o.customerEmail, phone: o.customerPhone },
      financialStatus: o.financialStatus,
      fulfillmentStatus: o.fulfillmentStatus,
      cancelledAt: o.cancelledAt?.toISOString() ?? null,
      shippingAddress: o.shippingAddress as JsonValue,
      noteAttributes: o.noteAttributes as JsonValue,
      lineItems: o.lineItems as JsonValue,
      routingStatus: o.routingStatus,
      createdAt: o.shopifyCreatedAt.toISOString(),
      updatedAt: o.shopifyUpdatedAt.toISOString(),
    })),
  };
  return createCustomerDataExport(shop, {
    customerId: request.customerId,
    requestId: request.requestId,
    data,
  });
}
