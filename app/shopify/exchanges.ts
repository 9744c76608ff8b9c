// Admin API adapter for exchanges (https://shopify.dev/docs/apps/build/orders-fulfillment/returns-apps/manage-exchanges):
// the returned items' products with their variants (what a shopper may swap to), and `returnCreate`
// with `exchangeLineItems`, the only mutation that puts new items on a return (`returnRequest`'s
// input has no such field): "Creates a return in the OPEN state, and assumes that the return request
// from the customer has already been approved" — Crossdock's desk still decides on it.
import type { CatalogVariant } from "~/domain/returns/exchange";
import type { CurrencyCode } from "~/types/admin.types";
import { adminRequest, AdminUserError, type AdminGraphql } from "./admin-graphql";
import { resolveReasonDefinitions, type ReturnRequestLineInput } from "./returns";

/**
 * Variants asked about per request: each brings its product's first 100 variants, so five keep a
 * request within the app's query budget (tests/simulator/app-documents-cost.test.ts); an order with
 * more returnable lines is read in several requests.
 */
export const EXCHANGE_VARIANTS_PER_REQUEST = 5;

export const EXCHANGE_PRODUCT_VARIANTS_QUERY = `#graphql
  query CrossdockExchangeProductVariants($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        product {
          id
          status
          variants(first: 100) {
            nodes {
              id
              title
              sku
              price
            }
          }
        }
      }
    }
  }
`;

/**
 * For each returned variant, the other variants of its product as the catalogue has them now (an
 * archived or draft product offers none). Variant ids Shopify no longer knows map to nothing.
 */
export async function fetchExchangeCatalog(graphql: AdminGraphql, variantIds: readonly string[]): Promise<Map<string, CatalogVariant[]>> {
  const ids = [...new Set(variantIds)];
  const catalog = new Map<string, CatalogVariant[]>();
  if (ids.length === 0) return catalog;
  for (let at = 0; at < ids.length; at += EXCHANGE_VARIANTS_PER_REQUEST) {
    const data = await adminRequest(graphql, EXCHANGE_PRODUCT_VARIANTS_QUERY, { ids: ids.slice(at, at + EXCHANGE_VARIANTS_PER_REQUEST) });
    for (const node of data.nodes) {
      if (!node || !("product" in node) || !node.product) continue;
      if (node.product.status !== "ACTIVE") {
        catalog.set(node.id, []);
        continue;
      }
      catalog.set(
        node.id,
        node.product.variants.nodes.map((v) => ({ id: v.id, title: v.title, sku: v.sku || null, price: String(v.price) })),
      );
    }
  }
  return catalog;
}

