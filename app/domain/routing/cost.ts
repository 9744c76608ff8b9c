import { z } from "zod";
import { haversineKm } from "../geo/geo";
import type { Assignment, GeoPoint } from "./types";

/** FORMAT.md: cost = Σ over shipping locations (perShipment + perKm · km) + unfilledPenalty · unfilled units. */
export const costModelSchema = z.object({
  perShipment: z.number().nonnegative(),
  perKm: z.number().nonnegative(),
  unfilledPenalty: z.number().nonnegative(),
});
export type CostModel = z.infer<typeof costModelSchema>;

/** Cost of sending one shipment from `location` to `destination`. */
export function shipmentCost(model: CostModel, location: GeoPoint, destination: GeoPoint): number {
  return model.perShipment + model.perKm * haversineKm(location, destination);
}

/**
 * Cost of a plan under the model: one shipment per distinct location in `assignments`, plus the
 * penalty for every ordered unit left unassigned.
 */
export function planCost(
  model: CostModel,
  destination: GeoPoint,
  locationsById: ReadonlyMap<string, GeoPoint>,
  assignments: readonly Assignment[],
  orderedUnits: number,
): number {
  const shipping = new Set<string>();
  let assigned = 0;
  for (const a of assignments) {
    if (a.quantity <= 0) continue;
    shipping.add(a.locationId);
    assigned += a.quantity;
  }
  let cost = 0;
  for (const id of shipping) {
    const location = locationsById.get(id);
    if (!location) throw new Error(`Unknown location ${id}`);
    cost += shipmentCost(model, location, destination);
  }
  return cost + model.unfilledPenalty * Math.max(0, orderedUnits - assigned);
}
