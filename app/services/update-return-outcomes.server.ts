// Saves which outcomes shoppers may choose for a return (refund, store credit, exchanges) and the
// bonuses for choosing store credit or an exchange, and when exchanges ship, from Settings → Returns, validated by the domain's outcomePolicySchema.
// Errors are keys of the page's words (admin-return-outcomes `errors.*`).
import { outcomePolicySchema, type OutcomePolicy } from "~/domain/returns/store-credit";
import { saveOutcomePolicy } from "~/models/return-rules.server";
import type { ShopRef } from "~/models/scope.server";

export type OutcomeFields = Record<string, string | string[] | undefined>;

export type UpdateReturnOutcomesResult = { ok: true; policy: OutcomePolicy } | { ok: false; errors: Record<string, string> };

export async function updateReturnOutcomes(input: { shop: ShopRef; fields: OutcomeFields }): Promise<UpdateReturnOutcomesResult> {
  const v = input.fields;
  const all = (name: string) => (Array.isArray(v[name]) ? (v[name] as string[]) : v[name] ? [v[name] as string] : []);
  const one = (name: string) => all(name)[0]?.trim() ?? "";
  const parsed = outcomePolicySchema.safeParse({
    outcomes: all("outcomes"),
    bonusKind: one("bonusKind") || "PERCENT",
    bonusValue: one("bonusValue") || "0",
    exchange: {
      allowed: one("exchangeAllowed") === "on",
      payDifference: one("exchangePayDifference") === "on",
      bonusKind: one("exchangeBonusKind") || "PERCENT",
      bonusValue: one("exchangeBonusValue") || "0",
      timing: one("exchangeTiming") || "AFTER_RECEIPT",
    },
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    // The form's field names: exchange.bonusValue → exchangeBonusValue.
    const field = (path: readonly PropertyKey[]) => (path[0] === "exchange" && path[1] ? `exchange${String(path[1]).charAt(0).toUpperCase()}${String(path[1]).slice(1)}` : String(path[0] ?? "_form"));
    for (const issue of parsed.error.issues) errors[field(issue.path)] ??= issue.message;
    return { ok: false, errors };
  }
  await saveOutcomePolicy(input.shop, parsed.data);
  return { ok: true, policy: parsed.data };
}
