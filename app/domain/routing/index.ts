export * from "./types";
export { costModelSchema, planCost, shipmentCost, type CostModel } from "./cost";
export { EARTH_RADIUS_KM, haversineKm } from "./geo";
export {
  parseRoutingConfig,
  routingConfigSchema,
  ruleConfigSchema,
  type ParseResult,
  type RoutingConfig,
  type RoutingConfigInput,
  type RuleConfig,
  type RuleConfigInput,
  type RuleType,
} from "./config";
export type { FilterRule, FilterVerdict, Objective, RankingRule, Rule, SearchCandidate, SearchProblem } from "./rule";
export { createRoutingEngine, type EngineOptions, type RoutingEngine } from "./engine";
export {
  builtInStrategy,
  builtInStrategyNames,
  closestStrategy,
  costOptimalStrategy,
  ruleBasedStrategy,
  shopifyDefaultStrategy,
  type BuiltInOptions,
  type BuiltInStrategyName,
  type RoutingStrategy,
} from "./strategy";
