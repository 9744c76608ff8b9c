// The theme app extension: Shopify's theme checker, each block's {% schema %}, the locales, the
// assets' size budgets, and the block's contract with the app (cart attribute, proxy path).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { Script } from "node:vm";
import { themeCheckRun } from "@shopify/theme-check-node";
import { parse as parseToml } from "smol-toml";
import { describe, expect, it } from "vitest";
import { PICKUP_LOCATION_ATTRIBUTE } from "~/domain/availability";
import { extractSchema, schemaProblems } from "../support/theme-block-schema";

const root = join(import.meta.dirname, "..", "..");
const extension = join(root, "extensions", "crossdock-availability");
const read = (...path: string[]) => readFileSync(join(extension, ...path), "utf8");
const blocks = readdirSync(join(extension, "blocks")).filter((f) => f.endsWith(".liquid"));
const assets = readdirSync(join(extension, "assets"));
const localeFiles = readdirSync(join(extension, "locales"));
const LOCALES = ["en.default", "vi", "zh-CN"];

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}
const localeKeys = (name: string) => keysOf(JSON.parse(read("locales", name))).sort();

describe("theme app extension crossdock-availability", () => {
  it("passes Shopify's theme checker (theme-app-extension config) with no offense", async () => {
    const run = await themeCheckRun(extension, undefined, () => undefined);
    expect(run.config.context).toBe("app");
    expect(run.offenses.map((o) => `${o.check} ${o.uri}: ${o.message}`)).toEqual([]);
  }, 60_000);

  it("declares a theme extension and has a block", () => {
    const toml = parseToml(read("shopify.extension.toml")) as { type?: string; name?: string };
    expect(toml.type).toBe("theme");
    expect(toml.name).toBeTruthy();
    expect(blocks).toContain("pickup-availability.liquid");
  });

  it.each(blocks)("%s has a valid {%% schema %%} (types, defaults, ranges, translated labels)", (block) => {
    const schemaLocales = LOCALES.map((l) => new Set(localeKeys(`${l}.schema.json`)));
    const hasKey = (key: string) => schemaLocales.every((keys) => keys.has(key));
    const schema = extractSchema(read("blocks", block));
    expect(schemaProblems(schema, hasKey, assets)).toEqual([]);
    expect(schema).toMatchObject({
      target: "section",
      enabled_on: { templates: ["product"] },
      javascript: "crossdock-availability.js",
      stylesheet: "crossdock-availability.css",
    });
    const ids = (schema as { settings: { id: string }[] }).settings.map((s) => s.id);
    expect(ids).toEqual(["title", "store_count", "show_counts", "low_stock_threshold", "pickup_radius_km"]);
  });

  it("the schema checker itself rejects bad settings", () => {
    const hasKey = (key: string) => key === "known";
    const bad = {
      name: "A block",
      target: "section",
      javascript: "missing.js",
      settings: [
        { type: "rnage", id: "a", label: "A" },
        { type: "range", id: "b", label: "B", min: 0, max: 10, step: 3, default: 5 },
        { type: "range", id: "c", label: "C", min: 0, max: 10, step: 1, default: 11 },
        { type: "checkbox", id: "d", label: "t:unknown", default: "yes" },
        { type: "text", id: "d", label: "t:known" },
        { type: "select", id: "e", label: "E", options: [{ value: "x", label: "X" }], default: "y" },
      ],
    };
    expect(schemaProblems(bad, hasKey, ["x.js"])).toEqual([
      "missing.js is not in assets/",
      'settings[0] (a): unknown setting type "rnage"',
      "settings[1] (b): default is not on a step",
      "settings[2] (c): default 11 is outside 0…10",
      'settings[3] (d): label "t:unknown" is missing from a schema locale',
      "settings[3] (d): a checkbox needs a boolean default",
      "settings[4] (d): duplicate id",
      "settings[5] (e): default is not an option",
    ]);
    expect(schemaProblems({ name: "x", target: "section", settings: [{ type: "text", id: "a", label: "A", bogus: 1 }] }, hasKey, [])).toEqual([
      expect.stringMatching(/Unrecognized key.*bogus/),
    ]);
    expect(() => extractSchema("{% schema %}{ \"name\": \"x\", }{% endschema %}")).toThrow(SyntaxError);
  });

  it("has English, Vietnamese and Simplified Chinese, storefront and schema, with the same keys", () => {
    for (const locale of LOCALES) {
      expect(localeFiles).toContain(`${locale}.json`);
      expect(localeFiles).toContain(`${locale}.schema.json`);
    }
    const storefront = localeKeys("en.default.json");
    const schema = localeKeys("en.default.schema.json");
    for (const locale of LOCALES.slice(1)) {
      expect(localeKeys(`${locale}.json`), locale).toEqual(storefront);
      expect(localeKeys(`${locale}.schema.json`), locale).toEqual(schema);
    }
    // Every string the block translates exists, and placeholders survive translation.
    const used = [...read("blocks", "pickup-availability.liquid").matchAll(/'([a-z_.]+)' \| t\b/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(20);
    for (const locale of LOCALES) {
      const strings = JSON.parse(read("locales", `${locale}.json`)) as Record<string, unknown>;
      for (const key of used) {
        const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings);
        expect(typeof value, `${locale}: ${key}`).toBe("string");
        const english = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], JSON.parse(read("locales", "en.default.json")));
        const placeholders = (s: unknown) => [...String(s).matchAll(/\[(\w+)\]/g)].map((m) => m[1]).sort();
        expect(placeholders(value), `${locale}: ${key}`).toEqual(placeholders(english));
      }
    }
  });

  it("keeps the script within 10 KB and the stylesheet within 5 KB, gzipped", () => {
    const js = readFileSync(join(extension, "assets", "crossdock-availability.js"));
    const css = readFileSync(join(extension, "assets", "crossdock-availability.css"));
    const jsGzip = gzipSync(js, { level: 9 }).length;
    const cssGzip = gzipSync(css, { level: 9 }).length;
    console.log(`block assets: JS ${js.length} B (${jsGzip} B gzipped), CSS ${css.length} B (${cssGzip} B gzipped)`);
    expect(jsGzip).toBeLessThanOrEqual(10 * 1024);
    expect(cssGzip).toBeLessThanOrEqual(5 * 1024);
    // Shopify's own app-block limit, uncompressed (theme-check's AssetSizeAppBlockJavaScript).
    expect(js.length).toBeLessThan(10_000);
  });

  it("ships plain browser JavaScript that parses, with no framework and no imports", () => {
    const js = read("assets", "crossdock-availability.js");
    expect(() => new Script(js, { filename: "crossdock-availability.js" })).not.toThrow();
    expect(js).not.toMatch(/\bimport\s|\brequire\(/);
  });

  it("writes the cart attribute the app reads", () => {
    const js = read("assets", "crossdock-availability.js");
    expect(js).toContain(`var ATTRIBUTE = "${PICKUP_LOCATION_ATTRIBUTE}";`);
  });

  it("never hard-codes the app proxy path: it comes from the app-data metafield", () => {
    const toml = parseToml(readFileSync(join(root, "shopify.app.toml"), "utf8")) as { app_proxy: { prefix: string; subpath: string } };
    const liquid = read("blocks", "pickup-availability.liquid");
    const js = read("assets", "crossdock-availability.js");
    for (const text of [liquid, js]) {
      expect(text).not.toContain(`/${toml.app_proxy.prefix}/`);
      expect(text).not.toMatch(new RegExp(`/${toml.app_proxy.subpath}\\b`));
    }
    expect(liquid).toContain("app.metafields.crossdock.proxy_path.value");
  });
});
