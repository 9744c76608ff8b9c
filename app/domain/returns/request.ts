import { computeReturnTotals, withReturnShippingFee, type ReturnMoneyContext, type ReturnTotals } from "./fees";
import { postageCharge } from "./postage";
import type { IneligibilityReason, LineEligibility, ReturnableLine, ReturnMethod, ReturnPolicy } from "./policy";
import { RETURN_METHODS } from "./policy";
import { typedTextProblem } from "../text/typed-text";
import { isShopperReturnReason, type ShopperReturnReason } from "./reasons";

/** Longest note a shopper may write per item (Shopify's customerNote has a limit of 300). */
export const MAX_CUSTOMER_NOTE_LENGTH = 300;

/** What the shopper submitted, before any checking (form values may be anything). */
export interface ReturnSelection {
  items: ReadonlyArray<{
    fulfillmentLineItemId: string;
    quantity: number | string;
    /** One of Shopify's ReturnReason values (UNKNOWN excluded). */
    reason: string;
    note?: string | null;
  }>;
  method: string;
  /** The store the shopper will hand the goods in at (Location GID); required for DROP_OFF. */
  dropOffLocationId?: string | null;
  /** "REFUND" or "STORE_CREDIT" (app/domain/returns/store-credit.ts); empty: the policy's default. */
  outcome?: string | null;
}

export interface ReturnSelectionContext<L extends ReturnableLine = ReturnableLine> {
  /** `evaluateEligibility` for the order's lines. */
  eligibility: readonly LineEligibility<L>[];
  policy: ReturnPolicy;
  /** Location GIDs that accept drop-offs; when given, the chosen one must be among them. */
  dropOffLocationIds?: readonly string[];
  /** The currency the lines are priced in (the order's presentment currency) and the order's rate. */
  money?: ReturnMoneyContext;
}

export type ReturnSelectionErrorCode =
  | "NO_ITEMS"
  | "ITEM_NOT_IN_ORDER"
  | "DUPLICATE_ITEM"
  | "INVALID_QUANTITY"
  | "QUANTITY_EXCEEDS_RETURNABLE"
  | "INVALID_REASON"
  | "NOTE_TOO_LONG"
  | "NOTE_INVALID_CHARACTERS"
  | "METHOD_NOT_ALLOWED"
  | "DROP_OFF_LOCATION_REQUIRED"
  | "DROP_OFF_LOCATION_NOT_ALLOWED"
  | "OUTCOME_NOT_OFFERED"
  | IneligibilityReason["code"];

export interface ReturnSelectionError {
  code: ReturnSelectionErrorCode;
  /** The fulfillment line item the error is about; absent for request-level errors. */
  item?: string;
  /** The form field: "items", "quantity", "reason", "note", "method", "dropOffLocationId". */
  field: "items" | "quantity" | "reason" | "note" | "method" | "dropOffLocationId" | "outcome";
  /** For QUANTITY_EXCEEDS_RETURNABLE: the most that may be returned. */
  maxQuantity?: number;
  /** For WINDOW_EXPIRED: the last day of the window. */
  lastDay?: string;
}

export interface NormalisedReturnLine<L extends ReturnableLine = ReturnableLine> {
  line: L;
  quantity: number;
  reason: ShopperReturnReason;
  /** Trimmed; null when empty. */
  customerNote: string | null;
}

/** A request that passed every check, ready to store (ReturnRequest + ReturnLine) and send to Shopify. */
export interface NormalisedReturnRequest<L extends ReturnableLine = ReturnableLine> {
  lines: NormalisedReturnLine<L>[];
  method: ReturnMethod;
  /** The drop-off store for DROP_OFF; the policy's default return location (may be null) for MAIL. */
  returnLocationId: string | null;
  totals: ReturnTotals;
}

export type ReturnSelectionResult<L extends ReturnableLine = ReturnableLine> =
  | { ok: true; request: NormalisedReturnRequest<L> }
  | { ok: false; errors: ReturnSelectionError[] };

/**
 * Checks a shopper's selection against the order's eligibility and the policy. Returns every
 * problem at once (each with a code and the item it concerns) or the normalised request. Items with
 * quantity 0 are dropped (a form lists every line); the same item twice is an error.
 */
