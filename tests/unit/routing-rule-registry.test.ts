// "A new routing rule is one file plus its test": a rule declared here, at test time, and added to
// a registry next to the shipped ones is offered by the catalog, edited by the generic editor
// (RuleFields), read back from the posted form, summarised in every language and run by the
// engine, with no other file edited. The shipped registry does not know it.
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { RuleFields } from "~/components/routing/RuleFields";
import type { RoutingConfig } from "~/domain/routing/config";
import { createRoutingEngine } from "~/domain/routing/engine";
import { haversineKm } from "~/domain/geo/geo";
import { createRuleRegistry, ruleRegistry, type RoutingT } from "~/domain/routing/registry";
import { defineRule, RULE_LOCALES, type RuleLocale } from "~/domain/routing/rule-definition";
import { routingRules } from "~/domain/routing/rules";
import { location, order, shippedFrom } from "~/domain/routing/test-support";

// ---- what app/domain/routing/rules/max-distance.ts would hold ----
const maxDistanceRuleSchema = z.object({ type: z.literal("max-distance"), km: z.number().positive().default(500) });
const maxDistance = defineRule({
  type: "max-distance",
  kind: "filter",
  schema: maxDistanceRuleSchema,
  defaults: { type: "max-distance", km: 500 },
  fields: [{ name: "km", kind: "number" }],
  summary: (rule, t) => t("summary.within", { km: rule.km }),
  build: (rule) => ({
    kind: "filter",
    type: "max-distance",
    label: "Maximum distance",
    appliesToPickup: false,
    evaluate: (candidate, input) => {
      const km = haversineKm(candidate, input.destination);
      return km > rule.km ? { exclude: `${Math.round(km)} km away, more than ${rule.km} km` } : {};
    },
  }),
  messages: {
    en: { label: "Maximum distance", description: "Never ship from further than a distance.", fields: { km: { label: "Kilometres at most" } }, summary: { within: "Within {{km}} km" } },
    vi: { label: "Khoảng cách tối đa", description: "Không gửi từ xa hơn một khoảng cách.", fields: { km: { label: "Tối đa (km)" } }, summary: { within: "Trong vòng {{km}} km" } },
    "zh-CN": { label: "最远距离", description: "不从超过某个距离的地点发货。", fields: { km: { label: "最多公里数" } }, summary: { within: "{{km}} 公里以内" } },
  },
});
// ---- end of the rule's file ----

const registry = createRuleRegistry([...routingRules, maxDistance]);

/** i18next over the `routing` namespace as app/portal/i18n.ts builds it: every rule's words under `rules`. */
function routingT(locale: RuleLocale): RoutingT {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: Object.fromEntries(RULE_LOCALES.map((lng) => [lng, { routing: { rules: registry.messages(lng) } }])),
    lng: locale,
    ns: ["routing"],
    defaultNS: "routing",
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const t = i18n.getFixedT(locale, "routing");
  return (key, values) => t(key, values ?? {});
}

describe("a routing rule added in one file", () => {
  it("is offered, edited, parsed, summarised and routed by everything generated from the registry", () => {
    const t = routingT("en");
    expect(registry.catalog(t).map((r) => r.label)).toContain("Maximum distance");
    expect(registry.types).toContain("max-distance");

    // The editor: its field, rendered by the one generic renderer.
    const view = registry.view(maxDistanceRuleSchema.parse(maxDistance.defaults), t);
    expect(view).toMatchObject({ label: "Maximum distance", kind: "filter", summary: "Within 500 km" });
    const html = renderToStaticMarkup(createElement(AppProvider, { i18n: en }, createElement(RuleFields, { fields: view.fields })));
    expect(html).toContain("Kilometres at most");
    expect(html).toMatch(/<input[^>]*name="km"[^>]*value="500"/);

    // The posted form, validated by the generated union.
    const posted = registry.schema.parse(registry.parseForm("max-distance", { km: "120" }));
    expect(posted).toEqual({ type: "max-distance", km: 120 });
    expect(registry.schema.safeParse(registry.parseForm("max-distance", { km: "-3" })).success).toBe(false);
    expect(registry.view(posted, routingT("vi")).summary).toBe("Trong vòng 120 km");
    expect(registry.view(posted, routingT("zh-CN")).summary).toBe("120 公里以内");

    // The engine: "far" (556 km) holds the whole order, "near" (111 km) half of it. Fewest shipments
    // alone ships from far; with the rule at 120 km, far is excluded and near ships what it has.
    const input = order([["A", 2]], [
      location("near", { lon: 1, stock: { A: 1 } }),
      location("far", { lon: 5, stock: { A: 2 } }),
    ]);
    const config = { name: "test", allowSplitLines: true, search: { maxNodes: 10_000 }, rules: [posted, { type: "fewest-shipments" }] };
    // The shipped RoutingConfig type names the shipped rules only; this registry knows one more.
    const engine = createRoutingEngine(config as unknown as RoutingConfig, { registry });
    const plan = engine.route(input);
    expect(shippedFrom(plan)).toEqual(["near"]);
    expect(plan.locations.find((l) => l.locationId === "far")?.reasons.join(" ")).toMatch(/556 km away, more than 120 km/);
    const without = createRoutingEngine({ ...config, rules: [{ type: "fewest-shipments" }] } as RoutingConfig, { registry });
    expect(shippedFrom(without.route(input))).toEqual(["far"]);
  });

  it("is known only to the registry it was added to", () => {
    expect(() => ruleRegistry.describe("max-distance")).toThrow(/Unknown routing rule type/);
    expect(ruleRegistry.schema.safeParse({ type: "max-distance", km: 5 }).success).toBe(false);
  });
});
