import { describe, expect, it } from "vitest";
import { defaultRuleSet, editRuleSet, readRuleSet, toRoutingConfig } from "./rule-set";

describe("rule set edits", () => {
  const base = defaultRuleSet(); // stock-buffer, daily-capacity, fewest-shipments, closest

  it("moves a rule up and down, refusing to move past either end", () => {
    const moved = editRuleSet(base, { kind: "move", index: 3, direction: "up" });
    expect(moved.ok && moved.ruleSet.rules.map((r) => r.rule.type)).toEqual(["stock-buffer", "daily-capacity", "closest", "fewest-shipments"]);
    expect(editRuleSet(base, { kind: "move", index: 0, direction: "up" })).toEqual({ ok: false, error: "That rule cannot move further" });
    expect(editRuleSet(base, { kind: "move", index: 3, direction: "down" }).ok).toBe(false);
  });

  it("switches rules off without losing them; disabled rules do not reach the engine", () => {
    const off = editRuleSet(base, { kind: "toggle", index: 0 });
    expect(off.ok).toBe(true);
    if (!off.ok) return;
    expect(off.ruleSet.rules[0]).toMatchObject({ enabled: false, rule: { type: "stock-buffer" } });
    expect(toRoutingConfig(off.ruleSet).rules.map((r) => r.type)).toEqual(["daily-capacity", "fewest-shipments", "closest"]);
  });

  it("adds a rule from the catalog and validates replacements", () => {
    const added = editRuleSet(base, { kind: "add", type: "product-tag-routing" });
    expect(added.ok && added.ruleSet.rules.at(-1)?.rule).toMatchObject({ type: "product-tag-routing", productTags: ["bulky"], onlyFromKinds: ["warehouse"] });
    const bad = editRuleSet(base, { kind: "replace", index: 0, rule: { type: "stock-buffer", units: -1 } });
    expect(bad.ok).toBe(false);
    const good = editRuleSet(base, { kind: "replace", index: 0, rule: { type: "stock-buffer", units: 2 } });
    expect(good.ok && good.ruleSet.rules[0]!.rule).toMatchObject({ units: 2 });
  });

  it("refuses a rule set that could not choose between locations", () => {
    let set = base;
    for (const index of [3, 2]) {
      const r = editRuleSet(set, { kind: "remove", index });
      if (index === 3) {
        expect(r.ok).toBe(true);
        if (r.ok) set = r.ruleSet;
      } else {
        expect(r).toMatchObject({ ok: false, error: expect.stringContaining("ranking rule") });
      }
    }
  });

  it("falls back to the default rules when stored JSON no longer validates, saying why", () => {
    expect(readRuleSet(null)).toEqual({ ruleSet: base, problems: [] });
    const broken = readRuleSet({ rules: [{ enabled: true, rule: { type: "teleport" } }] });
    expect(broken.ruleSet).toEqual(base);
    expect(broken.problems.length).toBeGreaterThan(0);
  });
});
