import { parseRoutingConfig, type RoutingConfigInput } from "./config";
import type { CostModel } from "./cost";
import { createRoutingEngine, type EngineOptions } from "./engine";
import type { RoutingInput, RoutingPlan } from "./types";

/** Where an order's units ship from (Vendure-style strategy: pure, no I/O inside `route`). */
export interface RoutingStrategy {
  readonly name: string;
  route(input: RoutingInput): RoutingPlan;
}

/** A strategy from a stored rule configuration; throws with every validation message on bad data. */
export function ruleBasedStrategy(config: RoutingConfigInput, options: EngineOptions = {}): RoutingStrategy {
  const parsed = parseRoutingConfig(config);
  if (parsed.status === "error") throw new Error(`Invalid routing configuration:\n${parsed.errors.join("\n")}`);
  const engine = createRoutingEngine(parsed.config, options);
  return { name: engine.name, route: (input) => engine.route(input) };
}

/** Extra rules (filters such as buffers or exclusions) and limits for the built-in strategies. */
export interface BuiltInOptions extends EngineOptions {
  filters?: RoutingConfigInput["rules"];
  allowSplitLines?: boolean;
  search?: RoutingConfigInput["search"];
}

/**
 * Minimises FORMAT.md's cost model exactly (branch and bound; optimal whenever the plan's
 * `search.exhaustive` is true, which the default limits guarantee up to 16 candidate locations
 * holding stock for the order, and in practice well beyond), then fewer shipments, then distance.
 */
export function costOptimalStrategy(costModel: CostModel, options: BuiltInOptions = {}): RoutingStrategy {
  return ruleBasedStrategy(
    {
      name: "cost-optimal",
      allowSplitLines: options.allowSplitLines,
      search: options.search,
      rules: [...(options.filters ?? []), { type: "cost-optimal", costModel }],
    },
    options,
  );
}

/** Shopify's default: the fewest locations that fill the order (as much as it can be), then the closest. */
export function shopifyDefaultStrategy(options: BuiltInOptions = {}): RoutingStrategy {
  return ruleBasedStrategy(
    {
      name: "shopify-default",
      allowSplitLines: options.allowSplitLines,
      search: options.search,
      rules: [...(options.filters ?? []), { type: "fewest-shipments" }, { type: "closest" }],
    },
    options,
  );
}

/** Shortest total distance among the plans that fill the order (as much as it can be). */
export function closestStrategy(options: BuiltInOptions = {}): RoutingStrategy {
  return ruleBasedStrategy(
    { name: "closest", allowSplitLines: options.allowSplitLines, search: options.search, rules: [...(options.filters ?? []), { type: "closest" }] },
    options,
  );
}

export const builtInStrategyNames = ["cost-optimal", "shopify-default", "closest"] as const;
export type BuiltInStrategyName = (typeof builtInStrategyNames)[number];

export function builtInStrategy(name: BuiltInStrategyName, costModel: CostModel, options: BuiltInOptions = {}): RoutingStrategy {
  switch (name) {
    case "cost-optimal":
      return costOptimalStrategy(costModel, options);
    case "shopify-default":
      return shopifyDefaultStrategy(options);
    case "closest":
      return closestStrategy(options);
  }
}
