/**
 * Crossdock's return reasons: the values of Shopify's `ReturnReason` enum (Admin API 2026-10), hard-coded
 * so the domain needs no schema at run time; `reasons.spec.ts` compares them with the pinned schema.
 * The enum's fields are deprecated in Shopify's API: Crossdock talks to Shopify in reason definitions
 * (`RETURN_REASON_HANDLES` below) and keeps these ten as its own categories for rules and reports.
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

/**
 * Shopify's standard return reason definitions (`returnReasonDefinitions`, which replaced the
 * deprecated `ReturnReason` enum in 2026-01) for each of Crossdock's reasons: the handles of the ten
 * general reasons in Shopify's product taxonomy (github.com/Shopify/product-taxonomy,
 * data/return_reasons.yml, ids 1–10), matched to the enum by their names ("Changed my mind" is
 * UNWANTED, "Too big" is SIZE_TOO_LARGE). Handles are "stable across API versions and localizations"
 * (schema: `ReturnReasonDefinition.handle`).
 */
export const RETURN_REASON_HANDLES = {
  UNKNOWN: "unknown",
  UNWANTED: "changed-my-mind",
  NOT_AS_DESCRIBED: "item-not-as-described",
  WRONG_ITEM: "received-the-wrong-item",
  OTHER: "other-reason",
  DEFECTIVE: "damaged-or-defective",
  SIZE_TOO_SMALL: "too-small",
  SIZE_TOO_LARGE: "too-big",
  STYLE: "style",
  COLOR: "color",
} as const satisfies Record<ReturnReason, string>;

/**
 * Crossdock's reason for a Shopify reason definition. The library holds hundreds of category-specific
 * reasons ("arrived-late", "comfort", …) beyond the ten general ones; Crossdock's rules and reports
 * group those under OTHER. No definition at all (a return created without a reason) is UNKNOWN.
 */
export function reasonFromHandle(handle: string | null | undefined): ReturnReason {
  if (handle == null) return "UNKNOWN";
  const match = RETURN_REASONS.find((reason) => RETURN_REASON_HANDLES[reason] === handle);
  return match ?? "OTHER";
}
