/**
 * Fulfillment order operations with Shopify's semantics: move (whole or partial), split, merge, and
 * the locationsForMove answer. Committed stock follows automatically (it is derived from open
 * fulfillment orders); trackInventory announces the levels that changed.
 */
import { trackInventory } from "./inventory";
import { addFulfillmentOrder, touchOrder } from "./orders";
import type { FulfillmentOrderLineItemRecord, FulfillmentOrderRecord, LocationRecord } from "./records";
import type { ShopState } from "./shop-state";
import { fail, userError, type Outcome, type UserError } from "./user-errors";

export interface LineQuantity {
  id: number | null; // null: the input id was not a FulfillmentOrderLineItem GID
  quantity: number;
}

const MOVABLE = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"]);

/**
 * What a partial fulfillmentOrderMove does to the original fulfillment order. Shopify documents
 * several outcomes (schema: `Mutation.fulfillmentOrderMove`, `FulfillmentOrderMovePayload`):
 * - "original-stays": the original keeps the remaining lines at its location; the moved lines
 *   go to a new fulfillment order at the destination;
 * - "original-moves": the original moves to the destination with the moved lines; the remaining
 *   lines go to a new fulfillment order at the source;
 * - "original-closed": the original is closed; the moved lines are recreated in a new fulfillment
 *   order at the destination and the remaining ones in another new one at the source;
 * - "documented" (default): as the descriptions say when each happens: closed when the destination
 *   already holds another active fulfillment order of the order, kept when the original has
 *   fulfilled (or partly fulfilled) lines, moved otherwise.
 */
export type MoveOutcomeMode = "documented" | "original-stays" | "original-moves" | "original-closed";

function inventoryItemOf(shop: ShopState, foLine: FulfillmentOrderLineItemRecord): number | null {
  const variantId = shop.lineItem(foLine.lineItemId)?.line.variantId;
  return variantId == null ? null : (shop.variants.get(variantId)?.inventoryItemId ?? null);
}

function stocks(shop: ShopState, location: LocationRecord, foLine: FulfillmentOrderLineItemRecord): boolean {
  const item = inventoryItemOf(shop, foLine);
  return item != null && shop.level(item, location.id) != null;
}

/** Validates `[{id, quantity}]` against the fulfillment order; returns lines and quantities. */
function resolveLines(
  fo: FulfillmentOrderRecord,
  lines: LineQuantity[],
  fieldRoot: (string | number)[],
  codes: { greaterThan?: string | null; invalid?: string | null } = {},
): Outcome<Map<FulfillmentOrderLineItemRecord, number>> {
  const result = new Map<FulfillmentOrderLineItemRecord, number>();
  const errors: UserError[] = [];
  lines.forEach((line, index) => {
    const foLine = line.id == null ? undefined : fo.lineItems.find((l) => l.id === line.id);
    if (!foLine) {
      errors.push(userError([...fieldRoot, index, "id"], "Fulfillment order line item does not exist.", codes.invalid));
      return;
    }
    const quantity = (result.get(foLine) ?? 0) + line.quantity;
    if (line.quantity <= 0) {
      errors.push(userError([...fieldRoot, index, "quantity"], "Quantity must be greater than 0.", codes.greaterThan));
    } else if (quantity > foLine.remainingQuantity) {
      errors.push(
        userError(
          [...fieldRoot, index, "quantity"],
          `Quantity must be less than or equal to the remaining quantity (${foLine.remainingQuantity}).`,
          codes.invalid,
        ),
      );
    } else result.set(foLine, quantity);
  });
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: result };
}

/** Takes quantities out of a fulfillment order (dropping emptied lines that never had progress). */
function takeOut(fo: FulfillmentOrderRecord, quantities: Map<FulfillmentOrderLineItemRecord, number>): void {
  for (const [foLine, quantity] of quantities) {
    foLine.totalQuantity -= quantity;
    foLine.remainingQuantity -= quantity;
  }
  fo.lineItems = fo.lineItems.filter((l) => l.totalQuantity > 0);
  if (fo.lineItems.every((l) => l.remainingQuantity === 0)) fo.status = "CLOSED";
}

