// The return's page in the desk: items with reasons and notes, the order, the policy checks that
// passed or failed, risk signals (the customer's returns in the last 90 days, value, reasons), what
// the rules said, the timeline, and which actions its status allows.
import { pendingLabelProblem } from "~/domain/returns/label-problem";
import { readFlagReason } from "~/domain/returns/flag-reason";
import { money, moneyAmount, toShop } from "~/domain/returns/money";
import { deskActions } from "~/domain/returns/status";
import { exchangeChargedOf, moneyBackOf } from "~/domain/returns/exchange";
import { exchangePaymentStage } from "~/domain/returns/exchange-payment";
import { storeCreditOfReturn } from "~/domain/returns/store-credit";
import { canChangeDestination } from "~/domain/returns/destination";
import { calendarDate, daysBetween } from "~/domain/returns/dates";
import { DEFAULT_RETURN_POLICY, parseReturnPolicy, type ReturnPolicy } from "~/domain/returns/policy";
import { listLocations } from "~/models/locations.server";
import { findPolicy } from "~/models/return-rules.server";
import { findLocationByShopifyId, findReturnById, listCustomerReturns, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { logger } from "~/logger.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { fetchOrderForReturn } from "~/shopify/returns";
import { CUSTOMER_HISTORY_DAYS, decisionFromEventData, factsFromEventData } from "./return-rules-context.server";
import { getOrderByShopifyId } from "~/models/orders.server";
import { explainMailReturnDestination, shopperPlace, type DestinationReasonView } from "./choose-return-destination.server";

const DAY = 86_400_000;

/** A policy check as facts; the page says it in the staff member's language. */
export type PolicyCheck =
  | { kind: "window"; passed: boolean; days: number | null; windowDays: number }
  | { kind: "returnable"; passed: boolean; title: string; finalSaleTag: string | null; productType: string | null }
  | { kind: "method"; passed: boolean; method: "MAIL" | "DROP_OFF"; allowed: ("MAIL" | "DROP_OFF")[] };

export async function loadReturnDetail(input: { shop: ShopRef & { domain: string; timezone: string; country?: string | null }; graphql: AdminGraphql | null; returnId: string; now?: Date }) {
  const { shop } = input;
  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return null;
  const now = input.now ?? new Date();
  const [policyRow, locations, history] = await Promise.all([
    findPolicy(shop),
    listLocations(shop, { activeOnly: true }),
    listCustomerReturns(shop, ret, new Date(ret.createdAt.getTime() - CUSTOMER_HISTORY_DAYS * DAY)),
  ]);
  const parsedPolicy = policyRow
    ? parseReturnPolicy({ ...policyRow, returnShippingFee: String(policyRow.returnShippingFee), restockingFeePercent: String(policyRow.restockingFeePercent) })
    : null;
  const policy: ReturnPolicy = parsedPolicy?.status === "success" ? parsedPolicy.policy : DEFAULT_RETURN_POLICY;

  // Delivery date: what the rules recorded, else the live order.
  const rulesEvent = [...ret.events].reverse().find((e) => e.type === "rules");
  let daysSinceDelivery = rulesEvent ? (factsFromEventData(rulesEvent.data)?.daysSinceDelivery ?? null) : null;
  let orderUnread = false;
  if (daysSinceDelivery === null && input.graphql) {
    try {
      const order = await fetchOrderForReturn(resilientGraphql(input.graphql, INTERACTIVE_PATIENCE), ret.orderId);
      const returned = new Set(ret.lines.map((l) => l.fulfillmentLineItemId));
      const delivered = (order?.fulfillmentLines ?? []).filter((f) => returned.has(f.id) && f.deliveredAt).map((f) => f.deliveredAt!).sort()[0];
      if (delivered) daysSinceDelivery = Math.max(0, daysBetween(calendarDate(delivered, shop.timezone), calendarDate(ret.createdAt, shop.timezone)));
    } catch (error) {
      logger.warn({ err: error, shopId: shop.id, returnId: ret.id }, "order could not be read for the return page");
      orderUnread = true;
    }
  }

  const finalSale = new Set(policy.finalSaleTags.map((t) => t.toLowerCase()));
  const nonReturnable = new Set(policy.nonReturnableProductTypes.map((t) => t.toLowerCase()));
  const checks: PolicyCheck[] = [
    { kind: "window", passed: daysSinceDelivery !== null && daysSinceDelivery <= policy.windowDays, days: daysSinceDelivery, windowDays: policy.windowDays },
    ...ret.lines.map((l): PolicyCheck => {
      const tag = l.productTags.find((t) => finalSale.has(t.toLowerCase())) ?? null;
      const type = l.productType && nonReturnable.has(l.productType.toLowerCase()) ? l.productType : null;
      return { kind: "returnable", passed: !tag && !type, title: l.title, finalSaleTag: tag, productType: type };
    }),
    { kind: "method", passed: policy.allowedMethods.includes(ret.method), method: ret.method, allowed: [...policy.allowedMethods] },
  ];

  const others = history.filter((h) => h.id !== ret.id);
  const reasonCounts = new Map<string, number>();
  for (const h of others) for (const l of h.lines) reasonCounts.set(l.reason, (reasonCounts.get(l.reason) ?? 0) + 1);
  const locationName = new Map(locations.map((l) => [l.shopifyId, l.name]));
  const destination = ret.returnLocationId ? (locations.find((l) => l.shopifyId === ret.returnLocationId) ?? (await findLocationByShopifyId(shop, ret.returnLocationId))) : null;
  const numeric = ret.orderId.split("/").pop();
  const why = destination && ret.method === "MAIL" ? await destinationReason(shop, ret.orderId, destination.shopifyId) : null;

  return {
    id: ret.id,
    rma: ret.rma,
    status: ret.status,
    method: ret.method,
    source: ret.source,
    flagged: ret.flagged,
    /** Why the carrier sold no label on the last try (the return is still requested); null when there is a label or no try failed. */
    labelProblem: pendingLabelProblem(ret),
    /** Why it is flagged, as data: a flag rule's reason as typed, a rule that could not be applied said in words. */
    flags: ret.flagReasons.map(readFlagReason),
    orderName: ret.orderName,
    orderUrl: `https://${shop.domain}/admin/orders/${numeric}`,
    orderUnread,
    customerName: ret.customerName,
    customerEmail: ret.customerEmail,
    currency: ret.currency,
    totalValue: ret.totalValue.toFixed(2),
    returnShippingFee: ret.returnShippingFee.toFixed(2),
    restockingFee: ret.restockingFee.toFixed(2),
    /** What the shopper was quoted back: the items less the fees, as Shopify's suggested refund computes it, less an exchange's new items. */
    quotedRefund: moneyBackOf(ret),
    refundedAmount: ret.refundedAmount?.toFixed(2) ?? null,
    /** What the shopper chose, and for store credit its money (in the return's currency) and whether it is credited yet. */
    outcome: outcomeOf(ret),
    exchange: exchangeOf(ret),
    /** The same amounts in the shop's currency at the order's rate, when the shopper paid in another one. */
    inShopCurrency: inShopCurrency(ret),
    refundedAt: ret.refundedAt?.toISOString() ?? null,
    decidedBy: ret.decidedBy,
    decidedAt: ret.decidedAt?.toISOString() ?? null,
    declineReason: ret.declineReason,
    declineNote: ret.declineNote,
    returnLocationId: ret.returnLocationId,
    returnLocation: ret.returnLocationId ? (locationName.get(ret.returnLocationId) ?? ret.returnLocationId) : null,
    label: ret.reverseDeliveryId ? { carrier: ret.labelCarrier, trackingNumber: ret.labelTrackingNumber, trackingUrl: ret.labelTrackingUrl } : null,
    /** The parcel the shopper sent themselves: the carrier and number they typed in the portal. */
    selfShip: ret.selfShipTrackingNumber ? { carrier: ret.selfShipCarrier, trackingNumber: ret.selfShipTrackingNumber } : null,
    createdAt: ret.createdAt.toISOString(),
    lines: ret.lines.map((l) => ({
      id: l.id,
      title: l.title,
      variantTitle: l.variantTitle,
      sku: l.sku,
      quantity: l.quantity,
      unitPrice: l.unitPrice.toFixed(2),
      reason: l.reason,
      customerNote: l.customerNote,
      disposition: l.disposition,
      dispositionLocation: l.dispositionLocationId ? (locationName.get(l.dispositionLocationId) ?? l.dispositionLocationId) : null,
    })),
    checks,
    risk: {
      returnsLast90Days: others.length,
      // In the shop's currency: the customer's returns may have been paid in different currencies.
      valueLast90Days: others.reduce((sum, h) => sum + Number(h.shopValue ?? h.totalValue), 0).toFixed(2),
      valueCurrency: ret.shopCurrency ?? ret.currency,
      reasonsLast90Days: [...reasonCounts.entries()].map(([reason, count]) => ({ reason, count })),
      recent: others.slice(0, 5).map((h) => ({ id: h.id, rma: h.rma, status: h.status, createdAt: h.createdAt.toISOString() })),
    },
    rules: rulesEvent ? { eventId: rulesEvent.id, actor: rulesEvent.actor, explanation: rulesEvent.message, decision: decisionFromEventData(rulesEvent.data) } : null,
    timeline: ret.events.map((e) => ({ id: e.id, type: e.type, actor: e.actor, message: e.message, data: e.data, at: e.createdAt.toISOString() })),
    locations: locations.map((l) => ({ id: l.shopifyId, name: l.name, countryCode: l.countryCode })),
    /** Where the goods go, and whether staff may still send them elsewhere (a mail return without its label). */
    destination: {
      location: destination
        ? { id: destination.shopifyId, name: destination.name, city: destination.city, province: destination.province, countryCode: destination.countryCode, address1: destination.address1, zip: destination.zip }
        : null,
      canChange: canChangeDestination(ret),
      /** Why it goes there under the current rules ("Rule for the market Vietnam"); null when they would send it elsewhere. */
      why,
    },
    // Read off the lifecycle table.
    actions: deskActions({ status: ret.status, method: ret.method, hasLabel: ret.reverseDeliveryId != null }),
    now: now.toISOString(),
  };
}
/** Why a mail return goes to `locationId`, from the order's shipping country as Crossdock holds it (REST or GraphQL field names). */
async function destinationReason(shop: ShopRef & { country?: string | null }, orderId: string, locationId: string): Promise<DestinationReasonView | null> {
  const order = await getOrderByShopifyId(shop, orderId);
  // Not mirrored yet (its webhook still on the way): no reason rather than one guessed from the shop's country.
  if (!order) return null;
  const address = order?.shippingAddress as { countryCode?: unknown; country_code?: unknown; latitude?: unknown; longitude?: unknown } | null | undefined;
  const code = address?.countryCode ?? address?.country_code;
  const number = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)) ? Number(v) : null);
  const place = shopperPlace(address ? { countryCode: typeof code === "string" ? code : null, latitude: number(address.latitude), longitude: number(address.longitude) } : null, { shopCountry: shop.country ?? null });
  return explainMailReturnDestination(shop, place, locationId);
}

