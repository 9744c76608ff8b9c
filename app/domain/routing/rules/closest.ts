import { z } from "zod";
import type { RankingRule } from "../rule";
import { defineRule } from "../rule-definition";

const closestRuleSchema = z.object({ type: z.literal("closest") });
type ClosestRuleConfig = z.infer<typeof closestRuleSchema>;

/**
 * Closest: a plan's score is the total great-circle distance (km) from its shipping locations to
 * the destination. One location 30 km away beats two at 20 km each.
 */
export function closestRule(_config: ClosestRuleConfig = { type: "closest" }): RankingRule {
  return {
    kind: "ranking",
    type: "closest",
    label: "Closest locations",
    pricesUnfilledUnits: false,
    objective(problem) {
      const km = problem.candidates.map((c) => c.km);
      const sum = (chosen: readonly number[]) => {
        let total = 0;
        for (const j of chosen) total += km[j] ?? 0;
        return total;
      };
      return {
        score: (plan) => sum(plan.chosen),
        lowerBound(node) {
          let nearest = Infinity;
          for (const j of node.remaining) nearest = Math.min(nearest, km[j] ?? Infinity);
          return sum(node.chosen) + nearest;
        },
        candidateOrder: (candidate) => candidate.km,
      };
    },
    describe: (candidate) => ({ score: candidate.km, note: `${candidate.km.toFixed(1)} km from the destination` }),
  };
}

export const closestDefinition = defineRule({
  type: "closest",
  kind: "ranking",
  schema: closestRuleSchema,
  defaults: { type: "closest" },
  fields: [],
  build: closestRule,
  messages: {
    en: { label: "Closest", description: "Prefer the plan with the shortest total distance to the customer.", fields: {}, summary: {} },
    vi: { label: "Gần nhất", description: "Ưu tiên phương án có tổng quãng đường đến khách hàng ngắn nhất.", fields: {}, summary: {} },
    "zh-CN": { label: "最近", description: "优先选择到顾客总距离最短的方案。", fields: {}, summary: {} },
  },
});
