import { allocate, groupBySku, packLines } from "./allocate";
import type { RoutingConfig } from "./config";
import { haversineKm } from "../geo/geo";
import { orderStop } from "../locations/location";
import type { DemandItem, FilterRule, Objective, RankingRule, Rule, SearchCandidate, SearchProblem } from "./rule";
import { ruleRegistry } from "./registry";
import { closestRule } from "./rules/closest";
import { fewestShipmentsRule } from "./rules/fewest-shipments";
import { decidePickup } from "./rules/pickup";
import { compareScores, fillObjective, searchBestPlan, type SearchLimits } from "./search";
import type {
  Assignment,
  CandidateLocation,
  LocationExplanation,
  RoutingInput,
  RoutingPlan,
  RuleScore,
  UnassignedUnits,
  Why,
} from "./types";

export interface EngineOptions {
  /** Where rule configs become rules; default the rules Crossdock ships (tests add their own). */
  registry?: { build(config: { type: string }): Rule };
  /** Clock for `search.timeBudgetMs` (ms). Without one the search is bounded by maxNodes only. */
  now?: () => number;
}

export interface RoutingEngine {
  readonly name: string;
  readonly filters: readonly FilterRule[];
  readonly rankings: readonly RankingRule[];
  route(input: RoutingInput): RoutingPlan;
}

/** Ties left after every configured ranking: fewer shipments, then shorter total distance. */
const tieBreakers: readonly RankingRule[] = [fewestShipmentsRule(), closestRule()];

/**
 * The engine core. Per order: baseline eligibility (takes orders now, fulfils online orders), the filters in
 * order, then a branch-and-bound search over sets of the remaining locations ranked by the ranking
 * rules (lexicographically), then the assignment step, then the explanation.
 */
export function createRoutingEngine(config: RoutingConfig, options: EngineOptions = {}): RoutingEngine {
  const registry = options.registry ?? ruleRegistry;
  const rules = config.rules.map((rule) => registry.build(rule));
  const filters = rules.filter((r): r is FilterRule => r.kind === "filter");
  const rankings = rules.filter((r): r is RankingRule => r.kind === "ranking");
  const pricesFirst = rankings[0]?.pricesUnfilledUnits === true;
  const limits: SearchLimits = { maxNodes: config.search.maxNodes, timeBudgetMs: config.search.timeBudgetMs, now: options.now };
  const route = (input: RoutingInput): RoutingPlan =>
    input.pickupLocationId !== undefined
      ? routePickup(config.name, input, filters)
      : routeShipping(config.name, input, filters, rankings, pricesFirst, config.allowSplitLines, limits);
  return { name: config.name, filters, rankings, route };
}

function blankExplanations(input: RoutingInput): Map<string, LocationExplanation> {
  const explanations = new Map<string, LocationExplanation>();
  for (const l of input.locations) {
    explanations.set(l.id, { locationId: l.id, name: l.name, status: "not-chosen", reasons: [], why: [], scores: {}, units: 0 });
  }
  return explanations;
}

function routePickup(strategy: string, input: RoutingInput, filters: readonly FilterRule[]): RoutingPlan {
  const explanations = blankExplanations(input);
  const store = input.locations.find((l) => l.id === input.pickupLocationId);
  const decision = decidePickup(input, store, filters);
  for (const e of explanations.values()) {
    if (e.locationId === store?.id) continue;
    e.status = "excluded";
    e.reasons.push(`The shopper chose pickup at ${store?.name ?? input.pickupLocationId}`);
    e.why!.push(store ? { key: "pickupElsewhere", values: { store: store.name } } : { key: "pickupUnknownStore" });
  }
  const storeExplanation = store ? explanations.get(store.id) : undefined;
  let assignments: Assignment[] = [];
  let unassigned: UnassignedUnits[] = [];
  let summary: string;
  let summaryWhy: Why;
  if (decision.status === "ready") {
    assignments = decision.assignments;
    const units = assignments.reduce((s, a) => s + a.quantity, 0);
    if (storeExplanation) {
      storeExplanation.status = "chosen";
      storeExplanation.units = units;
      storeExplanation.reasons.push(`Shopper's pickup store: all ${units} units are picked up here`, ...decision.notes);
      storeExplanation.why!.push({ key: "pickupHere", values: { count: units } }, ...decision.noteWhys);
    }
    summary = `Pickup at ${store?.name}: ${units} units.`;
    summaryWhy = { key: "summaryPickup", values: { store: store?.name ?? "", count: units } };
  } else {
    unassigned = input.lines
      .filter((l) => l.quantity > 0)
      .map((l) => ({ lineId: l.id, sku: l.sku, quantity: l.quantity, reason: `Pickup refused: ${decision.reason}` }));
    if (storeExplanation) {
      storeExplanation.status = "excluded";
      storeExplanation.reasons.push(decision.reason);
      storeExplanation.why!.push(decision.why);
    }
    summary = `Pickup refused, nothing assigned: ${decision.reason}.`;
    summaryWhy = { key: "summaryPickupRefused", detail: decision.why };
  }
  return {
    orderId: input.orderId,
    strategy,
    mode: "pickup",
    assignments,
    unassigned,
    shipments: assignments.length ? 1 : 0,
    scores: [],
    search: { nodes: 0, exhaustive: true },
    summary,
    summaryWhy,
    locations: [...explanations.values()],
  };
}

