// Runs the shop's return rules on a newly requested return (from the portal, or a returns/request
// webhook for a return made in Shopify) and applies the first match: auto-approve (with the label
// and the approval email), auto-decline with the rule's reason and note, or flag for review. Runs
// once per return: the "rules" timeline entry is claimed under a row lock, so a portal submit and
// its webhook racing each other evaluate it once between them.
import type { Prisma } from "@prisma/client";
import { describeAction, evaluateReturnRules, type ReturnRuleAction } from "~/domain/returns/rules";
import { ruleFailedFlag } from "~/domain/returns/flag-reason";
import { logger } from "~/logger.server";
import { claimRulesEvaluation, findReturnById, setReturnFlag } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import type { ApproveReturnInput } from "./approve-return.server";
import { decideReturn } from "./decide-return.server";
import { buildReturnFacts, loadReturnRules } from "./return-rules-context.server";
import { AWAITING_DECISION, statusInWords } from "~/domain/returns/status";

export interface EvaluateReturnRulesInput {
  shop: ShopRef & { domain: string; name: string; timezone: string };
  graphql: AdminGraphql;
  returnId: string;
  labelProvider?: ApproveReturnInput["labelProvider"];
  now?: Date;
}

export type EvaluateReturnRulesResult =
  | { status: "not-found" }
  /** Not REQUESTED, or the rules already ran for it. */
  | { status: "skipped"; reason: string }
  | { status: "no-match"; explanation: string }
  | { status: "applied"; ruleId: string; action: ReturnRuleAction; explanation: string; outcome: string }
  /** The rule's approve/decline was refused: the return is flagged for a person instead. */
  | { status: "failed"; ruleId: string; action: ReturnRuleAction; message: string };

export async function evaluateReturnRulesFor(input: EvaluateReturnRulesInput): Promise<EvaluateReturnRulesResult> {
  const { shop, graphql } = input;
  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return { status: "not-found" };
  if (!AWAITING_DECISION.includes(ret.status)) return { status: "skipped", reason: `The return is ${statusInWords(ret.status)}` };
  if (ret.events.some((e) => e.type === "rules")) return { status: "skipped", reason: "The rules already ran for this return" };

  const { rules } = await loadReturnRules(shop);
  const facts = await buildReturnFacts(shop, ret, { graphql });
  const decision = evaluateReturnRules(rules, facts);
  const actor = decision.matched ? `rule:${decision.rule.id}` : "system";
  const claimed = await claimRulesEvaluation(shop, ret.id, {
    type: "rules",
    actor,
    message: decision.explanation,
    data: {
      facts: { ...facts, reasons: [...facts.reasons], productTags: [...facts.productTags], productTypes: [...facts.productTypes] },
      ruleId: decision.rule?.id ?? null,
      // The rule's name and whole conditions too, so the page can say the decision in any language.
      ruleName: decision.rule?.name ?? null,
      action: (decision.action ?? null) as Prisma.InputJsonValue,
      conditions: decision.matched
        ? decision.conditions.map((c) => ({ type: c.condition.type, matched: c.matched, explanation: c.explanation, condition: c.condition as Prisma.InputJsonValue }))
        : [],
    },
  });
  if (!claimed) return { status: "skipped", reason: "The rules already ran for this return" };
  if (!decision.matched) return { status: "no-match", explanation: decision.explanation };

  const { rule, action } = decision;
  if (action.type === "FLAG") {
    const reasons = [...new Set([...ret.flagReasons, action.reason])];
    await setReturnFlag(shop, ret.id, { flagged: true, reasons }, { type: "flagged", actor, message: action.reason, data: { ruleId: rule.id } });
    return { status: "applied", ruleId: rule.id, action, explanation: decision.explanation, outcome: "flagged" };
  }

  const result = await decideReturn({
    shop,
    graphql,
    returnId: ret.id,
    actor,
    decision: action.type === "AUTO_APPROVE" ? { type: "approve" } : { type: "decline", reason: action.reason, note: action.note ?? null },
    labelProvider: input.labelProvider,
    now: input.now,
  });
  if ("ret" in result) {
    return { status: "applied", ruleId: rule.id, action, explanation: decision.explanation, outcome: result.status };
  }
  const message = result.status === "not-found" ? "The return disappeared" : result.message;
  logger.warn({ shopId: shop.id, rma: ret.rma, ruleId: rule.id, action: describeAction(action), message }, "a return rule could not be applied; flagged for review");
  // Stored as data (the rule, its action, what stopped it, Shopify's own words): every page says it in the staff member's language.
  const failure = {
    ruleName: rule.name,
    action,
    problem: result.status === "not-found" ? "gone" : result.status === "refused" && result.shopifyMessages?.length ? "shopify" : "status",
    shopifyMessages: result.status === "refused" ? (result.shopifyMessages ?? []) : [],
  } as const;
  const reason = ruleFailedFlag(failure);
  await setReturnFlag(shop, ret.id, { flagged: true, reasons: [...new Set([...ret.flagReasons, reason])] }, { type: "flagged", actor, message: reason, data: { ruleId: rule.id, ...failure, shopifyMessages: [...failure.shopifyMessages] } as Prisma.InputJsonValue });
  return { status: "failed", ruleId: rule.id, action, message };
}
