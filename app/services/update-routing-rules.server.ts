import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { RuleConfigInput } from "~/domain/routing/config";
import { ruleRegistry, type RuleFormFields } from "~/domain/routing/registry";
import { editRuleSet, type RuleSet, type RuleSetEdit, type RuleSetProblem } from "~/domain/routing/rule-set";
import { listHeldOrders } from "~/models/orders.server";
import { saveRuleSet } from "~/models/routing.server";
import type { ShopRef } from "~/models/scope.server";
import type { JobDriver } from "~/queue/driver";
import { updateShopSettings } from "~/models/shops.server";
import { loadShopRules } from "./routing-context.server";

const ruleTypes = ruleRegistry.types;
const index = z.coerce.number().int().min(0);
export const routingRulesIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), index, direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("toggle"), index }),
  z.object({ intent: z.literal("remove"), index }),
  z.object({ intent: z.literal("add"), type: z.enum(ruleTypes) }),
  z.object({ intent: z.literal("replace"), index, type: z.enum(ruleTypes) }),
  z.object({ intent: z.literal("split-lines"), allow: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("auto-routing"), enabled: z.enum(["true", "false"]) }),
  // Hold before routing: which unpaid orders wait, and whether high-risk ones do.
  z.object({ intent: z.literal("holds"), holdUnpaid: z.enum(["OFF", "PENDING", "PENDING_OR_AUTHORIZED"]), holdHighRisk: z.enum(["true", "false"]) }),
]);
export type RoutingRulesIntent = z.infer<typeof routingRulesIntent>;

/** Refused: `problems` say which rule and field, for the page to put in words (else `error`, already words). */
export type UpdateRoutingRulesResult = { ok: true; ruleSet?: RuleSet; saved?: "holds" } | { ok: false; error: string; problems?: RuleSetProblem[] };

/** One change to the shop's routing rules or its auto-routing switch, validated, then saved. */
export async function updateRoutingRules(input: {
  shop: ShopRef & { domain: string };
  intent: RoutingRulesIntent;
  fields: RuleFormFields;
  staff: string | null;
  /** Where a shop's check with Shopify is asked for (the held orders are looked at again after the hold settings change). */
  driver: Pick<JobDriver, "requestReconcile">;
}): Promise<UpdateRoutingRulesResult> {
  const { intent } = input;
  if (intent.intent === "auto-routing") {
    const result = await updateShopSettings(input.shop, { autoRouting: intent.enabled === "true" });
    return result.ok ? { ok: true } : { ok: false, error: "Could not change auto-routing" };
  }
  if (intent.intent === "holds") {
    const result = await updateShopSettings(input.shop, { holdUnpaid: intent.holdUnpaid, holdHighRisk: intent.holdHighRisk === "true" });
    if (!result.ok) return { ok: false, error: "Could not change the hold settings" };
    // Orders held under the old settings are not left waiting for their next webhook: the shop's
    // check with Shopify runs now and hands every order still without a decision to routing,
    // which applies the new settings (routed, or held for the reason that still applies). With no
    // order held there is nothing to look at again, and no Admin API read is spent.
    if ((await listHeldOrders(input.shop, { take: 1 })).length > 0) await input.driver.requestReconcile(input.shop.domain);
    return { ok: true, saved: "holds" };
  }
  const { ruleSet } = await loadShopRules(input.shop);
  const edit: RuleSetEdit =
    intent.intent === "move"
      ? { kind: "move", index: intent.index, direction: intent.direction }
      : intent.intent === "toggle"
        ? { kind: "toggle", index: intent.index }
        : intent.intent === "remove"
          ? { kind: "remove", index: intent.index }
          : intent.intent === "add"
            ? { kind: "add", type: intent.type }
            : intent.intent === "replace"
              ? {
                  kind: "replace",
                  index: intent.index,
                  // On top of the stored rule, so settings the editor has no field for (per-location overrides) are kept.
                  rule: ruleRegistry.parseForm(intent.type, input.fields, ruleSet.rules[intent.index]?.rule) as RuleConfigInput,
                }
              : { kind: "split-lines", allow: intent.allow === "true" };
  const result = editRuleSet(ruleSet, edit);
  if (!result.ok) return result;
  await saveRuleSet(input.shop, result.ruleSet as unknown as Prisma.InputJsonValue, input.staff);
  return { ok: true, ruleSet: result.ruleSet };
}
