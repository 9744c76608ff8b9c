// The words of the admin's error page, the Locations page, the routing map and the packing slip:
// every key in every language, and translated (a key left in English is a bug, not a fallback).
import { describe, expect, it } from "vitest";
import { loadedResources } from "~/portal/i18n";

const NAMESPACES = ["admin-errors", "locations", "routing-map", "packing-slip"] as const;
/** Words that are the same in every language. */
const SAME_EVERYWHERE = new Set(["packing-slip:sku"]);

function entries(value: unknown, prefix = ""): Array<[string, string]> {
  if (typeof value !== "object" || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

describe.each(NAMESPACES)("app/locales/*/%s.json", (ns) => {
  it("has every English key in Vietnamese and Chinese, translated, with the same placeholders", () => {
    const resources = loadedResources();
    const english = new Map(entries(resources.en![ns]));
    expect(english.size).toBeGreaterThan(3);
    for (const lng of ["vi", "zh-CN"]) {
      const other = new Map(entries(resources[lng]![ns]));
      expect([...other.keys()].sort(), lng).toEqual([...english.keys()].sort());
      for (const [key, en] of english) {
        const translated = other.get(key)!;
        if (!SAME_EVERYWHERE.has(`${ns}:${key}`)) expect(translated, `${lng} ${ns}:${key}`).not.toBe(en);
        const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(placeholders(translated), `${lng} ${ns}:${key}`).toEqual(placeholders(en));
      }
    }
  });
});
