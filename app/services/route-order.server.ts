import type { Prisma } from "@prisma/client";
import { defaultCostModel } from "~/domain/routing/catalog";
import { rulesReadProducts, type RoutingConfigInput } from "~/domain/routing/config";
import { planFulfillmentOrderMoves, type FulfillmentOrderState, type MoveOperation, type PlannedUnits } from "~/domain/routing/fulfillment-moves";
import { planMetrics } from "~/domain/routing/metrics";
import { routingHoldOf, type RoutingHoldReason } from "~/domain/routing/hold";
import { itemNamesOf, toRoutingInput, type RoutableOrder } from "~/domain/routing/order-input";
import { ruleBasedStrategy } from "~/domain/routing/strategy";
import {
  claimDecision,
  completeDecision,
  latestDecision,
  type DecisionOutcome,
  type RoutingDecision,
} from "~/models/routing.server";
import { setRoutingHold } from "~/models/orders.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";
import { AdminApiError, AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import {
  fetchOpenFulfillmentOrders,
  fetchOrderRoutingState,
  moveFulfillmentOrder,
  toFulfillmentOrderState,
  toRoutableOrder,
} from "~/shopify/fulfillment-orders";
import { loadOrdersToday, loadRoutingContext, loadRoutingStock, loadShopRules, type RoutingContext } from "./routing-context.server";

/**
 * Why an order is routed: its first routing (announced by orders/create or, once Shopify created
 * its fulfillment orders, fulfillment_orders/order_routing_complete; or found by reconciliation),
 * or staff routing it again.
 */
export type RoutingTrigger =
  | "orders/create"
  | "fulfillment_orders/order_routing_complete"
  | "reconciliation"
  /** A held order (unpaid, high risk) whose payment or risk assessment changed. */
  | "hold-ended"
  | "manual"
  | "reallocation"
  /** The fulfillment order Shopify made for a return's exchange items (`returnProcess`). */
  | "exchange";

/** The first routing of an order is claimed once; staff re-routes add revisions. */
export function isFirstRouting(trigger: RoutingTrigger): boolean {
  return trigger !== "manual" && trigger !== "reallocation" && trigger !== "exchange";
}

export interface RouteOrderRequest {
  shop: ShopRef;
  graphql: AdminGraphql;
  orderId: string;
  trigger: RoutingTrigger;
  createdBy?: string | null;
  /** Reallocation: locations that declined the order (added to those declined before). */
  excludeLocationIds?: string[];
  /** Override the shop's auto-routing switch: "suggest" never moves anything. */
  mode?: "auto" | "apply" | "suggest";
  /** Staff picked the location by hand: every open unit goes there, the rules are not asked. */
  toLocationId?: string;
  now?: Date;
}

export type RouteOrderResult =
  | { status: "already-routed"; decision: RoutingDecision | null }
  | { status: "order-not-found" }
  /** Shopify's routing job has not created the order's fulfillment orders yet: nothing decided. */
  | { status: "waiting" }
  /** Held before its first routing (not paid yet, high risk): nothing decided; routed when that changes. */
  | { status: "held"; hold: RoutingHoldReason }
  | { status: "decided"; decision: RoutingDecision };

export interface MoveResult extends MoveOperation {
  ok: boolean;
  message: string | null;
  movedFulfillmentOrderId?: string;
}

/**
 * Routes one order: reads its open fulfillment orders (one Admin API query), takes the stock
 * Crossdock mirrors, runs the shop's rules, and (when auto-routing is on) moves the fulfillment
 * orders where the plan says, one move at a time: after each move the order's open fulfillment
 * orders are read again (in the move's own answer) and the next move is planned on them, since a
 * partial move may keep, move or close the original and recreate its lines under new ids. Every
 * outcome is stored as a decision with its explanation. The first routing of an order is claimed
 * once, so a replayed webhook never moves anything twice. An order whose fulfillment orders
 * Shopify has not created yet is left waiting (nothing claimed).
 */
export async function routeOrder(request: RouteOrderRequest): Promise<RouteOrderResult> {
  const { shop } = request;
  const first = isFirstRouting(request.trigger);
  // A replayed first routing changes nothing, unless the last attempt failed (the job is retried):
  // answered from the database, without reading the order (one delivery per fulfillment order).
  const known = await latestDecision(shop, request.orderId);
  if (first && known && known.status !== "FAILED") return { status: "already-routed", decision: known };

  // Several Admin API calls in a row: wait out Shopify's throttling instead of failing.
  const graphql = resilientGraphql(request.graphql);
  const { config: rules } = await loadShopRules(shop);
  const state = await fetchOrderRoutingState(graphql, request.orderId, { withProducts: rulesReadProducts(rules) });
  if (!state) return { status: "order-not-found" };
  // Shopify creates fulfillment orders after the order, in a background routing job (schema:
  // `FulfillmentOrder`), and announces them with fulfillment_orders/order_routing_complete. Until
  // then the order waits; it is not "not routable".
  if (!state.hasFulfillmentOrders && !state.order.cancelledAt) return { status: "waiting" };
  const order = toRoutableOrder(state);
  // Reconciliation meets orders Shopify is already fulfilling (in progress, ready for pickup): it
  // leaves them as they are (as routed already, by Shopify and the merchant) and writes nothing.
  if (request.trigger === "reconciliation" && !order.fulfillmentOrders.some((fo) => fo.status === "OPEN")) return { status: "already-routed", decision: null };
  const settings = await getShopSettings(shop);
  // Hold before routing: only the first routing waits; staff routing it by hand decide themselves.
  if (first && !order.cancelledAt) {
    const hold = routingHoldOf(state.hold, settings);
    await setRoutingHold(shop, order.id, hold, request.now ?? new Date());
    if (hold) return { status: "held", hold };
  }

  const previous = await latestDecision(shop, order.id);
  if (first && previous && previous.status !== "FAILED") return { status: "already-routed", decision: previous };
  const excluded = [...new Set([...(previous?.excludedLocationIds ?? []), ...(request.excludeLocationIds ?? [])])];
  const decision = await claimDecision(shop, {
    orderId: order.id,
    orderName: order.name,
    revision: (previous?.revision ?? 0) + 1,
    trigger: request.trigger,
    createdBy: request.createdBy ?? null,
    excludedLocationIds: excluded,
  });
  if (!decision) return { status: "already-routed", decision: await latestDecision(shop, order.id) };
  if (!first) await setRoutingHold(shop, order.id, null, request.now ?? new Date());

  try {
    const context = await loadRoutingContext(shop);
    const now = request.now ?? new Date();
    const ordersToday = await loadOrdersToday(shop, now);
    const { stock, asOf } = await loadRoutingStock(shop, graphql, order.lines.flatMap((l) => (l.variantId ? [l.variantId] : [])));
    const built = toRoutingInput(order, context.locations, stock, { defaultStockBuffer: context.defaultStockBuffer, ordersToday, stockAsOf: asOf, markets: context.markets });
    if (built.status === "not-routable") {
      return { status: "decided", decision: await completeDecision(shop, decision.id, emptyOutcome("NOT_ROUTABLE", built.reason)) };
    }

    if (request.toLocationId) return { status: "decided", decision: await completeDecision(shop, decision.id, await moveByHand(graphql, order, request.toLocationId, context)) };

    const config: RoutingConfigInput = excluded.length
      ? { ...rules, rules: [{ type: "exclude-locations", kinds: [], tags: [], locationIds: excluded }, ...rules.rules] }
      : rules;
    const plan = ruleBasedStrategy(config).route(built.input);
    const metrics = planMetrics(built.input, plan, defaultCostModel);
    const mode = request.mode ?? "auto";
    // Staff routing again is applied; an exchange's new items, like a new order, follow the auto-routing switch.
    const apply = mode === "apply" || (mode === "auto" && (settings.autoRouting || (!first && request.trigger !== "exchange")));

    const results: MoveResult[] = apply
      ? await applyPlan(graphql, order.id, order.fulfillmentOrders, plan.assignments)
      : planFulfillmentOrderMoves(order.fulfillmentOrders, plan.assignments).moves.map((m) => ({ ...m, ok: false, message: "not applied (suggestion)" }));
    const failed = results.filter((r) => !r.ok);
    const status = !apply ? "SUGGESTED" : decidedStatus(results, metrics.unfilledUnits);
    const outcome: DecisionOutcome = {
      status,
      strategy: config.name ?? "custom",
      summary: plan.summary,
      // With the plan: what decided pickup or shipping, and how the destination was placed (the log says so).
      // …and the items by title and SKU, so the explanation never shows a variant id.
      plan: { ...plan, placement: built.placement, pickup: built.pickup, items: itemNamesOf(order, built.input) } as unknown as Prisma.InputJsonValue,
      moves: results as unknown as Prisma.InputJsonValue,
      shippingLocationIds: [...new Set(plan.assignments.map((a) => a.locationId))],
      parcels: metrics.parcels,
      km: metrics.km,
      cost: metrics.cost,
      unfilledUnits: metrics.unfilledUnits,
      error: apply && failed.length ? failed.map((f) => f.message).join("; ") : null,
    };
    return { status: "decided", decision: await completeDecision(shop, decision.id, outcome) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await completeDecision(shop, decision.id, emptyOutcome("FAILED", message));
    throw error;
  }
}

/**
 * What an applied plan came to: every move refused is FAILED; a move refused while others went,
 * or units the plan could not place (a refused pickup leaves them all), is NEEDS_REVIEW (a warning
 * on the log and the Needs attention page, never a green "applied").
 */
function decidedStatus(results: readonly MoveResult[], unfilledUnits: number): "APPLIED" | "NEEDS_REVIEW" | "FAILED" {
  const refused = results.filter((r) => !r.ok).length;
  if (refused > 0 && refused === results.length) return "FAILED";
  return refused > 0 || unfilledUnits > 0 ? "NEEDS_REVIEW" : "APPLIED";
}

/**
 * Staff picked one location for the order: every open unit is moved there, as routing moves them
 * (one move at a time, through the Admin API); the decision says so.
 */
async function moveByHand(graphql: AdminGraphql, order: RoutableOrder, locationId: string, context: RoutingContext): Promise<DecisionOutcome> {
  const location = context.locations.find((l) => l.shopifyId === locationId);
  const assignments = order.lines.map((l) => ({ locationId, lineId: l.id, quantity: l.quantity }));
  const results = await applyPlan(graphql, order.id, order.fulfillmentOrders, assignments);
  const failed = results.filter((r) => !r.ok);
  const units = assignments.reduce((sum, a) => sum + a.quantity, 0);
  return {
    status: decidedStatus(results, 0),
    strategy: "by hand",
    summary: `Moved by hand to ${location?.name ?? locationId}: ${units} unit${units === 1 ? "" : "s"}.`,
    plan: null,
    moves: results as unknown as Prisma.InputJsonValue,
    shippingLocationIds: [locationId],
    parcels: 1,
    km: 0,
    cost: 0,
    unfilledUnits: 0,
    error: failed.length ? failed.map((f) => f.message).join("; ") : null,
  };
}

/** More moves than any plan needs: a guard against a planner and Shopify disagreeing forever. */
const MAX_MOVES = 25;

/**
 * Applies a plan one move at a time, each planned on the fulfillment orders as Shopify left them
 * after the previous move. A move Shopify refuses is recorded and its units stay where they are
 * (the plan's other units still move); after an error whose outcome is unknown (a 5xx, a lost
 * connection: the move may have run) the state is read again before planning on.
 */
async function applyPlan(
  graphql: AdminGraphql,
  orderId: string,
  initial: readonly FulfillmentOrderState[],
  assignments: readonly PlannedUnits[],
): Promise<MoveResult[]> {
  const results: MoveResult[] = [];
  const refused = new Set<string>();
  let state = initial;
  for (let step = 0; step < MAX_MOVES; step++) {
    const wanted = assignments.filter((a) => !refused.has(`${a.lineId}@${a.locationId}`));
    const move = planFulfillmentOrderMoves(state, wanted).moves[0];
    if (!move) return results;
    try {
      const moved = await moveFulfillmentOrder(graphql, {
        fulfillmentOrderId: move.fulfillmentOrderId,
        newLocationId: move.toLocationId,
        ...(move.whole ? {} : { lines: move.lines.map((l) => ({ id: l.fulfillmentOrderLineItemId, quantity: l.quantity })) }),
      });
      results.push({ ...move, ok: true, message: null, movedFulfillmentOrderId: moved.movedFulfillmentOrderId });
      state = moved.openFulfillmentOrders.map(toFulfillmentOrderState);
    } catch (error) {
      if (!(error instanceof AdminUserError) && !(error instanceof AdminApiError)) throw error;
      results.push({ ...move, ok: false, message: error.message });
      for (const line of move.lines) refused.add(`${line.lineItemId}@${move.toLocationId}`);
      if (error instanceof AdminApiError) {
        const current = await fetchOpenFulfillmentOrders(graphql, orderId);
        if (current) state = current.map(toFulfillmentOrderState);
      }
    }
  }
  results.push({ fulfillmentOrderId: "", fromLocationId: "", toLocationId: "", whole: false, lines: [], ok: false, message: `Stopped after ${MAX_MOVES} moves` });
  return results;
}

function emptyOutcome(status: "NOT_ROUTABLE" | "FAILED", reason: string): DecisionOutcome {
  return {
    status,
    strategy: "",
    summary: reason,
    plan: null,
    moves: [],
    shippingLocationIds: [],
    parcels: 0,
    km: 0,
    cost: 0,
    unfilledUnits: 0,
    error: status === "FAILED" ? reason : null,
  };
}
