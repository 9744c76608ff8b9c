import type { ShopRef } from "~/models/scope.server";

/**
 * Saves the merchant's rule set "never ship from `locationId`; then fewest shipments, then
 * closest" (lines may be split): with stock at that location and two others, an order only a split
 * serves away from it.
 */
export async function saveRulesExcluding(shop: ShopRef, name: string, locationId: string): Promise<void> {
  const { saveRuleSet } = await import("~/models/routing.server");
  await saveRuleSet(
    shop,
    {
      name,
      allowSplitLines: true,
      rules: [
        { enabled: true, rule: { type: "exclude-locations", kinds: [], tags: [], locationIds: [locationId] } },
        { enabled: true, rule: { type: "fewest-shipments" } },
        { enabled: true, rule: { type: "closest" } },
      ],
    },
    null,
  );
}
