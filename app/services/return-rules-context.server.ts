// What the return rules read: the shop's saved rules (validated) and the facts of one return
// (days since delivery, reasons, value, product tags/types, the customer's recent returns, method).
// Shared by evaluate-return-rules (live) and preview-return-rules (the last N requests).
import { calendarDate, daysBetween } from "~/domain/returns/dates";
import { isReturnReason, type ReturnReason } from "~/domain/returns/reasons";
import { parseReturnRules, returnRuleActionSchema, returnRuleConditionSchema, type DecisionView, type ReturnFacts, type ReturnRule } from "~/domain/returns/rules";
import { logger } from "~/logger.server";
import { findReturnRuleSet } from "~/models/return-rules.server";
import { countCustomerReturnsSince, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchOrderForReturn } from "~/shopify/returns";

export const CUSTOMER_HISTORY_DAYS = 90;
const DAY = 86_400_000;

/** The shop's rules; stored rules that no longer validate count as none (and are reported). */
export async function loadReturnRules(shop: ShopRef): Promise<{ rules: ReturnRule[]; problems: string[]; updatedBy: string | null; updatedAt: Date | null }> {
  const row = await findReturnRuleSet(shop);
  if (!row) return { rules: [], problems: [], updatedBy: null, updatedAt: null };
  const parsed = parseReturnRules(row.rules);
  if (parsed.status === "success") return { rules: parsed.rules, problems: [], updatedBy: row.updatedBy, updatedAt: row.updatedAt };
  logger.warn({ shopId: shop.id, errors: parsed.errors }, "stored return rules do not validate; none applied");
  return { rules: [], problems: parsed.errors, updatedBy: row.updatedBy, updatedAt: row.updatedAt };
}

/** Facts as JSON in the "rules" timeline event, so the preview sees what the rules saw. */
export type StoredFacts = Omit<ReturnFacts, "reasons"> & { reasons: string[] };

export function factsFromEventData(data: unknown): ReturnFacts | null {
  const facts = (data as { facts?: StoredFacts } | null)?.facts;
  if (!facts || typeof facts.totalValue !== "string" || !Array.isArray(facts.reasons)) return null;
  return { ...facts, reasons: facts.reasons.filter(isReturnReason) };
}

/**
 * The rules' decision recorded on a return's "rules" event, as facts for the page's words; null for
 * events written before the rule's name and conditions were kept (the page shows their text).
 */
export function decisionFromEventData(data: unknown): DecisionView | null {
  const facts = factsFromEventData(data);
  const stored = data as { ruleId?: unknown; ruleName?: unknown; action?: unknown; conditions?: { condition?: unknown }[] } | null;
  if (!facts || !stored) return null;
  if (stored.ruleId === null) return { ruleName: null, action: null, conditions: [], facts };
  const action = returnRuleActionSchema.safeParse(stored.action);
  const conditions = (stored.conditions ?? []).map((c) => returnRuleConditionSchema.safeParse(c.condition));
  if (typeof stored.ruleName !== "string" || !action.success || conditions.some((c) => !c.success)) return null;
  return { ruleName: stored.ruleName, action: action.data, conditions: conditions.map((c) => c.data!), facts };
}

/**
 * The facts of one return, as of when it was requested. Days since delivery come from the order's
 * fulfillments (the earliest delivery of a returned line) when a client is given; else unknown.
 */
export async function buildReturnFacts(
  shop: ShopRef & { timezone?: string },
  ret: ReturnWithDetails,
  options: { graphql?: AdminGraphql | null; deliveredAt?: string | null } = {},
): Promise<ReturnFacts> {
  let deliveredAt = options.deliveredAt ?? null;
  if (deliveredAt === null && options.graphql) {
    const order = await fetchOrderForReturn(options.graphql, ret.orderId);
    const returned = new Set(ret.lines.map((l) => l.fulfillmentLineItemId));
    const dates = (order?.fulfillmentLines ?? []).filter((f) => returned.has(f.id) && f.deliveredAt).map((f) => f.deliveredAt!).sort();
    deliveredAt = dates[0] ?? null;
  }
  const timeZone = shop.timezone || "UTC";
  const daysSinceDelivery = deliveredAt ? Math.max(0, daysBetween(calendarDate(deliveredAt, timeZone), calendarDate(ret.createdAt, timeZone))) : null;
  const customerReturnsLast90Days = await countCustomerReturnsSince(
    shop,
    ret,
    { since: new Date(ret.createdAt.getTime() - CUSTOMER_HISTORY_DAYS * DAY), until: ret.createdAt },
    ret.id,
  );
  return {
    daysSinceDelivery,
    reasons: [...new Set(ret.lines.map((l) => l.reason).filter(isReturnReason))] as ReturnReason[],
    // Rules compare values in the shop's currency.
    totalValue: (ret.shopValue ?? ret.totalValue).toFixed(2),
    productTags: [...new Set(ret.lines.flatMap((l) => l.productTags))],
    productTypes: [...new Set(ret.lines.map((l) => l.productType).filter((t): t is string => !!t))],
    customerReturnsLast90Days,
    method: ret.method,
  };
}
