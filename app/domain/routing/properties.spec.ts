import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RuleConfigInput } from "./config";
import type { CostModel } from "./cost";
import { haversineKm } from "../geo/geo";
import { costOptimalStrategy, ruleBasedStrategy, shopifyDefaultStrategy } from "./strategy";
import { bruteForceCost, costModelArb, costOf, instanceArb, shippedFrom } from "./test-support";
import type { CandidateLocation, RoutingInput, RoutingPlan } from "./types";

interface Filters {
  buffer?: number;
  excludeStores: boolean;
  excludeOutlet: boolean;
  capacity: boolean;
  bulkyFromWarehouses: boolean;
  country: boolean;
}

const filtersArb: fc.Arbitrary<Filters> = fc.record({
  buffer: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  excludeStores: fc.boolean(),
  excludeOutlet: fc.boolean(),
  capacity: fc.boolean(),
  bulkyFromWarehouses: fc.boolean(),
  country: fc.boolean(),
});

function filterRules(f: Filters): RuleConfigInput[] {
  const rules: RuleConfigInput[] = [];
  if (f.buffer !== undefined) rules.push({ type: "stock-buffer", units: f.buffer });
  if (f.excludeStores || f.excludeOutlet) {
    rules.push({ type: "exclude-locations", kinds: f.excludeStores ? ["store"] : [], tags: f.excludeOutlet ? ["outlet"] : [] });
  }
  if (f.capacity) rules.push({ type: "daily-capacity" });
  if (f.bulkyFromWarehouses) rules.push({ type: "product-tag-routing", productTags: ["bulky"], onlyFromKinds: ["warehouse"] });
  if (f.country) rules.push({ type: "stay-in-market", scope: "country" });
  return rules;
}

const rankingsArb = fc.constantFrom<RuleConfigInput[][]>(
  [{ type: "cost-optimal", costModel: { perShipment: 7, perKm: 0.02, unfilledPenalty: 250 } }],
  [{ type: "fewest-shipments" }, { type: "closest" }],
  [{ type: "closest" }],
  [{ type: "location-priority" }, { type: "fewest-shipments" }],
  [{ type: "fewest-shipments" }, { type: "cost-optimal", costModel: { perShipment: 3, perKm: 0.05, unfilledPenalty: 10 } }],
  [],
);

const buffer = (f: Filters, l: CandidateLocation) => (f.buffer === undefined ? 0 : (l.stockBuffer ?? f.buffer));
const atCapacity = (l: CandidateLocation) => l.dailyCapacity !== undefined && (l.ordersToday ?? 0) >= l.dailyCapacity;

