/**
 * inventorySetQuantities / inventoryAdjustQuantities with Shopify's validation (2026-10: every
 * quantity must carry `changeFromQuantity`, null to skip the compare-and-swap check).
 */
import { ensureLevel, quantityOf, setQuantity, adjustQuantity, trackInventory, isQuantityName, type QuantityName } from "./inventory";
import type { InventoryAdjustmentGroupRecord, InventoryChangeRecord } from "./records";
import type { ShopState } from "./shop-state";
import { userError, type Outcome, type UserError } from "./user-errors";

export const INVENTORY_REASONS = new Set([
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_created",
  "movement_updated",
  "movement_received",
  "movement_canceled",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
]);

export interface SetQuantityInput {
  inventoryItemId: number | null;
  locationId: number | null;
  quantity: number;
  /** undefined = not given (an error in 2026-10), null = skip the check. */
  changeFromQuantity: number | null | undefined;
}

function checkTarget(
  shop: ShopState,
  itemId: number | null,
  locationId: number | null,
  root: (string | number)[],
): UserError | null {
  if (itemId == null || !shop.inventoryItems.has(itemId)) {
    return userError([...root, "inventoryItemId"], "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM");
  }
  if (locationId == null || !shop.locations.has(locationId)) {
    return userError([...root, "locationId"], "The specified location could not be found.", "INVALID_LOCATION");
  }
  return null;
}

