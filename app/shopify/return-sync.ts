// Admin API adapter for the returns desk (#7): a Shopify return read in full (to import or refresh
// Crossdock's record from a returns/* webhook), and the receiving end of the lifecycle
// (reverseFulfillmentOrderDispose, returnClose).
import { reasonFromHandle } from "~/domain/returns/reasons";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";

export const RETURN_FOR_SYNC_QUERY = `#graphql
  query CrossdockReturnForSync($id: ID!) {
    return(id: $id) {
      id
      name
      status
      createdAt
      requestApprovedAt
      closedAt
      decline {
        reason
        note
      }
      order {
        id
        name
        email
        currencyCode
        customerLocale
        customer {
          id
          displayName
        }
        fulfillments(first: 5) {
          deliveredAt
          fulfillmentLineItems(first: 20) {
            nodes {
              id
            }
          }
        }
      }
      returnLineItems(first: 25) {
        nodes {
          id
          quantity
          ... on ReturnLineItem {
            returnReasonDefinition {
              handle
            }
            customerNote
            fulfillmentLineItem {
              id
              lineItem {
                id
                title
                variantTitle
                sku
                variant {
                  id
                }
                product {
                  tags
                  productType
                }
                discountedUnitPriceAfterAllDiscountsSet {
                  shopMoney {
                    amount
                  }
                }
              }
            }
          }
        }
      }
      reverseFulfillmentOrders(first: 2) {
        nodes {
          id
          status
          lineItems(first: 25) {
            nodes {
              id
              totalQuantity
              fulfillmentLineItem {
                id
              }
              dispositions {
                id
                quantity
                type
                location {
                  id
                }
              }
            }
          }
          reverseDeliveries(first: 2) {
            nodes {
              id
              deliverable {
                ... on ReverseDeliveryShippingDeliverable {
                  tracking {
                    carrierName
                    number
                    url
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

export interface SyncedDisposition {
  id: string;
  quantity: number;
  /** RESTOCKED, NOT_RESTOCKED, PROCESSING_REQUIRED, MISSING */
  type: string;
  locationId: string | null;
}

export interface SyncedReturnLine {
  /** gid://shopify/ReturnLineItem/… */
  id: string;
  quantity: number;
  reason: string;
  customerNote: string | null;
  fulfillmentLineItemId: string;
  lineItemId: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  variantId: string | null;
  productTags: string[];
  productType: string | null;
  unitPrice: string;
}

export interface SyncedReverseFulfillmentOrder {
  id: string;
  /** OPEN, CLOSED, CANCELED */
  status: string;
  lines: { id: string; totalQuantity: number; fulfillmentLineItemId: string | null; dispositions: SyncedDisposition[] }[];
  deliveries: { id: string; carrierName: string | null; trackingNumber: string | null; trackingUrl: string | null }[];
}

/** A Shopify return with everything Crossdock's record holds. */
export interface SyncedReturn {
  id: string;
  name: string;
  /** REQUESTED, OPEN, DECLINED, CLOSED, CANCELED */
  status: string;
  createdAt: string;
  requestApprovedAt: string | null;
  closedAt: string | null;
  decline: { reason: string; note: string | null } | null;
  order: {
    id: string;
    name: string;
    email: string | null;
    currency: string;
    customerId: string | null;
    customerName: string | null;
    /** The language the shopper used at checkout (BCP 47, e.g. "vi-VN"), when Shopify knows it. */
    customerLocale: string | null;
    /** Earliest delivery of a fulfillment holding a returned line, or null. */
    deliveredAt: string | null;
  };
  lines: SyncedReturnLine[];
  reverseFulfillmentOrders: SyncedReverseFulfillmentOrder[];
}

/** The return in full, or null when Shopify has no such return (deleted, or another shop's). */
export async function fetchReturnForSync(graphql: AdminGraphql, returnId: string): Promise<SyncedReturn | null> {
  const data = await adminRequest(graphql, RETURN_FOR_SYNC_QUERY, { id: returnId });
  const ret = data.return;
  if (!ret) return null;
  const lines: SyncedReturnLine[] = [];
  for (const node of ret.returnLineItems.nodes) {
    // Only ReturnLineItem (not an unverified line) has these fields (`... on ReturnLineItem`).
    const fli = "fulfillmentLineItem" in node ? node.fulfillmentLineItem : undefined;
    if (!fli) continue; // an exchange or unverified line: nothing Crossdock can receive
    const li = fli.lineItem;
    lines.push({
      id: node.id,
      quantity: node.quantity,
      reason: reasonFromHandle("returnReasonDefinition" in node ? node.returnReasonDefinition?.handle : null),
      customerNote: ("customerNote" in node ? node.customerNote : null) ?? null,
      fulfillmentLineItemId: fli.id,
      lineItemId: li.id,
      title: li.title,
      variantTitle: li.variantTitle ?? null,
      sku: li.sku ?? null,
      variantId: li.variant?.id ?? null,
      productTags: li.product?.tags ?? [],
      productType: li.product?.productType || null,
      unitPrice: li.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount,
    });
  }
  const returned = new Set(lines.map((l) => l.fulfillmentLineItemId));
  const deliveries = ret.order.fulfillments
    .filter((f) => f.deliveredAt && f.fulfillmentLineItems.nodes.some((n) => returned.has(n.id)))
    .map((f) => f.deliveredAt!)
    .sort();
  return {
    id: ret.id,
    name: ret.name,
    status: ret.status,
    createdAt: ret.createdAt,
    requestApprovedAt: ret.requestApprovedAt ?? null,
    closedAt: ret.closedAt ?? null,
    decline: ret.decline ? { reason: ret.decline.reason, note: ret.decline.note ?? null } : null,
    order: {
      id: ret.order.id,
      name: ret.order.name,
      email: ret.order.email ?? null,
      currency: ret.order.currencyCode,
      customerId: ret.order.customer?.id ?? null,
      customerName: ret.order.customer?.displayName ?? null,
      customerLocale: ret.order.customerLocale ?? null,
      deliveredAt: deliveries[0] ?? null,
    },
    lines,
    reverseFulfillmentOrders: ret.reverseFulfillmentOrders.nodes.map((rfo) => ({
      id: rfo.id,
      status: rfo.status,
      lines: rfo.lineItems.nodes.map((l) => ({
        id: l.id,
        totalQuantity: l.totalQuantity,
        fulfillmentLineItemId: l.fulfillmentLineItem?.id ?? null,
        dispositions: l.dispositions.map((d) => ({ id: d.id, quantity: d.quantity, type: d.type, locationId: d.location?.id ?? null })),
      })),
      deliveries: rfo.reverseDeliveries.nodes.map((d) => {
        const tracking = d.deliverable && "tracking" in d.deliverable ? d.deliverable.tracking : null;
        return {
          id: d.id,
          carrierName: tracking?.carrierName ?? null,
          trackingNumber: tracking?.number ?? null,
          trackingUrl: tracking?.url ?? null,
        };
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Receiving and closing
// ---------------------------------------------------------------------------------------------

export const REVERSE_FULFILLMENT_ORDER_DISPOSE_MUTATION = `#graphql
  mutation CrossdockReverseFulfillmentOrderDispose($dispositionInputs: [ReverseFulfillmentOrderDisposeInput!]!) {
    reverseFulfillmentOrderDispose(dispositionInputs: $dispositionInputs) {
      reverseFulfillmentOrderLineItems {
        id
        dispositions {
          id
          quantity
          type
          location {
            id
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export type DispositionType = "RESTOCKED" | "NOT_RESTOCKED" | "PROCESSING_REQUIRED" | "MISSING";

export interface DisposeInput {
  reverseFulfillmentOrderLineItemId: string;
  quantity: number;
  dispositionType: DispositionType;
  /** Required for RESTOCKED: where the units go back into stock. */
  locationId?: string | null;
}

/** reverseFulfillmentOrderDispose: RESTOCKED raises on-hand stock at the location. Refusals throw AdminUserError. */
export async function disposeReverseFulfillmentOrderLines(graphql: AdminGraphql, inputs: DisposeInput[]): Promise<void> {
  const data = await adminRequest(graphql, REVERSE_FULFILLMENT_ORDER_DISPOSE_MUTATION, {
    dispositionInputs: inputs.map((i) => ({
      reverseFulfillmentOrderLineItemId: i.reverseFulfillmentOrderLineItemId,
      quantity: i.quantity,
      dispositionType: i.dispositionType,
      ...(i.locationId ? { locationId: i.locationId } : {}),
    })),
  });
  const errors = data.reverseFulfillmentOrderDispose?.userErrors ?? [];
  if (errors.length > 0) throw new AdminUserError("reverseFulfillmentOrderDispose", errors);
}

export const RETURN_CLOSE_MUTATION = `#graphql
  mutation CrossdockReturnClose($id: ID!) {
    returnClose(id: $id) {
      return {
        id
        status
        closedAt
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** returnClose: OPEN → CLOSED. Refusals throw AdminUserError. */
export async function closeShopifyReturn(graphql: AdminGraphql, id: string): Promise<{ id: string; status: string; closedAt: string | null }> {
  const data = await adminRequest(graphql, RETURN_CLOSE_MUTATION, { id });
  const userErrors = data.returnClose?.userErrors ?? [];
  const closed = data.returnClose?.return;
  if (userErrors.length > 0 || !closed) {
    throw new AdminUserError("returnClose", userErrors.length ? userErrors : [{ message: "Shopify closed no return" }]);
  }
  return { id: closed.id, status: closed.status, closedAt: closed.closedAt ?? null };
}

/**
 * reverse_fulfillment_orders/dispose carries the reverse fulfillment order itself, not its return
 * (Shopify's example payload: id, admin_graphql_api_id, dispositions, total_dispositions), and the
 * 2026-10 `ReverseFulfillmentOrder` has no `return` field: the return is found among its order's.
 */
export const RETURN_OF_REVERSE_FULFILLMENT_ORDER_QUERY = `#graphql
  query CrossdockReturnOfReverseFulfillmentOrder($id: ID!) {
    reverseFulfillmentOrder(id: $id) {
      id
      order {
        returns(first: 25, reverse: true) {
          nodes {
            id
            reverseFulfillmentOrders(first: 5) {
              nodes {
                id
              }
            }
          }
        }
      }
    }
  }
`;

/** The Return a reverse fulfillment order belongs to, or null when Shopify has neither. */
export async function fetchReturnIdOfReverseFulfillmentOrder(graphql: AdminGraphql, reverseFulfillmentOrderId: string): Promise<string | null> {
  const data = await adminRequest(graphql, RETURN_OF_REVERSE_FULFILLMENT_ORDER_QUERY, { id: reverseFulfillmentOrderId });
  const returns = data.reverseFulfillmentOrder?.order?.returns.nodes ?? [];
  return returns.find((r) => r.reverseFulfillmentOrders.nodes.some((rfo) => rfo.id === reverseFulfillmentOrderId))?.id ?? null;
}
