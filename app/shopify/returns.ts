// Admin API adapter for returns: what an order can return, and the return's lifecycle in Shopify
// (request → approve / decline → reverse delivery with a label).
//
// Reasons: the `returnReason` fields are deprecated (2026-01) for Shopify's reason definitions. The
// adapter sends `returnReasonDefinitionId`, found by the handle of Crossdock's reason
// (`RETURN_REASON_HANDLES`), and reads `returnReasonDefinition.handle`.
import { money, moneyAmount, type OrderRate } from "~/domain/returns/money";
import { RETURN_REASON_HANDLES, type ReturnDeclineReason, type ReturnReason } from "~/domain/returns/reasons";
import type { CurrencyCode } from "~/types/admin.types";
import type { CrossdockReturnQuery, CrossdockReverseDeliveryCreateWithShippingMutation } from "~/types/admin.generated";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";
import { formatPersonName } from "~/domain/text/person-name";

export type { ReturnDeclineReason, ReturnReason };

export const ORDER_FOR_RETURN_QUERY = `#graphql
  query CrossdockOrderForReturn($id: ID!) {
    order(id: $id) {
      id
      name
      email
      phone
      createdAt
      cancelledAt
      customerLocale
      currencyCode
      presentmentCurrencyCode
      totalPriceSet {
        shopMoney {
          amount
          currencyCode
        }
        presentmentMoney {
          amount
          currencyCode
        }
      }
      customer {
        id
        displayName
        firstName
        lastName
      }
      shippingAddress {
        name
        firstName
        lastName
        company
        address1
        address2
        city
        province
        provinceCode
        zip
        country
        countryCodeV2
        phone
        latitude
        longitude
      }
      lineItems(first: 50) {
        nodes {
          id
          title
          variantTitle
          sku
          quantity
          variant {
            id
          }
          product {
            id
            tags
            productType
          }
          discountedUnitPriceAfterAllDiscountsSet {
            shopMoney {
              amount
              currencyCode
            }
            presentmentMoney {
              amount
              currencyCode
            }
          }
        }
      }
    }
  }
`;

// The order's shipments and what Shopify still accepts back from each, read apart from the order's
// lines: together they would request 787 points (more than the 600 Crossdock allows itself per
// query); apart, 255 and 533.
export const ORDER_FULFILLMENTS_FOR_RETURN_QUERY = `#graphql
  query CrossdockOrderFulfillmentsForReturn($id: ID!) {
    order(id: $id) {
      id
      fulfillments(first: 5) {
        id
        status
        displayStatus
        createdAt
        deliveredAt
        location {
          address {
            countryCode
          }
        }
        fulfillmentLineItems(first: 25) {
          nodes {
            id
            quantity
            lineItem {
              id
            }
          }
        }
      }
    }
    returnableFulfillments(orderId: $id, first: 5) {
      nodes {
        id
        returnableFulfillmentLineItems(first: 25) {
          nodes {
            quantity
            fulfillmentLineItem {
              id
            }
          }
        }
      }
    }
  }
`;

