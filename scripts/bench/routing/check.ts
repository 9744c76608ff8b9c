// Checks decisions against the instance (independently of the engine) and prices them.
import { haversineKm } from "../../../app/domain/routing";
import type { Instance, InstanceOrder } from "./instance";

export interface Decision {
  orderId: string;
  assignments: Array<{ locationId: string; sku: string; quantity: number }>;
}

export interface OrderVerdict {
  orderId: string;
  cost: number;
  unfilled: number;
  problems: string[];
}

/** FORMAT.md's cost and every rule a decision must respect: known ids, stock, ordered quantities, pickup. */
export function checkDecision(instance: Instance, order: InstanceOrder, decision: Decision | undefined): OrderVerdict {
  const problems: string[] = [];
  const assignments = decision?.assignments ?? [];
  if (!decision) problems.push("missing decision");
  const ordered = new Map<string, number>();
  for (const line of order.lines) ordered.set(line.sku, (ordered.get(line.sku) ?? 0) + line.quantity);
  const given = new Map<string, number>();
  const taken = new Map<string, number>();
  const shipping = new Set<string>();
  const locations = new Map(instance.locations.map((l) => [l.id, l]));
  for (const a of assignments) {
    if (!Number.isInteger(a.quantity) || a.quantity <= 0) problems.push(`non-positive or fractional quantity ${a.quantity} of ${a.sku} at ${a.locationId}`);
    if (!locations.has(a.locationId)) problems.push(`unknown location ${a.locationId}`);
    if (!ordered.has(a.sku)) problems.push(`${a.sku} is not in the order`);
    given.set(a.sku, (given.get(a.sku) ?? 0) + a.quantity);
    const key = `${a.locationId}\u0000${a.sku}`;
    taken.set(key, (taken.get(key) ?? 0) + a.quantity);
    if (a.quantity > 0) shipping.add(a.locationId);
  }
  for (const [key, units] of taken) {
    const [locationId = "", sku = ""] = key.split("\u0000");
    const stock = order.stock[locationId]?.[sku] ?? 0;
    if (units > stock) problems.push(`${locationId} gives ${units} × ${sku} but has ${stock}`);
  }
  let unfilled = 0;
  for (const [sku, units] of ordered) {
    const g = given.get(sku) ?? 0;
    if (g > units) problems.push(`${g} × ${sku} assigned, ${units} ordered`);
    unfilled += Math.max(0, units - g);
  }
  if (order.pickupLocationId !== undefined) {
    const elsewhere = [...shipping].filter((id) => id !== order.pickupLocationId);
    if (elsewhere.length) problems.push(`pickup order shipped from ${elsewhere.join(", ")}`);
    if (unfilled > 0 && shipping.size > 0) problems.push("pickup order partly assigned (must be all-or-nothing)");
    const canFill = [...ordered].every(([sku, units]) => (order.stock[order.pickupLocationId ?? ""]?.[sku] ?? 0) >= units);
    if (canFill && unfilled > 0) problems.push("pickup store has the stock but the order was left unassigned");
  }
  let cost = instance.costModel.unfilledPenalty * unfilled;
  for (const id of shipping) {
    const l = locations.get(id);
    if (l) cost += instance.costModel.perShipment + instance.costModel.perKm * haversineKm(l, order.destination);
  }
  return { orderId: order.id, cost, unfilled, problems };
}
