import { z } from "zod";
import { addDays, calendarDate, type CalendarDate, type Instant } from "./dates";
import { fromMinor, isAmount, toMinor } from "./money";
import { POSTAGE_PAYERS, type PostagePolicy } from "./postage";
import { RETURN_REASONS } from "./reasons";

/** How the goods come back: by post with a label, or handed in at a store. */
export const RETURN_METHODS = ["MAIL", "DROP_OFF"] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/**
 * A shop's return policy, as stored in `ReturnPolicy` (amounts as decimal strings, so Prisma's
 * Decimal maps with `String(decimal)`).
 */
export interface ReturnPolicy extends PostagePolicy {
  /** Days after delivery (or pickup) during which items may be returned; the last day is included. */
  windowDays: number;
  /** Product tags that make an item final sale (compared case-insensitively, trimmed). */
  finalSaleTags: string[];
  /** Product types that can never be returned (compared case-insensitively, trimmed). */
  nonReturnableProductTypes: string[];
  /** Flat fee deducted for a MAIL return when the shopper pays a flat fee (postagePayer FLAT), e.g. "5.00". */
  returnShippingFee: string;
  /** Percentage of the returned value kept, "0.00" to "100.00", e.g. "12.50". */
  restockingFeePercent: string;
  /** Which methods shoppers may choose; at least one. */
  allowedMethods: ReturnMethod[];
  /** Where mail returns go (Location GID); null = the shop's first warehouse, chosen by the caller. */
  defaultReturnLocationId?: string | null;
}

export const DEFAULT_RETURN_POLICY: ReturnPolicy = {
  windowDays: 30,
  finalSaleTags: ["final-sale"],
  nonReturnableProductTypes: [],
  returnShippingFee: "0.00",
  postagePayer: "FLAT",
  postageCap: null,
  freePostageReasons: [],
  restockingFeePercent: "0.00",
  allowedMethods: ["MAIL", "DROP_OFF"],
  defaultReturnLocationId: null,
};

/** Accepts "5.00", 5, or a Decimal object (Prisma's, whose String() is the amount). */
export const decimalInput = z.preprocess(
  (v) => (typeof v === "object" && v !== null && typeof (v as { toFixed?: unknown }).toFixed === "function" ? String(v) : v),
  z.union([z.string(), z.number()]),
);

const amount = decimalInput
  .transform((v) => String(v).trim())
  .refine(isAmount, "must be an amount with at most 2 decimals")
  .refine((v) => !v.startsWith("-"), "must not be negative")
  .transform((v) => fromMinor(toMinor(v)));

/**
 * Validates a policy submitted from the settings page or read from the database (Prisma's Decimal,
 * strings or numbers; amounts come out as 2-decimal strings). Tags and types are trimmed, blanks
 * dropped, duplicates (case-insensitive) removed.
 */
export const returnPolicySchema = z.object({
  windowDays: z.coerce.number().int("must be a whole number of days").min(0).max(3650),
  finalSaleTags: z.array(z.string()).transform(cleanList),
  nonReturnableProductTypes: z.array(z.string()).transform(cleanList),
  returnShippingFee: amount,
  postagePayer: z.enum(POSTAGE_PAYERS, "choose who pays postage from the list").default("FLAT"),
  postageCap: z.preprocess((v) => (v === "" ? null : v), amount.nullish()).transform((v) => v ?? null),
  freePostageReasons: z
    .array(z.enum(RETURN_REASONS, "reasons must be among Shopify's return reasons"))
    .default([])
    .transform((reasons) => RETURN_REASONS.filter((r) => reasons.includes(r))),
  restockingFeePercent: amount.refine((v) => Number(v) <= 100, "must be at most 100"),
  allowedMethods: z
    .array(z.enum(RETURN_METHODS))
    .min(1, "allow at least one return method")
    .transform((methods) => RETURN_METHODS.filter((m) => methods.includes(m))),
  defaultReturnLocationId: z.string().min(1).nullish().default(null),
}) satisfies z.ZodType<ReturnPolicy, unknown>;

/** A policy from a stored `ReturnPolicy` row (Decimal columns accepted as they come) or a settings form. */
export function parseReturnPolicy(
  raw: unknown,
): { status: "success"; policy: ReturnPolicy } | { status: "error"; errors: string[] } {
  const parsed = returnPolicySchema.safeParse(raw);
  if (parsed.success) return { status: "success", policy: parsed.data };
  return {
    status: "error",
    errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(policy)"}: ${i.message}`),
  };
}

