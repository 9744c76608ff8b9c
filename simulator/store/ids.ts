/**
 * Shopify global ids ("gid://shopify/Order/1001") and the numeric legacy ids behind them.
 *
 * Shopify's ids are 64-bit: its example payloads carry ids such as 820982911946154508 (an order)
 * and 271878346596884015 (an inventory item), above 2^53, which a JSON parser with doubles reads
 * wrongly (FIDELITY WP-15). The store keys records by JavaScript numbers, so a shop made with
 * `largeIds` has its records numbered from LARGE_ID_BASE (2^52) on, odd numbers only, and every id
 * leaves the simulator (GIDs, `legacyResourceId`, REST webhook payloads, search terms) shifted by
 * 2^52: gid://shopify/Order/9007199254741993 is stored as 2^52 + 1001. Ids below 2^52 are the same
 * inside and out, so ordinary shops are unaffected.
 */

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
  | "ExchangeLineItem"
  | "CalculatedReturn"
  | "FulfillmentHold"
  | "ReturnShippingFee"
  | "RestockingFee"
  | "ReturnableFulfillment"
  | "ReturnReasonDefinition"
  | "ReverseFulfillmentOrder"
  | "ReverseFulfillmentOrderLineItem"
  | "ReverseFulfillmentOrderDisposition"
  | "ReverseDelivery"
  | "ReverseDeliveryLineItem"
  | "Market"
  | "MarketRegionCountry"
  | "StoreCreditAccount"
  | "StoreCreditAccountCreditTransaction";

/** Where large internal ids start (2^52); every number a store record uses below it is an ordinary id. */
export const LARGE_ID_BASE = 2 ** 52;
const SHIFT = 2n ** 52n;
const SMALL_LIMIT = 2n ** 52n;
const LARGE_LIMIT = 2n ** 53n + 2n ** 52n;

/** The id Shopify shows for an internal id, as decimal digits. */
export function externalId(id: number): string {
  return id < LARGE_ID_BASE ? String(id) : (BigInt(id) + SHIFT).toString();
}

/** The id as a REST payload carries it: a number, or a bigint beyond 2^53 (serialized exactly, see webhooks/json.ts). */
export function restId(id: number): number | bigint {
  return id < LARGE_ID_BASE ? id : BigInt(id) + SHIFT;
}

/** The internal id of an id Shopify shows (decimal digits); -1 (no record) for one no record can have. */
export function internalId(digits: string): number {
  const value = BigInt(digits);
  if (value < SMALL_LIMIT) return Number(value);
  if (value >= 2n ** 53n && value < LARGE_LIMIT) return Number(value - SHIFT);
  return -1;
}

export function gid(type: GidType, id: number | string): string {
  return `gid://shopify/${type}/${typeof id === "number" ? externalId(id) : id}`;
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
  return { type: match[1]!, id: internalId(match[2]!), params: new URLSearchParams(match[3] ?? "") };
}

/** The numeric id of a GID of the given type, or null when it is not one. */
export function idOf(type: GidType, value: string): number | null {
  const parsed = parseGid(value);
  return parsed && parsed.type === type ? parsed.id : null;
}

/** Accepts a GID of the given type or a bare numeric id (control API convenience). */
export function looseIdOf(type: GidType, value: string | number): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? internalId(BigInt(value).toString()) : null;
  if (/^\d+$/.test(value)) return internalId(value);
  return idOf(type, value);
}

/** Shopify's InventoryLevel GID names the location and carries the item as a query parameter. */
export function inventoryLevelGid(inventoryItemId: number, locationId: number): string {
  return `gid://shopify/InventoryLevel/${externalId(locationId)}?inventory_item_id=${externalId(inventoryItemId)}`;
}

export function parseInventoryLevelGid(value: string): { inventoryItemId: number; locationId: number } | null {
  const parsed = parseGid(value);
  if (!parsed || parsed.type !== "InventoryLevel") return null;
  const item = parsed.params.get("inventory_item_id");
  if (!item || !/^\d+$/.test(item)) return null;
  return { inventoryItemId: internalId(item), locationId: parsed.id };
}
