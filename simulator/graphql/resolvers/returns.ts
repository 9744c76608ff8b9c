/** Returns, reverse fulfillment orders, reverse deliveries, returnable fulfillments, fulfillment events. */
import { gid, parseGid, externalId } from "../../store/ids";
import type {
  ExchangeLineItemRecord,
  OrderTransactionRecord,
  RefundRecord,
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
  orderOfReturn,
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
import { orderMoneyBag, toMinor, ZERO } from "../../store/money";
import {
  processableQuantity,
  refundableQuantity,
  restockingFeeOf,
  returnLineValue,
  returnShippingFeeOf,
  suggestFinancialOutcome,
  type FinancialOutcome,
  type OutcomeLine,
} from "../../store/return-processing";
import { GraphQLError } from "graphql";
import { exchangeProcessableQuantity } from "../../store/exchanges";
import { calculateReturn, type CalculatedReturn } from "../../store/return-calculation";
import { exchangeLines, type ExchangeInput } from "../mutations/returns";

interface SuggestionArgs {
  returnLineItems?: { id: string; quantity: number }[];
  returnRefundLineItems?: { returnLineItemId: string; quantity: number }[];
  exchangeLineItems?: { id: string; quantity: number }[];
  refundShipping?: { fullRefund?: boolean | null; shippingRefundAmount?: { amount: string; currencyCode: string } | null } | null;
  refundDuties?: unknown[] | null;
}

/** The suggested outcome for the argument's lines; bad lines are a GraphQL error naming them. */
function suggestion<L>(ctx: GraphqlContext, r: ReturnRecord, args: SuggestionArgs, name: "returnLineItems" | "returnRefundLineItems", toLine: (l: L) => OutcomeLine): FinancialOutcome {
  const lines = ((args[name] ?? []) as L[]).map(toLine);
  const exchanges = (args.exchangeLineItems ?? []).map((l) => ({ exchangeLineItemId: argId("ExchangeLineItem", l.id), quantity: l.quantity }));
  const outcome = suggestFinancialOutcome(ctx.shop, r, lines, name, exchanges);
  if (!outcome.ok) throw new GraphQLError(outcome.userErrors.map((e) => `${(e.field ?? []).join(".")}: ${e.message}`).join("; "));
  return outcome.value;
}

/** The simulator's orders charge no shipping: nothing to refund, nothing refundable. */
function shippingRefund(order: OrderRecord) {
  const zero = orderMoneyBag(order, ZERO);
  return { __typename: "ShippingRefund", amountSet: zero, maximumRefundableSet: zero, taxSet: zero };
}

function suggestedTransactions(outcome: FinancialOutcome) {
  if (!outcome.sale || !outcome.refund) return [];
  return [
    {
      __typename: "SuggestedOrderTransaction",
      kind: "SUGGESTED_REFUND",
      amountSet: orderMoneyBag(outcome.order, outcome.refund),
      maximumRefundableSet: orderMoneyBag(outcome.order, outcome.maximumRefundable),
      gateway: outcome.sale.gateway,
      formattedGateway: formattedGateway(outcome.sale.gateway),
      parentTransaction: outcome.sale,
      accountNumber: null,
      paymentDetails: null,
    },
  ];
}

function formattedGateway(gateway: string): string {
  return gateway === "shopify_payments" ? "Shopify Payments" : gateway === "manual" ? "Manual" : gateway;
}

type ListArgs = ConnectionArgs & { reverse?: boolean | null };

function list<T extends { id: number }>(items: T[], args: ListArgs) {
  return connection(args.reverse ? [...items].reverse() : items, args, (item) => item.id);
}

type ProcessingListArgs = ListArgs & { processingStatus?: "PROCESSABLE" | "PROCESSED" | null };

/** `processingStatus: PROCESSED`: lines with processed units; `PROCESSABLE`: lines with units left to process. */
function byProcessingStatus<T extends { processedQuantity: number }>(items: T[], args: ProcessingListArgs, processable: (item: T) => number): T[] {
  if (args.processingStatus === "PROCESSED") return items.filter((l) => l.processedQuantity > 0);
  if (args.processingStatus === "PROCESSABLE") return items.filter((l) => processable(l) > 0);
  return items;
}

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

/** schema `CalculatedReturn`: the priced lines; ids of what does not exist yet are null (the schema's `ID`). */
function calculatedReturnOf(ctx: GraphqlContext, c: CalculatedReturn) {
  const o = c.order;
  const zero = orderMoneyBag(o, ZERO);
  return {
    id: gid("CalculatedReturn", ctx.shop.nextId("CalculatedReturn")),
    returnLineItems: c.returnLineItems.map((l) => ({
      id: null,
      fulfillmentLineItem: ctx.shop.fulfillmentLineItem(l.fulfillmentLineItemId)!.line,
      quantity: l.quantity,
      subtotalSet: orderMoneyBag(o, l.subtotal),
      subtotalBeforeOrderDiscountsSet: orderMoneyBag(o, l.subtotal),
      totalTaxSet: zero,
      restockingFee: l.restockingFee
        ? { id: gid("RestockingFee", ctx.shop.nextId("RestockingFee")), percentage: l.restockingFee.percentage, amountSet: orderMoneyBag(o, l.restockingFee.amount) }
        : null,
    })),
    exchangeLineItems: c.exchangeLineItems.map((l) => ({
      id: null,
      variant: ctx.shop.variants.get(l.variantId) ?? null,
      quantity: l.quantity,
      originalUnitPriceSet: orderMoneyBag(o, l.originalUnitPrice),
      discountedUnitPriceSet: orderMoneyBag(o, l.discountedUnitPrice),
      subtotalSet: orderMoneyBag(o, l.subtotal),
      totalTaxSet: zero,
      calculatedDiscountAllocations: l.discount
        ? [
            {
              allocatedAmountSet: orderMoneyBag(o, l.discount.total),
              discountApplication: {
                __typename: "CalculatedManualDiscountApplication",
                id: gid("CalculatedReturn", ctx.shop.nextId("CalculatedReturn")),
                description: l.discount.description,
                allocationMethod: "ONE",
                appliedTo: "LINE",
                targetSelection: "EXPLICIT",
                targetType: "LINE_ITEM",
                value:
                  l.discount.percentage != null
                    ? { __typename: "PricingPercentageValue", percentage: l.discount.percentage }
                    : { __typename: "MoneyV2", amount: l.discount.amount, currencyCode: o.presentmentCurrencyCode },
              },
            },
          ]
        : [],
    })),
    returnShippingFee: c.returnShippingFee ? { id: gid("ReturnShippingFee", ctx.shop.nextId("ReturnShippingFee")), amountSet: orderMoneyBag(o, c.returnShippingFee) } : null,
  };
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
    returnCalculate: (
      _s: unknown,
      args: {
        input: {
          orderId: string;
          returnLineItems?: { fulfillmentLineItemId: string; quantity: number; restockingFee?: { percentage: number } | null }[] | null;
          exchangeLineItems?: ExchangeInput[] | null;
          returnShippingFee?: { amount: { amount: string; currencyCode: string } } | null;
        };
      },
      ctx: GraphqlContext,
    ) => {
      const input = args.input;
      const exchanges = input.exchangeLineItems ?? [];
      const calculated = calculateReturn(
        ctx.shop,
        {
          fieldRoot: "input",
          orderId: argId("Order", input.orderId),
          lines: (input.returnLineItems ?? []).map((l) => ({ fulfillmentLineItemId: argId("FulfillmentLineItem", l.fulfillmentLineItemId), quantity: l.quantity, restockingFee: l.restockingFee ?? null })),
          exchangeLines: exchangeLines(exchanges),
          shippingFee: input.returnShippingFee?.amount ?? null,
        },
        exchanges.map((e) => e.appliedDiscount?.value ?? null),
      );
      // A query has no userErrors: what returnCreate would refuse is a GraphQL error naming the input.
      if (!calculated.ok) throw new GraphQLError(calculated.userErrors.map((e) => `${(e.field ?? []).join(".")}: ${e.message}`).join("; "));
      return calculatedReturnOf(ctx, calculated.value);
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
    returnLineItems: (r: ReturnRecord, args: ProcessingListArgs) => list(byProcessingStatus(r.lineItems, args, (l) => processableQuantity(r, l)), args),
    reverseFulfillmentOrders: (r: ReturnRecord, args: ListArgs, ctx: GraphqlContext) => list(ctx.shop.reverseFulfillmentOrdersOf(r.id), args),
    returnShippingFees: (r: ReturnRecord, _a: unknown, ctx: GraphqlContext) => {
      const order = orderOfReturn(ctx.shop, r);
      return r.shippingFee
        ? [{ __typename: "ReturnShippingFee", id: gid("ReturnShippingFee", r.shippingFee.id), amountSet: orderMoneyBag(order, returnShippingFeeOf(order, r)) }]
        : [];
    },
    // schema: `Return.exchangeLineItems`; `includeRemovedItems`: the simulator never removes exchange items.
    exchangeLineItems: (r: ReturnRecord, args: ProcessingListArgs) => list(byProcessingStatus(r.exchangeLineItems, args, (l) => exchangeProcessableQuantity(r, l)), args),
    refunds: (r: ReturnRecord, args: ConnectionArgs, ctx: GraphqlContext) =>
      connection(ctx.shop.refundsOf(r.orderId).filter((f) => f.returnId === r.id), args, (f) => f.id),
    transactions: (r: ReturnRecord, args: ConnectionArgs, ctx: GraphqlContext) => {
      const ids = new Set(ctx.shop.refundsOf(r.orderId).filter((f) => f.returnId === r.id).map((f) => f.transactionId));
      return connection(ctx.shop.transactionsOf(r.orderId).filter((t) => ids.has(t.id)), args, (t) => t.id);
    },
    staffMember: () => null,
    suggestedFinancialOutcome: (r: ReturnRecord, args: SuggestionArgs, ctx: GraphqlContext) => {
      const outcome = suggestion(ctx, r, args, "returnLineItems", (l: { id: string; quantity: number }) => ({ returnLineItemId: argId("ReturnLineItem", l.id), quantity: l.quantity }));
      const o = outcome.order;
      return {
        __typename: "SuggestedReturnFinancialOutcome",
        discountedSubtotal: orderMoneyBag(o, outcome.discountedSubtotal),
        maximumRefundable: orderMoneyBag(o, outcome.maximumRefundable),
        totalAdditionalFees: orderMoneyBag(o, ZERO),
        totalCartDiscountAmount: orderMoneyBag(o, ZERO),
        totalDuties: orderMoneyBag(o, ZERO),
        totalTax: orderMoneyBag(o, ZERO),
        refundDuties: [],
        shipping: shippingRefund(o),
        financialTransfer: outcome.refund
          ? {
              __typename: "RefundReturnOutcome",
              amount: orderMoneyBag(o, outcome.refund),
              suggestedRefundMethods: [],
              suggestedTransactions: suggestedTransactions(outcome),
            }
          : outcome.invoice
            ? { __typename: "InvoiceReturnOutcome", amount: orderMoneyBag(o, outcome.invoice) }
            : null,
      };
    },
    suggestedRefund: (r: ReturnRecord, args: SuggestionArgs, ctx: GraphqlContext) => {
      const outcome = suggestion(ctx, r, args, "returnRefundLineItems", (l: { returnLineItemId: string; quantity: number }) => ({ returnLineItemId: argId("ReturnLineItem", l.returnLineItemId), quantity: l.quantity }));
      const o = outcome.order;
      return {
        __typename: "SuggestedReturnRefund",
        amount: orderMoneyBag(o, outcome.refund ?? ZERO),
        subtotal: orderMoneyBag(o, outcome.discountedSubtotal),
        discountedSubtotal: orderMoneyBag(o, outcome.discountedSubtotal),
        maximumRefundable: orderMoneyBag(o, outcome.maximumRefundable),
        totalCartDiscountAmount: orderMoneyBag(o, ZERO),
        totalDuties: orderMoneyBag(o, ZERO),
        totalTax: orderMoneyBag(o, ZERO),
        refundDuties: [],
        shipping: shippingRefund(o),
        suggestedTransactions: outcome.refund ? suggestedTransactions(outcome) : [],
      };
    },
  },
  Refund: {
    id: (f: RefundRecord) => gid("Refund", f.id),
    legacyResourceId: (f: RefundRecord) => externalId(f.id),
    order: (f: RefundRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(f.orderId),
    return: (f: RefundRecord, _a: unknown, ctx: GraphqlContext) => (f.returnId == null ? null : (ctx.shop.returns.get(f.returnId) ?? null)),
    processedAt: (f: RefundRecord) => f.createdAt,
    updatedAt: (f: RefundRecord) => f.createdAt,
    totalRefundedSet: (f: RefundRecord, _a: unknown, ctx: GraphqlContext) => {
      const order = ctx.shop.orders.get(f.orderId)!;
      return orderMoneyBag(order, { shop: toMinor(f.shopAmount, order.currencyCode), presentment: toMinor(f.amount, order.presentmentCurrencyCode) });
    },
    transactions: (f: RefundRecord, args: ConnectionArgs, ctx: GraphqlContext) => {
      const t = ctx.shop.transactions.get(f.transactionId);
      return connection(t ? [t] : [], args, (x) => x.id);
    },
    staffMember: () => null,
    duties: () => [],
  },
  OrderTransaction: {
    id: (t: OrderTransactionRecord) => gid("OrderTransaction", t.id),
    amountSet: (t: OrderTransactionRecord, _a: unknown, ctx: GraphqlContext) => orderMoneyBag(ctx.shop.orders.get(t.orderId)!, t.amount),
    formattedGateway: (t: OrderTransactionRecord) => formattedGateway(t.gateway),
    processedAt: (t: OrderTransactionRecord) => t.createdAt,
    order: (t: OrderTransactionRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.orders.get(t.orderId) ?? null,
    parentTransaction: (t: OrderTransactionRecord, _a: unknown, ctx: GraphqlContext) => (t.parentId == null ? null : (ctx.shop.transactions.get(t.parentId) ?? null)),
    test: () => false,
    manualPaymentGateway: (t: OrderTransactionRecord) => t.gateway === "manual",
    accountNumber: () => null,
    errorCode: () => null,
    paymentDetails: () => null,
  },
  ReturnLineItem: {
    id: (l: ReturnLineItemRecord) => gid("ReturnLineItem", l.id),
    fulfillmentLineItem: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.fulfillmentLineItem(l.fulfillmentLineItemId)?.line,
    returnReasonDefinition: (l: ReturnLineItemRecord) => ({ __typename: "ReturnReasonDefinition", ...reasonDefinitionOf(l.returnReason) }),
    processableQuantity: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => processableQuantity(ctx.shop.returns.get(l.returnId)!, l),
    unprocessedQuantity: (l: ReturnLineItemRecord) => l.quantity - l.processedQuantity,
    refundableQuantity: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => refundableQuantity(ctx.shop.returns.get(l.returnId)!, l),
    restockingFee: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => {
      if (!l.restockingFee) return null;
      const ret = ctx.shop.returns.get(l.returnId)!;
      return {
        __typename: "RestockingFee",
        id: gid("RestockingFee", l.restockingFee.id),
        percentage: l.restockingFee.percentage,
        amountSet: orderMoneyBag(orderOfReturn(ctx.shop, ret), restockingFeeOf(ctx.shop, l)),
      };
    },
    totalWeight: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) => {
      const line = lineItemOf(ctx.shop, l.fulfillmentLineItemId);
      return { unit: "GRAMS", value: (line?.weightGrams ?? 0) * l.quantity };
    },
    withCodeDiscountedTotalPriceSet: (l: ReturnLineItemRecord, _a: unknown, ctx: GraphqlContext) =>
      orderMoneyBag(orderOfReturn(ctx.shop, ctx.shop.returns.get(l.returnId)!), returnLineValue(ctx.shop, l)),
  },
  ExchangeLineItem: {
    id: (l: ExchangeLineItemRecord) => gid("ExchangeLineItem", l.id),
    productId: (l: ExchangeLineItemRecord) => gid("Product", l.productId),
    variantId: (l: ExchangeLineItemRecord) => gid("ProductVariant", l.variantId),
    variantSku: (l: ExchangeLineItemRecord) => l.sku,
    // "If the exchange line has been processed multiple times, this will be the first associated line item".
    lineItem: (l: ExchangeLineItemRecord, _a: unknown, ctx: GraphqlContext) => (l.lineItemIds.length ? (ctx.shop.lineItem(l.lineItemIds[0]!)?.line ?? null) : null),
    lineItems: (l: ExchangeLineItemRecord, _a: unknown, ctx: GraphqlContext) => l.lineItemIds.map((id) => ctx.shop.lineItem(id)?.line).filter((x) => x != null),
    processableQuantity: (l: ExchangeLineItemRecord, _a: unknown, ctx: GraphqlContext) => exchangeProcessableQuantity(ctx.shop.returns.get(l.returnId)!, l),
    unprocessedQuantity: (l: ExchangeLineItemRecord) => l.quantity - l.processedQuantity,
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
