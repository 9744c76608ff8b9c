import { orderStop } from "../../locations/location";
import type { FilterRule } from "../rule";
import type { Assignment, CandidateLocation, RoutingInput, Why } from "../types";

export type PickupDecision =
  | { status: "ready"; assignments: Assignment[]; notes: string[]; noteWhys: Why[] }
  | { status: "refused"; reason: string; why: Why };

/**
 * Pickup: an order whose shopper chose a pickup store goes all-or-nothing to that store. Every
 * unit is assigned there when the store (taking orders (orderStop), offering pickup, allowed by the rules that also
 * bind pickup: stock buffer, daily capacity) has the stock after its buffer; otherwise nothing is
 * assigned and the whole order is unfilled. Shipping rules (closest, exclusions, market…) don't apply.
 */
export function decidePickup(
  order: RoutingInput,
  store: CandidateLocation | undefined,
  filters: readonly FilterRule[],
): PickupDecision {
  if (!store) return { status: "refused", reason: `Pickup location ${order.pickupLocationId ?? "?"} is not among the locations`, why: { key: "pickupUnknownStore" } };
  const stop = orderStop(store);
  if (stop === "inactive") return { status: "refused", reason: `${store.name} is inactive`, why: { key: "pickupInactive", values: { store: store.name } } };
  if (stop === "paused") {
    const note = store.pausedNote?.trim();
    return note
      ? { status: "refused", reason: `${store.name} is paused by staff: ${note}`, why: { key: "pickupPausedNote", values: { store: store.name, note } } }
      : { status: "refused", reason: `${store.name} is paused by staff`, why: { key: "pickupPaused", values: { store: store.name } } };
  }
  if (!store.pickupEnabled) return { status: "refused", reason: `${store.name} does not offer local pickup`, why: { key: "pickupNotOffered", values: { store: store.name } } };
  let keepBack = 0;
  const notes: string[] = [];
  const noteWhys: Why[] = [];
  for (const filter of filters) {
    if (!filter.appliesToPickup) continue;
    const verdict = filter.evaluate(store, order);
    if (verdict.exclude !== undefined) {
      return { status: "refused", reason: `${store.name}: ${verdict.exclude}`, why: { key: "pickupRule", values: { store: store.name }, rule: filter.type, ...(verdict.excludeWhy ? { detail: verdict.excludeWhy } : {}) } };
    }
    if (verdict.keepBack !== undefined) keepBack = Math.max(keepBack, verdict.keepBack);
    if (verdict.note !== undefined) notes.push(verdict.note);
    if (verdict.noteWhy !== undefined) noteWhys.push(verdict.noteWhy);
  }
  const demand = new Map<string, number>();
  for (const line of order.lines) demand.set(line.sku, (demand.get(line.sku) ?? 0) + line.quantity);
  for (const [sku, units] of demand) {
    const available = Math.max(0, (store.stock[sku] ?? 0) - keepBack);
    if (available < units) {
      return {
        status: "refused",
        reason: `${store.name} has ${available} of the ${units} × ${sku} needed for pickup${keepBack ? ` (after keeping ${keepBack} back)` : ""}`,
        why: { key: keepBack ? "pickupShortKept" : "pickupShort", values: { store: store.name, available, keepBack }, items: [{ sku, quantity: units }] },
      };
    }
  }
  const assignments = order.lines
    .filter((line) => line.quantity > 0)
    .map((line) => ({ locationId: store.id, lineId: line.id, sku: line.sku, quantity: line.quantity }));
  return { status: "ready", assignments, notes, noteWhys };
}
