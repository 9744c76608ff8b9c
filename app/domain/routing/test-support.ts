// Builders, arbitraries and a brute-force optimum for the routing specs (imported by *.spec.ts only).
import fc from "fast-check";
import type { CostModel } from "./cost";
import { haversineKm } from "../geo/geo";
import type { CandidateLocation, Destination, OrderLine, RoutingInput, RoutingPlan } from "./types";

/** On the equator one degree of longitude is exactly 6371.0088 · π / 180 = 111.19508 km. */
export const KM_PER_DEGREE = (6371.0088 * Math.PI) / 180;

export const origin: Destination = { lat: 0, lon: 0, countryCode: "US" };

export function location(id: string, overrides: Partial<CandidateLocation> = {}): CandidateLocation {
  return {
    id,
    name: `Location ${id}`,
    kind: "warehouse",
    countryCode: "US",
    lat: 0,
    lon: 1,
    active: true,
    fulfillsOnlineOrders: true,
    pickupEnabled: false,
    stock: {},
    ...overrides,
  };
}

export function order(lines: Array<[sku: string, quantity: number, tags?: string[]]>, locations: CandidateLocation[], extra: Partial<RoutingInput> = {}): RoutingInput {
  return {
    orderId: "O1",
    destination: origin,
    lines: lines.map(([sku, quantity, productTags], n) => ({ id: `line-${n + 1}`, sku, quantity, productTags })),
    locations,
    ...extra,
  };
}

/** Units shipped per location id. */
export function unitsByLocation(plan: RoutingPlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of plan.assignments) out[a.locationId] = (out[a.locationId] ?? 0) + a.quantity;
  return out;
}

export function shippedFrom(plan: RoutingPlan): string[] {
  return Object.keys(unitsByLocation(plan)).sort();
}

/** FORMAT.md's cost of a plan, computed from its assignments. */
export function costOf(plan: RoutingPlan, input: RoutingInput, model: CostModel): number {
  const ordered = input.lines.reduce((n, l) => n + l.quantity, 0);
  const assigned = plan.assignments.reduce((n, a) => n + a.quantity, 0);
  let cost = model.unfilledPenalty * (ordered - assigned);
  for (const id of shippedFrom(plan)) {
    const l = input.locations.find((x) => x.id === id) as CandidateLocation;
    cost += model.perShipment + model.perKm * haversineKm(l, input.destination);
  }
  return cost;
}

/**
 * The exact optimum by enumerating every subset of locations (no filters: every location counts,
 * lines may be split): cost(U) = Σ_U w + P · Σ_sku max(0, demand − Σ_U stock).
 */
export function bruteForceCost(input: RoutingInput, model: CostModel): number {
  const demand = new Map<string, number>();
  for (const l of input.lines) demand.set(l.sku, (demand.get(l.sku) ?? 0) + l.quantity);
  const locations = input.locations;
  let best = Infinity;
  for (let mask = 0; mask < 1 << locations.length; mask++) {
    let cost = 0;
    const chosen = locations.filter((_, j) => mask & (1 << j));
    for (const l of chosen) cost += model.perShipment + model.perKm * haversineKm(l, input.destination);
    for (const [sku, units] of demand) {
      const supply = chosen.reduce((n, l) => n + (l.stock[sku] ?? 0), 0);
      cost += model.unfilledPenalty * Math.max(0, units - supply);
    }
    best = Math.min(best, cost);
  }
  return best;
}

const skus = ["A", "B", "C"] as const;

export const costModelArb: fc.Arbitrary<CostModel> = fc.record({
  perShipment: fc.double({ min: 0, max: 20, noNaN: true }),
  perKm: fc.double({ min: 0, max: 0.05, noNaN: true }),
  unfilledPenalty: fc.double({ min: 1, max: 300, noNaN: true }),
});

const locationArb = (id: string): fc.Arbitrary<CandidateLocation> =>
  fc.record({
    kind: fc.constantFrom("warehouse" as const, "store" as const),
    lat: fc.double({ min: 25, max: 48, noNaN: true }),
    lon: fc.double({ min: -122, max: -70, noNaN: true }),
    countryCode: fc.constantFrom("US", "US", "US", "CA"),
    tags: fc.subarray(["outlet", "east", "fragile-ok"]),
    priority: fc.integer({ min: 1, max: 6 }),
    active: fc.constantFrom(true, true, true, true, false),
    fulfillsOnlineOrders: fc.constantFrom(true, true, true, false),
    pickupEnabled: fc.boolean(),
    dailyCapacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    ordersToday: fc.integer({ min: 0, max: 5 }),
    stockBuffer: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    stock: fc.record({ A: fc.nat(6), B: fc.nat(6), C: fc.nat(6) }),
  }).map((l) => ({ id, name: `Location ${id}`, ...l }));

export interface InstanceOptions {
  maxLocations?: number;
  pickup?: boolean;
  duplicateSkus?: boolean;
  /** Every location active, shipping online orders (for comparisons against the brute force). */
  plain?: boolean;
}

export function instanceArb(options: InstanceOptions = {}): fc.Arbitrary<RoutingInput> {
  const maxLocations = options.maxLocations ?? 5;
  const line = fc.record({
    sku: fc.constantFrom(...skus),
    quantity: fc.integer({ min: 1, max: 5 }),
    productTags: fc.subarray(["bulky", "gift"]),
  });
  const lines = fc
    .array(line, { minLength: 1, maxLength: 4 })
    .map((ls) => (options.duplicateSkus ? ls : ls.filter((l, k) => ls.findIndex((x) => x.sku === l.sku) === k)))
    .map((ls) => {
      // Tags belong to the product: every line of a sku carries the first line's tags.
      const tagsOf = new Map<string, string[]>();
      return ls.map((l, k): OrderLine => {
        const productTags = tagsOf.get(l.sku) ?? l.productTags;
        tagsOf.set(l.sku, productTags);
        return { id: `line-${k + 1}`, sku: l.sku, quantity: l.quantity, productTags };
      });
    });
  const locations = fc
    .integer({ min: 1, max: maxLocations })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, j) => locationArb(`L${j + 1}`))))
    .map((ls) =>
      options.plain ? ls.map((l) => ({ ...l, active: true, fulfillsOnlineOrders: true })) : ls,
    );
  const destination = fc.record({
    lat: fc.double({ min: 25, max: 48, noNaN: true }),
    lon: fc.double({ min: -122, max: -70, noNaN: true }),
    countryCode: fc.constantFrom("US", "US", "CA"),
    market: fc.constant("na"),
  });
  return fc
    .record({ lines, locations, destination, pickupPick: fc.option(fc.nat(maxLocations - 1), { nil: undefined }) })
    .map(({ lines: ls, locations: locs, destination: d, pickupPick }) => ({
      orderId: "O",
      lines: ls,
      locations: locs,
      destination: d,
      pickupLocationId: options.pickup && pickupPick !== undefined ? locs[pickupPick % locs.length]?.id : undefined,
    }));
}
