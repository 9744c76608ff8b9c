// One change to the shop's return rules from Settings → Returns: save a rule (new or edited, from
// the editor's fields), move it up or down, turn it on or off, delete it. Every change is validated
// with the domain's schema (returnRuleSchema / returnRulesSchema) before it is stored; errors come
// back per editor field.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { RETURN_METHODS } from "~/domain/returns/policy";
import { RETURN_DECLINE_REASONS, RETURN_REASONS } from "~/domain/returns/reasons";
import { returnRuleSchema, returnRulesSchema, type ReturnRule } from "~/domain/returns/rules";
import { saveReturnRules } from "~/models/return-rules.server";
import type { ShopRef } from "~/models/scope.server";
import { loadReturnRules } from "./return-rules-context.server";

export type RuleFields = Record<string, string | string[] | undefined>;

/** The editor's values for a rule (what the settings page shows in its form). */
export interface RuleFormValues {
  id: string;
  name: string;
  enabled: boolean;
  action: "AUTO_APPROVE" | "AUTO_DECLINE" | "FLAG";
  declineReason: string;
  declineNote: string;
  flagReason: string;
  daysMax: string;
  daysMin: string;
  valueMax: string;
  valueMin: string;
  reasons: string[];
  tags: string;
  types: string;
  customerReturnsMin: string;
  methods: string[];
}

export const EMPTY_RULE_VALUES: RuleFormValues = {
  id: "",
  name: "",
  enabled: true,
  action: "FLAG",
  declineReason: "OTHER",
  declineNote: "",
  flagReason: "",
  daysMax: "",
  daysMin: "",
  valueMax: "",
  valueMin: "",
  reasons: [],
  tags: "",
  types: "",
  customerReturnsMin: "",
  methods: [],
};

export function ruleToFormValues(rule: ReturnRule): RuleFormValues {
  const v: RuleFormValues = { ...EMPTY_RULE_VALUES, reasons: [], methods: [], id: rule.id, name: rule.name, enabled: rule.enabled, action: rule.action.type };
  if (rule.action.type === "AUTO_DECLINE") {
    v.declineReason = rule.action.reason;
    v.declineNote = rule.action.note ?? "";
  }
  if (rule.action.type === "FLAG") v.flagReason = rule.action.reason;
  for (const c of rule.conditions) {
    switch (c.type) {
      case "days_since_delivery":
        if (c.op === "lte") v.daysMax = String(c.days);
        else v.daysMin = String(c.days);
        break;
      case "total_value":
        if (c.op === "lte") v.valueMax = c.amount;
        else v.valueMin = c.amount;
        break;
      case "reason_in":
        v.reasons = [...c.reasons];
        break;
      case "product_tag_any":
        v.tags = c.tags.join(", ");
        break;
      case "product_type_any":
        v.types = c.types.join(", ");
        break;
      case "customer_returns_90d_gte":
        v.customerReturnsMin = String(c.count);
        break;
      case "method_in":
        v.methods = [...c.methods];
        break;
    }
  }
  return v;
}

const list = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** A number typed in a field: a whole number, or NaN so that validation names the field. */
const whole = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The rule the editor's fields describe (not yet validated), and which field made each condition. */
export function ruleFromFields(fields: RuleFields, id: string): { rule: unknown; conditionFields: string[] } {
  const text = (name: string) => {
    const v = fields[name];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  const all = (name: string) => {
    const v = fields[name];
    return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
  };
  const conditions: unknown[] = [];
  const conditionFields: string[] = [];
  const add = (field: string, condition: unknown) => {
    conditions.push(condition);
    conditionFields.push(field);
  };
  if (text("daysMax")) add("daysMax", { type: "days_since_delivery", op: "lte", days: whole(text("daysMax")) });
  if (text("daysMin")) add("daysMin", { type: "days_since_delivery", op: "gte", days: whole(text("daysMin")) });
  if (text("valueMax")) add("valueMax", { type: "total_value", op: "lte", amount: text("valueMax") });
  if (text("valueMin")) add("valueMin", { type: "total_value", op: "gte", amount: text("valueMin") });
  if (all("reasons").length) add("reasons", { type: "reason_in", reasons: all("reasons") });
  if (text("tags")) add("tags", { type: "product_tag_any", tags: list(text("tags")) });
  if (text("types")) add("types", { type: "product_type_any", types: list(text("types")) });
  if (text("customerReturnsMin")) add("customerReturnsMin", { type: "customer_returns_90d_gte", count: whole(text("customerReturnsMin")) });
  if (all("methods").length) add("methods", { type: "method_in", methods: all("methods") });

  const actionType = text("action");
  const action =
    actionType === "AUTO_APPROVE"
      ? { type: "AUTO_APPROVE" }
      : actionType === "AUTO_DECLINE"
        ? { type: "AUTO_DECLINE", reason: text("declineReason"), ...(text("declineNote") && { note: text("declineNote") }) }
        : { type: actionType, reason: text("flagReason") };
  return {
    rule: { id, name: text("name"), enabled: all("enabled").includes("on") || all("enabled").includes("true"), conditions, action },
    conditionFields,
  };
}

const index = z.coerce.number().int().min(0);
export const returnRulesIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save-rule"), index: z.union([z.literal("new"), index]) }),
  z.object({ intent: z.literal("move-rule"), index, direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("toggle-rule"), index }),
  z.object({ intent: z.literal("delete-rule"), index }),
]);
export type ReturnRulesIntent = z.infer<typeof returnRulesIntent>;