/**
 * The return's amounts in the shop's currency, at the order's own rate (the value the return holds
 * in both currencies); null when the shopper paid in the shop's currency, or for a return recorded
 * before its value in the shop's currency was kept.
 */
function inShopCurrency(ret: ReturnWithDetails) {
  if (!ret.shopCurrency || ret.shopCurrency === ret.currency || ret.shopValue == null) return null;
  const rate = { shop: money(ret.shopValue.toFixed(2), ret.shopCurrency), presentment: money(ret.totalValue.toFixed(), ret.currency) };
  const quote = moneyBackOf(ret);
  const convert = (amount: { toFixed(): string } | string | null) => {
    if (amount == null) return null;
    const converted = toShop(money(typeof amount === "string" ? amount : amount.toFixed(), ret.currency), rate);
    return converted ? moneyAmount(converted) : null;
  };
  try {
    return {
      currency: ret.shopCurrency,
      totalValue: moneyAmount(rate.shop),
      returnShippingFee: convert(ret.returnShippingFee),
      restockingFee: convert(ret.restockingFee),
      quotedRefund: convert(quote),
      refundedAmount: convert(ret.refundedAmount),
    };
  } catch {
    return null;
  }
}


/** The exchanged lines (item → new variant at its quoted price) and the exchange's money, for the desk. */
function exchangeOf(ret: ReturnWithDetails) {
  const charged = exchangeChargedOf(ret);
  if (charged === null) return null;
  return {
    lines: ret.lines.flatMap((l) => (l.exchangeVariantTitle && l.exchangeUnitPrice ? [{ id: l.id, title: l.title, variant: l.exchangeVariantTitle, quantity: l.quantity, unitPrice: l.exchangeUnitPrice.toFixed() }] : [])),
    charged,
    bonus: ret.exchangeBonus?.toFixed() ?? "0",
    due: ret.exchangeDue?.toFixed() ?? "0",
    back: moneyBackOf(ret),
    shipsBeforeReceipt: ret.exchangeTiming === "BEFORE_RECEIPT",
    processedAt: ret.exchangeProcessedAt?.toISOString() ?? null,
    payment: exchangePaymentStage({ ...ret, exchangeDue: ret.exchangeDue?.toFixed() ?? null }),
    invoice: ret.exchangeInvoiceRequestedAt
      ? { at: (ret.exchangeInvoiceSentAt ?? ret.exchangeInvoiceRequestedAt).toISOString(), amount: ret.exchangeInvoiceAmount?.toFixed() ?? ret.exchangeDue?.toFixed() ?? "0", currency: ret.exchangeInvoiceCurrency ?? ret.currency }
      : null,
    paidAt: ret.exchangePaidAt?.toISOString() ?? null,
    // Shopify's words when it last refused to email the invoice (none asked since).
    invoiceRefused: ret.exchangeInvoiceRequestedAt ? null : lastInvoiceRefusal(ret),
  };
}

