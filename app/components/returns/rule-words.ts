// Return rules in the staff member's language (admin-return-rules): what a rule does, why it
// decided a return ("Rule “Small items” (Approve automatically): value 12.00, at most 25.00"), and
// the rules form's field problems as sentences. Codes (AUTO_DECLINE, FINAL_SALE, MAIL) never show.
import type { TFunction } from "i18next";
import type { FlagReason } from "~/domain/returns/flag-reason";
import { foundValues, type DecisionView, type ReturnRuleAction } from "~/domain/returns/rules";

/** What a rule does: "Decline automatically: Final sale", "Flag: High value". */
export function actionSummary(action: ReturnRuleAction, t: TFunction, returns: TFunction): string {
  switch (action.type) {
    case "AUTO_APPROVE":
      return t("summary.AUTO_APPROVE");
    case "AUTO_DECLINE":
      return t("summary.AUTO_DECLINE", { reason: returns(`declineReasons.${action.reason}`) });
    case "FLAG":
      return t("summary.FLAG", { reason: action.reason });
  }
}

/** Why the rules decided as they did, condition by condition, from the facts they saw. */
export function explainDecision(decision: DecisionView, t: TFunction, returns: TFunction): string {
  if (!decision.action || decision.ruleName === null) return t("explain.noMatch");
  const { facts } = decision;
  const list = (values: readonly string[]) => values.join(t("explain.list"));
  const reasons = (codes: readonly string[]) => list(codes.map((c) => returns(`reasons.${c}`, { defaultValue: returns("reasons.OTHER") })));
  const methods = (codes: readonly string[]) => list(codes.map((c) => returns(`methods.${c}`)));
  const said = decision.conditions.map((c) => {
    switch (c.type) {
      case "days_since_delivery":
        return t(`explain.days_since_delivery.${c.op}`, { days: facts.daysSinceDelivery, limit: c.days });
      case "total_value":
        return t(`explain.total_value.${c.op}`, { value: facts.totalValue, limit: c.amount });
      case "reason_in":
        return t("explain.reason_in", { found: reasons(foundValues(c, facts)), wanted: reasons(c.reasons) });
      case "product_tag_any":
        return t("explain.product_tag_any", { found: list(foundValues(c, facts)), wanted: list(c.tags) });
      case "product_type_any":
        return t("explain.product_type_any", { found: list(foundValues(c, facts)), wanted: list(c.types) });
      case "customer_returns_90d_gte":
        return t("explain.customer_returns_90d_gte", { count: facts.customerReturnsLast90Days, limit: c.count });
      case "method_in":
        return t("explain.method_in", { found: methods([facts.method]), wanted: methods(c.methods) });
    }
  });
  return t("explain.matched", { name: decision.ruleName, action: actionSummary(decision.action, t, returns), why: said.length ? said.join(t("explain.separator")) : t("explain.noConditions") });
}

const PROBLEMS: [RegExp, string][] = [
  [/whole number of days/i, "wholeDays"],
  [/whole number|expected number|NaN/i, "wholeNumber"],
  [/^choose an action/i, "chooseAction"],
  [/^choose one of/i, "chooseDeclineReason"],
  [/^reasons must be among/i, "chooseReasons"],
  [/^methods must be among/i, "chooseMethods"],
  [/give the rule a name/i, "name"],
  [/say why the return is flagged/i, "flagReason"],
  [/at most 2 decimals/i, "amount"],
  [/must not be negative/i, "notNegative"],
  [/must be at most 100/i, "atMost100"],
  [/at least one return method/i, "oneMethod"],
  [/list at least one/i, "listOne"],
  [/^That rule no longer exists/, "ruleGone"],
  [/^The saved rules could not be read/, "unreadable"],
  [/too big: expected string|at most \d+ character/i, "tooLong"],
  [/too big/i, "tooBig"],
  [/too small: expected string/i, "listOne"],
  [/too small/i, "tooSmall"],
];

/** A rules or policy form problem as a sentence in the staff member's language (never a code list or a validator's text). */
export function ruleProblem(message: string, t: TFunction): string {
  const key = PROBLEMS.find(([pattern]) => pattern.test(message))?.[1] ?? "other";
  return t(`problems.${key}`);
}

/**
 * Why a return is flagged, in the staff member's words: a flag rule's reason as the merchant typed
 * it; a rule Crossdock could not apply as a sentence (Shopify's own English words, if any, are for
 * the page to show apart, labelled as Shopify's).
 */
export function flagReasonText(reason: FlagReason, t: TFunction, returns: TFunction): string {
  if (reason.kind === "typed") return reason.text;
  const problem = t(`flagWords.problem.${reason.problem}`);
  return reason.action
    ? t("flagWords.ruleFailed", { name: reason.ruleName, action: actionSummary(reason.action, t, returns), problem })
    : t("flagWords.ruleFailedNoAction", { name: reason.ruleName, problem });
}

/**
 * A rules check recorded before its rule and conditions were kept as data: only English text is
 * left, so the page says what can be read from it ("No rule matched", the rule's name) in the staff
 * member's words, or that the rules were checked, never the English itself.
 */
export function legacyRulesText(explanation: string | null, t: TFunction): string {
  if (!explanation || /^No rule matched/.test(explanation)) return explanation ? t("explain.noMatch") : t("explain.checked");
  const name = /^Rule "(.+?)" \(/s.exec(explanation)?.[1];
  return name ? t("explain.legacyMatched", { name }) : t("explain.checked");
}