export interface MoveResult {
  moved: FulfillmentOrderRecord;
  original: FulfillmentOrderRecord;
  /** What the deprecated `remainingFulfillmentOrder` answers: the one holding the lines not moved. */
  remaining: FulfillmentOrderRecord | null;
}

const ACTIVE = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"]);

/**
 * Which documented outcome a partial move has. A fulfillment order with fulfilled (or partly
 * fulfilled) lines always stays: "Line items which have already been fulfilled can't be
 * re-assigned and will always remain assigned to the original location". Otherwise the shop's
 * mode decides; "documented" follows the descriptions' conditions (see MoveOutcomeMode).
 */
function partialMoveOutcome(shop: ShopState, fo: FulfillmentOrderRecord, destinationId: number): Exclude<MoveOutcomeMode, "documented"> {
  const progress = fo.lineItems.some((l) => l.remainingQuantity < l.totalQuantity);
  if (progress) return "original-stays";
  if (shop.moveOutcome !== "documented") return shop.moveOutcome;
  const destinationTaken = shop
    .fulfillmentOrdersOf(fo.orderId)
    .some((other) => other.id !== fo.id && other.assignedLocationId === destinationId && ACTIVE.has(other.status));
  return destinationTaken ? "original-closed" : "original-moves";
}

export function moveFulfillmentOrder(
  shop: ShopState,
  foId: number | null,
  newLocationId: number | null,
  lines: LineQuantity[] | null,
): Outcome<MoveResult> {
  const fo = foId == null ? undefined : shop.fulfillmentOrders.get(foId);
  if (!fo) return fail(["id"], "Fulfillment order does not exist.", null);
  const location = newLocationId == null ? undefined : shop.locations.get(newLocationId);
  if (!location) return fail(["newLocationId"], "Location does not exist.", null);
  if (!MOVABLE.has(fo.status)) {
    return fail(["id"], `Cannot move a fulfillment order with status ${fo.status.toLowerCase()}.`, null);
  }
  if (location.id === fo.assignedLocationId) {
    return fail(["newLocationId"], "Cannot move a fulfillment order to the location it is already assigned to.", null);
  }
  if (!location.isActive) return fail(["newLocationId"], "Cannot move a fulfillment order to an inactive location.", null);

  let quantities: Map<FulfillmentOrderLineItemRecord, number>;
  if (lines && lines.length > 0) {
    const resolved = resolveLines(fo, lines, ["fulfillmentOrderLineItems"], { invalid: null, greaterThan: null });
    if (!resolved.ok) return resolved;
    quantities = resolved.value;
  } else {
    quantities = new Map(fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => [l, l.remainingQuantity]));
  }
  if (quantities.size === 0) return fail(["id"], "Fulfillment order has no remaining line items to move.", null);
  const unstocked = [...quantities.keys()].filter((l) => !stocks(shop, location, l));
  if (unstocked.length > 0) {
    return fail(["newLocationId"], `The location doesn't stock ${unstocked.length === 1 ? "an item" : "some items"} of the fulfillment order.`, null);
  }

  const order = shop.orders.get(fo.orderId)!;
  const now = shop.now();
  const whole =
    fo.lineItems.every((l) => l.remainingQuantity === l.totalQuantity) &&
    fo.lineItems.every((l) => l.remainingQuantity === 0 || quantities.get(l) === l.remainingQuantity);
  const sourceLocationId = fo.assignedLocationId;
  const result = trackInventory(shop, (): MoveResult => {
    if (whole) {
      // "Re-assign all line items ... the assignedLocation of the original fulfillment order will
      // be updated to the new location."
      fo.assignedLocationId = location.id;
      fo.updatedAt = now;
      return { moved: fo, original: fo, remaining: null };
    }
    const outcome = partialMoveOutcome(shop, fo, location.id);
    const movedLines = [...quantities].map(([foLine, quantity]) => ({ lineItemId: foLine.lineItemId, totalQuantity: quantity }));
    const restLines = fo.lineItems
      .map((l) => ({ lineItemId: l.lineItemId, totalQuantity: l.remainingQuantity - (quantities.get(l) ?? 0) }))
      .filter((l) => l.totalQuantity > 0);
    const newFo = (locationId: number, foLines: { lineItemId: number; totalQuantity: number }[]) =>
      addFulfillmentOrder(shop, order, {
        locationId,
        methodType: fo.deliveryMethod.methodType,
        destination: fo.destination,
        lines: foLines,
        createdAt: now,
      });
    fo.updatedAt = now;
    switch (outcome) {
      case "original-stays": {
        const moved = newFo(location.id, movedLines);
        takeOut(fo, quantities);
        return { moved, original: fo, remaining: fo };
      }
      case "original-moves": {
        // The original keeps its id and the moved lines, at the destination; the rest is a new
        // fulfillment order at the source.
        const remaining = restLines.length ? newFo(sourceLocationId, restLines) : null;
        for (const line of fo.lineItems) {
          const moving = quantities.get(line) ?? 0;
          line.totalQuantity = moving;
          line.remainingQuantity = moving;
        }
        fo.lineItems = fo.lineItems.filter((l) => l.totalQuantity > 0);
        fo.assignedLocationId = location.id;
        return { moved: fo, original: fo, remaining };
      }
      case "original-closed": {
        // "The existing fulfillment order is closed and line items are recreated in a new
        // fulfillment order": the moved ones at the destination, the rest at the source.
        const moved = newFo(location.id, movedLines);
        const remaining = restLines.length ? newFo(sourceLocationId, restLines) : null;
        for (const line of fo.lineItems) line.remainingQuantity = 0;
        fo.status = "CLOSED";
        return { moved, original: fo, remaining };
      }
    }
  });
  touchOrder(shop, order, now);
  shop.emit({
    topic: "fulfillment_orders/moved",
    shop: shop.domain,
    originalFulfillmentOrderId: fo.id,
    movedFulfillmentOrderId: result.moved.id,
    sourceLocationId,
    destinationLocationId: location.id,
    lineItems: [...quantities].map(([l, quantity]) => ({ id: l.id, quantity })),
  });
  shop.emit({ topic: "orders/updated", shop: shop.domain, orderId: order.id });
  return { ok: true, value: result };
}