export interface ReturnAddress {
  name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface OrderLineForReturn {
  /** gid://shopify/LineItem/… */
  id: string;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  variantId: string | null;
  productId: string | null;
  productTags: string[];
  productType: string | null;
  /** Paid unit price after discounts, decimal string in the currency the shopper paid in (the order's presentment currency). */
  unitPrice: string;
  /** The same price in the shop currency. */
  shopUnitPrice: string;
}

export interface FulfillmentLineForReturn {
  /** gid://shopify/FulfillmentLineItem/… */
  id: string;
  lineItemId: string;
  fulfillmentId: string;
  /** Units shipped in this fulfillment. */
  quantity: number;
  /** Units Shopify still accepts for a return (what is not yet returned or in a requested/open return). */
  returnableQuantity: number;
  fulfillmentStatus: string;
  displayStatus: string | null;
  deliveredAt: string | null;
  fulfilledAt: string;
}

export interface OrderForReturn {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  createdAt: string;
  cancelledAt: string | null;
  /** The language the shopper used at checkout (Order.customerLocale, e.g. "vi", "zh-CN"). */
  customerLocale: string | null;
  /** The currency the shopper paid in (`presentmentCurrencyCode`): return fees go to Shopify in it. */
  currency: string;
  /** The shop's currency when the order was placed (`currencyCode`). */
  shopCurrency: string;
  /** The order's own rate: its total in both currencies. */
  rate: OrderRate;
  customerId: string | null;
  customerName: string | null;
  shippingAddress: ReturnAddress | null;
  /** The country of the location the first fulfillment left from (a pickup order's store): where the shopper is when the order has no shipping address. */
  fulfilledFromCountryCode: string | null;
  lines: OrderLineForReturn[];
  fulfillmentLines: FulfillmentLineForReturn[];
}

/**
 * The order with what a return needs: lines with product tags/types and paid prices, each
 * fulfillment line with its delivery date and how much Shopify still accepts for a return
 * (`returnableFulfillments`: what is bought minus what is returned or in a return). Up to 50 lines and
 * 5 fulfillments of 25 lines each, in two requests (see ORDER_FULFILLMENTS_FOR_RETURN_QUERY).
 */
export async function fetchOrderForReturn(graphql: AdminGraphql, orderId: string): Promise<OrderForReturn | null> {
  const data = await adminRequest(graphql, ORDER_FOR_RETURN_QUERY, { id: orderId });
  const order = data.order;
  if (!order) return null;
  const shipped = await adminRequest(graphql, ORDER_FULFILLMENTS_FOR_RETURN_QUERY, { id: orderId });
  const fulfillments = shipped.order?.fulfillments ?? [];

  const returnable = new Map<string, number>();
  for (const rf of shipped.returnableFulfillments.nodes) {
    for (const item of rf.returnableFulfillmentLineItems.nodes) {
      returnable.set(item.fulfillmentLineItem.id, (returnable.get(item.fulfillmentLineItem.id) ?? 0) + item.quantity);
    }
  }

  const address = order.shippingAddress;
  return {
    id: order.id,
    name: order.name,
    email: order.email ?? null,
    phone: order.phone ?? null,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt ?? null,
    customerLocale: order.customerLocale ?? null,
    currency: order.presentmentCurrencyCode,
    shopCurrency: order.currencyCode,
    rate: {
      shop: money(order.totalPriceSet.shopMoney.amount, order.totalPriceSet.shopMoney.currencyCode),
      presentment: money(order.totalPriceSet.presentmentMoney.amount, order.totalPriceSet.presentmentMoney.currencyCode),
    },
    customerId: order.customer?.id ?? null,
    // In the order the shopper's country writes names (family name first in China and Vietnam).
    customerName:
      formatPersonName({ given: order.customer?.firstName, family: order.customer?.lastName }, address?.countryCodeV2) ||
      order.customer?.displayName ||
      formatPersonName({ given: address?.firstName, family: address?.lastName }, address?.countryCodeV2) ||
      address?.name ||
      null,
    shippingAddress: address
      ? {
          name: address.name ?? ([address.firstName, address.lastName].filter(Boolean).join(" ") || null),
          company: address.company ?? null,
          address1: address.address1 ?? null,
          address2: address.address2 ?? null,
          city: address.city ?? null,
          province: address.province ?? null,
          provinceCode: address.provinceCode ?? null,
          zip: address.zip ?? null,
          country: address.country ?? null,
          countryCode: address.countryCodeV2 ?? null,
          phone: address.phone ?? null,
          latitude: address.latitude ?? null,
          longitude: address.longitude ?? null,
        }
      : null,
    fulfilledFromCountryCode: fulfillments.find((f) => f.location?.address.countryCode)?.location?.address.countryCode ?? null,
    lines: order.lineItems.nodes.map((l) => ({
      id: l.id,
      title: l.title,
      variantTitle: l.variantTitle ?? null,
      sku: l.sku ?? null,
      quantity: l.quantity,
      variantId: l.variant?.id ?? null,
      productId: l.product?.id ?? null,
      productTags: l.product?.tags ?? [],
      productType: l.product?.productType || null,
      unitPrice: moneyAmount(money(l.discountedUnitPriceAfterAllDiscountsSet.presentmentMoney.amount, order.presentmentCurrencyCode)),
      shopUnitPrice: moneyAmount(money(l.discountedUnitPriceAfterAllDiscountsSet.shopMoney.amount, order.currencyCode)),
    })),
    fulfillmentLines: fulfillments.flatMap((f) =>
      f.fulfillmentLineItems.nodes.map((fl) => ({
        id: fl.id,
        lineItemId: fl.lineItem.id,
        fulfillmentId: f.id,
        quantity: fl.quantity ?? 0,
        returnableQuantity: returnable.get(fl.id) ?? 0,
        fulfillmentStatus: f.status,
        displayStatus: f.displayStatus ?? null,
        deliveredAt: f.deliveredAt ?? null,
        fulfilledAt: f.createdAt,
      })),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Return reads (used to make approve/decline idempotent and to reconcile after a partial failure)
// ---------------------------------------------------------------------------------------------

export const RETURN_QUERY = `#graphql
  query CrossdockReturn($id: ID!) {
    return(id: $id) {
      id
      name
      status
      decline {
        reason
        note
      }
      returnLineItems(first: 50) {
        nodes {
          id
          quantity
          ... on ReturnLineItem {
            fulfillmentLineItem {
              id
            }
          }
        }
      }
      reverseFulfillmentOrders(first: 2) {
        nodes {
          id
          status
          lineItems(first: 50) {
            nodes {
              id
              totalQuantity
              fulfillmentLineItem {
                id
              }
            }
          }
          reverseDeliveries(first: 5) {
            nodes {
              id
              deliverable {
                ... on ReverseDeliveryShippingDeliverable {
                  tracking {
                    carrierName
                    number
                    url
                  }
                  label {
                    publicFileUrl
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

export interface ShopifyReverseDelivery {
  id: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  carrierName: string | null;
  labelUrl: string | null;
}

export interface ShopifyReturn {
  id: string;
  name: string;
  /** REQUESTED, OPEN, DECLINED, CLOSED, CANCELED */
  status: string;
  decline: { reason: ReturnDeclineReason; note: string | null } | null;
  lines: { id: string; quantity: number; fulfillmentLineItemId: string | null }[];
  reverseFulfillmentOrders: {
    id: string;
    status: string;
    lines: { id: string; totalQuantity: number; fulfillmentLineItemId: string | null }[];
    reverseDeliveries: ShopifyReverseDelivery[];
  }[];
}

type ReturnNode = NonNullable<CrossdockReturnQuery["return"]>;
type ReverseDeliveryNode = NonNullable<NonNullable<CrossdockReverseDeliveryCreateWithShippingMutation["reverseDeliveryCreateWithShipping"]>["reverseDelivery"]>;

/** A return line's fulfillment line: only a ReturnLineItem has one (`... on ReturnLineItem`), not an unverified line. */
function fulfillmentLineItemIdOf(line: ReturnNode["returnLineItems"]["nodes"][number]): string | null {
  return "fulfillmentLineItem" in line ? (line.fulfillmentLineItem?.id ?? null) : null;
}

/** Tracking and label of a reverse delivery (`... on ReverseDeliveryShippingDeliverable`). */
function toReverseDelivery(d: ReverseDeliveryNode): ShopifyReverseDelivery {
  return {
    id: d.id,
    trackingNumber: d.deliverable?.tracking?.number ?? null,
    trackingUrl: d.deliverable?.tracking?.url ?? null,
    carrierName: d.deliverable?.tracking?.carrierName ?? null,
    labelUrl: d.deliverable?.label?.publicFileUrl ?? null,
  };
}

function toShopifyReturn(node: ReturnNode): ShopifyReturn {
  return {
    id: node.id,
    name: node.name,
    status: node.status,
    decline: node.decline ? { reason: node.decline.reason, note: node.decline.note ?? null } : null,
    lines: node.returnLineItems.nodes.map((l) => ({ id: l.id, quantity: l.quantity, fulfillmentLineItemId: fulfillmentLineItemIdOf(l) })),
    reverseFulfillmentOrders: node.reverseFulfillmentOrders.nodes.map((rfo) => ({
      id: rfo.id,
      status: rfo.status,
      lines: rfo.lineItems.nodes.map((l) => ({ id: l.id, totalQuantity: l.totalQuantity, fulfillmentLineItemId: l.fulfillmentLineItem?.id ?? null })),
      reverseDeliveries: rfo.reverseDeliveries.nodes.map(toReverseDelivery),
    })),
  };
}

/** A return with its reverse fulfillment orders and deliveries (about 360 cost points). */
export async function fetchReturn(graphql: AdminGraphql, returnId: string): Promise<ShopifyReturn | null> {
  const data = await adminRequest(graphql, RETURN_QUERY, { id: returnId });
  return data.return ? toShopifyReturn(data.return) : null;
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

export const RETURN_REQUEST_MUTATION = `#graphql
  mutation CrossdockReturnRequest($input: ReturnRequestInput!) {
    returnRequest(input: $input) {
      return {
        id
        name
        status
        returnLineItems(first: 50) {
          nodes {
            id
            quantity
            ... on ReturnLineItem {
              fulfillmentLineItem {
                id
              }
            }
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

export interface ReturnRequestLineInput {
  fulfillmentLineItemId: string;
  quantity: number;
  reason: ReturnReason;
  customerNote?: string | null;
  /**
   * The restocking fee as Shopify takes it: a percentage of the line (`RestockingFeeInput`), from which
   * Shopify computes the line's fee and its suggested refund. Omitted when 0.
   */
  restockingFeePercentage?: number | null;
}

export const RETURN_REASON_DEFINITIONS_QUERY = `#graphql
  query CrossdockReturnReasonDefinitions($handles: [String!]) {
    returnReasonDefinitions(first: 20, handles: $handles) {
      nodes {
        id
        handle
      }
    }
  }
`;

/**
 * The reason definition ids for Crossdock's reasons, by handle. A reason whose definition Shopify does
 * not list is sent as "Other" (`other-reason`); when even that is missing the request is refused.
 */
export async function resolveReasonDefinitions(graphql: AdminGraphql, reasons: readonly ReturnReason[]): Promise<Map<ReturnReason, string>> {
  const wanted = [...new Set([...reasons.map((r) => RETURN_REASON_HANDLES[r]), RETURN_REASON_HANDLES.OTHER])];
  const data = await adminRequest(graphql, RETURN_REASON_DEFINITIONS_QUERY, { handles: wanted });
  const byHandle = new Map(data.returnReasonDefinitions.nodes.map((d) => [d.handle, d.id]));
  const resolved = new Map<ReturnReason, string>();
  for (const reason of reasons) {
    const id = byHandle.get(RETURN_REASON_HANDLES[reason]) ?? byHandle.get(RETURN_REASON_HANDLES.OTHER);
    if (!id) throw new AdminUserError("returnReasonDefinitions", [{ message: `Shopify lists no return reason "${RETURN_REASON_HANDLES[reason]}" or "other-reason"` }]);
    resolved.set(reason, id);
  }
  return resolved;
}

export interface RequestedReturn {
  id: string;
  name: string;
  status: string;
  lines: { id: string; quantity: number; fulfillmentLineItemId: string | null }[];
}

/** A mutation payload's userErrors, or [] when Shopify answered no payload. */
function userErrorsOf(payload: { userErrors: { field?: string[] | null; message: string; code?: string | null }[] } | null | undefined) {
  return payload?.userErrors ?? [];
}

/** returnRequest: the shopper's request, status REQUESTED. Refusals throw AdminUserError. */
export async function requestReturn(
  graphql: AdminGraphql,
  input: {
    orderId: string;
    lines: ReturnRequestLineInput[];
    /**
     * Return shipping fee charged to the shopper, in the order's presentment currency ("The value of
     * the fee as a fixed amount in the presentment currency of the order": `ReturnShippingFeeInput`).
     * Omitted when zero.
     */
    returnShippingFee?: { amount: string; currencyCode: string } | null;
  },
): Promise<RequestedReturn> {
  // The currency comes from the order Shopify answered (ISO 4217): Shopify validates it again.
  const fee =
    input.returnShippingFee && Number(input.returnShippingFee.amount) > 0
      ? { amount: { amount: input.returnShippingFee.amount, currencyCode: input.returnShippingFee.currencyCode as CurrencyCode } }
      : undefined;
  const definitions = await resolveReasonDefinitions(graphql, input.lines.map((l) => l.reason));
  const data = await adminRequest(graphql, RETURN_REQUEST_MUTATION, {
    input: {
      orderId: input.orderId,
      returnLineItems: input.lines.map((l) => ({
        fulfillmentLineItemId: l.fulfillmentLineItemId,
        quantity: l.quantity,
        returnReasonDefinitionId: definitions.get(l.reason)!,
        ...(l.customerNote ? { customerNote: l.customerNote } : {}),
        ...(l.restockingFeePercentage ? { restockingFee: { percentage: l.restockingFeePercentage } } : {}),
      })),
      ...(fee ? { returnShippingFee: fee } : {}),
    },
  });
  const userErrors = userErrorsOf(data.returnRequest);
  const ret = data.returnRequest?.return;
  if (userErrors.length > 0 || !ret) {
    throw new AdminUserError("returnRequest", userErrors.length ? userErrors : [{ message: "Shopify created no return" }]);
  }
  return {
    id: ret.id,
    name: ret.name,
    status: ret.status,
    lines: ret.returnLineItems.nodes.map((l) => ({ id: l.id, quantity: l.quantity, fulfillmentLineItemId: fulfillmentLineItemIdOf(l) })),
  };
}

export const RETURN_APPROVE_REQUEST_MUTATION = `#graphql
  mutation CrossdockReturnApproveRequest($input: ReturnApproveRequestInput!) {
    returnApproveRequest(input: $input) {
      return {
        id
        status
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

/** returnApproveRequest: REQUESTED → OPEN (Shopify creates the reverse fulfillment orders). */
export async function approveReturnRequest(graphql: AdminGraphql, input: { id: string; notifyCustomer?: boolean }): Promise<{ id: string; status: string }> {
  const data = await adminRequest(graphql, RETURN_APPROVE_REQUEST_MUTATION, { input: { id: input.id, notifyCustomer: input.notifyCustomer ?? false } });
  const userErrors = userErrorsOf(data.returnApproveRequest);
  const approved = data.returnApproveRequest?.return;
  if (userErrors.length > 0 || !approved) {
    throw new AdminUserError("returnApproveRequest", userErrors.length ? userErrors : [{ message: "Shopify approved no return" }]);
  }
  return { id: approved.id, status: approved.status };
}

export const RETURN_DECLINE_REQUEST_MUTATION = `#graphql
  mutation CrossdockReturnDeclineRequest($input: ReturnDeclineRequestInput!) {
    returnDeclineRequest(input: $input) {
      return {
        id
        status
        decline {
          reason
          note
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

/** returnDeclineRequest: REQUESTED → DECLINED with Shopify's reason and the merchant's note. */
export async function declineReturnRequest(
  graphql: AdminGraphql,
  input: { id: string; declineReason: ReturnDeclineReason; declineNote?: string | null; notifyCustomer?: boolean },
): Promise<{ id: string; status: string }> {
  const data = await adminRequest(graphql, RETURN_DECLINE_REQUEST_MUTATION, {
    input: {
      id: input.id,
      declineReason: input.declineReason,
      ...(input.declineNote ? { declineNote: input.declineNote } : {}),
      notifyCustomer: input.notifyCustomer ?? false,
    },
  });
  const userErrors = userErrorsOf(data.returnDeclineRequest);
  const declined = data.returnDeclineRequest?.return;
  if (userErrors.length > 0 || !declined) {
    throw new AdminUserError("returnDeclineRequest", userErrors.length ? userErrors : [{ message: "Shopify declined no return" }]);
  }
  return { id: declined.id, status: declined.status };
}

export const REVERSE_DELIVERY_CREATE_WITH_SHIPPING_MUTATION = `#graphql
  mutation CrossdockReverseDeliveryCreateWithShipping(
    $reverseFulfillmentOrderId: ID!
    $reverseDeliveryLineItems: [ReverseDeliveryLineItemInput!]!
    $trackingInput: ReverseDeliveryTrackingInput
    $labelInput: ReverseDeliveryLabelInput
    $notifyCustomer: Boolean
  ) {
    reverseDeliveryCreateWithShipping(
      reverseFulfillmentOrderId: $reverseFulfillmentOrderId
      reverseDeliveryLineItems: $reverseDeliveryLineItems
      trackingInput: $trackingInput
      labelInput: $labelInput
      notifyCustomer: $notifyCustomer
    ) {
      reverseDelivery {
        id
        deliverable {
          ... on ReverseDeliveryShippingDeliverable {
            tracking {
              carrierName
              number
              url
            }
            label {
              publicFileUrl
            }
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

/** reverseDeliveryCreateWithShipping: registers the return label (file URL + tracking) in Shopify. */
export async function createReverseDeliveryWithShipping(
  graphql: AdminGraphql,
  input: {
    reverseFulfillmentOrderId: string;
    lines: { reverseFulfillmentOrderLineItemId: string; quantity: number }[];
    tracking: { number: string; url?: string | null };
    labelFileUrl: string;
    notifyCustomer?: boolean;
  },
): Promise<ShopifyReverseDelivery> {
  const data = await adminRequest(graphql, REVERSE_DELIVERY_CREATE_WITH_SHIPPING_MUTATION, {
    reverseFulfillmentOrderId: input.reverseFulfillmentOrderId,
    reverseDeliveryLineItems: input.lines,
    trackingInput: { number: input.tracking.number, ...(input.tracking.url ? { url: input.tracking.url } : {}) },
    labelInput: { fileUrl: input.labelFileUrl },
    notifyCustomer: input.notifyCustomer ?? false,
  });
  const userErrors = userErrorsOf(data.reverseDeliveryCreateWithShipping);
  const delivery = data.reverseDeliveryCreateWithShipping?.reverseDelivery;
  if (userErrors.length > 0 || !delivery) {
    throw new AdminUserError("reverseDeliveryCreateWithShipping", userErrors.length ? userErrors : [{ message: "Shopify created no reverse delivery" }]);
  }
  return toReverseDelivery(delivery);
}

export const REVERSE_DELIVERY_SHIPPING_UPDATE_MUTATION = `#graphql
  mutation CrossdockReverseDeliveryShippingUpdate($reverseDeliveryId: ID!, $trackingInput: ReverseDeliveryTrackingInput, $notifyCustomer: Boolean) {
    reverseDeliveryShippingUpdate(reverseDeliveryId: $reverseDeliveryId, trackingInput: $trackingInput, notifyCustomer: $notifyCustomer) {
      reverseDelivery {
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
 * reverseDeliveryShippingUpdate ("Updates a reverse delivery with associated external shipping
 * information", Admin API 2026-10): the tracking number of the parcel the shopper sent themselves,
 * in place of the built-in sheet's. ReverseDeliveryTrackingInput holds a number and a URL, no
 * carrier name; Crossdock knows no URL for a carrier the shopper named, so it sends the number only.
 */
export async function updateReverseDeliveryTracking(graphql: AdminGraphql, input: { reverseDeliveryId: string; number: string }): Promise<void> {
  const data = await adminRequest(graphql, REVERSE_DELIVERY_SHIPPING_UPDATE_MUTATION, {
    reverseDeliveryId: input.reverseDeliveryId,
    trackingInput: { number: input.number },
    notifyCustomer: false,
  });
  const userErrors = userErrorsOf(data.reverseDeliveryShippingUpdate);
  if (userErrors.length > 0 || !data.reverseDeliveryShippingUpdate?.reverseDelivery) {
    throw new AdminUserError("reverseDeliveryShippingUpdate", userErrors.length ? userErrors : [{ message: "Shopify updated no reverse delivery" }]);
  }
}
