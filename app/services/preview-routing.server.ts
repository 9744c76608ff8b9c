import { defaultCostModel, defaultRoutingConfig, strategyLabels, type StrategyChoice } from "~/domain/routing/catalog";
import type { RoutingConfigInput } from "~/domain/routing/config";
import { planMetrics, type PlanMetrics } from "~/domain/routing/metrics";
import { toRoutingInput } from "~/domain/routing/order-input";
import { builtInStrategy, ruleBasedStrategy, type RoutingStrategy } from "~/domain/routing/strategy";
import type { RoutingInput, RoutingPlan } from "~/domain/routing/types";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { fetchOrderForRouting } from "~/shopify/fulfillment-orders";
import { loadRoutingContext, loadRoutingStock, loadShopRules } from "./routing-context.server";

export function strategyFor(choice: StrategyChoice, rules: RoutingConfigInput = defaultRoutingConfig()): RoutingStrategy {
  if (choice === "rules") return ruleBasedStrategy(rules);
  // Built-ins still respect the shop's buffers (its own stock-buffer rules: the same units kept back
  // as live routing, stockBufferOf) and capacities.
  const buffers = rules.rules.filter((rule) => rule.type === "stock-buffer");
  return builtInStrategy(choice, defaultCostModel, { filters: [...buffers, { type: "daily-capacity" }] });
}

export type RoutingPreview =
  | { status: "not-found" }
  | { status: "not-routable"; orderName: string; reason: string }
  | {
      status: "ok";
      orderName: string;
      input: RoutingInput;
      /** Line id → what staff recognise (SKU, else the variant id). */
      lineLabels: Record<string, string>;
      results: { choice: StrategyChoice; label: string; plan: RoutingPlan; metrics: PlanMetrics }[];
    };

/** What the chosen strategies would do with one order, on today's stock (as Crossdock mirrors it). Changes nothing. */
export async function previewRouting(input: {
  shop: ShopRef;
  graphql: AdminGraphql;
  orderId: string;
  choices: readonly StrategyChoice[];
  rules?: RoutingConfigInput;
}): Promise<RoutingPreview> {
  // Several Admin API calls in a row: wait out Shopify's throttling instead of failing.
  const graphql = resilientGraphql(input.graphql);
  const order = await fetchOrderForRouting(graphql, input.orderId);
  if (!order) return { status: "not-found" };
  const context = await loadRoutingContext(input.shop);
  const rules = input.rules ?? (await loadShopRules(input.shop)).config;
  const variantIds = order.lines.flatMap((l) => (l.variantId ? [l.variantId] : []));
  const { stock, asOf } = await loadRoutingStock(input.shop, graphql, variantIds);
  const built = toRoutingInput(order, context.locations, stock, { defaultStockBuffer: context.defaultStockBuffer, stockAsOf: asOf, markets: context.markets });
  if (built.status === "not-routable") return { status: "not-routable", orderName: order.name, reason: built.reason };
  return {
    status: "ok",
    orderName: order.name,
    input: built.input,
    // Items by product title and SKU (never a variant id).
    lineLabels: Object.fromEntries(order.lines.map((l) => [l.id, l.title ? (l.sku ? `${l.title} (SKU ${l.sku})` : l.title) : l.sku || l.id])),
    results: input.choices.map((choice) => {
      const plan = strategyFor(choice, rules).route(built.input);
      return { choice, label: strategyLabels[choice], plan, metrics: planMetrics(built.input, plan, defaultCostModel) };
    }),
  };
}