/** What every plan must satisfy, whatever the rules rank. */
function checkInvariants(input: RoutingInput, f: Filters, allowSplitLines: boolean, plan: RoutingPlan): void {
  const byId = new Map(input.locations.map((l) => [l.id, l]));
  // Quantities: assigned + unassigned = ordered, per line; assignments positive.
  for (const line of input.lines) {
    const assigned = plan.assignments.filter((a) => a.lineId === line.id);
    const left = plan.unassigned.filter((u) => u.lineId === line.id).reduce((n, u) => n + u.quantity, 0);
    expect(assigned.every((a) => a.quantity > 0 && Number.isInteger(a.quantity) && a.sku === line.sku)).toBe(true);
    expect(assigned.reduce((n, a) => n + a.quantity, 0) + left).toBe(line.quantity);
    if (!allowSplitLines) expect(assigned.length).toBeLessThanOrEqual(1);
  }
  // Stock after the buffer, per location and sku.
  const taken = new Map<string, number>();
  for (const a of plan.assignments) taken.set(`${a.locationId}|${a.sku}`, (taken.get(`${a.locationId}|${a.sku}`) ?? 0) + a.quantity);
  for (const [key, units] of taken) {
    const [id = "", sku = ""] = key.split("|");
    const l = byId.get(id) as CandidateLocation;
    expect(units).toBeLessThanOrEqual(Math.max(0, (l.stock[sku] ?? 0) - buffer(f, l)));
  }
  const used = shippedFrom(plan).map((id) => byId.get(id) as CandidateLocation);
  if (input.pickupLocationId !== undefined) {
    // Pickup: everything at the chosen store, or nothing; and everything when the store can.
    expect(used.every((l) => l.id === input.pickupLocationId)).toBe(true);
    const assignedUnits = plan.assignments.reduce((n, a) => n + a.quantity, 0);
    const ordered = input.lines.reduce((n, l) => n + l.quantity, 0);
    expect([0, ordered]).toContain(assignedUnits);
    const store = byId.get(input.pickupLocationId) as CandidateLocation;
    const demand = new Map<string, number>();
    for (const l of input.lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.quantity);
    const can =
      store.active &&
      store.pickupEnabled &&
      !(f.capacity && atCapacity(store)) &&
      [...demand].every(([sku, units]) => (store.stock[sku] ?? 0) - buffer(f, store) >= units);
    expect(assignedUnits).toBe(can ? ordered : 0);
  } else {
    for (const l of used) {
      expect(l.active && l.fulfillsOnlineOrders).toBe(true);
      if (f.excludeStores) expect(l.kind).not.toBe("store");
      if (f.excludeOutlet) expect(l.tags ?? []).not.toContain("outlet");
      if (f.capacity) expect(atCapacity(l)).toBe(false);
      if (f.country) expect(l.countryCode).toBe(input.destination.countryCode);
    }
    if (f.bulkyFromWarehouses) {
      for (const a of plan.assignments) {
        const line = input.lines.find((x) => x.id === a.lineId);
        if (line?.productTags?.includes("bulky")) expect(byId.get(a.locationId)?.kind).toBe("warehouse");
      }
    }
  }
  // Explanation: every location once; "chosen" exactly for those that ship.
  expect(plan.locations.map((e) => e.locationId).sort()).toEqual(input.locations.map((l) => l.id).sort());
  expect(plan.locations.filter((e) => e.status === "chosen").map((e) => e.locationId).sort()).toEqual(shippedFrom(plan));
  expect(plan.locations.every((e) => e.reasons.length > 0)).toBe(true);
  expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
}

