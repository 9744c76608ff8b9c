// Saves where returns go from Settings → Returns: destination rules by the shopper's country, the
// locations that receive mail returns, the fallback, the drop-off distance and the drop-off
// instructions per language, validated by the domain's schema and against the shop's locations.
import { MAX_DROP_OFF_INSTRUCTIONS_LENGTH, returnDestinationSettingsSchema, type ReturnDestinationSettings } from "~/domain/returns/destination";
import { PORTAL_LOCALES } from "~/domain/portal/locale";
import { listLocations } from "~/models/locations.server";
import { saveReturnDestinations } from "~/models/return-rules.server";
import type { ShopRef } from "~/models/scope.server";

type DestinationFields = Record<string, string | string[] | undefined>;

/** A field's problem as a key of `return-destinations:settings.errors`. */
type DestinationError = "COUNTRY_INVALID" | "COUNTRY_TWICE" | "LOCATION_REQUIRED" | "LOCATION_UNKNOWN" | "DISTANCE_INVALID" | "INSTRUCTIONS_TOO_LONG";

type UpdateReturnDestinationsResult = { ok: true; settings: ReturnDestinationSettings } | { ok: false; errors: Record<string, DestinationError> };

/** Form field names: rules come as parallel `ruleCountry` / `ruleLocation` lists (a blank row is skipped). */
export const DESTINATION_REPEATABLE_FIELDS = ["ruleCountry", "ruleLocation", "mailReturnLocationIds"] as const;
const instructionsField = (locale: string) => `instructions:${locale}`;

export async function updateReturnDestinations(input: { shop: ShopRef; fields: DestinationFields }): Promise<UpdateReturnDestinationsResult> {
  const list = (name: string) => {
    const v = input.fields[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim());
  };
  const text = (name: string) => list(name)[0] ?? "";
  const countries = list("ruleCountry");
  const targets = list("ruleLocation");
  const rows = countries
    .map((country, index) => ({ country, locationId: targets[index] ?? "", index }))
    .filter((r) => r.country !== "" || r.locationId !== "");
  const raw = {
    rules: rows.map(({ country, locationId }) => ({ country, locationId })),
    mailReturnLocationIds: list("mailReturnLocationIds").filter(Boolean),
    fallbackLocationId: text("fallbackLocationId") || null,
    dropOffMaxDistanceKm: /^\d+$/.test(text("dropOffMaxDistanceKm")) ? Number(text("dropOffMaxDistanceKm")) : Number.NaN,
    dropOffInstructions: Object.fromEntries(PORTAL_LOCALES.map((l) => [l, text(instructionsField(l))])),
  };

  const errors: Record<string, DestinationError> = {};
  const parsed = returnDestinationSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index, part] = issue.path;
      const code = (issue.message as DestinationError) ?? "DISTANCE_INVALID";
      if (field === "rules" && typeof index === "number") errors[`rules.${rows[index]!.index}.${String(part ?? "country")}`] ??= code;
      else if (field === "dropOffInstructions") {
        for (const l of PORTAL_LOCALES) if (raw.dropOffInstructions[l]!.length > MAX_DROP_OFF_INSTRUCTIONS_LENGTH) errors[instructionsField(l)] ??= "INSTRUCTIONS_TOO_LONG";
      } else errors[String(field)] ??= field === "dropOffMaxDistanceKm" ? "DISTANCE_INVALID" : code;
    }
    return { ok: false, errors };
  }
  const settings = parsed.data;
  const active = new Set((await listLocations(input.shop, { activeOnly: true })).map((l) => l.shopifyId));
  settings.rules.forEach((r, i) => {
    if (!active.has(r.locationId)) errors[`rules.${rows[i]!.index}.locationId`] = "LOCATION_UNKNOWN";
  });
  if (settings.fallbackLocationId && !active.has(settings.fallbackLocationId)) errors.fallbackLocationId = "LOCATION_UNKNOWN";
  if (settings.mailReturnLocationIds.some((id) => !active.has(id))) errors.mailReturnLocationIds = "LOCATION_UNKNOWN";
  if (Object.keys(errors).length) return { ok: false, errors };

  await saveReturnDestinations(input.shop, {
    destinationRules: settings.rules,
    mailReturnLocationIds: [...new Set(settings.mailReturnLocationIds)],
    defaultReturnLocationId: settings.fallbackLocationId,
    dropOffMaxDistanceKm: settings.dropOffMaxDistanceKm,
    dropOffInstructions: settings.dropOffInstructions,
  });
  return { ok: true, settings };
}
