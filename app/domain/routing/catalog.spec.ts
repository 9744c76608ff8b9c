import { describe, expect, it } from "vitest";
import { defaultRoutingConfig, ruleCatalog } from "./catalog";
import { parseRoutingConfig, ruleConfigSchema } from "./config";

describe("rule catalog", () => {
  it("offers every rule type the engine knows, each with a valid template", () => {
    const engineTypes = ruleConfigSchema.options.map((o) => o.shape.type.value).sort();
    expect(ruleCatalog.map((r) => r.type).sort()).toEqual(engineTypes);
    for (const rule of ruleCatalog) expect(ruleConfigSchema.safeParse(rule.template).success, rule.type).toBe(true);
  });

  it("starts a shop on a valid rule set", () => {
    expect(parseRoutingConfig(defaultRoutingConfig()).status).toBe("success");
  });
});
