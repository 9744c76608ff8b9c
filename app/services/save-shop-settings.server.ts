import { parseShopSettingsForm, type FieldProblem, type ShopSettingsFormField } from "~/domain/shops/settings-form";
import type { ShopRef } from "~/models/scope.server";
import { updateShopSettings } from "~/models/shops.server";
import { invalidateAvailability } from "./availability-cache.server";

export type SaveShopSettingsResult = { ok: true } | { ok: false; errors: Partial<Record<ShopSettingsFormField, FieldProblem>> };

/**
 * The Settings page's save: every field checked first (a problem in any field writes nothing), then
 * one write of all of them. The storefront's answers follow at once in this process (and within
 * its check interval elsewhere: the settings' updated_at is part of the shop's version).
 */
export async function saveShopSettings(shop: ShopRef & { domain: string }, fields: Readonly<Record<string, string | undefined>>): Promise<SaveShopSettingsResult> {
  const parsed = parseShopSettingsForm(fields);
  if (!parsed.ok) return parsed;
  const saved = await updateShopSettings(shop, parsed.value);
  // The form's checks are the model's and stricter: a refusal here is a bug, not the staff's input.
  if (!saved.ok) throw new Error(`shop settings refused after the form's checks: ${JSON.stringify(saved.errors)}`);
  invalidateAvailability(shop);
  return { ok: true };
}
