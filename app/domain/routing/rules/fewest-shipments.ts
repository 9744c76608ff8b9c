import { z } from "zod";
import type { RankingRule } from "../rule";

export const fewestShipmentsRuleSchema = z.object({ type: z.literal("fewest-shipments") });
export type FewestShipmentsRuleConfig = z.infer<typeof fewestShipmentsRuleSchema>;

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
