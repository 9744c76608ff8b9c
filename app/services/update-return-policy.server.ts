// Saves the shop's return policy from Settings → Returns (window, final-sale tags, non-returnable
// types, fees, who pays postage, methods; where returns go is update-return-destinations), validated with the domain's returnPolicySchema.
import { returnPolicySchema, type ReturnPolicy } from "~/domain/returns/policy";
import { saveReturnPolicy } from "~/models/return-rules.server";
import type { ShopRef } from "~/models/scope.server";

export type PolicyFields = Record<string, string | string[] | undefined>;

export type UpdateReturnPolicyResult = { ok: true; policy: ReturnPolicy } | { ok: false; errors: Record<string, string> };

export async function updateReturnPolicy(input: { shop: ShopRef; fields: PolicyFields }): Promise<UpdateReturnPolicyResult> {
  const text = (name: string) => {
    const v = input.fields[name];
    return (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  };
  const all = (name: string) => {
    const v = input.fields[name];
    return Array.isArray(v) ? v : v ? [v] : [];
  };
  const raw = {
    windowDays: /^\d+$/.test(text("windowDays")) ? Number(text("windowDays")) : text("windowDays") === "" ? Number.NaN : Number(text("windowDays")),
    finalSaleTags: text("finalSaleTags").split(","),
    nonReturnableProductTypes: text("nonReturnableProductTypes").split(","),
    returnShippingFee: text("returnShippingFee") || "0",
    postagePayer: text("postagePayer") || "FLAT",
    postageCap: text("postageCap") || null,
    freePostageReasons: all("freePostageReasons"),
    restockingFeePercent: text("restockingFeePercent") || "0",
    allowedMethods: all("allowedMethods"),
  };
  const parsed = returnPolicySchema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "_form");
      errors[field] ??= /expected number|NaN/i.test(issue.message) ? "enter a whole number of days" : issue.message;
    }
    return { ok: false, errors };
  }
  const policy = parsed.data;
  await saveReturnPolicy(input.shop, {
    windowDays: policy.windowDays,
    finalSaleTags: policy.finalSaleTags,
    nonReturnableProductTypes: policy.nonReturnableProductTypes,
    returnShippingFee: policy.returnShippingFee,
    restockingFeePercent: policy.restockingFeePercent,
    allowedMethods: policy.allowedMethods,
    postage: { payer: policy.postagePayer, cap: policy.postageCap, freeReasons: policy.freePostageReasons },
  });
  return { ok: true, policy };
}