export interface LocationForMove {
  location: LocationRecord;
  movable: boolean;
  message: string | null;
  availableLineItems: FulfillmentOrderLineItemRecord[];
  unavailableLineItems: FulfillmentOrderLineItemRecord[];
}

/**
 * Where a fulfillment order could go: every location (filtered by locationIds), with the lines it
 * stocks. Movable only when the fulfillment order can move, the location is active, is not the
 * current one and stocks every considered line.
 */
export function locationsForMove(
  shop: ShopState,
  fo: FulfillmentOrderRecord,
  options: { lineItemIds?: number[] | null; locationIds?: number[] | null },
): LocationForMove[] {
  const lines = fo.lineItems.filter(
    (l) => l.remainingQuantity > 0 && (!options.lineItemIds || options.lineItemIds.includes(l.id)),
  );
  const locations = shop
    .locationsInOrder()
    .filter((l) => (options.locationIds ? options.locationIds.includes(l.id) : l.isActive || l.id === fo.assignedLocationId));
  return locations.map((location) => {
    const availableLineItems = lines.filter((l) => stocks(shop, location, l));
    const unavailableLineItems = lines.filter((l) => !availableLineItems.includes(l));
    let message: string | null = null;
    if (!MOVABLE.has(fo.status)) message = `Fulfillment order is ${fo.status.toLowerCase()}.`;
    else if (location.id === fo.assignedLocationId) message = "Current location.";
    else if (!location.isActive) message = "Location is inactive.";
    else if (lines.length === 0) message = "No line items to move.";
    else if (availableLineItems.length === 0) message = "No items are stocked at this location.";
    else if (unavailableLineItems.length > 0) message = "Some items are not stocked at this location.";
    return { location, movable: message == null, message, availableLineItems, unavailableLineItems };
  });
}

