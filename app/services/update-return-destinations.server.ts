// Saves where returns go from Settings → Returns: destination rules by the shopper's country or by
// the Shopify market it is in (a market of the shop's mirror, active), the
// locations that receive mail returns, the fallback, the drop-off distance and the drop-off
// instructions per language, validated by the domain's schema and against the shop's locations.
import { MAX_DROP_OFF_INSTRUCTIONS_LENGTH, returnDestinationSettingsSchema, type ReturnDestinationSettings } from "~/domain/returns/destination";
import { PORTAL_LOCALES } from "~/domain/portal/locale";
import { listLocations } from "~/models/locations.server";
import { listMarkets } from "~/models/markets.server";
import { loadReturnDestinationSettings } from "./choose-return-destination.server";
import { saveReturnDestinations } from "~/models/return-rules.server";
import type { ShopRef } from "~/models/scope.server";

type DestinationFields = Record<string, string | string[] | undefined>;

/** A field's problem as a key of `return-destinations:settings.errors`. */
type DestinationError =
  | "COUNTRY_INVALID"
  | "COUNTRY_TWICE"
  | "MARKET_REQUIRED"
  | "MARKET_TWICE"
  | "MARKET_UNKNOWN"
  | "LOCATION_REQUIRED"
  | "LOCATION_UNKNOWN"
  | "DISTANCE_INVALID"
  | "INSTRUCTIONS_TOO_LONG";

type UpdateReturnDestinationsResult = { ok: true; settings: ReturnDestinationSettings } | { ok: false; errors: Record<string, DestinationError> };

/**
 * Form field names: country rules come as parallel `ruleCountry` / `ruleLocation` lists, market
 * rules as `ruleMarket` / `ruleMarketLocation` (a blank row is skipped). Errors name a country
 * row `rules.<row>.<field>` and a market row `marketRules.<row>.<field>`.
 */
export const DESTINATION_REPEATABLE_FIELDS = ["ruleCountry", "ruleLocation", "ruleMarket", "ruleMarketLocation", "mailReturnLocationIds"] as const;
const instructionsField = (locale: string) => `instructions:${locale}`;

export async function updateReturnDestinations(input: { shop: ShopRef; fields: DestinationFields }): Promise<UpdateReturnDestinationsResult> {
  const list = (name: string) => {
    const v = input.fields[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((x) => x.trim());
  };
  const text = (name: string) => list(name)[0] ?? "";
  const targets = list("ruleLocation");
  const marketTargets = list("ruleMarketLocation");
  const rows = [
    ...list("ruleCountry").map((country, index) => ({ rule: { country, locationId: targets[index] ?? "" }, field: "rules", index })),
    ...list("ruleMarket").map((market, index) => ({ rule: { market, locationId: marketTargets[index] ?? "" }, field: "marketRules", index })),
  ].filter((r) => Object.values(r.rule).some((v) => v !== ""));
  const rowKey = (i: number, part: string) => `${rows[i]!.field}.${rows[i]!.index}.${part}`;
  const raw = {
    rules: rows.map((r) => r.rule),
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
      if (field === "rules" && typeof index === "number") errors[rowKey(index, String(part ?? "country"))] ??= code;
      else if (field === "dropOffInstructions") {
        for (const l of PORTAL_LOCALES) if (raw.dropOffInstructions[l]!.length > MAX_DROP_OFF_INSTRUCTIONS_LENGTH) errors[instructionsField(l)] ??= "INSTRUCTIONS_TOO_LONG";
      } else errors[String(field)] ??= field === "dropOffMaxDistanceKm" ? "DISTANCE_INVALID" : code;
    }
    return { ok: false, errors };
  }
  const settings = parsed.data;
  const [locations, markets, stored] = await Promise.all([listLocations(input.shop, { activeOnly: true }), listMarkets(input.shop), loadReturnDestinationSettings(input.shop)]);
  const active = new Set(locations.map((l) => l.shopifyId));
  // An active market of the mirror, or one a stored rule already names (a market since put in draft
  // or not read yet keeps its rule; it applies again once the market is active).
  const activeMarkets = new Set([...markets.filter((m) => m.active).map((m) => m.id), ...stored.rules.flatMap((r) => (r.market !== undefined ? [r.market] : []))]);
  settings.rules.forEach((r, i) => {
    if (r.market !== undefined && !activeMarkets.has(r.market)) errors[rowKey(i, "market")] = "MARKET_UNKNOWN";
    if (!active.has(r.locationId)) errors[rowKey(i, "locationId")] = "LOCATION_UNKNOWN";
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
