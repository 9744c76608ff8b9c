import { returnRuleActionSchema, type ReturnRuleAction } from "./rules";
import { RETURN_DECLINE_REASONS, type ReturnDeclineReason } from "./reasons";
import words from "../../locales/en/admin-returns.json";

/**
 * Why a return is flagged for review (ReturnRequest.flagReasons, and the "flagged" timeline entry's
 * text). A flag rule's reason is what the merchant typed and stays as typed. A rule Crossdock could
 * not apply (Shopify refused its approval or decline, the return had moved on, or was gone) is
 * stored as data, so every page says it in the staff member's language; flags stored before that
 * (English: `Rule "Name" could not auto-approve: Shopify refused the approval: …`) are read back
 * into the same data. Pure.
 */
export type FlagProblem = "shopify" | "status" | "gone";

export type FlagReason =
  | { kind: "typed"; text: string }
  | {
      kind: "ruleFailed";
      ruleName: string;
      /** Null for an old flag whose action could not be read back. */
      action: ReturnRuleAction | null;
      problem: FlagProblem;
      /** Shopify's own words when it refused (English by nature); none otherwise. */
      shopifyMessages: string[];
    };

const RULE_FAILED = "crossdock:rule-failed:";

/** The stored form of "this rule could not be applied". */
export function ruleFailedFlag(failure: { ruleName: string; action: ReturnRuleAction; problem: FlagProblem; shopifyMessages?: readonly string[] }): string {
  return RULE_FAILED + JSON.stringify({ ruleName: failure.ruleName, action: failure.action, problem: failure.problem, shopifyMessages: [...(failure.shopifyMessages ?? [])] });
}

const LEGACY = /^Rule "(.+)" could not (auto-approve|auto-decline, (.+?)|flag: .*?): (.*)$/s;
const LEGACY_SHOPIFY = /^Shopify refused the (?:approval|decline): (.*)$/s;
const declineReasonByWords = new Map(Object.entries(words.declineReasons).map(([code, text]) => [text.toLowerCase(), code]));

export function readFlagReason(stored: string): FlagReason {
  if (stored.startsWith(RULE_FAILED)) {
    try {
      const data = JSON.parse(stored.slice(RULE_FAILED.length)) as { ruleName?: unknown; action?: unknown; problem?: unknown; shopifyMessages?: unknown };
      const action = returnRuleActionSchema.safeParse(data.action);
      return {
        kind: "ruleFailed",
        ruleName: typeof data.ruleName === "string" ? data.ruleName : "",
        action: action.success ? action.data : null,
        problem: data.problem === "shopify" || data.problem === "gone" ? data.problem : "status",
        shopifyMessages: Array.isArray(data.shopifyMessages) ? data.shopifyMessages.filter((m): m is string => typeof m === "string") : [],
      };
    } catch {
      return { kind: "ruleFailed", ruleName: "", action: null, problem: "status", shopifyMessages: [] };
    }
  }
  const legacy = LEGACY.exec(stored);
  if (!legacy) return { kind: "typed", text: stored };
  const [, ruleName, what, declineWords, message] = legacy;
  const declineReason = declineWords ? declineReasonByWords.get(declineWords.toLowerCase()) : undefined;
  const action: ReturnRuleAction | null =
    what === "auto-approve"
      ? { type: "AUTO_APPROVE" }
      : declineReason && (RETURN_DECLINE_REASONS as readonly string[]).includes(declineReason)
        ? { type: "AUTO_DECLINE", reason: declineReason as ReturnDeclineReason }
        : null;
  const shopify = LEGACY_SHOPIFY.exec(message ?? "");
  return {
    kind: "ruleFailed",
    ruleName: ruleName!,
    action,
    problem: shopify ? "shopify" : message === "The return disappeared" ? "gone" : "status",
    shopifyMessages: shopify ? shopify[1]!.split("; ").filter(Boolean) : [],
  };
}
