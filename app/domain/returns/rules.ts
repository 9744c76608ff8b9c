import { z } from "zod";
import { fromMinor, isAmount, toMinor } from "./money";
import { calendarDate, daysBetween, type Instant } from "./dates";
import { decimalInput, RETURN_METHODS, type ReturnableLine, type ReturnMethod } from "./policy";
import type { NormalisedReturnRequest } from "./request";
import { RETURN_DECLINE_REASONS, RETURN_REASONS, type ReturnReason } from "./reasons";
import words from "../../locales/en/admin-returns.json";

/** A stored code as the merchant reads it ("MAIL" → "By mail"): explanations are stored in English words, never codes. */
const word = (group: "reasons" | "methods" | "declineReasons", code: string): string => (words[group] as Record<string, string>)[code] ?? code.toLowerCase().replaceAll("_", " ");
const wordList = (group: "reasons" | "methods", codes: readonly string[]): string => codes.map((c) => word(group, c)).join(", ");

/**
 * Return rules (the returns desk, #7): an ordered list; the first enabled rule whose conditions all
 * match decides. Stored as JSON in ReturnRuleSet.rules and validated with `returnRulesSchema` on
 * every read and write.
 */

const comparison = z.enum(["lte", "gte"]);
const amount = decimalInput
  .transform((v) => String(v).trim())
  .refine(isAmount, "must be an amount with at most 2 decimals");
const nonEmptyStrings = z
  .array(z.string().trim().min(1))
  .min(1, "list at least one value")
  .transform((values) => [...new Set(values)]);

export const returnRuleConditionSchema = z.discriminatedUnion("type", [
  /** Days since the earliest delivery of the returned items, ≤ or ≥ `days`. */
  z.object({ type: z.literal("days_since_delivery"), op: comparison, days: z.number().int().min(0) }),
  /** Any returned line's reason is in the set. */
  z.object({ type: z.literal("reason_in"), reasons: z.array(z.enum(RETURN_REASONS)).min(1, "list at least one reason") }),
  /** The returned value (Σ unit price × quantity), ≤ or ≥ `amount`. */
  z.object({ type: z.literal("total_value"), op: comparison, amount }),
  /** Any returned product carries any of the tags (case-insensitive). */
  z.object({ type: z.literal("product_tag_any"), tags: nonEmptyStrings }),
  /** Any returned product is of any of the types (case-insensitive). */
  z.object({ type: z.literal("product_type_any"), types: nonEmptyStrings }),
  /** The customer's returns in the last 90 days (this one excluded) are at least `count`. */
  z.object({ type: z.literal("customer_returns_90d_gte"), count: z.number().int().min(1) }),
  /** The return method is one of these. */
  z.object({ type: z.literal("method_in"), methods: z.array(z.enum(RETURN_METHODS)).min(1, "list at least one method") }),
]);
export type ReturnRuleCondition = z.output<typeof returnRuleConditionSchema>;

export const returnRuleActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("AUTO_APPROVE") }),
  z.object({
    type: z.literal("AUTO_DECLINE"),
    /** Shopify's ReturnDeclineReason, sent with returnDeclineRequest. */
    reason: z.enum(RETURN_DECLINE_REASONS),
    /** Shown to the shopper. */
    note: z.string().trim().max(500).optional(),
  }),
  z.object({ type: z.literal("FLAG"), reason: z.string().trim().min(1, "say why the return is flagged").max(200) }),
]);
export type ReturnRuleAction = z.output<typeof returnRuleActionSchema>;

export const returnRuleSchema = z.object({
  id: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1, "give the rule a name").max(120),
  enabled: z.boolean().default(true),
  /** All must match; an empty list matches every return. */
  conditions: z.array(returnRuleConditionSchema).max(20),
  action: returnRuleActionSchema,
});
export type ReturnRule = z.output<typeof returnRuleSchema>;
export type ReturnRuleInput = z.input<typeof returnRuleSchema>;

