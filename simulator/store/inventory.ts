/**
 * Inventory quantities. Shopify's named quantities: `on_hand`, `reserved`, `incoming`, `damaged`,
 * `safety_stock`, `quality_control` are stored; `committed` is derived from the open fulfillment
 * orders assigned to the location (so it can never drift from them); `available` is
 * on_hand − committed − reserved − damaged − safety_stock − quality_control.
 */
import type { InventoryLevelRecord, StoredQuantities } from "./records";
import { levelKey, type ShopState } from "./shop-state";

export const QUANTITY_NAMES = [
  "available",
  "on_hand",
  "committed",
  "reserved",
  "incoming",
  "damaged",
  "safety_stock",
  "quality_control",
] as const;
export type QuantityName = (typeof QUANTITY_NAMES)[number];

export function isQuantityName(name: string): name is QuantityName {
  return (QUANTITY_NAMES as readonly string[]).includes(name);
}

/** Fulfillment order statuses whose remaining quantities are committed stock. */
const COMMITTING = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED", "INCOMPLETE"]);

/** committed units per `item:location`, from open fulfillment orders. */
export function committedIndex(shop: ShopState): Map<string, number> {
  return shop.cached("committed", () => {
    const index = new Map<string, number>();
    for (const fo of shop.fulfillmentOrders.values()) {
      if (!COMMITTING.has(fo.status)) continue;
      for (const foLine of fo.lineItems) {
        if (foLine.remainingQuantity <= 0) continue;
        const variantId = shop.lineItem(foLine.lineItemId)?.line.variantId;
        const variant = variantId == null ? undefined : shop.variants.get(variantId);
        if (!variant) continue;
        const key = levelKey(variant.inventoryItemId, fo.assignedLocationId);
        index.set(key, (index.get(key) ?? 0) + foLine.remainingQuantity);
      }
    }
    return index;
  });
}

export function quantitiesOf(shop: ShopState, level: InventoryLevelRecord): Record<QuantityName, number> {
  const committed = committedIndex(shop).get(levelKey(level.inventoryItemId, level.locationId)) ?? 0;
  const s = level.stored;
  return {
    ...s,
    committed,
    available: s.on_hand - committed - s.reserved - s.damaged - s.safety_stock - s.quality_control,
  };
}

export function quantityOf(shop: ShopState, level: InventoryLevelRecord, name: QuantityName): number {
  return quantitiesOf(shop, level)[name];
}

export function emptyQuantities(): StoredQuantities {
  return { on_hand: 0, reserved: 0, incoming: 0, damaged: 0, safety_stock: 0, quality_control: 0 };
}

/** Creates the level if the item is not stocked at the location yet (Shopify "activates" it). */
export function ensureLevel(shop: ShopState, inventoryItemId: number, locationId: number): InventoryLevelRecord {
  const existing = shop.level(inventoryItemId, locationId);
  if (existing) return existing;
  const now = shop.now();
  const level: InventoryLevelRecord = {
    __typename: "InventoryLevel",
    inventoryItemId,
    locationId,
    stored: emptyQuantities(),
    createdAt: now,
    updatedAt: now,
  };
  shop.levels.set(levelKey(inventoryItemId, locationId), level);
  shop.bump();
  return level;
}

/**
 * Sets a quantity by name. `available` is set through on_hand (as Shopify does); `committed`
 * cannot be set. Returns the change actually applied.
 */
export function setQuantity(
  shop: ShopState,
  level: InventoryLevelRecord,
  name: "available" | "on_hand",
  quantity: number,
): number {
  const before = quantityOf(shop, level, name);
  const delta = quantity - before;
  level.stored.on_hand += delta;
  return delta;
}

/** Adjusts a quantity by name; `available` and the unavailable states also move on_hand. */
export function adjustQuantity(
  shop: ShopState,
  level: InventoryLevelRecord,
  name: Exclude<QuantityName, "committed">,
  delta: number,
): void {
  switch (name) {
    case "available":
    case "on_hand":
      level.stored.on_hand += delta;
      break;
    case "incoming":
      level.stored.incoming += delta;
      break;
    default:
      level.stored[name] += delta;
      level.stored.on_hand += delta;
  }
}

type Snapshot = Map<string, string>;

function snapshot(shop: ShopState): Snapshot {
  const result: Snapshot = new Map();
  for (const [key, level] of shop.levels) {
    const q = quantitiesOf(shop, level);
    result.set(key, `${q.on_hand}/${q.committed}/${q.available}/${q.reserved}/${q.incoming}/${q.damaged}/${q.safety_stock}/${q.quality_control}`);
  }
  return result;
}

/**
 * Runs a mutation and announces `inventory_levels/update` for every level whose quantities it
 * changed (including committed stock moved by fulfillment order changes), stamping updatedAt.
 */
export function trackInventory<T>(shop: ShopState, mutate: () => T): T {
  if (shop.muted) {
    const result = mutate();
    shop.bump();
    return result;
  }
  const before = snapshot(shop);
  const result = mutate();
  shop.bump();
  const after = snapshot(shop);
  const now = shop.now();
  for (const [key, value] of after) {
    if (before.get(key) === value) continue;
    const level = shop.levels.get(key);
    if (!level) continue;
    level.updatedAt = now;
    shop.emit({
      topic: "inventory_levels/update",
      shop: shop.domain,
      inventoryItemId: level.inventoryItemId,
      locationId: level.locationId,
    });
  }
  return result;
}