/** Baseline eligibility: a location that takes no orders now (orderStop), or none from online. */
function baselineExclusion(location: CandidateLocation): { reason: string; why: Why } | undefined {
  const stop = orderStop(location);
  if (stop === "inactive") return { reason: "Inactive", why: { key: "inactive" } };
  if (stop === "paused") {
    const note = location.pausedNote?.trim();
    return note
      ? { reason: `Paused by staff: ${note}`, why: { key: "pausedNote", values: { note } } }
      : { reason: "Paused by staff", why: { key: "paused" } };
  }
  if (!location.fulfillsOnlineOrders) return { reason: "Does not fulfil online orders", why: { key: "notOnline" } };
  return undefined;
}

interface Screened {
  location: CandidateLocation;
  keepBack: number;
  blocked: Map<string, string>;
  blockedWhy: Why[];
  notes: string[];
  noteWhys: Why[];
}

function routeShipping(
  strategy: string,
  input: RoutingInput,
  filters: readonly FilterRule[],
  rankings: readonly RankingRule[],
  pricesFirst: boolean,
  allowSplitLines: boolean,
  limits: SearchLimits,
): RoutingPlan {
  const explanations = blankExplanations(input);
  const lines = input.lines.filter((l) => l.quantity > 0);

  // 1. Baseline eligibility and the filters, in order; the first exclusion wins.
  const screened: Screened[] = [];
  for (const location of input.locations) {
    const e = explanations.get(location.id) as LocationExplanation;
    const exclusion = baselineExclusion(location);
    if (exclusion) {
      e.status = "excluded";
      e.reasons.push(exclusion.reason);
      e.why!.push(exclusion.why);
      continue;
    }
    const s: Screened = { location, keepBack: 0, blocked: new Map(), blockedWhy: [], notes: [], noteWhys: [] };
    let excluded = false;
    for (const filter of filters) {
      const verdict = filter.evaluate(location, input);
      if (verdict.exclude !== undefined) {
        e.status = "excluded";
        e.reasons.push(`${filter.label}: ${verdict.exclude}`);
        e.why!.push({ key: "ruleExcluded", rule: filter.type, ...(verdict.excludeWhy ? { detail: verdict.excludeWhy } : {}) });
        excluded = true;
        break;
      }
      if (verdict.keepBack !== undefined) s.keepBack = Math.max(s.keepBack, verdict.keepBack);
      for (const b of verdict.blockedSkus ?? []) {
        if (s.blocked.has(b.sku)) continue;
        s.blocked.set(b.sku, b.reason);
        if (b.why) s.blockedWhy.push(b.why);
      }
      if (verdict.note !== undefined) s.notes.push(verdict.note);
      if (verdict.noteWhy !== undefined) s.noteWhys.push(verdict.noteWhy);
    }
    if (!excluded) screened.push(s);
  }

  // 2. The demand items and what each remaining location can give.
  const skuGroups = groupBySku(lines);
  const items: DemandItem[] = allowSplitLines
    ? [...skuGroups].map(([sku, group]) => ({ sku, demand: group.reduce((n, l) => n + l.quantity, 0), lineIds: group.map((l) => l.id) }))
    : lines.map((l) => ({ sku: l.sku, demand: l.quantity, lineIds: [l.id] }));
  const m = items.length;
  const demand = new Float64Array(m);
  let totalUnits = 0;
  for (let i = 0; i < m; i++) totalUnits += demand[i] = (items[i] as DemandItem).demand;
  const all: SearchCandidate[] = screened.map((s) => {
    const available = new Map<string, number>();
    for (const sku of skuGroups.keys()) {
      if (s.blocked.has(sku)) continue;
      const units = (s.location.stock[sku] ?? 0) - s.keepBack;
      if (units > 0) available.set(sku, units);
    }
    const cap = new Float64Array(m);
    let coverage = 0;
    for (let i = 0; i < m; i++) {
      const item = items[i] as DemandItem;
      const units = available.get(item.sku) ?? 0;
      coverage += cap[i] = allowSplitLines ? Math.min(units, item.demand) : units >= item.demand ? item.demand : 0;
    }
    return { location: s.location, km: haversineKm(s.location, input.destination), cap, coverage, available };
  });
  const candidates = all.filter((c) => c.coverage > 0);
  const problem: SearchProblem = { destination: input.destination, items, demand, totalUnits, candidates, allowSplitLines };

  // 3. Search the best set of locations.
  const ranked = [...rankings, ...tieBreakers];
  const objectives: Objective[] = ranked.map((r) => r.objective(problem));
  if (!pricesFirst) objectives.unshift(fillObjective);
  const sharesSkus = !allowSplitLines && skuGroups.size < lines.length;
  const exactUnfilled = sharesSkus
    ? (chosen: readonly number[]) => unfilledWhenPacked(skuGroups, chosen.map((j) => candidates[j] as SearchCandidate))
    : undefined;
  const result = searchBestPlan(problem, objectives, limits, exactUnfilled);

  // 4. Assignment step.
  const chosenCandidates = result.chosen.map((j) => candidates[j] as SearchCandidate);
  const allocation = allocate(lines, chosenCandidates, allowSplitLines);
  const unitsByLocation = new Map<string, Map<string, number>>();
  for (const a of allocation.assignments) {
    const perSku = unitsByLocation.get(a.locationId) ?? new Map<string, number>();
    perSku.set(a.sku, (perSku.get(a.sku) ?? 0) + a.quantity);
    unitsByLocation.set(a.locationId, perSku);
  }

  // 5. Explanation.
  const labels = objectiveLabels(ranked, pricesFirst);
  const chosenScores = result.scores;
  screened.forEach((s, index) => {
    const e = explanations.get(s.location.id) as LocationExplanation;
    const candidate = all[index] as SearchCandidate;
    for (const r of rankings) e.scores[r.type] = round(r.describe(candidate, problem).score);
    const shipped = unitsByLocation.get(s.location.id);
    if (shipped) {
      e.status = "chosen";
      e.units = [...shipped.values()].reduce((a, b) => a + b, 0);
      e.reasons.push(`Ships ${e.units} unit${e.units === 1 ? "" : "s"}: ${[...shipped].map(([sku, q]) => `${sku} × ${q}`).join(", ")}`);
      e.why!.push({ key: "ships", values: { count: e.units }, items: [...shipped].map(([sku, quantity]) => ({ sku, quantity })) });
    } else if (candidate.coverage === 0) {
      e.reasons.push(s.blocked.size ? [...s.blocked.values()].join("; ") : `No stock of the ordered items${s.keepBack ? ` beyond the ${s.keepBack} kept back` : ""}`);
      e.why!.push(s.blockedWhy.length ? { key: "list", all: s.blockedWhy } : s.keepBack ? { key: "noStockBeyond", values: { count: s.keepBack } } : { key: "noStock" });
    } else {
      const j = candidates.indexOf(candidate);
      const alone = objectives.map((o) => o.score({ chosen: [j], unfilled: unfilledAlone(candidate, demand) }));
      e.reasons.push(`Could ship ${candidate.coverage} of ${totalUnits} units; ${whyNot(alone, chosenScores, labels)}`);
      e.why!.push({ key: "couldShip", values: { coverage: candidate.coverage, count: totalUnits }, detail: whyNotWhy(alone, chosenScores, labels) });
    }
    if (candidate.coverage > 0) {
      e.reasons.push(...s.blocked.values());
      e.why!.push(...s.blockedWhy);
    }
    e.reasons.push(...s.notes);
    e.why!.push(...s.noteWhys);
  });

  const unassigned: UnassignedUnits[] = [];
  for (const line of lines) {
    const left = allocation.unfilledByLine.get(line.id);
    if (left) unassigned.push({ lineId: line.id, sku: line.sku, quantity: left, reason: unfilledReason(line.sku, line.quantity, all, allowSplitLines, pricesFirst) });
  }
  const scores: RuleScore[] = labels.map((label, k) => ({ ...label, value: round(chosenScores[k] ?? 0) }));
  const chosenNames = chosenCandidates.filter((c) => unitsByLocation.has(c.location.id)).map((c) => c.location.name);
  const shippedUnits = totalUnits - allocation.unfilled;
  return {
    orderId: input.orderId,
    strategy,
    mode: "ship",
    assignments: allocation.assignments,
    unassigned,
    shipments: unitsByLocation.size,
    scores,
    search: { nodes: result.nodes, exhaustive: result.exhaustive },
    summaryWhy: {
      key: allocation.unfilled ? "summaryShipsUnfilled" : "summaryShips",
      values: { shipped: shippedUnits, count: totalUnits, locations: unitsByLocation.size, names: chosenNames.join(", "), unfilled: allocation.unfilled },
    },
    summary:
      `Ships ${shippedUnits} of ${totalUnits} units from ${unitsByLocation.size} location${unitsByLocation.size === 1 ? "" : "s"}` +
      (chosenNames.length ? ` (${chosenNames.join(", ")})` : "") +
      (allocation.unfilled ? `; ${allocation.unfilled} unit${allocation.unfilled === 1 ? "" : "s"} unfilled.` : "."),
    locations: [...explanations.values()],
  };
}