export const returnRulesSchema = z
  .array(returnRuleSchema)
  .max(100)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((rule, index) => {
      if (seen.has(rule.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `duplicate rule id "${rule.id}"` });
      seen.add(rule.id);
    });
  });

export type ParseRulesResult = { status: "success"; rules: ReturnRule[] } | { status: "error"; errors: string[] };

/** Validates stored or submitted rules; one human-readable error per problem ("2.action.reason: …"). */
export function parseReturnRules(raw: unknown): ParseRulesResult {
  const parsed = returnRulesSchema.safeParse(raw);
  if (parsed.success) return { status: "success", rules: parsed.data };
  return {
    status: "error",
    errors: parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(rules)"}: ${i.message}`),
  };
}

/** What the rules look at, gathered by the caller for one return request. */
export interface ReturnFacts {
  /** Whole days from the earliest delivery of the returned items to the request; null if unknown. */
  daysSinceDelivery: number | null;
  reasons: readonly ReturnReason[];
  /** Decimal string. */
  totalValue: string;
  productTags: readonly string[];
  productTypes: readonly string[];
  /** The customer's other returns requested in the last 90 days. */
  customerReturnsLast90Days: number;
  method: ReturnMethod;
}

/**
 * The facts for a validated request: days since the earliest delivery of its lines (in the shop's
 * calendar), its reasons, value, tags and types; the caller counts the customer's recent returns.
 */
export function returnFactsFor(
  request: NormalisedReturnRequest<ReturnableLine>,
  context: { now: Instant; timeZone?: string; customerReturnsLast90Days: number },
): ReturnFacts {
  const delivered = request.lines
    .map((l) => l.line.deliveredAt)
    .filter((d): d is Instant => d != null)
    .map((d) => calendarDate(d, context.timeZone));
  const earliest = delivered.sort()[0];
  const unique = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => !!v && !!v.trim()))];
  return {
    daysSinceDelivery: earliest === undefined ? null : daysBetween(earliest, calendarDate(context.now, context.timeZone)),
    reasons: [...new Set(request.lines.map((l) => l.reason))],
    totalValue: request.totals.value,
    productTags: unique(request.lines.flatMap((l) => [...(l.line.productTags ?? [])])),
    productTypes: unique(request.lines.map((l) => l.line.productType)),
    customerReturnsLast90Days: context.customerReturnsLast90Days,
    method: request.method,
  };
}

export interface ConditionResult {
  condition: ReturnRuleCondition;
  matched: boolean;
  /** e.g. "value 120.00 ≥ 100.00". */
  explanation: string;
}

export type RulesDecision =
  | {
      matched: true;
      rule: ReturnRule;
      action: ReturnRuleAction;
      conditions: ConditionResult[];
      /** "Rule "Small items" (auto-approve): value 12.00 ≤ 25.00; reason SIZE_TOO_SMALL is in SIZE_TOO_SMALL, SIZE_TOO_LARGE." */
      explanation: string;
    }
  | { matched: false; rule: null; action: null; conditions: []; explanation: string };

/** The first enabled rule whose conditions all hold decides; none → a person decides. */
export function evaluateReturnRules(rules: readonly ReturnRule[], facts: ReturnFacts): RulesDecision {
  for (const rule of rules) {
    if (!rule.enabled) continue;
    const results = rule.conditions.map((c) => evaluateCondition(c, facts));
    if (results.every((r) => r.matched)) {
      const why = results.length ? results.map((r) => r.explanation).join("; ") : "no conditions, applies to every return";
      return {
        matched: true,
        rule,
        action: rule.action,
        conditions: results,
        explanation: `Rule "${rule.name}" (${describeAction(rule.action)}): ${why}.`,
      };
    }
  }
  return { matched: false, rule: null, action: null, conditions: [], explanation: "No rule matched: the return waits for review." };
}

/** A decision as facts, for saying it in the staff member's language (app/components/returns/rule-words.ts). */
export interface DecisionView {
  ruleName: string | null;
  action: ReturnRuleAction | null;
  conditions: ReturnRuleCondition[];
  facts: ReturnFacts;
}