function lastInvoiceRefusal(ret: ReturnWithDetails): string[] | null {
  const refused = [...ret.events].reverse().find((e) => e.type === "exchange_invoice_refused");
  const data = refused?.data as { shopifyMessages?: unknown } | null | undefined;
  return refused ? (Array.isArray(data?.shopifyMessages) ? data.shopifyMessages.filter((m): m is string => typeof m === "string") : []) : null;
}

function outcomeOf(ret: ReturnWithDetails) {
  if (ret.outcome !== "STORE_CREDIT") return { kind: "REFUND" as const };
  const credit = storeCreditOfReturn({ currency: ret.currency, value: ret.totalValue.toFixed(), returnShippingFee: ret.returnShippingFee.toFixed(), restockingFee: ret.restockingFee.toFixed(), bonus: ret.storeCreditBonus?.toFixed() ?? null, exchangeCharged: exchangeChargedOf(ret) });
  return {
    kind: "STORE_CREDIT" as const,
    base: moneyAmount(credit.base),
    bonus: moneyAmount(credit.bonus),
    total: ret.storeCreditAmount?.toFixed() ?? moneyAmount(credit.total),
    creditedAt: ret.storeCreditedAt?.toISOString() ?? null,
    pending: ret.storeCreditRequestedAt != null && ret.storeCreditTransactionId == null,
  };
}
