// Admin API adapter for the returns desk (#7): a Shopify return read in full (to import or refresh
// Crossdock's record from a returns/* webhook), and closing it (returnClose). Receiving is
// processing: app/shopify/return-processing.ts.
import { money, moneyAmount, toMinor } from "~/domain/returns/money";
import { reasonFromHandle } from "~/domain/returns/reasons";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";
import { formatPersonName } from "~/domain/text/person-name";

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
        presentmentCurrencyCode
        customerLocale
        customer {
          id
          displayName
          firstName
          lastName
        }
        shippingAddress {
          countryCodeV2
          latitude
          longitude
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
      refunds(first: 10) {
        nodes {
          id
        }
      }
      returnLineItems(first: 25) {
        nodes {
          id
          quantity
          processedQuantity
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
                  presentmentMoney {
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
  /** Paid unit price in the order's presentment currency (what the shopper paid in). */
  unitPrice: string;
  /** The same price in the shop's currency. */
  shopUnitPrice: string;
  /** Units Shopify's `returnProcess` confirmed. */
  processedQuantity: number;
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
    /** The currency the shopper paid in (`presentmentCurrencyCode`). */
    currency: string;
    /** The shop's currency (`currencyCode`). */
    shopCurrency: string;
    customerId: string | null;
    customerName: string | null;
    /** The language the shopper used at checkout (BCP 47, e.g. "vi-VN"), when Shopify knows it. */
    customerLocale: string | null;
    /** Earliest delivery of a fulfillment holding a returned line, or null. */
    deliveredAt: string | null;
    /** Where it was shipped (the return's destination follows the shopper's country), or null. */
    shippingAddress: { countryCode: string | null; latitude: number | null; longitude: number | null } | null;
  };
  /** The return's refunds (up to 10). */
  refundIds: string[];
  lines: SyncedReturnLine[];
  reverseFulfillmentOrders: SyncedReverseFulfillmentOrder[];
}

/** The return in full, or null when Shopify has no such return (deleted, or another shop's). */
export async function fetchReturnForSync(graphql: AdminGraphql, returnId: string): Promise<SyncedReturn | null> {
  const data = await adminRequest(graphql, RETURN_FOR_SYNC_QUERY, { id: returnId });
  const ret = data.return;
  if (!ret) return null;
  const currency = ret.order.presentmentCurrencyCode;
  const amount = (value: string, code: string) => moneyAmount(money(value, code));
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
      unitPrice: amount(li.discountedUnitPriceAfterAllDiscountsSet.presentmentMoney.amount, currency),
      shopUnitPrice: amount(li.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount, ret.order.currencyCode),
      processedQuantity: node.processedQuantity,
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
      currency,
      shopCurrency: ret.order.currencyCode,
      customerId: ret.order.customer?.id ?? null,
      // In the order the shopper's country writes names (family name first in China and Vietnam).
      customerName:
        formatPersonName({ given: ret.order.customer?.firstName, family: ret.order.customer?.lastName }, ret.order.shippingAddress?.countryCodeV2) ||
        ret.order.customer?.displayName ||
        null,
      customerLocale: ret.order.customerLocale ?? null,
      deliveredAt: deliveries[0] ?? null,
      shippingAddress: ret.order.shippingAddress
        ? { countryCode: ret.order.shippingAddress.countryCodeV2 ?? null, latitude: ret.order.shippingAddress.latitude ?? null, longitude: ret.order.shippingAddress.longitude ?? null }
        : null,
    },
    refundIds: ret.refunds.nodes.map((r) => r.id),
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

export const RETURN_FEES_QUERY = `#graphql
  query CrossdockReturnFees($id: ID!) {
    return(id: $id) {
      id
      order {
        presentmentCurrencyCode
      }
      returnShippingFees {
        amountSet {
          presentmentMoney {
            amount
          }
        }
      }
      returnLineItems(first: 25) {
        nodes {
          id
          ... on ReturnLineItem {
            restockingFee {
              amountSet {
                presentmentMoney {
                  amount
                }
              }
            }
          }
        }
      }
    }
  }
`;

/** A return's fees as Shopify holds them, in the order's presentment currency. */
export interface ReturnFees {
  currency: string;
  /** Σ the return shipping fees. */
  returnShippingFee: string;
  /** Σ the lines' restocking fees. */
  restockingFee: string;
}

/**
 * The fees of a return (read apart from the return itself, which with them would request more than
 * Crossdock's 600 points per query); null when Shopify has no such return.
 */
export async function fetchReturnFees(graphql: AdminGraphql, returnId: string): Promise<ReturnFees | null> {
  const data = await adminRequest(graphql, RETURN_FEES_QUERY, { id: returnId });
  const ret = data.return;
  if (!ret) return null;
  const currency = ret.order.presentmentCurrencyCode;
  const sum = (amounts: string[]) => moneyAmount({ minor: amounts.reduce((total, a) => total + toMinor(a, currency), 0), currency });
  return {
    currency,
    returnShippingFee: sum(ret.returnShippingFees.map((f) => f.amountSet.presentmentMoney.amount)),
    restockingFee: sum(ret.returnLineItems.nodes.flatMap((l) => ("restockingFee" in l && l.restockingFee ? [l.restockingFee.amountSet.presentmentMoney.amount] : []))),
  };
}

// ---------------------------------------------------------------------------------------------
// Receiving and closing
// ---------------------------------------------------------------------------------------------

export type DispositionType = "RESTOCKED" | "NOT_RESTOCKED" | "PROCESSING_REQUIRED" | "MISSING";

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
