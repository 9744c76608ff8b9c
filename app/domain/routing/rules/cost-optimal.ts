import { z } from "zod";
import { costModelSchema } from "../cost";
import type { RankingRule, SearchCandidate } from "../rule";

export const costOptimalRuleSchema = z.object({
  type: z.literal("cost-optimal"),
  costModel: costModelSchema,
});
export type CostOptimalRuleConfig = z.infer<typeof costOptimalRuleSchema>;

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
export function costOptimalRule(config: CostOptimalRuleConfig): RankingRule {
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
