import { z } from "zod";
import { costModelSchema } from "../cost";
import type { RankingRule, SearchCandidate } from "../rule";
import { defineRule } from "../rule-definition";

const costOptimalRuleSchema = z.object({
  type: z.literal("cost-optimal"),
  costModel: costModelSchema,
});
type CostOptimalRuleConfig = z.infer<typeof costOptimalRuleSchema>;

/**
 * Cost-optimal: a plan's score is FORMAT.md's cost,
 *   Σ_{shipping locations} (perShipment + perKm · km) + unfilledPenalty · unfilled units.
 * It prices unfilled units itself, so when it is the first ranking rule the search minimises
 * exactly that cost (leaving a unit unfilled when shipping it would cost more than the penalty).
 *
 * Lower bound for the supersets of a node U with remaining candidates R (residual demand r_i):
 *   Σ_U w + max( min_R w + P · unfilled(U ∪ R),  Σ_i r_i · min(P, min_{j ∈ R covers i} w_j / cov_j) )
 * where cov_j = Σ_i min(cap_ji, r_i) is the most j can still ship: each unit shipped by j costs at
 * least w_j / cov_j of j's shipment, and each unit left over costs P.
 */
function costOptimalRule(config: CostOptimalRuleConfig): RankingRule {
  const { perShipment, perKm, unfilledPenalty } = config.costModel;
  const weightOf = (candidate: SearchCandidate) => perShipment + perKm * candidate.km;
  return {
    kind: "ranking",
    type: "cost-optimal",
    label: "Lowest cost",
    pricesUnfilledUnits: true,
    objective(problem) {
      const w = new Float64Array(problem.candidates.length);
      problem.candidates.forEach((c, j) => (w[j] = weightOf(c)));
      const caps = problem.candidates.map((c) => c.cap);
      const m = problem.items.length;
      const rate = new Float64Array(m);
      const shipping = (chosen: readonly number[]) => {
        let total = 0;
        for (const j of chosen) total += w[j] ?? 0;
        return total;
      };
      return {
        score: (plan) => shipping(plan.chosen) + unfilledPenalty * plan.unfilled,
        lowerBound(node) {
          const residual = node.residual;
          rate.fill(unfilledPenalty);
          let cheapest = Infinity;
          for (const j of node.remaining) {
            const wj = w[j] ?? 0;
            if (wj < cheapest) cheapest = wj;
            const cap = caps[j];
            if (!cap) continue;
            let cov = 0;
            for (let i = 0; i < m; i++) cov += Math.min(cap[i] ?? 0, residual[i] ?? 0);
            if (cov <= 0) continue;
            const perUnit = wj / cov;
            for (let i = 0; i < m; i++) {
              if ((cap[i] ?? 0) > 0 && (residual[i] ?? 0) > 0 && perUnit < (rate[i] ?? 0)) rate[i] = perUnit;
            }
          }
          let perUnitBound = 0;
          for (let i = 0; i < m; i++) perUnitBound += (residual[i] ?? 0) * (rate[i] ?? 0);
          const oneMore = cheapest + unfilledPenalty * node.unfilledWithAllRemaining;
          return shipping(node.chosen) + Math.max(oneMore, perUnitBound);
        },
        // Cheapest per unit it can ship first: the first plans the search meets are the greedy ones.
        candidateOrder: (candidate) => (candidate.coverage > 0 ? weightOf(candidate) / candidate.coverage : Infinity),
      };
    },
    describe(candidate) {
      const w = weightOf(candidate);
      return { score: w, note: `a shipment from here costs ${w.toFixed(2)}` };
    },
  };
}

export const costOptimalDefinition = defineRule({
  type: "cost-optimal",
  kind: "ranking",
  schema: costOptimalRuleSchema,
  defaults: { type: "cost-optimal", costModel: { perShipment: 7, perKm: 0.015, unfilledPenalty: 250 } },
  fields: [
    { name: "perShipment", kind: "number", path: ["costModel", "perShipment"] },
    { name: "perKm", kind: "number", path: ["costModel", "perKm"] },
    { name: "unfilledPenalty", kind: "number", path: ["costModel", "unfilledPenalty"] },
  ],
  build: costOptimalRule,
  summary: (rule, t) => t("summary.costs", rule.costModel),
  messages: {
    en: {
      label: "Lowest shipping cost",
      description: "Find the cheapest plan exactly: cost per parcel, per km, and a penalty for each unit left unfilled.",
      fields: { perShipment: { label: "Cost per parcel" }, perKm: { label: "Cost per km" }, unfilledPenalty: { label: "Penalty per unfilled unit" } },
      summary: { costs: "{{perShipment}} per parcel + {{perKm}} per km; {{unfilledPenalty}} per unit left unfilled" },
    },
    vi: {
      label: "Chi phí vận chuyển thấp nhất",
      description: "Tìm chính xác phương án rẻ nhất: chi phí mỗi kiện, mỗi km và một khoản phạt cho mỗi đơn vị không được đáp ứng.",
      fields: { perShipment: { label: "Chi phí mỗi kiện" }, perKm: { label: "Chi phí mỗi km" }, unfilledPenalty: { label: "Phạt mỗi đơn vị không đáp ứng" } },
      summary: { costs: "{{perShipment}} mỗi kiện + {{perKm}} mỗi km; {{unfilledPenalty}} mỗi đơn vị không được đáp ứng" },
    },
    "zh-CN": {
      label: "运费最低",
      description: "精确找出最便宜的方案：每个包裹的费用、每公里的费用，以及每件未能履约商品的罚金。",
      fields: { perShipment: { label: "每个包裹费用" }, perKm: { label: "每公里费用" }, unfilledPenalty: { label: "每件未履约罚金" } },
      summary: { costs: "每个包裹 {{perShipment}} + 每公里 {{perKm}}；每件未履约商品 {{unfilledPenalty}}" },
    },
  },
});
