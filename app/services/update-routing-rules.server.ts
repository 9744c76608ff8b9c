import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { ruleCatalog } from "~/domain/routing/catalog";
import type { RuleConfigInput, RuleType } from "~/domain/routing/config";
import { editRuleSet, type RuleSet, type RuleSetEdit } from "~/domain/routing/rule-set";
import { saveRuleSet } from "~/models/routing.server";
import type { ShopRef } from "~/models/scope.server";
import { updateShopSettings } from "~/models/shops.server";
import { loadShopRules } from "./routing-context.server";

const list = (value: string | undefined) =>
  (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
// Unknown kinds are passed through so that validation names them instead of dropping them.
const kinds = (values: string[]) => values as ("warehouse" | "store")[];

/** A rule of `type` from the edit form's fields (validated by the rule set afterwards). */
export function ruleFromFields(type: RuleType, fields: Record<string, string | string[] | undefined>): RuleConfigInput {
  const text = (name: string) => (Array.isArray(fields[name]) ? fields[name]![0] : (fields[name] as string | undefined));
  const all = (name: string) => (Array.isArray(fields[name]) ? (fields[name] as string[]) : list(fields[name] as string | undefined));
  const num = (name: string) => Number(text(name));
  switch (type) {
    case "stock-buffer":
      return { type, units: num("units") };
    case "exclude-locations":
      return { type, kinds: kinds(all("kinds")), tags: list(text("tags")) };
    case "product-tag-routing":
      return { type, productTags: list(text("productTags")), productTypes: list(text("productTypes")), onlyFromKinds: kinds(all("onlyFromKinds")), onlyFromLocationTags: list(text("onlyFromLocationTags")) };
    case "stay-in-market":
      return { type, scope: text("scope") === "market" ? "market" : "country" };
    case "cost-optimal":
      return { type, costModel: { perShipment: num("perShipment"), perKm: num("perKm"), unfilledPenalty: num("unfilledPenalty") } };
    default:
      return { type } as RuleConfigInput;
  }
}

const ruleTypes = ruleCatalog.map((r) => r.type) as [RuleType, ...RuleType[]];
const index = z.coerce.number().int().min(0);
export const routingRulesIntent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("move"), index, direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("toggle"), index }),
  z.object({ intent: z.literal("remove"), index }),
  z.object({ intent: z.literal("add"), type: z.enum(ruleTypes) }),
  z.object({ intent: z.literal("replace"), index, type: z.enum(ruleTypes) }),
  z.object({ intent: z.literal("split-lines"), allow: z.enum(["true", "false"]) }),
  z.object({ intent: z.literal("auto-routing"), enabled: z.enum(["true", "false"]) }),
]);
export type RoutingRulesIntent = z.infer<typeof routingRulesIntent>;

export type UpdateRoutingRulesResult = { ok: true; ruleSet?: RuleSet } | { ok: false; error: string };

/** One change to the shop's routing rules or its auto-routing switch, validated, then saved. */
export async function updateRoutingRules(input: {
  shop: ShopRef;
  intent: RoutingRulesIntent;
  fields: Record<string, string | string[] | undefined>;
  staff: string | null;
}): Promise<UpdateRoutingRulesResult> {
  const { intent } = input;
  if (intent.intent === "auto-routing") {
    const result = await updateShopSettings(input.shop, { autoRouting: intent.enabled === "true" });
    return result.ok ? { ok: true } : { ok: false, error: "Could not change auto-routing" };
  }
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
              ? { kind: "replace", index: intent.index, rule: ruleFromFields(intent.type, input.fields) }
              : { kind: "split-lines", allow: intent.allow === "true" };
  const { ruleSet } = await loadShopRules(input.shop);
  const result = editRuleSet(ruleSet, edit);
  if (!result.ok) return result;
  await saveRuleSet(input.shop, result.ruleSet as unknown as Prisma.InputJsonValue, input.staff);
  return { ok: true, ruleSet: result.ruleSet };
}
