/**
 * Turning a routing plan into Shopify fulfillment-order moves.
 *
 * Shopify assigns each order's fulfillment orders (FOs) to locations when the order is created.
 * A plan says where every unit should ship from; this computes the fewest moves that get there:
 * units stay where the plan wants them, the rest of each FO line moves to the plan's other
 * locations. A move of only some lines or quantities splits the FO (Shopify's partial move).
 */

export interface FulfillmentOrderLineState {
  /** The FO line item id (what fulfillmentOrderMove takes). */
  id: string;
  /** The order line item id (what the plan's `lineId` refers to). */
  lineItemId: string;
  remainingQuantity: number;
}

export interface FulfillmentOrderState {
  id: string;
  locationId: string;
  /** Only OPEN fulfillment orders can be moved. */
  status: string;
  lines: readonly FulfillmentOrderLineState[];
}

export interface PlannedUnits {
  locationId: string;
  lineId: string;
  quantity: number;
}

export interface MoveOperation {
  fulfillmentOrderId: string;
  fromLocationId: string;
  toLocationId: string;
  /** All of the FO's remaining units move: no line list is sent (a whole move). */
  whole: boolean;
  lines: { fulfillmentOrderLineItemId: string; lineItemId: string; quantity: number }[];
}

export interface MovePlan {
  moves: MoveOperation[];
  /** Units that stay at their current location because the plan wants them there. */
  unitsInPlace: number;
  /** Units the plan left unassigned: they stay where Shopify put them. */
  unitsLeftInPlace: number;
}

export function planFulfillmentOrderMoves(
  fulfillmentOrders: readonly FulfillmentOrderState[],
  assignments: readonly PlannedUnits[],
): MovePlan {
  // want[lineId][locationId] = units the plan still wants shipped from there
  const want = new Map<string, Map<string, number>>();
  for (const a of assignments) {
    if (a.quantity <= 0) continue;
    const byLocation = want.get(a.lineId) ?? new Map<string, number>();
    byLocation.set(a.locationId, (byLocation.get(a.locationId) ?? 0) + a.quantity);
    want.set(a.lineId, byLocation);
  }

  const open = fulfillmentOrders.filter((fo) => fo.status === "OPEN");
  let unitsInPlace = 0;
  let unitsLeftInPlace = 0;

  // First pass: every FO keeps the units the plan wants at its own location.
  const toMove = new Map<string, { line: FulfillmentOrderLineState; quantity: number }[]>();
  const keptBy = new Map<string, number>();
  for (const fo of open) {
    const pending: { line: FulfillmentOrderLineState; quantity: number }[] = [];
    let kept = 0;
    for (const line of fo.lines) {
      if (line.remainingQuantity <= 0) continue;
      const byLocation = want.get(line.lineItemId);
      const keep = Math.min(line.remainingQuantity, byLocation?.get(fo.locationId) ?? 0);
      if (keep > 0) byLocation!.set(fo.locationId, byLocation!.get(fo.locationId)! - keep);
      kept += keep;
      if (line.remainingQuantity > keep) pending.push({ line, quantity: line.remainingQuantity - keep });
    }
    unitsInPlace += kept;
    keptBy.set(fo.id, kept);
    toMove.set(fo.id, pending);
  }

  // Second pass: the remaining units go where the plan still wants them, grouped per target.
  const moves: MoveOperation[] = [];
  for (const fo of open) {
    const byTarget = new Map<string, MoveOperation["lines"]>();
    let fullyMoving = true;
    for (const { line, quantity } of toMove.get(fo.id) ?? []) {
      let left = quantity;
      const byLocation = want.get(line.lineItemId);
      for (const [locationId, wanted] of byLocation ?? []) {
        if (left === 0) break;
        if (wanted <= 0 || locationId === fo.locationId) continue;
        const units = Math.min(left, wanted);
        byLocation!.set(locationId, wanted - units);
        left -= units;
        const lines = byTarget.get(locationId) ?? [];
        lines.push({ fulfillmentOrderLineItemId: line.id, lineItemId: line.lineItemId, quantity: units });
        byTarget.set(locationId, lines);
      }
      if (left > 0) {
        unitsLeftInPlace += left;
        fullyMoving = false;
      }
    }
    const targets = [...byTarget.entries()];
    for (const [toLocationId, lines] of targets) {
      const whole = targets.length === 1 && fullyMoving && keptBy.get(fo.id) === 0;
      moves.push({ fulfillmentOrderId: fo.id, fromLocationId: fo.locationId, toLocationId, whole, lines });
    }
  }
  return { moves, unitsInPlace, unitsLeftInPlace };
}