function objectiveLabels(ranked: readonly RankingRule[], pricesFirst: boolean): Array<{ rule: string; label: string }> {
  const labels = ranked.map((r, k) => ({ rule: k >= ranked.length - tieBreakers.length ? `tie-break:${r.type}` : r.type, label: r.label }));
  return pricesFirst ? labels : [{ rule: "fill", label: "Unfilled units" }, ...labels];
}

function unfilledAlone(candidate: SearchCandidate, demand: Float64Array): number {
  let left = 0;
  demand.forEach((d, i) => (left += Math.max(0, d - (candidate.cap[i] ?? 0))));
  return left;
}

function whyNot(alone: readonly number[], chosen: readonly number[], labels: ReadonlyArray<{ label: string }>): string {
  for (let k = 0; k < alone.length; k++) {
    if (compareScores([alone[k] ?? 0], [chosen[k] ?? 0]) !== 0) {
      return `on its own: ${labels[k]?.label ?? "score"} ${fmt(alone[k] ?? 0)} against ${fmt(chosen[k] ?? 0)} for the chosen plan`;
    }
  }
  return "ties with the chosen plan; the search met the chosen plan first";
}

/** whyNot as data: the first rule on which the location alone loses to the chosen plan. */
function whyNotWhy(alone: readonly number[], chosen: readonly number[], labels: ReadonlyArray<{ rule: string }>): Why {
  for (let k = 0; k < alone.length; k++) {
    if (compareScores([alone[k] ?? 0], [chosen[k] ?? 0]) !== 0) {
      const rule = labels[k]?.rule.replace(/^tie-break:/, "") ?? "";
      return { key: "loses", rule, values: { alone: fmt(alone[k] ?? 0), chosen: fmt(chosen[k] ?? 0) } };
    }
  }
  return { key: "ties" };
}

function unfilledReason(
  sku: string,
  quantity: number,
  all: readonly SearchCandidate[],
  allowSplitLines: boolean,
  pricesFirst: boolean,
): string {
  let total = 0;
  let largest = 0;
  for (const c of all) {
    const units = c.available.get(sku) ?? 0;
    total += units;
    largest = Math.max(largest, units);
  }
  if (total === 0) return `No eligible location has ${sku} in stock`;
  if (!allowSplitLines && largest < quantity) return `No single eligible location has ${quantity} × ${sku} (lines may not be split)`;
  if (pricesFirst) return `Cheaper to leave unfilled than to ship (the penalty is below the shipment's cost)`;
  return `Only ${total} × ${sku} available at eligible locations`;
}

function unfilledWhenPacked(skuGroups: ReadonlyMap<string, readonly { quantity: number }[]>, chosen: readonly SearchCandidate[]): number {
  let unfilled = 0;
  for (const [sku, group] of skuGroups) {
    const quantities = group.map((l) => l.quantity);
    const target = packLines(quantities, chosen.map((c) => c.available.get(sku) ?? 0));
    quantities.forEach((q, k) => {
      if ((target[k] ?? -1) < 0) unfilled += q;
    });
  }
  return unfilled;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