function cleanList(values: string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = v.trim();
    if (t && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out;
}

/**
 * One line the shopper might return: a fulfillment line item (what Shopify's `returnRequest`
 * takes) with what the portal shows and the facts the policy needs. Maps onto `ReturnLine`.
 */
export interface ReturnableLine {
  /** gid://shopify/FulfillmentLineItem/… */
  fulfillmentLineItemId: string;
  /** gid://shopify/LineItem/… */
  lineItemId: string;
  title: string;
  variantTitle?: string | null;
  variantId?: string | null;
  sku?: string | null;
  productType?: string | null;
  productTags?: readonly string[];
  /** Units bought on this fulfillment line. */
  quantity: number;
  /** Units already returned or in an open (not declined/canceled) return. */
  returnedQuantity: number;
  /** Price paid per unit after discounts, decimal string, in the currency the shopper paid in. */
  unitPrice: string;
  /** The same price in the shop's currency, when it differs from the shopper's (for rules and totals). */
  shopUnitPrice?: string;
  /** When the shipment was delivered or the pickup collected; null while it is neither. */
  deliveredAt: Instant | null;
}

/** Why a line cannot be returned, machine-readable; the portal turns each into a sentence. */
export type IneligibilityReason =
  | { code: "ORDER_CANCELLED" }
  | { code: "ALREADY_RETURNED" }
  | { code: "FINAL_SALE"; tag: string }
  | { code: "NON_RETURNABLE_TYPE"; productType: string }
  | { code: "NOT_DELIVERED" }
  | { code: "WINDOW_EXPIRED"; lastDay: CalendarDate };
export interface LineEligibility<L extends ReturnableLine = ReturnableLine> {
  line: L;
  eligible: boolean;
  /** Units that may be returned now: 0 when not eligible. */
  maxQuantity: number;
  /** Last day (inclusive, shop time zone) of the window; null until delivered or picked up. */
  lastDay: CalendarDate | null;
  /** Every reason that applies, most fundamental first; empty when eligible. */
  reasons: IneligibilityReason[];
  /** The first of `reasons`, the one to show; null when eligible. */
  reason: IneligibilityReason | null;
}

export interface EligibilityInput<L extends ReturnableLine = ReturnableLine> {
  lines: readonly L[];
  /** When the order was cancelled, or null. */
  cancelledAt?: Instant | null;
  now: Instant;
  /** The shop's IANA time zone (Shop.ianaTimezone); windows are counted in its calendar days. */
  timeZone?: string;
}

/** The last day an item delivered at `deliveredAt` may be returned under `policy`. */
export function windowLastDay(deliveredAt: Instant, policy: Pick<ReturnPolicy, "windowDays">, timeZone = "UTC"): CalendarDate {
  return addDays(calendarDate(deliveredAt, timeZone), policy.windowDays);
}

/**
 * Decides, for each line of an order, whether it may be returned now and how many units. Pure: the
 * caller gathers the lines (returnable fulfillments, delivery dates, open returns) and the clock.
 */
export function evaluateEligibility<L extends ReturnableLine>(
  policy: ReturnPolicy,
  input: EligibilityInput<L>,
): LineEligibility<L>[] {
  const timeZone = input.timeZone ?? "UTC";
  const today = calendarDate(input.now, timeZone);
  const finalSale = new Set(policy.finalSaleTags.map(normalise));
  const nonReturnable = new Set(policy.nonReturnableProductTypes.map(normalise));

  return input.lines.map((line) => {
    const reasons: IneligibilityReason[] = [];
    const remaining = Math.max(0, Math.trunc(line.quantity) - Math.max(0, Math.trunc(line.returnedQuantity)));
    const lastDay = line.deliveredAt == null ? null : windowLastDay(line.deliveredAt, policy, timeZone);

    if (input.cancelledAt) reasons.push({ code: "ORDER_CANCELLED" });
    if (remaining === 0) reasons.push({ code: "ALREADY_RETURNED" });
    const tag = (line.productTags ?? []).find((t) => finalSale.has(normalise(t)));
    if (tag !== undefined) reasons.push({ code: "FINAL_SALE", tag });
    if (line.productType && nonReturnable.has(normalise(line.productType))) {
      reasons.push({ code: "NON_RETURNABLE_TYPE", productType: line.productType });
    }
    if (lastDay === null) reasons.push({ code: "NOT_DELIVERED" });
    else if (today > lastDay) reasons.push({ code: "WINDOW_EXPIRED", lastDay });

    const eligible = reasons.length === 0;
    return { line, eligible, maxQuantity: eligible ? remaining : 0, lastDay, reasons, reason: reasons[0] ?? null };
  });
}

function normalise(value: string): string {
  return value.trim().toLowerCase();
}

/**
 * Units of each fulfillment line item held by Crossdock's own return requests that are still open
 * (not declined or canceled), to add to what Shopify already counts as returned when computing
 * `ReturnableLine.returnedQuantity`.
 */
export function quantitiesInOpenReturns(
  returns: ReadonlyArray<{ status: string; lines: ReadonlyArray<{ fulfillmentLineItemId: string; quantity: number }> }>,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const r of returns) {
    if (r.status === "DECLINED" || r.status === "CANCELED") continue;
    for (const l of r.lines) totals.set(l.fulfillmentLineItemId, (totals.get(l.fulfillmentLineItemId) ?? 0) + l.quantity);
  }
  return totals;
}
