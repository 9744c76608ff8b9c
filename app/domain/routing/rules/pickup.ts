import type { FilterRule } from "../rule";
import type { Assignment, CandidateLocation, RoutingInput } from "../types";

export type PickupDecision =
  | { status: "ready"; assignments: Assignment[]; notes: string[] }
  | { status: "refused"; reason: string };

/**
 * Pickup: an order whose shopper chose a pickup store goes all-or-nothing to that store. Every
 * unit is assigned there when the store (active, offering pickup, allowed by the rules that also
 * bind pickup: stock buffer, daily capacity) has the stock after its buffer; otherwise nothing is
 * assigned and the whole order is unfilled. Shipping rules (closest, exclusions, market…) don't apply.
 */
export function decidePickup(
  order: RoutingInput,
  store: CandidateLocation | undefined,
  filters: readonly FilterRule[],
): PickupDecision {
  if (!store) return { status: "refused", reason: `Pickup location ${order.pickupLocationId ?? "?"} is not among the locations` };
  if (!store.active) return { status: "refused", reason: `${store.name} is inactive` };
  if (!store.pickupEnabled) return { status: "refused", reason: `${store.name} does not offer local pickup` };
  let keepBack = 0;
  const notes: string[] = [];
  for (const filter of filters) {
    if (!filter.appliesToPickup) continue;
    const verdict = filter.evaluate(store, order);
    if (verdict.exclude !== undefined) return { status: "refused", reason: `${store.name}: ${verdict.exclude}` };
    if (verdict.keepBack !== undefined) keepBack = Math.max(keepBack, verdict.keepBack);
    if (verdict.note !== undefined) notes.push(verdict.note);
  }
  const demand = new Map<string, number>();
  for (const line of order.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
  for (const [sku, units] of demand) {
    const available = Math.max(0, (store.stock[sku] ?? 0) - keepBack);
    if (available < units) {
      return {
        status: "refused",
        reason: `${store.name} has ${available} of the ${units} × ${sku} needed for pickup${keepBack ? ` (after keeping ${keepBack} back)` : ""}`,
      };
    }
  }
  const assignments = order.lines
    .filter((line) => line.quantity > 0)
    .map((line) => ({ locationId: store.id, lineId: line.id, sku: line.sku, quantity: line.quantity }));
  return { status: "ready", assignments, notes };
}
