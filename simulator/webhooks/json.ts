/**
 * JSON as Shopify writes it: 64-bit integers as plain numbers, digit for digit. JavaScript's
 * JSON.stringify cannot write a number above 2^53 exactly (nor a bigint at all), so payloads carry
 * large ids as bigints (store/ids.ts `restId`) and are written with lossless-json's stringify.
 */
import { stringify } from "lossless-json";
import { LARGE_ID_BASE, restId } from "../store/ids";

/** JSON text of a value whose bigints are written as numbers. */
export function toJson(value: unknown): string {
  return stringify(value) ?? "null";
}

/**
 * A payload built from store records with every large internal id (≥ 2^52, only ids reach it: amounts
 * are strings, quantities and weights are small) replaced by the id Shopify shows, a bigint.
 */
export function externalizeIds<T>(value: T): T {
  if (typeof value === "number") return (Number.isInteger(value) && value >= LARGE_ID_BASE ? restId(value) : value) as T;
  if (Array.isArray(value)) return value.map((v) => externalizeIds(v)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, externalizeIds(v)])) as T;
  }
  return value;
}
