// The routing log's "what decided" lines are merchant-facing: every message key the domain emits
// (app/domain/routing/signals.ts) exists in English, Vietnamese and Simplified Chinese, translated.
import { describe, expect, it } from "vitest";
import { decisionSignals } from "~/domain/routing/signals";
import { loadedResources, portalT } from "~/portal/i18n";

const A = "gid://shopify/Location/1";
const B = "gid://shopify/Location/2";

describe("the routing namespace", () => {
  const keys = [
    ...decisionSignals({ decidedBy: "checkout-pickup", locationId: A, hintLocationId: B }, { source: "postal-code", precision: "exact" }),
    ...decisionSignals({ decidedBy: "checkout-pickup", locationId: A, hintLocationId: A }, { source: "postal-code", precision: "area" }),
    ...decisionSignals({ decidedBy: "checkout-shipping", hintLocationId: B }, { source: "province" }),
  ].map((m) => m.key);

  it("has every message in every language, translated, with the store names in place", () => {
    const resources = loadedResources();
    const english = Object.keys((resources.en!.routing as { signals: Record<string, string> }).signals).sort();
    expect(english).toEqual(expect.arrayContaining([...new Set(keys), "heading"]));
    for (const lng of ["vi", "zh-CN"] as const) {
      expect(Object.keys((resources[lng]!.routing as { signals: Record<string, string> }).signals).sort(), lng).toEqual(english);
      for (const key of english) expect(portalT(lng, "routing")(`signals.${key}`), `${lng} ${key}`).not.toBe(portalT("en", "routing")(`signals.${key}`));
    }
    expect(portalT("vi", "routing")("signals.checkoutPickup", { store: "Quận 1 Store" })).toContain("Quận 1 Store");
    expect(portalT("zh-CN", "routing")("signals.hintOther", { hint: "SoHo Store" })).toContain("SoHo Store");
    expect(portalT("en", "routing")("signals.shippingHintIgnored", { hint: "SoHo Store" })).toBe(
      "The shopper chose shipping at checkout, so the order ships; the pickup store picked on the product page (SoHo Store) was not used.",
    );
  });

  it("has the decision page's words in every language, translated, with no key missing", () => {
    const resources = loadedResources();
    const flatten = (node: unknown, prefix = ""): string[] =>
      typeof node === "string" ? [prefix] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
    const english = flatten((resources.en!.routing as { decision: unknown }).decision, "decision").sort();
    // every status and location decision the page shows
    expect(english).toEqual(expect.arrayContaining(["APPLIED", "SUGGESTED", "NOT_ROUTABLE", "FAILED", "PENDING"].map((s) => `decision.status.${s}`)));
    expect(english).toEqual(expect.arrayContaining(["chosen", "not-chosen", "excluded"].map((s) => `decision.considered.status.${s}`)));
    for (const lng of ["vi", "zh-CN"] as const) {
      expect(flatten((resources[lng]!.routing as { decision: unknown }).decision, "decision").sort(), lng).toEqual(english);
      for (const key of english) expect(portalT(lng, "routing")(key), `${lng} ${key}`).not.toBe(portalT("en", "routing")(key));
    }
    expect(portalT("vi", "routing")("decision.excluded", { names: "Reno Fulfillment Center" })).toContain("Reno Fulfillment Center");
    expect(portalT("zh-CN", "routing")("decision.title", { order: "#1001" })).toContain("#1001");
  });

  it("has the rules page's words in every language, translated, with no key missing", () => {
    const resources = loadedResources();
    const flatten = (node: unknown, prefix = ""): string[] =>
      typeof node === "string" ? [prefix] : Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
    const english = flatten((resources.en!.routing as { rulesPage: unknown }).rulesPage, "rulesPage").sort();
    expect(english).toEqual(expect.arrayContaining(["rulesPage.title", "rulesPage.a11y.save", "rulesPage.notUnderstood"]));
    for (const lng of ["vi", "zh-CN"] as const) {
      expect(flatten((resources[lng]!.routing as { rulesPage: unknown }).rulesPage, "rulesPage").sort(), lng).toEqual(english);
      for (const key of english) expect(portalT(lng, "routing")(key), `${lng} ${key}`).not.toBe(portalT("en", "routing")(key));
    }
    // Each rule's own words (app/domain/routing/rules/*) are in the same namespace.
    expect(portalT("vi", "routing")("rules.closest.label")).toBe("Gần nhất");
    expect(portalT("zh-CN", "routing")("rulesPage.a11y.save", { rule: portalT("zh-CN", "routing")("rules.stock-buffer.label") })).toBe("保存库存缓冲");
  });
});
