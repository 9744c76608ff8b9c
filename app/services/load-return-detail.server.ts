// The return's page in the desk: items with reasons and notes, the order, the policy checks that
// passed or failed, risk signals (the customer's returns in the last 90 days, value, reasons), what
// the rules said, the timeline, and which actions its status allows.
import { quotedRefund } from "~/domain/returns/fees";
import { money, moneyAmount, toShop } from "~/domain/returns/money";
import { canStaffTransition } from "~/domain/returns/status";
import { calendarDate, daysBetween } from "~/domain/returns/dates";
import { DEFAULT_RETURN_POLICY, parseReturnPolicy, type ReturnPolicy } from "~/domain/returns/policy";
import { listLocations } from "~/models/locations.server";
import { findPolicy } from "~/models/return-rules.server";
import { listCustomerReturns } from "~/models/returns-queue.server";
import { findReturnById, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { logger } from "~/logger.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { fetchOrderForReturn } from "~/shopify/returns";
import { CUSTOMER_HISTORY_DAYS, factsFromEventData } from "./return-rules-context.server";

const DAY = 86_400_000;

export interface PolicyCheck {
  label: string;
  passed: boolean;
  detail: string;
}

export async function loadReturnDetail(input: { shop: ShopRef & { domain: string; timezone: string }; graphql: AdminGraphql | null; returnId: string; now?: Date }) {
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
  let orderNote: string | null = null;
  if (daysSinceDelivery === null && input.graphql) {
    try {
      const order = await fetchOrderForReturn(resilientGraphql(input.graphql, INTERACTIVE_PATIENCE), ret.orderId);
      const returned = new Set(ret.lines.map((l) => l.fulfillmentLineItemId));
      const delivered = (order?.fulfillmentLines ?? []).filter((f) => returned.has(f.id) && f.deliveredAt).map((f) => f.deliveredAt!).sort()[0];
      if (delivered) daysSinceDelivery = Math.max(0, daysBetween(calendarDate(delivered, shop.timezone), calendarDate(ret.createdAt, shop.timezone)));
    } catch (error) {
      logger.warn({ err: error, shopId: shop.id, returnId: ret.id }, "order could not be read for the return page");
      orderNote = "The order could not be read from Shopify just now.";
    }
  }

  const finalSale = new Set(policy.finalSaleTags.map((t) => t.toLowerCase()));
  const nonReturnable = new Set(policy.nonReturnableProductTypes.map((t) => t.toLowerCase()));
  const checks: PolicyCheck[] = [
    daysSinceDelivery === null
      ? { label: "Return window", passed: false, detail: "Delivery date unknown" }
      : {
          label: "Return window",
          passed: daysSinceDelivery <= policy.windowDays,
          detail: `Requested ${daysSinceDelivery} day(s) after delivery; the window is ${policy.windowDays} days`,
        },
    ...ret.lines.map((l) => {
      const tag = l.productTags.find((t) => finalSale.has(t.toLowerCase()));
      const type = l.productType && nonReturnable.has(l.productType.toLowerCase()) ? l.productType : null;
      return {
        label: `Returnable: ${l.title}`,
        passed: !tag && !type,
        detail: tag ? `Final sale (tag "${tag}")` : type ? `Product type "${type}" cannot be returned` : "Not final sale, returnable type",
      };
    }),
    { label: "Return method", passed: policy.allowedMethods.includes(ret.method), detail: `${METHOD_WORDS[ret.method]}; the policy allows ${policy.allowedMethods.map((m) => METHOD_WORDS[m].toLowerCase()).join(" and ")}` },
  ];

  const others = history.filter((h) => h.id !== ret.id);
  const reasonCounts = new Map<string, number>();
  for (const h of others) for (const l of h.lines) reasonCounts.set(l.reason, (reasonCounts.get(l.reason) ?? 0) + 1);
  const locationName = new Map(locations.map((l) => [l.shopifyId, l.name]));
  const numeric = ret.orderId.split("/").pop();

  return {
    id: ret.id,
    rma: ret.rma,
    status: ret.status,
    method: ret.method,
    source: ret.source,
    flagged: ret.flagged,
    flagReasons: ret.flagReasons,
    orderName: ret.orderName,
    orderUrl: `https://${shop.domain}/admin/orders/${numeric}`,
    orderNote,
    customerName: ret.customerName,
    customerEmail: ret.customerEmail,
    currency: ret.currency,
    totalValue: ret.totalValue.toFixed(2),
    returnShippingFee: ret.returnShippingFee.toFixed(2),
    restockingFee: ret.restockingFee.toFixed(2),
    /** What the shopper was quoted: the items less the fees, as Shopify's suggested refund computes it. */
    quotedRefund: quotedRefund({ value: ret.totalValue.toFixed(2), returnShippingFee: ret.returnShippingFee.toFixed(2), restockingFee: ret.restockingFee.toFixed(2) }, ret.currency),
    refundedAmount: ret.refundedAmount?.toFixed(2) ?? null,
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
    rules: rulesEvent ? { actor: rulesEvent.actor, explanation: rulesEvent.message } : null,
    timeline: ret.events.map((e) => ({ id: e.id, type: e.type, actor: e.actor, message: e.message, at: e.createdAt.toISOString() })),
    locations: locations.map((l) => ({ id: l.shopifyId, name: l.name })),
    actions: {
      // Read off the lifecycle table (an approved mail return without its label may be approved again to finish it).
      approve: canStaffTransition(ret.status, "APPROVED") || (ret.status === "APPROVED" && ret.method === "MAIL" && !ret.reverseDeliveryId),
      decline: canStaffTransition(ret.status, "DECLINED"),
      receive: canStaffTransition(ret.status, "RECEIVED"),
      close: canStaffTransition(ret.status, "CLOSED"),
    },
    now: now.toISOString(),
  };
}
/**
 * The return's amounts in the shop's currency, at the order's own rate (the value the return holds
 * in both currencies); null when the shopper paid in the shop's currency, or for a return recorded
 * before its value in the shop's currency was kept.
 */
function inShopCurrency(ret: ReturnWithDetails) {
  if (!ret.shopCurrency || ret.shopCurrency === ret.currency || ret.shopValue == null) return null;
  const rate = { shop: money(ret.shopValue.toFixed(2), ret.shopCurrency), presentment: money(ret.totalValue.toFixed(), ret.currency) };
  const quote = quotedRefund({ value: ret.totalValue.toFixed(), returnShippingFee: ret.returnShippingFee.toFixed(), restockingFee: ret.restockingFee.toFixed() }, ret.currency);
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

const METHOD_WORDS: Record<"MAIL" | "DROP_OFF", string> = { MAIL: "By mail", DROP_OFF: "Drop-off at a store" };

export type ReturnDetailData = NonNullable<Awaited<ReturnType<typeof loadReturnDetail>>>;
