import { z } from "zod";
import type { RankingRule, SearchCandidate } from "../rule";
import { defineRule } from "../rule-definition";

const locationPriorityRuleSchema = z.object({
  type: z.literal("location-priority"),
  /** Ranked location ids, most preferred first. Without it, each location's own `priority` is used. */
  locationIds: z.array(z.string().min(1)).optional(),
});
type LocationPriorityRuleConfig = z.infer<typeof locationPriorityRuleSchema>;

/** Ranks above this share the last place (2^rank must stay exact in a double). */
const MAX_RANK = 1000;

/**
 * Location priority (the merchant's ranked list). A plan's score is Σ 2^rank over its locations
 * (rank 0 = most preferred), which compares plans by their least preferred location first, then
 * the next: a plan that avoids a lower-ranked location always wins, {1st, 2nd} beats {3rd}.
 */
function locationPriorityRule(config: LocationPriorityRuleConfig): RankingRule {
  const listed = config.locationIds ? new Map(config.locationIds.map((id, i) => [id, i] as const)) : null;
  const rankOf = (candidate: SearchCandidate, unranked: number): number => {
    const location = candidate.location;
    const rank = listed ? listed.get(location.id) : location.priority !== undefined ? location.priority - 1 : undefined;
    return Math.min(MAX_RANK, Math.max(0, rank ?? unranked));
  };
  return {
    kind: "ranking",
    type: "location-priority",
    label: "Location priority",
    pricesUnfilledUnits: false,
    objective(problem) {
      const unranked = unrankedRank(problem.candidates, listed);
      const weight = problem.candidates.map((c) => 2 ** rankOf(c, unranked));
      const sum = (chosen: readonly number[]) => {
        let total = 0;
        for (const j of chosen) total += weight[j] ?? 0;
        return total;
      };
      return {
        score: (plan) => sum(plan.chosen),
        lowerBound(node) {
          let lightest = Infinity;
          for (const j of node.remaining) lightest = Math.min(lightest, weight[j] ?? Infinity);
          return sum(node.chosen) + lightest;
        },
        candidateOrder: (candidate) => rankOf(candidate, unranked),
      };
    },
    describe(candidate, problem) {
      const rank = rankOf(candidate, unrankedRank(problem.candidates, listed));
      return { score: rank + 1, note: `ranked ${rank + 1}` };
    },
  };
}

/** Unranked locations share the place after the last ranked one. */
function unrankedRank(candidates: readonly SearchCandidate[], listed: ReadonlyMap<string, number> | null): number {
  if (listed) return listed.size;
  let last = 0;
  for (const c of candidates) if (c.location.priority !== undefined) last = Math.max(last, c.location.priority);
  return last;
}

export const locationPriorityDefinition = defineRule({
  type: "location-priority",
  kind: "ranking",
  schema: locationPriorityRuleSchema,
  defaults: { type: "location-priority" },
  fields: [],
  build: locationPriorityRule,
  messages: {
    en: { label: "Location priority", description: "Prefer locations in the merchant's ranked order (each location's priority).", fields: {}, summary: {} },
    vi: { label: "Thứ tự ưu tiên địa điểm", description: "Ưu tiên các địa điểm theo thứ tự bạn đã xếp (mức ưu tiên của từng địa điểm).", fields: {}, summary: {} },
    "zh-CN": { label: "地点优先级", description: "按商家排定的顺序优先选择地点（每个地点的优先级）。", fields: {}, summary: {} },
  },
});
