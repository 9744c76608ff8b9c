import { planCost, type CostModel } from "./cost";
import { haversineKm } from "../geo/geo";
import type { RoutingInput, RoutingPlan } from "./types";

export interface PlanMetrics {
  parcels: number;
  km: number;
  cost: number;
  unfilledUnits: number;
  /** Units shipped from stores (kind "store"), to see how much load lands on shops. */
  unitsFromStores: number;
}

/** What a plan costs the merchant, measured the same way for every strategy. */
export function planMetrics(input: RoutingInput, plan: RoutingPlan, costModel: CostModel): PlanMetrics {
  const byId = new Map(input.locations.map((l) => [l.id, l]));
  const shipping = new Set(plan.assignments.filter((a) => a.quantity > 0).map((a) => a.locationId));
  let km = 0;
  for (const id of shipping) km += haversineKm(byId.get(id)!, input.destination);
  const ordered = input.lines.reduce((sum, l) => sum + l.quantity, 0);
  const assigned = plan.assignments.reduce((sum, a) => sum + a.quantity, 0);
  return {
    parcels: shipping.size,
    km,
    cost: planCost(costModel, input.destination, byId, plan.assignments, ordered),
    unfilledUnits: ordered - assigned,
    unitsFromStores: plan.assignments.filter((a) => byId.get(a.locationId)?.kind === "store").reduce((s, a) => s + a.quantity, 0),
  };
}

export function sumMetrics(all: readonly PlanMetrics[]): PlanMetrics {
  return all.reduce(
    (acc, m) => ({
      parcels: acc.parcels + m.parcels,
      km: acc.km + m.km,
      cost: acc.cost + m.cost,
      unfilledUnits: acc.unfilledUnits + m.unfilledUnits,
      unitsFromStores: acc.unitsFromStores + m.unitsFromStores,
    }),
    { parcels: 0, km: 0, cost: 0, unfilledUnits: 0, unitsFromStores: 0 },
  );
}