export function setQuantities(
  shop: ShopState,
  input: { name: string; reason: string; referenceDocumentUri: string | null; quantities: SetQuantityInput[] },
): Outcome<InventoryAdjustmentGroupRecord> {
  const errors: UserError[] = [];
  if (input.name !== "available" && input.name !== "on_hand") {
    return { ok: false, userErrors: [userError(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME")] };
  }
  if (!INVENTORY_REASONS.has(input.reason)) errors.push(userError(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
  const seen = new Set<string>();
  input.quantities.forEach((q, index) => {
    const root = ["input", "quantities", index];
    const target = checkTarget(shop, q.inventoryItemId, q.locationId, root);
    if (target) return errors.push(target);
    const key = `${q.inventoryItemId}:${q.locationId}`;
    if (seen.has(key)) {
      return errors.push(userError(root, "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
    }
    seen.add(key);
    if (q.quantity < 0 && input.name === "on_hand") {
      return errors.push(userError([...root, "quantity"], "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE"));
    }
    if (q.quantity > 1_000_000_000) return errors.push(userError([...root, "quantity"], "The total quantity can't be higher than 1,000,000,000.", "INVALID_QUANTITY_TOO_HIGH"));
    if (q.quantity < -1_000_000_000) return errors.push(userError([...root, "quantity"], "The total quantity can't be lower than -1,000,000,000.", "INVALID_QUANTITY_TOO_LOW"));
    if (q.changeFromQuantity === undefined) {
      return errors.push(
        userError([...root, "changeFromQuantity"], "The changeFromQuantity argument must be given to each quantity (pass null to skip the check).", "COMPARE_QUANTITY_REQUIRED"),
      );
    }
    if (q.changeFromQuantity !== null && isQuantityName(input.name)) {
      const level = shop.level(q.inventoryItemId!, q.locationId!);
      const current = level ? quantityOf(shop, level, input.name) : 0;
      if (current !== q.changeFromQuantity) {
        errors.push(userError([...root, "changeFromQuantity"], "The changeFromQuantity value does not match persisted value.", "CHANGE_FROM_QUANTITY_STALE"));
      }
    }
    return undefined;
  });
  if (errors.length) return { ok: false, userErrors: errors };
  const name = input.name as "available" | "on_hand";
  const changes: InventoryChangeRecord[] = [];
  trackInventory(shop, () => {
    for (const q of input.quantities) {
      const level = ensureLevel(shop, q.inventoryItemId!, q.locationId!);
      const delta = setQuantity(shop, level, name, q.quantity);
      shop.bump();
      const record = (n: QuantityName, d: number): void => {
        changes.push({ name: n, delta: d, quantityAfterChange: quantityOf(shop, level, n), inventoryItemId: q.inventoryItemId!, locationId: q.locationId!, ledgerDocumentUri: null });
      };
      record(name, delta);
      record(name === "available" ? "on_hand" : "available", delta);
    }
  });
  return { ok: true, value: addGroup(shop, input.reason, input.referenceDocumentUri, changes) };
}

export interface AdjustChangeInput {
  inventoryItemId: number | null;
  locationId: number | null;
  delta: number;
  changeFromQuantity: number | null | undefined;
  ledgerDocumentUri: string | null;
}

const ADJUSTABLE = new Set(["available", "on_hand", "incoming", "reserved", "damaged", "safety_stock", "quality_control"]);

export function adjustQuantities(
  shop: ShopState,
  input: { name: string; reason: string; referenceDocumentUri: string | null; changes: AdjustChangeInput[] },
): Outcome<InventoryAdjustmentGroupRecord> {
  const errors: UserError[] = [];
  if (!ADJUSTABLE.has(input.name)) {
    return { ok: false, userErrors: [userError(["input", "name"], "The specified quantity name is invalid.", "INVALID_QUANTITY_NAME")] };
  }
  if (!INVENTORY_REASONS.has(input.reason)) errors.push(userError(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
  input.changes.forEach((c, index) => {
    const root = ["input", "changes", index];
    const target = checkTarget(shop, c.inventoryItemId, c.locationId, root);
    if (target) return errors.push(target);
    if (input.name === "available" && c.ledgerDocumentUri) {
      return errors.push(userError([...root, "ledgerDocumentUri"], "A ledger document URI is not allowed when adjusting available.", "INVALID_AVAILABLE_DOCUMENT"));
    }
    if (input.name !== "available" && !c.ledgerDocumentUri) {
      return errors.push(userError([...root, "ledgerDocumentUri"], "A ledger document URI is required except when adjusting available.", "INVALID_QUANTITY_DOCUMENT"));
    }
    if (c.changeFromQuantity === undefined) {
      return errors.push(userError([...root, "changeFromQuantity"], "The changeFromQuantity argument must be given to each change (pass null to skip the check).", null));
    }
    if (c.changeFromQuantity !== null && isQuantityName(input.name)) {
      const level = shop.level(c.inventoryItemId!, c.locationId!);
      const current = level ? quantityOf(shop, level, input.name) : 0;
      if (current !== c.changeFromQuantity) {
        errors.push(userError([...root, "changeFromQuantity"], "The changeFromQuantity argument no longer matches the persisted quantity.", "CHANGE_FROM_QUANTITY_STALE"));
      }
    }
    return undefined;
  });
  if (errors.length) return { ok: false, userErrors: errors };
  const name = input.name as Exclude<QuantityName, "committed">;
  const changes: InventoryChangeRecord[] = [];
  trackInventory(shop, () => {
    for (const c of input.changes) {
      const level = ensureLevel(shop, c.inventoryItemId!, c.locationId!);
      adjustQuantity(shop, level, name, c.delta);
      shop.bump();
      changes.push({ name, delta: c.delta, quantityAfterChange: quantityOf(shop, level, name), inventoryItemId: c.inventoryItemId!, locationId: c.locationId!, ledgerDocumentUri: c.ledgerDocumentUri });
      if (name !== "available" && name !== "on_hand" && name !== "incoming") {
        changes.push({ name: "on_hand", delta: c.delta, quantityAfterChange: quantityOf(shop, level, "on_hand"), inventoryItemId: c.inventoryItemId!, locationId: c.locationId!, ledgerDocumentUri: c.ledgerDocumentUri });
      }
      if (name === "available") {
        changes.push({ name: "on_hand", delta: c.delta, quantityAfterChange: quantityOf(shop, level, "on_hand"), inventoryItemId: c.inventoryItemId!, locationId: c.locationId!, ledgerDocumentUri: null });
      }
    }
  });
  return { ok: true, value: addGroup(shop, input.reason, input.referenceDocumentUri, changes) };
}

function addGroup(shop: ShopState, reason: string, referenceDocumentUri: string | null, changes: InventoryChangeRecord[]): InventoryAdjustmentGroupRecord {
  const group: InventoryAdjustmentGroupRecord = {
    __typename: "InventoryAdjustmentGroup",
    id: shop.nextId("InventoryAdjustmentGroup"),
    reason,
    referenceDocumentUri,
    createdAt: shop.now(),
    changes,
  };
  shop.adjustmentGroups.set(group.id, group);
  return group;
}
