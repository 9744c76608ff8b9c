import type { Prisma } from "@prisma/client";
import { defaultCostModel } from "~/domain/routing/catalog";
import type { RoutingConfigInput } from "~/domain/routing/config";
import { planFulfillmentOrderMoves, type MoveOperation } from "~/domain/routing/fulfillment-moves";
import { planMetrics } from "~/domain/routing/metrics";
import { toRoutingInput } from "~/domain/routing/order-input";
import { ruleBasedStrategy } from "~/domain/routing/strategy";
import {
  claimDecision,
  completeDecision,
  latestDecision,
  ordersPerLocationSince,
  type DecisionOutcome,
  type RoutingDecision,
} from "~/models/routing.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";
import { AdminApiError, AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { checkMovable, fetchOrderForRouting, fetchVariantStock, moveFulfillmentOrder } from "~/shopify/fulfillment-orders";
import { loadRoutingContext, loadShopRules } from "./routing-context.server";

/**
 * Why an order is routed: its first routing (announced by orders/create or, once Shopify created
 * its fulfillment orders, fulfillment_orders/order_routing_complete; or found by reconciliation),
 * or staff routing it again.
 */
export type RoutingTrigger = "orders/create" | "fulfillment_orders/order_routing_complete" | "reconciliation" | "manual" | "reallocation";

/** The first routing of an order is claimed once; staff re-routes add revisions. */
export function isFirstRouting(trigger: RoutingTrigger): boolean {
  return trigger !== "manual" && trigger !== "reallocation";
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
  now?: Date;
}

export type RouteOrderResult =
  | { status: "already-routed"; decision: RoutingDecision | null }
  | { status: "order-not-found" }
  /** Shopify's routing job has not created the order's fulfillment orders yet: nothing decided. */
  | { status: "waiting" }
  | { status: "decided"; decision: RoutingDecision };

export interface MoveResult extends MoveOperation {
  ok: boolean;
  message: string | null;
  movedFulfillmentOrderId?: string;
}

/**
 * Routes one order: reads it and the stock live, runs the shop's rules, and (when auto-routing is
 * on) moves its fulfillment orders where the plan says, checking `locationsForMove` first. Every
 * outcome is stored as a decision with its explanation. The first routing of an order is claimed
 * once, so a replayed webhook never moves anything twice. An order whose fulfillment orders Shopify
 * has not created yet is left waiting (nothing claimed).
 */
export async function routeOrder(request: RouteOrderRequest): Promise<RouteOrderResult> {
  const { shop } = request;
  // Several Admin API calls in a row: wait out Shopify's throttling instead of failing.
  const graphql = resilientGraphql(request.graphql);
  const order = await fetchOrderForRouting(graphql, request.orderId);
  if (!order) return { status: "order-not-found" };
  // Shopify creates fulfillment orders after the order, in a background routing job (schema:
  // `FulfillmentOrder`), and announces them with fulfillment_orders/order_routing_complete. Until
  // then the order waits; it is not "not routable".
  if (order.fulfillmentOrders.length === 0 && !order.cancelledAt) return { status: "waiting" };

  const previous = await latestDecision(shop, order.id);
  const first = isFirstRouting(request.trigger);
  // A replayed first routing changes nothing, unless the last attempt failed (the job is retried).
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

  try {
    const [context, settings, { config: rules }] = await Promise.all([loadRoutingContext(shop), getShopSettings(shop), loadShopRules(shop)]);
    const now = request.now ?? new Date();
    const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const ordersToday = await ordersPerLocationSince(shop, startOfDay);
    const stock = await fetchVariantStock(graphql, order.lines.flatMap((l) => (l.variantId ? [l.variantId] : [])));
    const built = toRoutingInput(order, context.locations, stock, { defaultStockBuffer: context.defaultStockBuffer, ordersToday });
    if (built.status === "not-routable") {
      return { status: "decided", decision: await completeDecision(shop, decision.id, emptyOutcome("NOT_ROUTABLE", built.reason)) };
    }

    const config: RoutingConfigInput = excluded.length
      ? { ...rules, rules: [{ type: "exclude-locations", kinds: [], tags: [], locationIds: excluded }, ...rules.rules] }
      : rules;
    const plan = ruleBasedStrategy(config).route(built.input);
    const metrics = planMetrics(built.input, plan, defaultCostModel);
    const { moves } = planFulfillmentOrderMoves(order.fulfillmentOrders, plan.assignments);
    const mode = request.mode ?? "auto";
    const apply = mode === "apply" || (mode === "auto" && (settings.autoRouting || !first));

    const results: MoveResult[] = apply ? await applyMoves(graphql, moves) : moves.map((m) => ({ ...m, ok: false, message: "not applied (suggestion)" }));
    const failed = results.filter((r) => !r.ok);
    const status = !apply ? "SUGGESTED" : failed.length ? "FAILED" : "APPLIED";
    const outcome: DecisionOutcome = {
      status,
      strategy: config.name ?? "custom",
      summary: plan.summary,
      plan: plan as unknown as Prisma.InputJsonValue,
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

/** Moves one by one; a refused move is recorded and the next is still tried. */
async function applyMoves(graphql: AdminGraphql, moves: readonly MoveOperation[]): Promise<MoveResult[]> {
  const results: MoveResult[] = [];
  for (const move of moves) {
    const check = await checkMovable(graphql, {
      fulfillmentOrderId: move.fulfillmentOrderId,
      locationId: move.toLocationId,
      lineItemIds: move.lines.map((l) => l.fulfillmentOrderLineItemId),
    });
    if (!check.movable) {
      results.push({ ...move, ok: false, message: check.message ?? "Shopify does not allow this move" });
      continue;
    }
    try {
      const moved = await moveFulfillmentOrder(graphql, {
        fulfillmentOrderId: move.fulfillmentOrderId,
        newLocationId: move.toLocationId,
        ...(move.whole ? {} : { lines: move.lines.map((l) => ({ id: l.fulfillmentOrderLineItemId, quantity: l.quantity })) }),
      });
      results.push({ ...move, ok: true, message: null, movedFulfillmentOrderId: moved.movedFulfillmentOrderId });
    } catch (error) {
      if (!(error instanceof AdminUserError) && !(error instanceof AdminApiError)) throw error;
      results.push({ ...move, ok: false, message: error.message });
    }
  }
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
