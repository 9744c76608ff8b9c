import { z } from "zod";
import type { RankingRule } from "../rule";
import { defineRule } from "../rule-definition";

const fewestShipmentsRuleSchema = z.object({ type: z.literal("fewest-shipments") });
type FewestShipmentsRuleConfig = z.infer<typeof fewestShipmentsRuleSchema>;

/** Fewest shipments: a plan's score is the number of locations that ship (minimise splits). */
export function fewestShipmentsRule(_config: FewestShipmentsRuleConfig = { type: "fewest-shipments" }): RankingRule {
  return {
    kind: "ranking",
    type: "fewest-shipments",
    label: "Fewest shipments",
    pricesUnfilledUnits: false,
    objective: () => ({
      score: (plan) => plan.chosen.length,
      // Any strict superset ships from at least one more location.
      lowerBound: (node) => node.chosen.length + 1,
      // Locations that can fill the most of the order first: they make one-shipment plans.
      candidateOrder: (candidate) => -candidate.coverage,
    }),
    describe(candidate, problem) {
      const whole = candidate.coverage >= problem.totalUnits;
      return {
        score: whole ? 1 : 2,
        note: whole
          ? "can fill the whole order alone"
          : `can fill ${candidate.coverage} of ${problem.totalUnits} units alone`,
      };
    },
  };
}

export const fewestShipmentsDefinition = defineRule({
  type: "fewest-shipments",
  kind: "ranking",
  schema: fewestShipmentsRuleSchema,
  defaults: { type: "fewest-shipments" },
  fields: [],
  build: fewestShipmentsRule,
  messages: {
    en: { label: "Fewest shipments", description: "Prefer plans that ship the order in fewer parcels (fewer split fulfillments).", fields: {}, summary: {} },
    vi: { label: "Ít kiện hàng nhất", description: "Ưu tiên phương án gửi đơn hàng trong ít kiện hơn (ít lần tách đơn hơn).", fields: {}, summary: {} },
    "zh-CN": { label: "包裹最少", description: "优先选择用更少包裹发出订单的方案（更少拆单发货）。", fields: {}, summary: {} },
  },
});
