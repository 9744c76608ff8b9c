import { z } from "zod";
import type { FilterRule, FilterVerdict } from "../rule";
import { defineRule } from "../rule-definition";

const stayInMarketRuleSchema = z.object({
  type: z.literal("stay-in-market"),
  /** "country": ship only from the destination's country; "market": from any country of its market. */
  scope: z.enum(["country", "market"]).default("country"),
  /**
   * No longer read: the market's countries come from the shop's Shopify Markets (Crossdock's mirror,
   * `Destination.marketCountries`). Kept so rule sets saved with it still parse.
   */
  marketCountries: z.record(z.string(), z.array(z.string().length(2))).default({}),
});
type StayInMarketRuleConfig = z.output<typeof stayInMarketRuleSchema>;

/** Stay within the destination's country or market (a strict filter: no cross-border shipments). */
function stayInMarketRule(config: StayInMarketRuleConfig): FilterRule {
  return {
    kind: "filter",
    type: "stay-in-market",
    label: config.scope === "country" ? "Stay within the destination country" : "Stay within the destination market",
    appliesToPickup: false,
    evaluate(location, order): FilterVerdict {
      const here = location.countryCode?.toUpperCase();
      const destination = order.destination;
      if (config.scope === "country") {
        const there = destination.countryCode?.toUpperCase();
        if (!there) return { exclude: "Destination country unknown: cannot check the country rule", excludeWhy: { key: "destinationCountryUnknown" } };
        if (here !== there) {
          return { exclude: `In ${here ?? "an unknown country"}, outside the destination country ${there}`, excludeWhy: { key: "outsideCountry", values: { hereCountry: here ?? "", thereCountry: there } } };
        }
        return {};
      }
      // The destination's market and its countries, from the shop's markets as Shopify lists them.
      const market = destination.market;
      const countries = destination.marketCountries?.map((c) => c.toUpperCase());
      if (!market || !countries?.length) {
        const there = destination.countryCode?.toUpperCase() ?? "";
        return { exclude: `Destination country ${there || "unknown"} is in none of the shop's active markets`, excludeWhy: { key: "marketUnknown", values: { thereCountry: there } } };
      }
      if (!here || !countries.includes(here)) {
        return {
          exclude: `In ${here ?? "an unknown country"}, outside the market ${market} (${countries.join(", ")})`,
          excludeWhy: { key: "outsideMarket", values: { hereCountry: here ?? "", market, countries: countries.join(",") } },
        };
      }
      return {};
    },
  };
}

export const stayInMarketDefinition = defineRule({
  type: "stay-in-market",
  kind: "filter",
  schema: stayInMarketRuleSchema,
  defaults: { type: "stay-in-market", scope: "country" },
  fields: [{ name: "scope", kind: "choice", options: stayInMarketRuleSchema.shape.scope.unwrap().options }],
  build: stayInMarketRule,
  summary: (rule, t) => t(`summary.${rule.scope}`),
  messages: {
    en: {
      label: "Stay within the destination country",
      description: "Ship only from locations in the destination's country (or market).",
      fields: { scope: { label: "Scope", options: { country: "The destination's country", market: "The destination's market" } } },
      summary: { country: "Within the destination's country", market: "Within the destination's market" },
    },
    vi: {
      label: "Chỉ gửi trong quốc gia nhận hàng",
      description: "Chỉ gửi từ các địa điểm ở quốc gia (hoặc thị trường) nhận hàng.",
      fields: { scope: { label: "Phạm vi", options: { country: "Quốc gia nhận hàng", market: "Thị trường nhận hàng" } } },
      summary: { country: "Trong quốc gia nhận hàng", market: "Trong thị trường nhận hàng" },
    },
    "zh-CN": {
      label: "仅在收货国家内发货",
      description: "只从收货地所在国家（或市场）的地点发货。",
      fields: { scope: { label: "范围", options: { country: "收货国家", market: "收货市场" } } },
      summary: { country: "在收货国家内", market: "在收货市场内" },
    },
  },
});