export interface SplitResult {
  fulfillmentOrder: FulfillmentOrderRecord;
  remainingFulfillmentOrder: FulfillmentOrderRecord;
  replacementFulfillmentOrder: null;
}

/** Splits the given quantities off into new fulfillment orders at the same location. */
export function splitFulfillmentOrders(
  shop: ShopState,
  splits: { fulfillmentOrderId: number | null; lines: LineQuantity[] }[],
): Outcome<SplitResult[]> {
  const plans: { fo: FulfillmentOrderRecord; quantities: Map<FulfillmentOrderLineItemRecord, number> }[] = [];
  const errors: UserError[] = [];
  splits.forEach((split, index) => {
    const root = ["fulfillmentOrderSplits", index];
    const fo = split.fulfillmentOrderId == null ? undefined : shop.fulfillmentOrders.get(split.fulfillmentOrderId);
    if (!fo) {
      errors.push(userError([...root, "fulfillmentOrderId"], "Fulfillment order does not exist.", "FULFILLMENT_ORDER_NOT_FOUND"));
      return;
    }
    if (split.lines.length === 0) {
      errors.push(userError([...root, "fulfillmentOrderLineItems"], "At least one line item must be provided to split.", "NO_LINE_ITEMS_PROVIDED_TO_SPLIT"));
      return;
    }
    if (fo.status !== "OPEN") {
      errors.push(userError([...root, "fulfillmentOrderId"], `Cannot split a fulfillment order with status ${fo.status.toLowerCase()}.`, null));
      return;
    }
    const resolved = resolveLines(fo, split.lines, [...root, "fulfillmentOrderLineItems"], {
      greaterThan: "GREATER_THAN",
      invalid: "INVALID_LINE_ITEM_QUANTITY",
    });
    if (!resolved.ok) {
      errors.push(...resolved.userErrors);
      return;
    }
    const everything = fo.lineItems.every((l) => l.remainingQuantity === 0 || resolved.value.get(l) === l.remainingQuantity);
    if (everything) {
      errors.push(userError([...root, "fulfillmentOrderLineItems"], "Cannot split all the line items of a fulfillment order.", "INVALID_LINE_ITEM_QUANTITY"));
      return;
    }
    plans.push({ fo, quantities: resolved.value });
  });
  if (errors.length) return { ok: false, userErrors: errors };
  const now = shop.now();
  const results = trackInventory(shop, () =>
    plans.map(({ fo, quantities }): SplitResult => {
      const order = shop.orders.get(fo.orderId)!;
      const created = addFulfillmentOrder(shop, order, {
        locationId: fo.assignedLocationId,
        methodType: fo.deliveryMethod.methodType,
        destination: fo.destination,
        lines: [...quantities].map(([l, quantity]) => ({ lineItemId: l.lineItemId, totalQuantity: quantity })),
        createdAt: now,
      });
      takeOut(fo, quantities);
      fo.updatedAt = now;
      touchOrder(shop, order, now);
      return { fulfillmentOrder: fo, remainingFulfillmentOrder: created, replacementFulfillmentOrder: null };
    }),
  );
  for (const orderId of new Set(plans.map((p) => p.fo.orderId))) shop.emit({ topic: "orders/updated", shop: shop.domain, orderId });
  return { ok: true, value: results };
}

/**
 * Merges fulfillment orders of one order at one location into the first one of each set; the
 * others are closed (their quantities move to the surviving fulfillment order).
 */
