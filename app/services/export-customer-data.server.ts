import { createCustomerDataExport, type CustomerDataExport } from "~/models/customer-data-exports.server";
import { listEmailsTo } from "~/models/email-messages.server";
import { listOrdersOfCustomer } from "~/models/orders.server";
import { listReturnsOfCustomer } from "~/models/returns.server";
import { listShipmentEventsOfOrders } from "~/models/shipment-events.server";
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
 * snapshots: contact details, address, lines, statuses, routing state; the carrier's updates on
 * their shipments, whose messages may name them; their return requests with reasons, notes,
 * outcome and timeline; the emails sent to them) into an export record the
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
  const returns = await listReturnsOfCustomer(shop, {
    customerId: request.customerId,
    email: request.email,
    orderIds: [...request.orderIds, ...orders.map((o) => o.shopifyId)],
  });
  const shipmentEvents = await listShipmentEventsOfOrders(shop, orders.map((o) => o.shopifyId));
  const emails = request.email ? await listEmailsTo(shop, request.email) : [];
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
      shipmentUpdates: shipmentEvents
        .filter((e) => e.orderId === o.shopifyId)
        .map((e) => ({ shipment: e.fulfillmentId, status: e.status, message: e.message, at: e.happenedAt.toISOString() })),
      createdAt: o.shopifyCreatedAt.toISOString(),
      updatedAt: o.shopifyUpdatedAt.toISOString(),
    })),
    returns: returns.map((r) => ({
      rma: r.rma,
      order: r.orderName,
      status: r.status,
      method: r.method,
      customer: { id: r.customerId, email: r.customerEmail, name: r.customerName },
      locale: r.locale,
      declineNote: r.declineNote,
      labelTrackingNumber: r.labelTrackingNumber,
      sentYourself: r.selfShipTrackingNumber ? { carrier: r.selfShipCarrier, trackingNumber: r.selfShipTrackingNumber } : null,
      outcome: r.outcome,
      storeCredit: r.storeCreditAmount ? { amount: r.storeCreditAmount.toFixed(2), currency: r.currency, at: r.storeCreditedAt?.toISOString() ?? null } : null,
      refunded: r.refundedAmount ? { amount: r.refundedAmount.toFixed(2), currency: r.currency, at: r.refundedAt?.toISOString() ?? null } : null,
      lines: r.lines.map((l) => ({ title: l.title, variant: l.variantTitle, sku: l.sku, quantity: l.quantity, reason: l.reason, note: l.customerNote })),
      timeline: r.events.map((e) => ({ type: e.type, by: e.actor === "shopper" ? "you" : "the shop", message: e.message, at: e.createdAt.toISOString() })),
      createdAt: r.createdAt.toISOString(),
    })),
    emails: emails.map((m) => ({ kind: m.kind, to: m.to, subject: m.subject, status: m.status, sentAt: m.sentAt?.toISOString() ?? null, createdAt: m.createdAt.toISOString() })),
  };
  return createCustomerDataExport(shop, {
    customerId: request.customerId,
    requestId: request.requestId,
    data,
  });
}
