import type { CandidateLocation, Destination, RoutingInput, Why } from "./types";

/**
 * Two kinds of rule, as in Shopify's order routing: filters decide which locations (and which of
 * their units) may be used at all; rankings order the possible plans, each passing its ties to
 * the next ranking rule.
 */

export interface FilterVerdict {
  /** The location may not ship any of this order (human-readable reason). */
  exclude?: string;
  /** `exclude` and `note` as data (./types.ts Why), for the admin's languages. */
  excludeWhy?: Why;
  /** Units per sku the location keeps back. */
  keepBack?: number;
  /** Skus this location may not ship for this order (e.g. bulky products from a store). */
  blockedSkus?: ReadonlyArray<{ sku: string; reason: string; why?: Why }>;
  /** Something worth telling the merchant that does not exclude the location. */
  note?: string;
  noteWhy?: Why;
}

export interface FilterRule {
  readonly kind: "filter";
  readonly type: string;
  readonly label: string;
  /** Whether the rule also constrains the shopper's pickup store (stock buffer, capacity do; shipping exclusions don't). */
  readonly appliesToPickup: boolean;
  evaluate(location: CandidateLocation, order: RoutingInput): FilterVerdict;
}

/** One unit of demand the search fills: a sku (lines may be split) or a single line (they may not). */
export interface DemandItem {
  sku: string;
  demand: number;
  lineIds: readonly string[];
}

export interface SearchCandidate {
  location: CandidateLocation;
  /** Distance to the destination, km. */
  km: number;
  /** cap[i]: units of item i this location can give, after buffers and eligibility, at most the demand. */
  cap: Float64Array;
  /** Σ cap. */
  coverage: number;
  /** Units per sku this location may ship for this order (stock after buffer, eligible skus only). */
  available: ReadonlyMap<string, number>;
}

export interface SearchProblem {
  destination: Destination;
  items: readonly DemandItem[];
  demand: Float64Array;
  totalUnits: number;
  candidates: readonly SearchCandidate[];
  allowSplitLines: boolean;
}

/** A set of candidate locations (indices into `problem.candidates`) and what it leaves unfilled. */
export interface PlanView {
  chosen: readonly number[];
  unfilled: number;
}

/** A search node: its own set plus the candidates that may still be added (only useful ones). */
export interface NodeView extends PlanView {
  residual: Float64Array;
  remaining: readonly number[];
  /** Units still unfilled if every remaining candidate were added (a lower bound on `unfilled`). */
  unfilledWithAllRemaining: number;
}

/** A ranking rule compiled for one order: lower scores are better. */
export interface Objective {
  score(plan: PlanView): number;
  /** A lower bound on `score` over every strict superset of `node.chosen` within `node.remaining`. */
  lowerBound(node: NodeView): number;
  /** Order in which the search tries candidates (lower first); good orders find good plans early. */
  candidateOrder?(candidate: SearchCandidate): number;
}

export interface RankingRule {
  readonly kind: "ranking";
  readonly type: string;
  readonly label: string;
  /**
   * True when the rule's score already weighs unfilled units against its other terms (cost-optimal).
   * Otherwise, and whenever such a rule is not first, plans are first compared by unfilled units:
   * the engine ships everything the eligible stock allows, as Shopify does.
   */
  readonly pricesUnfilledUnits: boolean;
  objective(problem: SearchProblem): Objective;
  /** The location on its own under this rule, for the explanation. */
  describe(candidate: SearchCandidate, problem: SearchProblem): { score: number; note: string };
}

export type Rule = FilterRule | RankingRule;
