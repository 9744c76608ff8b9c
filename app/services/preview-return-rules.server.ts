// What the shop's return rules would have done to its last N requests, beside what happened to
// them (status, who decided). The facts are the ones recorded when the rules ran for a request;
// requests that never went through the rules (before any rules existed) get their facts rebuilt
// (days since delivery from the order when a client is given). Writes nothing.
import { decisionView, describeAction, evaluateReturnRules, type DecisionView, type ReturnRule } from "~/domain/returns/rules";
import { listRecentReturns } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { buildReturnFacts, factsFromEventData, loadReturnRules } from "./return-rules-context.server";

export const MAX_PREVIEW_RETURNS = 100;

export interface PreviewRow {
  id: string;
  rma: string;
  orderName: string;
  requestedAt: string;
  totalValue: string;
  status: string;
  decidedBy: string | null;
  flagged: boolean;
  /** "auto-approve", "flag: …", or null when no rule matches. */
  wouldDo: string | null;
  ruleName: string | null;
  explanation: string;
  /** The same decision as facts, for the page's words. */
  decision: DecisionView;
  /** The rules' outcome differs from what happened (e.g. approved by hand where a rule would decline). */
  differs: boolean;
}

export async function previewReturnRules(input: {
  shop: ShopRef & { timezone: string };
  count: number;
  graphql?: AdminGraphql | null;
  /** Rules to try instead of the saved ones. */
  rules?: ReturnRule[];
}): Promise<{ rows: PreviewRow[]; summary: Record<string, number> }> {
  // One Admin call per request without recorded facts: wait out Shopify's throttle instead of failing.
  const graphql = input.graphql ? resilientGraphql(input.graphql) : null;
  const count = Math.max(1, Math.min(MAX_PREVIEW_RETURNS, Math.trunc(input.count) || 20));
  const rules = input.rules ?? (await loadReturnRules(input.shop)).rules;
  const returns = await listRecentReturns(input.shop, count);
  const rows: PreviewRow[] = [];
  const summary: Record<string, number> = { "auto-approve": 0, "auto-decline": 0, flag: 0, none: 0, differs: 0 };
  for (const ret of returns) {
    const recorded = [...ret.events].reverse().find((e) => e.type === "rules");
    const facts = (recorded && factsFromEventData(recorded.data)) ?? (await buildReturnFacts(input.shop, ret, { graphql }));
    const decision = evaluateReturnRules(rules, facts);
    const kind = decision.action?.type === "AUTO_APPROVE" ? "auto-approve" : decision.action?.type === "AUTO_DECLINE" ? "auto-decline" : decision.action?.type === "FLAG" ? "flag" : "none";
    const differs =
      (kind === "auto-approve" && ["DECLINED", "CANCELED"].includes(ret.status)) ||
      (kind === "auto-decline" && !["DECLINED", "REQUESTED"].includes(ret.status)) ||
      (kind === "flag" && !ret.flagged);
    summary[kind] = (summary[kind] ?? 0) + 1;
    if (differs) summary.differs = (summary.differs ?? 0) + 1;
    rows.push({
      id: ret.id,
      rma: ret.rma,
      orderName: ret.orderName,
      requestedAt: ret.createdAt.toISOString(),
      // In the shop's currency, as the rules compare it.
      totalValue: (ret.shopValue ?? ret.totalValue).toFixed(2),
      status: ret.status,
      decidedBy: ret.decidedBy,
      flagged: ret.flagged,
      wouldDo: decision.action ? describeAction(decision.action) : null,
      ruleName: decision.rule?.name ?? null,
      explanation: decision.explanation,
      decision: decisionView(decision, facts),
      differs,
    });
  }
  return { rows, summary };
}
