// The admin dashboard's words (app/locales/<lng>/dashboard.json) exist in every language, translated.
import { describe, expect, it } from "vitest";
import { loadedResources } from "~/portal/i18n";

function entries(value: unknown, prefix = ""): [string, string][] {
  if (typeof value !== "object" || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

/** Plural forms differ by language (Vietnamese and Chinese have only "other"). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, "_other");

describe("dashboard translations", () => {
  it("every locale has every key of the English dashboard namespace, translated", () => {
    const resources = loadedResources();
    const english = new Map(entries(resources.en!.dashboard));
    expect(english.size).toBeGreaterThan(100);
    for (const lng of ["vi", "zh-CN"]) {
      const translated = new Map(entries(resources[lng]!.dashboard));
      expect([...new Set([...translated.keys()].map(base))].sort(), lng).toEqual([...new Set([...english.keys()].map(base))].sort());
      const untranslated = [...translated].filter(([key, text]) => /[a-z]{4}/i.test(text.replace(/\{\{\w+\}\}/g, "")) && english.get(key) === text);
      expect(untranslated, `${lng} keys left in English`).toEqual([]);
    }
  });
});
