import { z } from "zod";
import type { FilterRule } from "../rule";

export const stayInMarketRuleSchema = z.object({
  type: z.literal("stay-in-market"),
  /** "country": ship only from the destination's country; "market": from any country of its market. */
  scope: z.enum(["country", "market"]).default("country"),
  /** Market handle → country codes, for scope "market". */
  marketCountries: z.record(z.string(), z.array(z.string().length(2))).default({}),
});
export type StayInMarketRuleConfig = z.output<typeof stayInMarketRuleSchema>;

/** Stay within the destination's country or market (a strict filter: no cross-border shipments). */
export function stayInMarketRule(config: StayInMarketRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "stay-in-market",
    label: config.scope === "country" ? "Stay within the destination country" : "Stay within the destination market",
    appliesToPickup: false,
    evaluate(location, order) {
      const here = location.countryCode?.toUpperCase();
      const destination = order.destination;
      if (config.scope === "country") {
        const there = destination.countryCode?.toUpperCase();
        if (!there) return { exclude: "Destination country unknown: cannot check the country rule" };
        if (here !== there) return { exclude: `In ${here ?? "an unknown country"}, outside the destination country ${there}` };
        return {};
      }
      const market = destination.market;
      const countries = market ? config.marketCountries[market]?.map((c) => c.toUpperCase()) : undefined;
      if (!market || !countries) return { exclude: `Destination market ${market ?? "unknown"} has no countries configured` };
      if (!here || !countries.includes(here)) {
        return { exclude: `In ${here ?? "an unknown country"}, outside the market ${market} (${countries.join(", ")})` };
      }
      return {};
    },
  };
}