export const RETURN_CREATE_MUTATION = `#graphql
  mutation CrossdockReturnCreate($input: ReturnInput!) {
    returnCreate(returnInput: $input) {
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
        exchangeLineItems(first: 50) {
          nodes {
            id
            variantId
            quantity
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

export interface ExchangeLineInput {
  variantId: string;
  quantity: number;
  /** Off each unit, in the order's presentment currency (the merchant's exchange bonus); 0: none. */
  unitDiscount?: { amount: string; currencyCode: string } | null;
}

export interface CreatedReturn {
  id: string;
  name: string;
  status: string;
  lines: { id: string; quantity: number; fulfillmentLineItemId: string | null }[];
  exchangeLines: { id: string; variantId: string | null; quantity: number }[];
}

/** Shopify's longest `returnReasonNote` ("Maximum length: 255 characters", `ReturnLineItemInput`). */
const REASON_NOTE_MAX = 255;

/**
 * returnCreate with the returned lines and the new items. Refusals (an unknown variant, a discount
 * above the item's price …) throw AdminUserError and create nothing.
 */
export async function createReturnWithExchanges(
  graphql: AdminGraphql,
  input: {
    orderId: string;
    lines: ReturnRequestLineInput[];
    exchanges: ExchangeLineInput[];
    returnShippingFee?: { amount: string; currencyCode: string } | null;
    requestedAt: Date;
  },
): Promise<CreatedReturn> {
  const definitions = await resolveReasonDefinitions(graphql, input.lines.map((l) => l.reason));
  const fee =
    input.returnShippingFee && Number(input.returnShippingFee.amount) > 0
      ? { amount: { amount: input.returnShippingFee.amount, currencyCode: input.returnShippingFee.currencyCode as CurrencyCode } }
      : undefined;
  const data = await adminRequest(graphql, RETURN_CREATE_MUTATION, {
    input: {
      orderId: input.orderId,
      requestedAt: input.requestedAt.toISOString(),
      returnLineItems: input.lines.map((l) => ({
        fulfillmentLineItemId: l.fulfillmentLineItemId,
        quantity: l.quantity,
        returnReasonDefinitionId: definitions.get(l.reason)!,
        // Crossdock keeps the shopper's whole note; Shopify takes at most 255 characters of it here.
        ...(l.customerNote ? { returnReasonNote: [...l.customerNote].slice(0, REASON_NOTE_MAX).join("") } : {}),
        ...(l.restockingFeePercentage ? { restockingFee: { percentage: l.restockingFeePercentage } } : {}),
      })),
      exchangeLineItems: input.exchanges.map((e) => ({
        variantId: e.variantId,
        quantity: e.quantity,
        ...(e.unitDiscount && Number(e.unitDiscount.amount) > 0
          ? { appliedDiscount: { description: "Exchange bonus", value: { amount: { amount: e.unitDiscount.amount, currencyCode: e.unitDiscount.currencyCode as CurrencyCode } } } }
          : {}),
      })),
      ...(fee ? { returnShippingFee: fee } : {}),
    },
  });
  const payload = data.returnCreate;
  const ret = payload?.return;
  if (!payload || payload.userErrors.length > 0 || !ret) {
    throw new AdminUserError("returnCreate", payload?.userErrors.length ? payload.userErrors : [{ message: "Shopify created no return" }]);
  }
  return {
    id: ret.id,
    name: ret.name,
    status: ret.status,
    lines: ret.returnLineItems.nodes.map((l) => ({ id: l.id, quantity: l.quantity, fulfillmentLineItemId: "fulfillmentLineItem" in l && l.fulfillmentLineItem ? l.fulfillmentLineItem.id : null })),
    exchangeLines: ret.exchangeLineItems.nodes.map((e) => ({ id: e.id, variantId: e.variantId ?? null, quantity: e.quantity })),
  };
}

export const RETURN_EXCHANGE_LINES_QUERY = `#graphql
  query CrossdockReturnExchangeLines($id: ID!) {
    return(id: $id) {
      id
      exchangeLineItems(first: 50) {
        nodes {
          id
          processableQuantity
          processedQuantity
        }
      }
    }
  }
`;

/** A return's exchange line items with what is left to confirm; null when Shopify has no such return. */
export async function fetchExchangeLines(graphql: AdminGraphql, returnId: string): Promise<{ id: string; processableQuantity: number; processedQuantity: number }[] | null> {
  const data = await adminRequest(graphql, RETURN_EXCHANGE_LINES_QUERY, { id: returnId });
  if (!data.return) return null;
  return data.return.exchangeLineItems.nodes.map((n) => ({ id: n.id, processableQuantity: n.processableQuantity, processedQuantity: n.processedQuantity }));
}

export const RETURN_CANCEL_MUTATION = `#graphql
  mutation CrossdockReturnCancel($id: ID!) {
    returnCancel(id: $id) {
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

/**
 * returnCancel: withdraws an OPEN return nothing was done on yet (what a return with exchanges is
 * when Crossdock could not record it; `returnDeclineRequest` only takes REQUESTED ones). Refusals
 * throw AdminUserError.
 */
export async function cancelReturn(graphql: AdminGraphql, id: string): Promise<void> {
  const data = await adminRequest(graphql, RETURN_CANCEL_MUTATION, { id });
  const payload = data.returnCancel;
  if (!payload || payload.userErrors.length > 0) throw new AdminUserError("returnCancel", payload?.userErrors.length ? payload.userErrors : [{ message: "Shopify canceled nothing" }]);
}
