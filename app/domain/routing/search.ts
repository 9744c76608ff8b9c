import type { NodeView, Objective, PlanView, SearchProblem } from "./rule";

export interface SearchLimits {
  /** Location sets visited before the search gives up and returns the best plan found. */
  maxNodes: number;
  /** Wall-clock budget in ms, read from `now` every 256 nodes. */
  timeBudgetMs?: number;
  now?: () => number;
}

export interface SearchResult {
  /** Indices into `problem.candidates`. */
  chosen: number[];
  scores: number[];
  nodes: number;
  /** True when every location set was either visited or proven no better: the plan is optimal. */
  exhaustive: boolean;
}

/** Relative tolerance under which two scores count as a tie (and the next rule decides). */
const EPS = 1e-9;

/** -1 when x is better (smaller) than y beyond the tolerance, 1 when worse, 0 on a tie. */
export function compareScore(x: number, y: number): number {
  const tol = EPS * Math.max(1, Math.abs(x), Math.abs(y));
  return x < y - tol ? -1 : x > y + tol ? 1 : 0;
}

/** -1 when a is lexicographically better (smaller) than b, 1 when worse, 0 on a tie. */
export function compareScores(a: ArrayLike<number>, b: ArrayLike<number>): number {
  for (let k = 0; k < a.length; k++) {
    const c = compareScore(a[k] ?? 0, b[k] ?? 0);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Branch and bound over sets of candidate locations, minimising the objectives' scores
 * lexicographically (each objective breaks the ties of the ones before it).
 *
 * Every node is a set U (and a candidate plan); its children add one candidate that comes later
 * in the node's list, so each set is reached once. A node is cut when the objectives' lower bounds
 * over its strict supersets are no better than the incumbent (first key that differs decides;
 * this is sound because each bound holds for every superset). Candidates that cannot reduce the
 * node's residual demand are dropped: adding them only adds cost in every objective. When the
 * limits stop the search early, the best plan found so far is returned with `exhaustive: false`.
 *
 * `exactUnfilled`, when given, replaces the additive residual count in plan scores (used when
 * lines may not be split and several lines share a sku, where packing decides what is filled).
 * The additive count then stays a valid lower bound (it ignores that those lines share stock).
 */
export function searchBestPlan(
  problem: SearchProblem,
  objectives: readonly Objective[],
  limits: SearchLimits,
  exactUnfilled?: (chosen: readonly number[]) => number,
): SearchResult {
  const candidates = problem.candidates;
  const n = candidates.length;
  const m = problem.items.length;
  const caps = candidates.map((c) => c.cap);

  const first = objectives[0];
  const orderKey = first?.candidateOrder;
  const rootOrder = candidates
    .map((c, j) => ({ j, key: orderKey ? orderKey(c) : -c.coverage, km: c.km }))
    .sort((a, b) => a.key - b.key || a.km - b.km || a.j - b.j)
    .map((e) => e.j);

  const residuals: Float64Array[] = [];
  for (let d = 0; d <= n; d++) residuals.push(new Float64Array(m));
  residuals[0]?.set(problem.demand);
  const scratch = new Float64Array(m);
  const chosen: number[] = [];

  let best: { chosen: number[]; scores: number[] } | null = null;
  let nodes = 0;
  let stopped = false;
  const now = limits.now;
  const deadline = limits.timeBudgetMs !== undefined && now ? now() + limits.timeBudgetMs : Infinity;

  const covers = (j: number, residual: Float64Array): boolean => {
    const cap = caps[j];
    if (!cap) return false;
    for (let i = 0; i < m; i++) if ((cap[i] ?? 0) > 0 && (residual[i] ?? 0) > 0) return true;
    return false;
  };

  const keys = objectives.length;
  const scores = new Float64Array(keys);
  /** Bounds key by key: stop at the first key whose bound is strictly better or worse than the incumbent's. */
  const canImprove = (node: NodeView, incumbent: readonly number[]): boolean => {
    for (let k = 0; k < keys; k++) {
      const c = compareScore((objectives[k] as Objective).lowerBound(node), incumbent[k] ?? 0);
      if (c !== 0) return c < 0;
    }
    return false;
  };

  const visit = (depth: number, remaining: readonly number[]): void => {
    nodes++;
    const residual = residuals[depth] as Float64Array;
    let unfilled = 0;
    for (let i = 0; i < m; i++) unfilled += residual[i] ?? 0;
    // Packing (whole lines sharing a sku's stock) can leave more unfilled than the additive count.
    const exact = exactUnfilled && depth > 0 ? exactUnfilled(chosen) : unfilled;
    const plan: PlanView = { chosen, unfilled: exact };
    for (let k = 0; k < keys; k++) scores[k] = (objectives[k] as Objective).score(plan);
    if (!best || compareScores(scores, best.scores) < 0) best = { chosen: chosen.slice(), scores: Array.from(scores) };
    if (exact === 0) return;
    if (nodes >= limits.maxNodes || ((nodes & 255) === 1 && now && now() > deadline)) {
      stopped = true;
      return;
    }

    // A candidate that covers none of the residual cannot fill more; but when packing leaves more
    // unfilled than the additive count, any candidate may free room by taking a line, so keep all.
    const useful = exact > unfilled ? remaining.slice() : remaining.filter((j) => covers(j, residual));
    if (useful.length === 0) return;
    scratch.set(residual);
    for (const j of useful) {
      const cap = caps[j] as Float64Array;
      for (let i = 0; i < m; i++) scratch[i] = Math.max(0, (scratch[i] ?? 0) - (cap[i] ?? 0));
    }
    let unfilledWithAllRemaining = 0;
    for (let i = 0; i < m; i++) unfilledWithAllRemaining += scratch[i] ?? 0;
    const node: NodeView = { chosen, unfilled, residual, remaining: useful, unfilledWithAllRemaining };
    if (!canImprove(node, best.scores)) return;

    const child = residuals[depth + 1] as Float64Array;
    for (let k = 0; k < useful.length; k++) {
      const j = useful[k] as number;
      const cap = caps[j] as Float64Array;
      for (let i = 0; i < m; i++) child[i] = Math.max(0, (residual[i] ?? 0) - (cap[i] ?? 0));
      chosen.push(j);
      visit(depth + 1, useful.slice(k + 1));
      chosen.pop();
      if (stopped) return;
    }
  };

  visit(0, rootOrder);
  const result = best as { chosen: number[]; scores: number[] } | null;
  return { chosen: result?.chosen ?? [], scores: result?.scores ?? [], nodes, exhaustive: !stopped };
}

/** The implicit first objective of rule lists that don't price unfilled units: ship all you can. */
export const fillObjective: Objective = {
  score: (plan) => plan.unfilled,
  lowerBound: (node) => node.unfilledWithAllRemaining,
};
