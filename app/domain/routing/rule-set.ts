/**
 * The rule set a merchant edits: the engine's rules in order, each switched on or off, plus
 * whether a line may be split across locations. Stored as JSON; validated on every read and write.
 */
import { z } from "zod";
import { defaultRoutingConfig } from "./catalog";
import { ruleConfigSchema, type RoutingConfigInput, type RuleConfigInput, type RuleType } from "./config";
import { ruleRegistry } from "./registry";
import { fieldProblem, type FieldProblem } from "../text/field-problem";

export const ruleSetSchema = z.object({
  name: z.string().trim().min(1).max(80).default("Default"),
  allowSplitLines: z.boolean().default(true),
  rules: z.array(z.object({ enabled: z.boolean().default(true), rule: ruleConfigSchema })).max(20, "At most 20 rules"),
});
export type RuleSet = z.output<typeof ruleSetSchema>;

export function defaultRuleSet(): RuleSet {
  const config = defaultRoutingConfig();
  return ruleSetSchema.parse({
    name: config.name,
    allowSplitLines: config.allowSplitLines,
    rules: config.rules.map((rule) => ({ enabled: true, rule })),
  });
}

/** A stored rule set, or the default when there is none or it no longer validates. */
export function readRuleSet(stored: unknown): { ruleSet: RuleSet; problems: string[] } {
  if (stored == null) return { ruleSet: defaultRuleSet(), problems: [] };
  const parsed = ruleSetSchema.safeParse(stored);
  if (parsed.success) return { ruleSet: parsed.data, problems: [] };
  return { ruleSet: defaultRuleSet(), problems: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
}

export function toRoutingConfig(ruleSet: RuleSet): RoutingConfigInput {
  return { name: ruleSet.name, allowSplitLines: ruleSet.allowSplitLines, rules: ruleSet.rules.filter((r) => r.enabled).map((r) => r.rule) };
}

export type RuleSetEdit =
  | { kind: "move"; index: number; direction: "up" | "down" }
  | { kind: "toggle"; index: number }
  | { kind: "remove"; index: number }
  | { kind: "add"; type: RuleType }
  | { kind: "replace"; index: number; rule: RuleConfigInput }
  | { kind: "split-lines"; allow: boolean };

/** One reason an edit was refused, as data the page words: which rule and field, and what is wrong. */
export interface RuleSetProblem {
  /** Absent when the problem is the rule list's (too many rules). */
  rule?: { index: number; type: string; field?: string };
  problem: FieldProblem;
}

export type EditResult = { ok: true; ruleSet: RuleSet } | { ok: false; error: string; problems?: RuleSetProblem[] };

/** One edit, checked: indexes in range, the result valid as a whole. */
export function editRuleSet(ruleSet: RuleSet, edit: RuleSetEdit): EditResult {
  const rules = [...ruleSet.rules];
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < rules.length;
  switch (edit.kind) {
    case "move": {
      const target = edit.direction === "up" ? edit.index - 1 : edit.index + 1;
      if (!inRange(edit.index) || !inRange(target)) return { ok: false, error: "That rule cannot move further" };
      [rules[edit.index], rules[target]] = [rules[target]!, rules[edit.index]!];
      break;
    }
    case "toggle":
      if (!inRange(edit.index)) return { ok: false, error: "No such rule" };
      rules[edit.index] = { ...rules[edit.index]!, enabled: !rules[edit.index]!.enabled };
      break;
    case "remove":
      if (!inRange(edit.index)) return { ok: false, error: "No such rule" };
      rules.splice(edit.index, 1);
      break;
    case "add":
      rules.push({ enabled: true, rule: ruleRegistry.describe(edit.type).defaults as RuleSet["rules"][number]["rule"] });
      break;
    case "replace":
      if (!inRange(edit.index)) return { ok: false, error: "No such rule" };
      rules[edit.index] = { ...rules[edit.index]!, rule: edit.rule as RuleSet["rules"][number]["rule"] };
      break;
    case "split-lines":
      return finish({ ...ruleSet, allowSplitLines: edit.allow });
  }
  return finish({ ...ruleSet, rules });
}

function finish(candidate: unknown): EditResult {
  const parsed = ruleSetSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
      problems: parsed.error.issues.map((issue) => ({ rule: ruleOf(candidate, issue.path), problem: fieldProblem(issue) })),
    };
  }
  if (!parsed.data.rules.some((r) => r.enabled && ruleRegistry.describe(r.rule.type).kind === "ranking")) {
    return { ok: false, error: "Keep at least one ranking rule switched on (for example Closest), or routing cannot choose between locations" };
  }
  return { ok: true, ruleSet: parsed.data };
}

/** The rule and editor field an issue's path (`rules.3.rule.units`) points at, when it points at one. */
function ruleOf(candidate: unknown, path: readonly PropertyKey[]): RuleSetProblem["rule"] {
  const [head, index, inRule, ...rest] = path;
  if (head !== "rules" || typeof index !== "number") return undefined;
  const type = (candidate as { rules?: { rule?: { type?: unknown } }[] }).rules?.[index]?.rule?.type;
  if (typeof type !== "string" || !ruleRegistry.types.includes(type as RuleType)) return undefined;
  if (inRule !== "rule") return { index, type };
  const field = ruleRegistry.describe(type).fields.find((f) => (f.path ?? [f.name]).every((part, k) => rest[k] === part));
  return { index, type, ...(field ? { field: field.name } : {}) };
}
