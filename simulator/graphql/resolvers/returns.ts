/** Returns, reverse fulfillment orders, reverse deliveries, returnable fulfillments, fulfillment events. */
import { gid, parseGid } from "../../store/ids";
import type {
  DispositionRecord,
  FulfillmentEventRecord,
  FulfillmentRecord,
  OrderRecord,
  ReturnLineItemRecord,
  ReturnRecord,
  ReverseDeliveryLineItemRecord,
  ReverseDeliveryRecord,
  ReverseFulfillmentOrderLineItemRecord,
  ReverseFulfillmentOrderRecord,
} from "../../store/records";
import {
  orderReturnStatus,
  reasonDefinitionOf,
  RETURN_REASON_DEFINITIONS,
  returnableFulfillment,
  returnableFulfillments,
  type ReturnableFulfillment,
} from "../../store/returns";
import { filterByQuery, textContains, textEquals, numberMatches, type SearchFields } from "../../store/search-query";
import type { ShopState } from "../../store/shop-state";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { argId } from "../ids";
import { moneyBag } from "./common";

type ListArgs = ConnectionArgs & { reverse?: boolean | null };

function list<T extends { id: number }>(items: T[], args: ListArgs) {
  return connection(args.reverse ? [...items].reverse() : items, args, (item) => item.id);
}

const emptyConnection = (_s: unknown, args: ConnectionArgs) => connection([], args, () => 0);

const returnSearch: SearchFields<ReturnRecord> = {
  fields: {
    status: (r, t) => textEquals(r.status, t),
    id: (r, t) => numberMatches(r.id, t),
    name: (r, t) => textEquals(r.name, t),
  },
  text: (r, word) => textContains(r.name, word),
};

function lineItemOf(shop: ShopState, fulfillmentLineItemId: number) {
  const lineItemId = shop.fulfillmentLineItem(fulfillmentLineItemId)?.line.lineItemId;
  return lineItemId == null ? undefined : shop.lineItem(lineItemId)?.line;
}

function dispositionsOfDeliveryLine(shop: ShopState, line: ReverseDeliveryLineItemRecord): DispositionRecord[] {
  const found = shop.reverseFulfillmentOrderLineItem(line.reverseFulfillmentOrderLineItemId);
  return found ? found.line.dispositions.filter((d) => d.reverseDeliveryLineItemId === line.id) : [];
}

/** `returnableFulfillment(id:)` / node: ReturnableFulfillment GIDs carry the fulfillment's id. */
export function findReturnableFulfillment(shop: ShopState, id: number): ReturnableFulfillment | null {
  const fulfillment = shop.fulfillments.get(id);
  return fulfillment ? returnableFulfillment(shop, fulfillment) : null;
}

