import type { RoutingConfigInput } from "~/domain/routing/config";
import { planMetrics, sumMetrics, type PlanMetrics } from "~/domain/routing/metrics";
import { toRoutingInput } from "~/domain/routing/order-input";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { fetchOrderForRouting } from "~/shopify/fulfillment-orders";
import { fetchOrderSummaries } from "~/shopify/order-summaries";
import { defaultCostModel, strategyLabels, type StrategyChoice } from "~/domain/routing/catalog";
import { strategyFor } from "./preview-routing.server";
import { loadRoutingContext, loadRoutingStock, loadShopRules } from "./routing-context.server";

export interface RoutingComparison {
  ordersCompared: number;
  ordersSkipped: number;
  columns: { choice: StrategyChoice; label: string; totals: PlanMetrics }[];
}

/** Two strategies side by side on the shop's last N orders, on today's stock. Changes nothing. */
export async function compareRouting(input: {
  shop: ShopRef;
  graphql: AdminGraphql;
  lastOrders: number;
  choices: readonly [StrategyChoice, StrategyChoice];
  rules?: RoutingConfigInput;
}): Promise<RoutingComparison> {
  // Several Admin API calls in a row: wait out Shopify's throttling instead of failing.
  const graphql = resilientGraphql(input.graphql);
  const context = await loadRoutingContext(input.shop);
  const rules = input.rules ?? (await loadShopRules(input.shop)).config;
  const recent = await fetchOrderSummaries(graphql, { first: input.lastOrders });
  const strategies = input.choices.map((choice) => strategyFor(choice, rules));
  const metrics: PlanMetrics[][] = input.choices.map(() => []);
  let skipped = 0;
  for (const summary of recent) {
    const order = await fetchOrderForRouting(graphql, summary.id);
    if (!order) continue;
    // Compare as at arrival: every line counts, whatever has shipped since.
    const asNew = { ...order, fulfillmentOrders: [{ id: "new", locationId: "", status: "OPEN", deliveryMethod: null, lines: [] }] };
    const { stock } = await loadRoutingStock(input.shop, graphql, order.lines.flatMap((l) => (l.variantId ? [l.variantId] : [])));
    const built = toRoutingInput(asNew, context.locations, stock, { defaultStockBuffer: context.defaultStockBuffer, markets: context.markets });
    if (built.status !== "ready") {
      skipped++;
      continue;
    }
    strategies.forEach((strategy, i) => metrics[i]!.push(planMetrics(built.input, strategy.route(built.input), defaultCostModel)));
  }
  return {
    ordersCompared: metrics[0]!.length,
    ordersSkipped: skipped,
    columns: input.choices.map((choice, i) => ({ choice, label: strategyLabels[choice], totals: sumMetrics(metrics[i]!) })),
  };
}