export type UpdateReturnRulesResult =
  | { ok: true; rules: ReturnRule[] }
  /** Field errors of the edited rule ("name", "valueMax", "_form" …). */
  | { ok: false; errors: Record<string, string> };

export async function updateReturnRules(input: { shop: ShopRef; intent: ReturnRulesIntent; fields: RuleFields; staff: string | null }): Promise<UpdateReturnRulesResult> {
  const { intent } = input;
  const { rules, problems } = await loadReturnRules(input.shop);
  if (problems.length && intent.intent !== "save-rule") {
    return { ok: false, errors: { _form: `The saved rules could not be read (${problems.join("; ")}); save a rule to replace them.` } };
  }
  let next: ReturnRule[] = [...rules];
  const at = intent.intent === "save-rule" && intent.index === "new" ? null : (intent.index as number);
  if (at !== null && at >= rules.length) return { ok: false, errors: { _form: "That rule no longer exists. Reload the page." } };

  switch (intent.intent) {
    case "save-rule": {
      const id = at === null ? `rule-${randomUUID().slice(0, 8)}` : rules[at]!.id;
      const { rule, conditionFields } = ruleFromFields(input.fields, id);
      const parsed = returnRuleSchema.safeParse(rule);
      if (!parsed.success) {
        const errors: Record<string, string> = {};
        for (const issue of parsed.error.issues) {
          const [head, second, third] = issue.path;
          let field = "_form";
          if (head === "name") field = "name";
          else if (head === "conditions" && typeof second === "number") field = conditionFields[second] ?? "_form";
          else if (head === "action") field = second === "reason" ? (input.fields.action === "AUTO_DECLINE" ? "declineReason" : "flagReason") : second === "note" ? "declineNote" : "action";
          void third;
          errors[field] ??= fieldMessage(field, issue.message);
        }
        return { ok: false, errors };
      }
      if (at === null) next.push(parsed.data);
      else next[at] = parsed.data;
      if (problems.length) next = [parsed.data];
      break;
    }
    case "move-rule": {
      const to = intent.direction === "up" ? at! - 1 : at! + 1;
      if (to < 0 || to >= next.length) return { ok: true, rules };
      [next[at!], next[to]] = [next[to]!, next[at!]!];
      break;
    }
    case "toggle-rule":
      next[at!] = { ...next[at!]!, enabled: !next[at!]!.enabled };
      break;
    case "delete-rule":
      next.splice(at!, 1);
      break;
  }
  const checked = returnRulesSchema.safeParse(next);
  if (!checked.success) return { ok: false, errors: { _form: checked.error.issues.map((i) => i.message).join("; ") } };
  await saveReturnRules(input.shop, checked.data as unknown as Prisma.InputJsonValue, input.staff);
  return { ok: true, rules: checked.data };
}

function fieldMessage(field: string, message: string): string {
  if (/expected number|NaN/i.test(message)) return "enter a whole number";
  if (field === "action") return "choose an action";
  if (field === "declineReason") return `choose one of ${RETURN_DECLINE_REASONS.join(", ")}`;
  if (field === "reasons" && /Invalid option|expected one of/i.test(message)) return `reasons must be among ${RETURN_REASONS.join(", ")}`;
  if (field === "methods" && /Invalid option|expected one of/i.test(message)) return `methods must be among ${RETURN_METHODS.join(", ")}`;
  return message;
}