export function decisionView(decision: RulesDecision, facts: ReturnFacts): DecisionView {
  return decision.matched
    ? { ruleName: decision.rule.name, action: decision.action, conditions: decision.conditions.map((c) => c.condition), facts }
    : { ruleName: null, action: null, conditions: [], facts };
}

/** The return's values a list condition found (its reasons, tags or types among the condition's), distinct. */
export function foundValues(condition: Extract<ReturnRuleCondition, { type: "reason_in" | "product_tag_any" | "product_type_any" }>, facts: ReturnFacts): string[] {
  const lower = (values: readonly string[]) => new Set(values.map((v) => v.trim().toLowerCase()));
  switch (condition.type) {
    case "reason_in":
      return [...new Set(facts.reasons.filter((r) => condition.reasons.includes(r)))];
    case "product_tag_any": {
      const wanted = lower(condition.tags);
      return [...new Set(facts.productTags.filter((t) => wanted.has(t.trim().toLowerCase())))];
    }
    case "product_type_any": {
      const wanted = lower(condition.types);
      return [...new Set(facts.productTypes.filter((t) => wanted.has(t.trim().toLowerCase())))];
    }
  }
}

export function describeAction(action: ReturnRuleAction): string {
  switch (action.type) {
    case "AUTO_APPROVE":
      return "auto-approve";
    case "AUTO_DECLINE":
      return `auto-decline, ${word("declineReasons", action.reason)}`;
    case "FLAG":
      return `flag: ${action.reason}`;
  }
}

export function evaluateCondition(condition: ReturnRuleCondition, facts: ReturnFacts): ConditionResult {
  const sign = (op: "lte" | "gte") => (op === "lte" ? "≤" : "≥");
  const compare = (op: "lte" | "gte", a: number, b: number) => (op === "lte" ? a <= b : a >= b);
  const result = (matched: boolean, explanation: string): ConditionResult => ({ condition, matched, explanation });

  switch (condition.type) {
    case "days_since_delivery": {
      if (facts.daysSinceDelivery === null) return result(false, "delivery date unknown");
      const matched = compare(condition.op, facts.daysSinceDelivery, condition.days);
      return result(
        matched,
        `${facts.daysSinceDelivery} days since delivery ${matched ? "" : "not "}${sign(condition.op)} ${condition.days}`,
      );
    }
    case "reason_in": {
      const hits = foundValues(condition, facts);
      return hits.length
        ? result(true, `reason ${wordList("reasons", hits)} is one of ${wordList("reasons", condition.reasons)}`)
        : result(false, `no reason among ${wordList("reasons", condition.reasons)}`);
    }
    case "total_value": {
      const value = toMinor(facts.totalValue);
      const limit = toMinor(condition.amount);
      const matched = compare(condition.op, value, limit);
      return result(matched, `value ${fromMinor(value)} ${matched ? "" : "not "}${sign(condition.op)} ${fromMinor(limit)}`);
    }
    case "product_tag_any": {
      const hits = foundValues(condition, facts);
      return hits.length
        ? result(true, `tag ${hits.join(", ")} is one of ${condition.tags.join(", ")}`)
        : result(false, `no tag among ${condition.tags.join(", ")}`);
    }
    case "product_type_any": {
      const hits = foundValues(condition, facts);
      return hits.length
        ? result(true, `product type ${hits.join(", ")} is one of ${condition.types.join(", ")}`)
        : result(false, `no product type among ${condition.types.join(", ")}`);
    }
    case "customer_returns_90d_gte": {
      const matched = facts.customerReturnsLast90Days >= condition.count;
      return result(matched, `${facts.customerReturnsLast90Days} returns by this customer in 90 days ${matched ? "" : "not "}≥ ${condition.count}`);
    }
    case "method_in": {
      const matched = condition.methods.includes(facts.method);
      return result(matched, `method ${word("methods", facts.method)} ${matched ? "is" : "is not"} one of ${wordList("methods", condition.methods)}`);
    }
  }
}
