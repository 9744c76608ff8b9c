/**
 * Shopify's `ReturnReason` enum (Admin API 2026-10), hard-coded so the domain needs no schema at run
 * time; `reasons.spec.ts` compares it with the pinned schema, so an API upgrade that changes the enum
 * fails a test instead of a `returnRequest` call.
 */
export const RETURN_REASONS = [
  "COLOR",
  "DEFECTIVE",
  "NOT_AS_DESCRIBED",
  "OTHER",
  "SIZE_TOO_LARGE",
  "SIZE_TOO_SMALL",
  "STYLE",
  "UNKNOWN",
  "UNWANTED",
  "WRONG_ITEM",
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/**
 * The reasons a shopper may pick, in the order the portal lists them. `UNKNOWN` is Shopify's value
 * for returns created without a reason; a shopper must choose one.
 */
export const SHOPPER_RETURN_REASONS = [
  "SIZE_TOO_SMALL",
  "SIZE_TOO_LARGE",
  "COLOR",
  "STYLE",
  "UNWANTED",
  "NOT_AS_DESCRIBED",
  "WRONG_ITEM",
  "DEFECTIVE",
  "OTHER",
] as const satisfies readonly ReturnReason[];
export type ShopperReturnReason = (typeof SHOPPER_RETURN_REASONS)[number];

/** Shopify's `ReturnDeclineReason` enum (2026-10), also checked against the schema. */
export const RETURN_DECLINE_REASONS = ["FINAL_SALE", "OTHER", "RETURN_PERIOD_ENDED"] as const;
export type ReturnDeclineReason = (typeof RETURN_DECLINE_REASONS)[number];

export function isReturnReason(value: unknown): value is ReturnReason {
  return typeof value === "string" && (RETURN_REASONS as readonly string[]).includes(value);
}

export function isShopperReturnReason(value: unknown): value is ShopperReturnReason {
  return typeof value === "string" && (SHOPPER_RETURN_REASONS as readonly string[]).includes(value);
}