export function mergeFulfillmentOrders(
  shop: ShopState,
  merges: { intents: { fulfillmentOrderId: number | null; lines: LineQuantity[] | null }[] }[],
): Outcome<FulfillmentOrderRecord[]> {
  const errors: UserError[] = [];
  const plans: { target: FulfillmentOrderRecord; sources: { fo: FulfillmentOrderRecord; quantities: Map<FulfillmentOrderLineItemRecord, number> }[] }[] = [];
  merges.forEach((merge, mergeIndex) => {
    const sources: { fo: FulfillmentOrderRecord; quantities: Map<FulfillmentOrderLineItemRecord, number> }[] = [];
    merge.intents.forEach((intent, index) => {
      const root = ["fulfillmentOrderMergeInputs", mergeIndex, "mergeIntents", index];
      const fo = intent.fulfillmentOrderId == null ? undefined : shop.fulfillmentOrders.get(intent.fulfillmentOrderId);
      if (!fo) {
        errors.push(userError([...root, "fulfillmentOrderId"], "Fulfillment order does not exist.", "FULFILLMENT_ORDER_NOT_FOUND"));
        return;
      }
      if (fo.status !== "OPEN") {
        errors.push(userError([...root, "fulfillmentOrderId"], `Cannot merge a fulfillment order with status ${fo.status.toLowerCase()}.`, null));
        return;
      }
      let quantities = new Map(fo.lineItems.filter((l) => l.remainingQuantity > 0).map((l) => [l, l.remainingQuantity]));
      if (intent.lines && intent.lines.length > 0) {
        const resolved = resolveLines(fo, intent.lines, [...root, "fulfillmentOrderLineItems"], {
          greaterThan: "GREATER_THAN",
          invalid: "INVALID_LINE_ITEM_QUANTITY",
        });
        if (!resolved.ok) {
          errors.push(...resolved.userErrors);
          return;
        }
        quantities = resolved.value;
      }
      sources.push({ fo, quantities });
    });
    const first = sources[0]?.fo;
    if (!first) return;
    if (merge.intents.length < 2) {
      errors.push(userError(["fulfillmentOrderMergeInputs", mergeIndex, "mergeIntents"], "At least two fulfillment orders are needed to merge.", null));
      return;
    }
    for (const { fo } of sources) {
      if (fo.orderId !== first.orderId || fo.assignedLocationId !== first.assignedLocationId || fo.deliveryMethod.methodType !== first.deliveryMethod.methodType) {
        errors.push(
          userError(["fulfillmentOrderMergeInputs", mergeIndex, "mergeIntents"], "Fulfillment orders must belong to the same order, location and delivery method to be merged.", null),
        );
        return;
      }
    }
    plans.push({ target: first, sources: sources.slice(1) });
  });
  if (errors.length) return { ok: false, userErrors: errors };
  const now = shop.now();
  const merged = trackInventory(shop, () =>
    plans.map(({ target, sources }) => {
      for (const { fo, quantities } of sources) {
        for (const [foLine, quantity] of quantities) {
          const existing = target.lineItems.find((l) => l.lineItemId === foLine.lineItemId);
          if (existing) {
            existing.totalQuantity += quantity;
            existing.remainingQuantity += quantity;
          } else {
            target.lineItems.push({ ...foLine, id: shop.nextId("FulfillmentOrderLineItem"), totalQuantity: quantity, remainingQuantity: quantity });
          }
        }
        takeOut(fo, quantities);
        fo.updatedAt = now;
      }
      target.updatedAt = now;
      touchOrder(shop, shop.orders.get(target.orderId)!, now);
      return target;
    }),
  );
  for (const orderId of new Set(plans.map((p) => p.target.orderId))) shop.emit({ topic: "orders/updated", shop: shop.domain, orderId });
  return { ok: true, value: merged };
}
