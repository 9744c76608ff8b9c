// A return's exchange: its new items confirmed in Shopify (`returnProcess` with the exchange line
// items: Shopify adds them to the order and makes their fulfillment order), then that fulfillment
// order routed by Crossdock's rules like any new order's (route-order, trigger "exchange", the
// decision on the routing log). When the policy ships exchanges before the return arrives this runs
// at approval; otherwise at receipt, before the returned items are processed, so that Shopify's
// suggested refund is what the return gives back after the new items.
import { logger } from "~/logger.server";
import { changeReturn, claimExchangeRouting, releaseExchangeRouting, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { fetchExchangeLines } from "~/shopify/exchanges";
import { fetchOpenFulfillmentOrders } from "~/shopify/fulfillment-orders";
import { processReturn } from "~/shopify/return-processing";
import { routeOrder, type RouteOrderResult } from "./route-order.server";

export function hasExchange(ret: Pick<ReturnWithDetails, "lines">): boolean {
  return ret.lines.some((l) => l.exchangeVariantId != null);
}

export type ProcessExchangeResult =
  | { status: "none" | "unchanged" | "processed"; ret: ReturnWithDetails }
  /** Shopify refused (its words): nothing was confirmed. */
  | { status: "refused"; shopifyMessages: string[] };

/**
 * Confirms the exchange line items Shopify has not processed yet (none left: nothing asked), and
 * records when. Idempotent: a retry after a lost answer reads what Shopify processed first.
 */
export async function processExchange(input: { shop: ShopRef; graphql: AdminGraphql; ret: ReturnWithDetails; actor: string; now?: Date }): Promise<ProcessExchangeResult> {
  const { shop, graphql, ret } = input;
  if (!hasExchange(ret) || !ret.shopifyReturnId) return { status: "none", ret };
  if (ret.exchangeProcessedAt) return { status: "unchanged", ret };
  const lines = await fetchExchangeLines(graphql, ret.shopifyReturnId);
  if (!lines) return { status: "refused", shopifyMessages: ["Shopify has no such return any more."] };
  const left = lines.filter((l) => l.processableQuantity > 0);
  if (left.length) {
    try {
      await processReturn(graphql, { returnId: ret.shopifyReturnId, lines: [], exchangeLines: left.map((l) => ({ id: l.id, quantity: l.processableQuantity })) });
    } catch (error) {
      if (error instanceof AdminUserError) return { status: "refused", shopifyMessages: error.userErrors.map((e) => e.message) };
      throw error;
    }
  }
  const now = input.now ?? new Date();
  const units = lines.reduce((sum, l) => sum + l.processableQuantity + l.processedQuantity, 0);
  const changed = await changeReturn(shop, ret.id, {
    fields: { exchangeProcessedAt: now },
    events: [{ type: "exchange_processed", actor: input.actor, message: `Exchange items confirmed in Shopify (${units})`, data: { units } }],
  });
  logger.info({ shopId: shop.id, rma: ret.rma, units }, "Exchange items processed in Shopify");
  return { status: "processed", ret: changed ?? ret };
}

/**
 * Routes the order's open fulfillment orders (the exchange's, once Shopify releases it: one held
 * while the customer owes is routed when it opens). Once per exchange, whoever asks (approval,
 * receipt, the payment's orders/updated): the return's routing claim is taken first, and given back
 * when the exchange's items were not open to route or routing failed. Nothing open, or routed
 * already: null. (A process that dies between the claim and the decision leaves the claim taken:
 * staff re-route the order from the routing log.)
 */
export async function routeExchange(input: { shop: ShopRef; graphql: AdminGraphql; ret: ReturnWithDetails; now?: Date }): Promise<RouteOrderResult | null> {
  const { shop, ret } = input;
  if (!hasExchange(ret) || !ret.exchangeProcessedAt) return null;
  const at = input.now ?? new Date();
  if (!(await claimExchangeRouting(shop, ret.id, at))) return null;
  try {
    // Only once the exchange's own new items are open (not held until paid): the order's other open
    // fulfillment orders are not the exchange's to route, and routing them would use up its claim.
    const exchanged = new Set(ret.lines.flatMap((l) => (l.exchangeVariantId ? [l.exchangeVariantId] : [])));
    const open = await fetchOpenFulfillmentOrders(input.graphql, ret.orderId);
    const exchangeOpen = (open ?? []).some((fo) => fo.lines.some((l) => l.variantId !== null && exchanged.has(l.variantId) && l.remainingQuantity > 0));
    const result = exchangeOpen ? await routeOrder({ shop, graphql: input.graphql, orderId: ret.orderId, trigger: "exchange", createdBy: null, ...(input.now ? { now: input.now } : {}) }) : null;
    // Kept when routed (or a concurrent call claimed the same revision and routes it: "already-routed");
    // given back when nothing of the exchange's was open or routing failed, so the next chance retries.
    const routed = result?.status === "already-routed" || (result?.status === "decided" && result.decision.status !== "FAILED");
    if (!routed) await releaseExchangeRouting(shop, ret.id, at);
    return result;
  } catch (error) {
    await releaseExchangeRouting(shop, ret.id, at);
    throw error;
  }
}