export function validateReturnSelection<L extends ReturnableLine>(
  selection: ReturnSelection,
  context: ReturnSelectionContext<L>,
): ReturnSelectionResult<L> {
  const errors: ReturnSelectionError[] = [];
  const byId = new Map(context.eligibility.map((e) => [e.line.fulfillmentLineItemId, e]));
  const seen = new Set<string>();
  const lines: NormalisedReturnLine<L>[] = [];

  for (const item of selection.items) {
    const id = item.fulfillmentLineItemId;
    const entry = byId.get(id);
    if (!entry) {
      errors.push({ code: "ITEM_NOT_IN_ORDER", item: id, field: "items" });
      continue;
    }
    const quantity = parseQuantity(item.quantity);
    if (quantity === 0) continue; // not selected
    if (seen.has(id)) {
      errors.push({ code: "DUPLICATE_ITEM", item: id, field: "items" });
      continue;
    }
    seen.add(id);

    let itemOk = true;
    if (quantity === null || quantity < 0) {
      errors.push({ code: "INVALID_QUANTITY", item: id, field: "quantity" });
      itemOk = false;
    } else if (!entry.eligible) {
      const reason = entry.reason!;
      errors.push({ code: reason.code, item: id, field: "items", ...(reason.code === "WINDOW_EXPIRED" ? { lastDay: reason.lastDay } : {}) });
      itemOk = false;
    } else if (quantity > entry.maxQuantity) {
      errors.push({ code: "QUANTITY_EXCEEDS_RETURNABLE", item: id, field: "quantity", maxQuantity: entry.maxQuantity });
      itemOk = false;
    }
    if (!isShopperReturnReason(item.reason)) {
      errors.push({ code: "INVALID_REASON", item: id, field: "reason" });
      itemOk = false;
    }
    const note = (item.note ?? "").trim();
    // Checked before anything is sent: Shopify accepts a NUL or a lone surrogate that the record
    // cannot hold, and a request Shopify has accepted can only be withdrawn, not undone.
    const noteProblem = typedTextProblem(note, MAX_CUSTOMER_NOTE_LENGTH);
    if (noteProblem) {
      errors.push({ code: noteProblem === "TOO_LONG" ? "NOTE_TOO_LONG" : "NOTE_INVALID_CHARACTERS", item: id, field: "note" });
      itemOk = false;
    }
    if (itemOk && quantity !== null && isShopperReturnReason(item.reason)) {
      lines.push({ line: entry.line, quantity, reason: item.reason, customerNote: note || null });
    }
  }
  if (seen.size === 0 && !errors.some((e) => e.field === "items")) errors.push({ code: "NO_ITEMS", field: "items" });

  const method = (RETURN_METHODS as readonly string[]).includes(selection.method) ? (selection.method as ReturnMethod) : null;
  if (!method || !context.policy.allowedMethods.includes(method)) {
    errors.push({ code: "METHOD_NOT_ALLOWED", field: "method" });
  }
  const dropOff = selection.dropOffLocationId?.trim() || null;
  if (method === "DROP_OFF") {
    if (!dropOff) errors.push({ code: "DROP_OFF_LOCATION_REQUIRED", field: "dropOffLocationId" });
    else if (context.dropOffLocationIds && !context.dropOffLocationIds.includes(dropOff)) {
      errors.push({ code: "DROP_OFF_LOCATION_NOT_ALLOWED", field: "dropOffLocationId" });
    }
  }

  if (errors.length > 0 || !method) return { ok: false, errors };
  return {
    ok: true,
    request: {
      lines,
      method,
      returnLocationId: method === "DROP_OFF" ? dropOff : (context.policy.defaultReturnLocationId ?? null),
      // The return shipping fee is the postage the policy charges (a label's postage is added once a carrier quoted it).
      totals: withReturnShippingFee(
        computeReturnTotals(
          lines.map((l) => ({ unitPrice: l.line.unitPrice, quantity: l.quantity })),
          method,
          context.policy,
          context.money,
        ),
        postageCharge(context.policy, { method, reasons: lines.map((l) => l.reason) }, context.money).minor,
      ),
    },
  };
}

/** A whole number from a form value; null when it is not one ("1.5", "abc", ""). */
function parseQuantity(value: number | string): number | null {
  const n = typeof value === "number" ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(n) ? n : null;
}