describe("routing properties", () => {
  it("never exceeds stock after the buffer or ordered quantities; honours pickup, exclusions, capacity", () => {
    fc.assert(
      fc.property(instanceArb({ pickup: true, duplicateSkus: true }), filtersArb, rankingsArb, fc.boolean(), (input, f, rankings, split) => {
        const plan = ruleBasedStrategy({ allowSplitLines: split, rules: [...filterRules(f), ...rankings] }).route(input);
        checkInvariants(input, f, split, plan);
      }),
      { numRuns: 400 },
    );
  });

  it("cost-optimal is never worse than shopify-default under the same filters", () => {
    fc.assert(
      fc.property(instanceArb({ pickup: true, duplicateSkus: true, maxLocations: 7 }), filtersArb, costModelArb, fc.boolean(), (input, f, model, split) => {
        const options = { filters: filterRules(f), allowSplitLines: split };
        const optimal = costOptimalStrategy(model, options).route(input);
        const shopify = shopifyDefaultStrategy(options).route(input);
        expect(optimal.search.exhaustive).toBe(true);
        expect(costOf(optimal, input, model)).toBeLessThanOrEqual(costOf(shopify, input, model) + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("cost-optimal equals the brute-force optimum over all location subsets (lines may split)", () => {
    fc.assert(
      fc.property(instanceArb({ plain: true, duplicateSkus: true, maxLocations: 6 }), costModelArb, (input, model) => {
        const plan = costOptimalStrategy(model).route(input);
        const best = bruteForceCost(input, model);
        // Equal up to float rounding: the two sums add the same terms in different orders (a run
        // once differed by 5.0000004e-10, just over toBeCloseTo(…, 9)'s 5e-10).
        expect(costOf(plan, input, model)).toBeCloseTo(best, 8);
        expect(plan.scores[0]?.value).toBeCloseTo(best, 5);
      }),
      { numRuns: 300 },
    );
  });

  it("cost-optimal equals the brute-force optimum over all line → location choices (no splitting)", () => {
    fc.assert(
      fc.property(instanceArb({ plain: true, duplicateSkus: true, maxLocations: 4 }), costModelArb, (input, model) => {
        const plan = costOptimalStrategy(model, { allowSplitLines: false }).route(input);
        expect(costOf(plan, input, model)).toBeCloseTo(bruteForceWholeLines(input, model), 8);
      }),
      { numRuns: 300 },
    );
  });

  it("shopify-default finds the lexicographic optimum (unfilled, shipments, km) over all subsets", () => {
    fc.assert(
      fc.property(instanceArb({ plain: true, duplicateSkus: true, maxLocations: 6 }), (input) => {
        const plan = shopifyDefaultStrategy().route(input);
        const km = shippedFrom(plan).reduce((s, id) => s + haversineKm(input.locations.find((l) => l.id === id)!, input.destination), 0);
        const unfilled = plan.unassigned.reduce((n, u) => n + u.quantity, 0);
        const best = bruteForceShopify(input);
        expect(unfilled).toBe(best[0]);
        expect(plan.shipments).toBe(best[1]);
        expect(km).toBeCloseTo(best[2], 6);
      }),
      { numRuns: 300 },
    );
  });
});

/** Every way to send each line whole to one location (or nowhere), respecting shared stock. */
function bruteForceWholeLines(input: RoutingInput, model: CostModel): number {
  const n = input.locations.length;
  let best = Infinity;
  const choice: number[] = [];
  const walk = (k: number) => {
    if (k === input.lines.length) {
      const taken = new Map<string, number>();
      let unfilled = 0;
      const used = new Set<number>();
      input.lines.forEach((line, i) => {
        const j = choice[i] ?? -1;
        if (j < 0) unfilled += line.quantity;
        else {
          used.add(j);
          taken.set(`${j}|${line.sku}`, (taken.get(`${j}|${line.sku}`) ?? 0) + line.quantity);
        }
      });
      for (const [key, units] of taken) {
        const [j = "0", sku = ""] = key.split("|");
        if (units > (input.locations[Number(j)]?.stock[sku] ?? 0)) return;
      }
      let cost = model.unfilledPenalty * unfilled;
      for (const j of used) cost += model.perShipment + model.perKm * haversineKm(input.locations[j]!, input.destination);
      best = Math.min(best, cost);
      return;
    }
    for (let j = -1; j < n; j++) {
      choice[k] = j;
      walk(k + 1);
    }
  };
  walk(0);
  return best;
}

/** min over subsets of (unfilled units, |U|, Σ km), lines may split. */
function bruteForceShopify(input: RoutingInput): [number, number, number] {
  const demand = new Map<string, number>();
  for (const l of input.lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.quantity);
  let best: [number, number, number] = [Infinity, Infinity, Infinity];
  for (let mask = 0; mask < 1 << input.locations.length; mask++) {
    const chosen = input.locations.filter((_, j) => mask & (1 << j));
    let unfilled = 0;
    for (const [sku, units] of demand) unfilled += Math.max(0, units - chosen.reduce((s, l) => s + (l.stock[sku] ?? 0), 0));
    const km = chosen.reduce((s, l) => s + haversineKm(l, input.destination), 0);
    const t: [number, number, number] = [unfilled, chosen.length, km];
    if (t[0] < best[0] || (t[0] === best[0] && (t[1] < best[1] || (t[1] === best[1] && t[2] < best[2] - 1e-9)))) best = t;
  }
  return best;
}
