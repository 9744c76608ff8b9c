import { fulfillmentOrderVisible } from "../../access/visibility";
import { gid, externalId } from "../../store/ids";
import { displayFulfillmentStatus, fulfilledQuantity, unfulfilledQuantity } from "../../store/orders";
import { filterByQuery } from "../../store/search-query";
import { fulfillmentOrderSearch } from "../../store/queries";
import type { CustomerRecord, LineItemRecord, MailingAddressRecord, OrderRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { addressFields, count, money } from "./common";
import { totalRefunded } from "../../store/refunds";
import { orderMoneyBag, orderSubtotal, originalUnitPrice, scaleBag, subtractBag, unitPrice, ZERO, type Bag } from "../../store/money";
import { currentOrderTotal, totalOutstanding } from "../../store/return-processing";
import { netPayment } from "../../store/refunds";

/** A MoneyBag of an order: shop money in the shop currency, presentment money in the customer's. */
const bag = (o: OrderRecord, amount: Bag) => orderMoneyBag(o, amount);

function lineOrder(ctx: GraphqlContext, l: LineItemRecord): OrderRecord {
  return ctx.shop.orders.get(l.orderId)!;
}

/** `quantity` units of a line at the price the customer paid (or before discounts, `original`). */
function lineBag(ctx: GraphqlContext, l: LineItemRecord, quantity: number, original = false) {
  const order = lineOrder(ctx, l);
  return bag(order, scaleBag((original ? originalUnitPrice : unitPrice)(order, l), quantity));
}

/** HIGH: cancel, MEDIUM: investigate, LOW: accept; no assessment yet (or NONE, PENDING): none. */
function riskRecommendation(o: OrderRecord): "CANCEL" | "INVESTIGATE" | "ACCEPT" | "NONE" {
  const levels = new Set((o.riskAssessments ?? []).map((a) => a.riskLevel));
  return levels.has("HIGH") ? "CANCEL" : levels.has("MEDIUM") ? "INVESTIGATE" : levels.has("LOW") ? "ACCEPT" : "NONE";
}

export const orderResolvers: ResolverMap = {
  Order: {
    id: (o: OrderRecord) => gid("Order", o.id),
    legacyResourceId: (o: OrderRecord) => externalId(o.id),
    customer: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => (o.customerId == null ? null : (ctx.shop.customers.get(o.customerId) ?? null)),
    displayAddress: (o: OrderRecord) => o.shippingAddress ?? o.billingAddress,
    billingAddressMatchesShippingAddress: () => true,
    lineItems: (o: OrderRecord, args: ConnectionArgs & { reverse?: boolean }) =>
      connection(args.reverse ? [...o.lineItems].reverse() : o.lineItems, args, (l) => l.id),
    displayFinancialStatus: (o: OrderRecord) => o.financialStatus,
    // OrderRiskSummary: the assessments, and the recommendation their highest level gives (FIDELITY RK-1).
    risk: (o: OrderRecord) => ({ assessments: (o.riskAssessments ?? []).map((a) => ({ riskLevel: a.riskLevel, facts: [], provider: null })), recommendation: riskRecommendation(o) }),
    displayFulfillmentStatus: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => displayFulfillmentStatus(ctx.shop, o),
    closed: (o: OrderRecord) => o.closedAt != null,
    confirmed: () => true,
    test: () => false,
    fullyPaid: (o: OrderRecord) => o.financialStatus === "PAID",
    unpaid: (o: OrderRecord) => o.financialStatus === "PENDING" || o.financialStatus === "AUTHORIZED",
    fulfillable: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) =>
      o.cancelledAt == null && o.lineItems.some((l) => unfulfilledQuantity(ctx.shop, l) > 0),
    requiresShipping: (o: OrderRecord) => o.deliveryMethod === "SHIPPING",
    presentmentCurrencyCode: (o: OrderRecord) => o.presentmentCurrencyCode,
    sourceName: () => "web",
    customerLocale: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) =>
      o.customerId == null ? null : (ctx.shop.customers.get(o.customerId)?.locale ?? null),
    subtotalLineItemsQuantity: (o: OrderRecord) => o.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    currentSubtotalLineItemsQuantity: (o: OrderRecord) => o.lineItems.reduce((sum, l) => sum + l.quantity, 0),
    totalWeight: (o: OrderRecord) => String(o.lineItems.reduce((sum, l) => sum + l.weightGrams * l.quantity, 0)),
    subtotalPriceSet: (o: OrderRecord) => bag(o, orderSubtotal(o)),
    totalPriceSet: (o: OrderRecord) => bag(o, orderSubtotal(o)),
    currentSubtotalPriceSet: (o: OrderRecord) => bag(o, orderSubtotal(o)),
    // "after returns": processed returned units out, processed exchange items and return fees in (EX-5).
    currentTotalPriceSet: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => bag(o, currentOrderTotal(ctx.shop, o)),
    totalOutstandingSet: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => bag(o, totalOutstanding(ctx.shop, o)),
    netPaymentSet: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => bag(o, netPayment(ctx.shop, o)),
    totalShippingPriceSet: (o: OrderRecord) => bag(o, ZERO),
    totalTaxSet: (o: OrderRecord) => bag(o, ZERO),
    totalDiscountsSet: (o: OrderRecord) => bag(o, ZERO),
    totalRefundedSet: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => {
      // Refunds the simulator made, else (seeded orders) all or nothing by financial status.
      const refunded = totalRefunded(ctx.shop, o.id);
      return bag(o, refunded.presentment || refunded.shop ? refunded : o.financialStatus === "REFUNDED" ? orderSubtotal(o) : ZERO);
    },
    transactions: (o: OrderRecord, args: { first?: number | null }, ctx: GraphqlContext) =>
      ctx.shop.transactionsOf(o.id).slice(0, args.first ?? undefined),
    refunds: (o: OrderRecord, args: { first?: number | null }, ctx: GraphqlContext) => ctx.shop.refundsOf(o.id).slice(0, args.first ?? undefined),
    statusPageUrl: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => `https://${ctx.shop.domain}/orders/${o.id}/authenticate`,
    fulfillmentOrders: (o: OrderRecord, args: ConnectionArgs & { displayable?: boolean | null; query?: string | null; reverse?: boolean }, ctx: GraphqlContext) => {
      let fos = ctx.shop.fulfillmentOrdersOf(o.id).filter((fo) => fulfillmentOrderVisible(ctx.shop, fo));
      if (args.displayable) fos = fos.filter((fo) => fo.status !== "CLOSED" || fo.lineItems.some((l) => l.totalQuantity > 0));
      fos = filterByQuery(fos, args.query, fulfillmentOrderSearch);
      return connection(args.reverse ? [...fos].reverse() : fos, args, (fo) => fo.id);
    },
    fulfillments: (o: OrderRecord, args: { first?: number | null }, ctx: GraphqlContext) =>
      ctx.shop.fulfillmentsOf(o.id).slice(0, args.first ?? undefined),
    fulfillmentsCount: (o: OrderRecord, _a: unknown, ctx: GraphqlContext) => count(ctx.shop.fulfillmentsOf(o.id).length),
    physicalLocation: () => null,
    retailLocation: () => null,
    poNumber: () => null,
    discountCode: () => null,
    discountCodes: () => [],
    paymentGatewayNames: () => ["manual"],
  },
  LineItem: {
    id: (l: LineItemRecord) => gid("LineItem", l.id),
    name: (l: LineItemRecord) => (l.variantTitle ? `${l.title} - ${l.variantTitle}` : l.title),
    variant: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => (l.variantId == null ? null : (ctx.shop.variants.get(l.variantId) ?? null)),
    product: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => (l.productId == null ? null : (ctx.shop.products.get(l.productId) ?? null)),
    currentQuantity: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) =>
      ctx.shop.orders.get(l.orderId)?.cancelledAt ? fulfilledQuantity(ctx.shop, l) : l.quantity,
    unfulfilledQuantity: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => unfulfilledQuantity(ctx.shop, l),
    fulfillableQuantity: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => unfulfilledQuantity(ctx.shop, l),
    nonFulfillableQuantity: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => l.quantity - fulfilledQuantity(ctx.shop, l) - unfulfilledQuantity(ctx.shop, l),
    refundableQuantity: (l: LineItemRecord) => l.quantity,
    fulfillmentStatus: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => {
      const done = fulfilledQuantity(ctx.shop, l);
      return done >= l.quantity ? "fulfilled" : done > 0 ? "partial" : "unfulfilled";
    },
    customAttributes: () => [],
    isGiftCard: () => false,
    taxable: () => true,
    restockable: () => true,
    merchantEditable: () => true,
    image: () => null,
    fulfillmentService: () => null,
    weight: (l: LineItemRecord) => ({ unit: "GRAMS", value: l.weightGrams }),
    originalUnitPrice: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => money(l.price, lineOrder(ctx, l).currencyCode).amount,
    originalUnitPriceSet: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => lineBag(ctx, l, 1, true),
    discountedUnitPriceSet: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => lineBag(ctx, l, 1),
    discountedUnitPriceAfterAllDiscountsSet: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => lineBag(ctx, l, 1),
    originalTotalSet: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => lineBag(ctx, l, l.quantity, true),
    discountedTotalSet: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => lineBag(ctx, l, l.quantity),
    totalDiscountSet: (l: LineItemRecord, _a: unknown, ctx: GraphqlContext) => {
      const order = lineOrder(ctx, l);
      return bag(order, scaleBag(subtractBag(originalUnitPrice(order, l), unitPrice(order, l)), l.quantity));
    },
  },
  MailingAddress: {
    id: (a: MailingAddressRecord) => gid("MailingAddress", a.id),
    name: (a: MailingAddressRecord) => [a.firstName, a.lastName].filter(Boolean).join(" ") || null,
    countryCodeV2: (a: MailingAddressRecord) => a.countryCode,
    coordinatesValidated: (a: MailingAddressRecord) => a.latitude != null,
    formatted: (a: MailingAddressRecord, args: { withName?: boolean; withCompany?: boolean }) =>
      addressFields(a, args.withName ? [a.firstName, a.lastName].filter(Boolean).join(" ") : null).formatted,
    formattedArea: (a: MailingAddressRecord) => addressFields(a).formattedArea,
    timeZone: () => null,
  },
  Customer: {
    id: (c: CustomerRecord) => gid("Customer", c.id),
    legacyResourceId: (c: CustomerRecord) => externalId(c.id),
    displayName: (c: CustomerRecord) => [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || "",
    defaultEmailAddress: (c: CustomerRecord) => (c.email ? { emailAddress: c.email, marketingState: "NOT_SUBSCRIBED" } : null),
    defaultPhoneNumber: (c: CustomerRecord) => (c.phone ? { phoneNumber: c.phone, marketingState: "NOT_SUBSCRIBED" } : null),
    numberOfOrders: (c: CustomerRecord, _a: unknown, ctx: GraphqlContext) =>
      String([...ctx.shop.orders.values()].filter((o) => o.customerId === c.id).length),
    verifiedEmail: () => true,
    validEmailAddress: (c: CustomerRecord) => c.email != null,
    state: () => "ENABLED",
    taxExempt: () => false,
  },
};
