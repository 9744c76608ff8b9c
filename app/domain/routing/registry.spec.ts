import { describe, expect, it } from "vitest";
import { defaultRoutingConfig } from "./catalog";
import { parseRoutingConfig, ruleConfigSchema } from "./config";
import { createRuleRegistry, ruleRegistry, type RoutingT, type RuleFormFields } from "./registry";
import { RULE_LOCALES, type RuleLocale } from "./rule-definition";
import { routingRules } from "./rules";
import { stockBufferDefinition } from "./rules/stock-buffer";

/** A translator over one language of the rules' own words that fails on a missing key. */
function strictT(locale: RuleLocale): RoutingT {
  const messages = { rules: ruleRegistry.messages(locale) } as Record<string, unknown>;
  return (key, values = {}) => {
    const found = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
    if (typeof found !== "string") throw new Error(`${locale}: no message ${key}`);
    return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`${locale}: ${key} needs {{${name}}}`);
      return String(values[name]);
    });
  };
}

/** What the browser posts for a rule's editor as the loader shows it. */
const formOf = (config: { type: string }): RuleFormFields =>
  Object.fromEntries(ruleRegistry.view(config, strictT("en")).fields.map((f) => [f.name, f.value]));

describe("the rule registry", () => {
  it("every rule round-trips: defaults → the editor's fields → the posted form → the same config", () => {
    for (const definition of routingRules) {
      const config = definition.schema.parse(definition.defaults);
      // Parsed on top of a bare `{ type }`, so every setting comes from the form (or the schema's defaults).
      const parsed = ruleConfigSchema.parse(ruleRegistry.parseForm(definition.type, formOf(config), { type: definition.type }));
      expect(parsed, definition.type).toEqual(config);
    }
  });

  it("edits round-trip too, and settings without a field (per-location overrides) survive a save", () => {
    const stored = ruleConfigSchema.parse({ type: "stock-buffer", units: 1, perLocation: { "gid://shopify/Location/1": 4 } });
    const saved = ruleConfigSchema.parse(ruleRegistry.parseForm("stock-buffer", { ...formOf(stored), units: "3" }, stored));
    expect(saved).toEqual({ type: "stock-buffer", units: 3, perLocation: { "gid://shopify/Location/1": 4 } });

    const types = ruleConfigSchema.parse({ type: "product-tag-routing", productTypes: ["Furniture", "Rugs"], onlyFromKinds: ["warehouse", "store"], onlyFromLocationTags: ["bulky-ok"] });
    expect(ruleConfigSchema.parse(ruleRegistry.parseForm("product-tag-routing", formOf(types)))).toEqual({ ...types, productTags: [] });
  });

  it("reads the form as the browser sends it: kinds as ticked boxes, lists comma-separated, empty numbers to the default", () => {
    expect(ruleRegistry.parseForm("exclude-locations", { kinds: ["warehouse", "store"], tags: " fragile , ,cold " })).toEqual({
      type: "exclude-locations",
      kinds: ["warehouse", "store"],
      tags: ["fragile", "cold"],
    });
    expect(ruleRegistry.parseForm("exclude-locations", { kinds: "store", tags: "" })).toMatchObject({ kinds: ["store"], tags: [] });
    // No box ticked: the field is not sent at all.
    expect(ruleRegistry.parseForm("product-tag-routing", { productTags: "bulky", onlyFromLocationTags: "dock" })).toMatchObject({ onlyFromKinds: [] });
    expect(ruleConfigSchema.parse(ruleRegistry.parseForm("stock-buffer", { units: "" }))).toMatchObject({ units: 0 });
    // Unreadable values reach validation, which names them, instead of becoming something else.
    expect(ruleConfigSchema.safeParse(ruleRegistry.parseForm("stock-buffer", { units: "two" })).success).toBe(false);
    expect(ruleConfigSchema.safeParse(ruleRegistry.parseForm("exclude-locations", { kinds: ["depot"] })).success).toBe(false);
    expect(ruleConfigSchema.safeParse(ruleRegistry.parseForm("stay-in-market", { scope: "planet" })).success).toBe(false);
  });

  it("offers the location kinds the domain knows as checkboxes, not free text", () => {
    const view = ruleRegistry.view(ruleConfigSchema.parse({ type: "product-tag-routing", productTags: ["bulky"], onlyFromKinds: ["warehouse"] }), strictT("en"));
    expect(view.fields.find((f) => f.name === "onlyFromKinds")).toEqual({
      name: "onlyFromKinds",
      kind: "choices",
      label: "Only from kinds",
      value: ["warehouse"],
      options: [
        { value: "warehouse", label: "Warehouses" },
        { value: "store", label: "Stores" },
      ],
    });
    expect(ruleRegistry.repeatableFields.sort()).toEqual(["kinds", "onlyFromKinds"]);
  });

  it("has every rule's words in English, Vietnamese and Chinese: same keys, translated, every summary resolvable", () => {
    const keys = (node: unknown, prefix = ""): string[] =>
      typeof node === "string" ? [prefix] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
    for (const definition of routingRules) {
      const english = keys(definition.messages.en).sort();
      for (const field of definition.fields) {
        expect(english, `${definition.type} ${field.name}`).toContain(`fields.${field.name}.label`);
        for (const option of field.options ?? []) expect(english).toContain(`fields.${field.name}.options.${option}`);
      }
      for (const locale of RULE_LOCALES) {
        expect(keys(definition.messages[locale]).sort(), `${definition.type} ${locale}`).toEqual(english);
        if (locale !== "en") expect(definition.messages[locale].label).not.toBe(definition.messages.en.label);
        const view = ruleRegistry.view(definition.schema.parse(definition.defaults), strictT(locale));
        expect(view.label).toBe(definition.messages[locale].label);
      }
    }
    const busy = ruleConfigSchema.parse({ type: "exclude-locations", kinds: ["store"], tags: ["outlet"], locationIds: ["gid://shopify/Location/9"] });
    expect(ruleRegistry.view(busy, strictT("vi")).summary).toBe("Không gửi từ cửa hàng · không gửi từ địa điểm có thẻ outlet · không gửi từ 1 địa điểm đã chọn");
    expect(ruleRegistry.view(ruleConfigSchema.parse({ type: "stock-buffer", units: 2 }), strictT("zh-CN")).summary).toBe("没有自身缓冲量的地点保留 2 件");
  });

  it("a rule type is registered once", () => {
    expect(() => createRuleRegistry([stockBufferDefinition, stockBufferDefinition])).toThrow(/registered twice/);
  });

  it("starts a shop on a valid rule set", () => {
    expect(parseRoutingConfig(defaultRoutingConfig()).status).toBe("success");
  });
});