export const returnResolvers: ResolverMap = {
  QueryRoot: {
    return: (_s: unknown, args: { id: string }, ctx: GraphqlContext) => {
      const id = argId("Return", args.id);
      return id == null ? null : (ctx.shop.returns.get(id) ?? null);
    },
    returnableFulfillments: (_s: unknown, args: ListArgs & { orderId: string }, ctx: GraphqlContext) => {
      const orderId = argId("Order", args.orderId);
      const items = orderId == null || !ctx.shop.orders.has(orderId) ? [] : returnableFulfillments(ctx.shop, orderId);
      return connection(args.reverse ? [...items].reverse() : items, args, (r) => r.fulfillment.id);
    },
    returnableFulfillment: (_s: unknown, args: { id: string }, ctx: GraphqlContext) => {
      const id = argId("ReturnableFulfillment", args.id);
      return id == null ? null : findReturnableFulfillment(ctx.shop, id);
    },
    reverseFulfillmentOrder: (_s: unknown, args: { id: string }, ctx: GraphqlContext) => {
      const id = argId("ReverseFulfillmentOrder", args.id);
      return id == null ? null : (ctx.shop.reverseFulfillmentOrders.get(id) ?? null);
    },
    reverseDelivery: (_s: unknown, args: { id: string }, ctx: GraphqlContext) => {
      const id = argId("ReverseDelivery", args.id);
      return id == null ? null : (ctx.shop.reverseDeliveries.get(id) ?? null);
    },
    returnReasonDefinitions: (_s: unknown, args: ListArgs & { handles?: string[] | null; ids?: string[] | null }) => {
      let items = RETURN_REASON_DEFINITIONS.map((d) => ({ __typename: "ReturnReasonDefinition", ...d }));
      if (args.handles) items = items.filter((d) => args.handles!.includes(d.handle));
      if (args.ids) {
        const ids = args.ids.map((id) => parseGid(id)).filter((p) => p?.type === "ReturnReasonDefinition").map((p) => p!.id);
        items = items.filter((d) => ids.includes(d.id));
      }
      return list(items, args);
    },
  },
  Order: {
    returnStatus: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => orderReturnStatus(ctx.shop, o.id),
    returns: (o: OrderRecord, args: ListArgs & { query?: string | null }, ctx: GraphqlContext) =>
      list(filterByQuery(ctx.shop.returnsOf(o.id), args.query, returnSearch), args),
  },
  Fulfillment: {
    events: (f: FulfillmentRecord, args: ListArgs & { sortKey?: "HAPPENED_AT" | "ID" | null }, ctx: GraphqlContext) => {
      const events = [...ctx.shop.eventsOf(f.id)];
      if (args.sortKey === "ID") events.sort((a, b) => a.id - b.id);
      return list(events, args);
    },
  },
  FulfillmentEvent: {
    id: (e: FulfillmentEventRecord) => gid("FulfillmentEvent", e.id),
  },
  Return: {
    id: (r: ReturnRecord) => gid("Return", r.id),
    order: (r: ReturnRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(r.orderId),
    totalQuantity: (r: ReturnRecord) => r.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    returnLineItems: (r: ReturnRecord, args: ListArgs & { processingStatus?: "PROCESSABLE" | "PROCESSED" | null }) => {
      // Nothing is ever processed (no returnProcess): every line of an open return is processable.
      const lines = args.processingStatus === "PROCESSED" ? [] : args.processingStatus === "PROCESSABLE" && r.status !== "OPEN" ? [] : r.lineItems;
      return list(lines, args);
    },
    reverseFulfillmentOrders: (r: ReturnRecord, args: ListArgs, ctx: GraphqlContext) => list(ctx.shop.reverseFulfillmentOrdersOf(r.id), args),
    returnShippingFees: (r: ReturnRecord) =>
      r.shippingFee
        ? [{ __typename: "ReturnShippingFee", id: gid("ReturnShippingFee", r.shippingFee.id), amountSet: moneyBag(r.shippingFee.amount, r.shippingFee.currencyCode) }]
        : [],
    exchangeLineItems: emptyConnection,
    refunds: emptyConnection,
    transactions: emptyConnection,
    staffMember: () => null,
  },
  ReturnLineItem: {
    id: (l: ReturnLineItemRecord) => gid("ReturnLineItem", l.id),
    fulfillmentLineItem: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.fulfillmentLineItem(l.fulfillmentLineItemId)?.line,
    returnReasonDefinition: (l: ReturnLineItemRecord) => ({ __typename: "ReturnReasonDefinition", ...reasonDefinitionOf(l.returnReason) }),
    processableQuantity: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => (ctx.shop.returns.get(l.returnId)?.status === "OPEN" ? l.quantity : 0),
    processedQuantity: () => 0,
    unprocessedQuantity: (l: ReturnLineItemRecord) => l.quantity,
    refundableQuantity: (l: ReturnLineItemRecord) => l.quantity,
    refundedQuantity: () => 0,
    restockingFee: () => null,
    totalWeight: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => {
      const line = lineItemOf(ctx.shop, l.fulfillmentLineItemId);
      return { unit: "GRAMS", value: (line?.weightGrams ?? 0) * l.quantity };
    },
    withCodeDiscountedTotalPriceSet: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) =>
      moneyBag(Number(lineItemOf(ctx.shop, l.fulfillmentLineItemId)?.price ?? 0) * l.quantity, ctx.shop.shop.currencyCode),
  },
  ReturnReasonDefinition: {
    id: (d: { id: number }) => gid("ReturnReasonDefinition", d.id),
    deleted: () => false,
  },
  ReturnableFulfillment: {
    id: (r: ReturnableFulfillment) => gid("ReturnableFulfillment", r.fulfillment.id),
    returnableFulfillmentLineItems: (r: ReturnableFulfillment, args: ListArgs) => {
      const items = r.lines.map((l) => ({ __typename: "ReturnableFulfillmentLineItem", fulfillmentLineItem: l.line, quantity: l.quantity }));
      return connection(args.reverse ? [...items].reverse() : items, args, (i) => i.fulfillmentLineItem.id);
    },
  },
  ReverseFulfillmentOrder: {
    id: (r: ReverseFulfillmentOrderRecord) => gid("ReverseFulfillmentOrder", r.id),
    order: (r: ReverseFulfillmentOrderRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(r.orderId) ?? null,
    lineItems: (r: ReverseFulfillmentOrderRecord, args: ListArgs) => list(r.lineItems, args),
    reverseDeliveries: (r: ReverseFulfillmentOrderRecord, args: ListArgs, ctx: GraphqlContext) => list(ctx.shop.reverseDeliveriesOf(r.id), args),
    thirdPartyConfirmation: () => null,
  },
  ReverseFulfillmentOrderLineItem: {
    id: (l: ReverseFulfillmentOrderLineItemRecord) => gid("ReverseFulfillmentOrderLineItem", l.id),
    fulfillmentLineItem: (l: ReverseFulfillmentOrderLineItemRecord, _a: unknown, ctx: GraphqlContext) =>
      ctx.shop.fulfillmentLineItem(l.fulfillmentLineItemId)?.line ?? null,
  },
  ReverseFulfillmentOrderDisposition: {
    id: (d: DispositionRecord) => gid("ReverseFulfillmentOrderDisposition", d.id),
    location: (d: DispositionRecord, _a: unknown, ctx: GraphqlContext) => (d.locationId == null ? null : (ctx.shop.locations.get(d.locationId) ?? null)),
  },
  ReverseDelivery: {
    id: (d: ReverseDeliveryRecord) => gid("ReverseDelivery", d.id),
    reverseFulfillmentOrder: (d: ReverseDeliveryRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.reverseFulfillmentOrders.get(d.reverseFulfillmentOrderId),
    reverseDeliveryLineItems: (d: ReverseDeliveryRecord, args: ListArgs) => list(d.lines, args),
    deliverable: (d: ReverseDeliveryRecord) =>
      d.tracking || d.label
        ? {
            __typename: "ReverseDeliveryShippingDeliverable",
            tracking: d.tracking ? { __typename: "ReverseDeliveryTrackingV2", ...d.tracking } : null,
            label: d.label ? { __typename: "ReverseDeliveryLabelV2", ...d.label } : null,
          }
        : null,
  },
  ReverseDeliveryLineItem: {
    id: (l: ReverseDeliveryLineItemRecord) => gid("ReverseDeliveryLineItem", l.id),
    reverseFulfillmentOrderLineItem: (l: ReverseDeliveryLineItemRecord, _a: unknown, ctx: GraphqlContext) =>
      ctx.shop.reverseFulfillmentOrderLineItem(l.reverseFulfillmentOrderLineItemId)?.line,
    dispositions: (l: ReverseDeliveryLineItemRecord, _a: unknown, ctx: GraphqlContext) => dispositionsOfDeliveryLine(ctx.shop, l),
  },
};
