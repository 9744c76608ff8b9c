/** Shopify global ids ("gid://shopify/Order/1001") and the numeric legacy ids behind them. */

export type GidType =
  | "Shop"
  | "Location"
  | "Product"
  | "ProductVariant"
  | "InventoryItem"
  | "InventoryLevel"
  | "Customer"
  | "Order"
  | "LineItem"
  | "FulfillmentOrder"
  | "FulfillmentOrderLineItem"
  | "Fulfillment"
  | "FulfillmentLineItem"
  | "DeliveryMethod"
  | "MailingAddress"
  | "ProductOption"
  | "InventoryAdjustmentGroup"
  | "FulfillmentOrderDestination"
  | "FulfillmentEvent"
  | "Return"
  | "Refund"
  | "OrderTransaction"
  | "ReturnLineItem"
  | "ReturnShippingFee"
  | "RestockingFee"
  | "ReturnableFulfillment"
  | "ReturnReasonDefinition"
  | "ReverseFulfillmentOrder"
  | "ReverseFulfillmentOrderLineItem"
  | "ReverseFulfillmentOrderDisposition"
  | "ReverseDelivery"
  | "ReverseDeliveryLineItem";

export function gid(type: GidType, id: number | string): string {
  return `gid://shopify/${type}/${id}`;
}

export interface ParsedGid {
  type: string;
  id: number;
  params: URLSearchParams;
}

/** Parses a GID; returns null for anything that is not one. */
export function parseGid(value: string): ParsedGid | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?(.*))?$/.exec(value);
  if (!match) return null;
  return { type: match[1]!, id: Number(match[2]), params: new URLSearchParams(match[3] ?? "") };
}

/** The numeric id of a GID of the given type, or null when it is not one. */
export function idOf(type: GidType, value: string): number | null {
  const parsed = parseGid(value);
  return parsed && parsed.type === type ? parsed.id : null;
}

/** Accepts a GID of the given type or a bare numeric id (control API convenience). */
export function looseIdOf(type: GidType, value: string | number): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (/^\d+$/.test(value)) return Number(value);
  return idOf(type, value);
}

/** Shopify's InventoryLevel GID names the location and carries the item as a query parameter. */
export function inventoryLevelGid(inventoryItemId: number, locationId: number): string {
  return `gid://shopify/InventoryLevel/${locationId}?inventory_item_id=${inventoryItemId}`;
}

export function parseInventoryLevelGid(value: string): { inventoryItemId: number; locationId: number } | null {
  const parsed = parseGid(value);
  if (!parsed || parsed.type !== "InventoryLevel") return null;
  const item = parsed.params.get("inventory_item_id");
  if (!item || !/^\d+$/.test(item)) return null;
  return { inventoryItemId: Number(item), locationId: parsed.id };
}
