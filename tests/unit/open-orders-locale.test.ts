// The "Route open orders" page's words (app/locales/<lng>/open-orders.json) exist in every language, translated.
import { describe, expect, it } from "vitest";
import { loadedResources } from "~/portal/i18n";

const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "_other");

describe("open-orders translations", () => {
  it("every locale has every English key, translated", () => {
    const resources = loadedResources();
    const english = resources.en!["open-orders"] as Record<string, string>;
    for (const lng of ["vi", "zh-CN"]) {
      const translated = resources[lng]!["open-orders"] as Record<string, string>;
      expect([...new Set(Object.keys(translated).map(base))].sort(), lng).toEqual([...new Set(Object.keys(english).map(base))].sort());
      expect(Object.entries(translated).filter(([key, text]) => english[key] === text), `${lng} left in English`).toEqual([]);
    }
  });
});
