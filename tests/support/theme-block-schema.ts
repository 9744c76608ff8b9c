// Validation of a theme app extension block's {% schema %} JSON: theme-check does not look inside
// it (OFFLINE.md), so setting types, defaults, ranges and translation keys are checked here, after
// Shopify's documented rules for app blocks and input settings.
import { z } from "zod";

const SETTING_TYPES = new Set([
  "checkbox", "number", "radio", "range", "select", "text", "textarea",
  "article", "blog", "collection", "collection_list", "color", "color_background", "color_scheme",
  "color_scheme_group", "font_picker", "html", "image_picker", "inline_richtext", "link_list",
  "liquid", "metaobject", "metaobject_list", "page", "product", "product_list", "richtext", "text_alignment", "url", "video", "video_url",
  "header", "paragraph",
]);

const translatable = z.string().min(1);

const setting = z
  .object({
    type: z.string(),
    id: z.string().regex(/^[a-z][a-z0-9_]*$/, "setting ids are snake_case").optional(),
    label: translatable.optional(),
    info: translatable.optional(),
    placeholder: translatable.optional(),
    unit: translatable.optional(),
    content: translatable.optional(),
    default: z.unknown().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().optional(),
    options: z.array(z.object({ value: z.string(), label: translatable })).optional(),
  })
  .strict();

export const blockSchema = z
  .object({
    name: z.string().min(1).max(25),
    target: z.enum(["section", "head", "body", "compliance_head"]),
    javascript: z.string().regex(/\.js$/).optional(),
    stylesheet: z.string().regex(/\.css$/).optional(),
    class: z.string().optional(),
    tag: z.string().optional(),
    enabled_on: z.object({ templates: z.array(z.string()).optional(), groups: z.array(z.string()).optional() }).strict().optional(),
    disabled_on: z.object({ templates: z.array(z.string()).optional(), groups: z.array(z.string()).optional() }).strict().optional(),
    available_if: z.string().optional(),
    settings: z.array(setting).max(25).default([]),
  })
  .strict();

export function extractSchema(liquid: string): unknown {
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(liquid);
  if (!match) throw new Error("no {% schema %} tag");
  return JSON.parse(match[1]!);
}

/** Every problem found in a parsed schema; [] when valid. `hasKey` tells whether a `t:` key exists. */
export function schemaProblems(raw: unknown, hasKey: (key: string) => boolean, assets: readonly string[]): string[] {
  const parsed = blockSchema.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const schema = parsed.data;
  const problems: string[] = [];
  for (const file of [schema.javascript, schema.stylesheet]) {
    if (file && !assets.includes(file)) problems.push(`${file} is not in assets/`);
  }
  const ids = new Set<string>();
  schema.settings.forEach((s, index) => {
    const at = `settings[${index}] (${s.id ?? s.type})`;
    if (!SETTING_TYPES.has(s.type)) problems.push(`${at}: unknown setting type "${s.type}"`);
    const display = s.type === "header" || s.type === "paragraph";
    if (!display) {
      if (!s.id) problems.push(`${at}: needs an id`);
      else if (ids.has(s.id)) problems.push(`${at}: duplicate id`);
      else ids.add(s.id);
      if (!s.label) problems.push(`${at}: needs a label`);
    }
    for (const field of ["label", "info", "placeholder", "unit", "content"] as const) {
      const value = s[field];
      if (value?.startsWith("t:") && !hasKey(value.slice(2))) problems.push(`${at}: ${field} "${value}" is missing from a schema locale`);
    }
    switch (s.type) {
      case "checkbox":
        if (typeof s.default !== "boolean") problems.push(`${at}: a checkbox needs a boolean default`);
        break;
      case "range": {
        const { min, max, step, default: value } = s;
        if (min === undefined || max === undefined || step === undefined) {
          problems.push(`${at}: a range needs min, max and step`);
          break;
        }
        if (typeof value !== "number") problems.push(`${at}: a range needs a number default`);
        else if (value < min || value > max) problems.push(`${at}: default ${value} is outside ${min}…${max}`);
        else if (Math.abs((value - min) / step - Math.round((value - min) / step)) > 1e-9) problems.push(`${at}: default is not on a step`);
        if (min >= max) problems.push(`${at}: min must be below max`);
        if ((max - min) / step > 100) problems.push(`${at}: at most 101 steps`);
        if (!s.unit && /km|radius/.test(s.id ?? "")) problems.push(`${at}: a distance needs a unit`);
        break;
      }
      case "number":
        if (s.default !== undefined && typeof s.default !== "number") problems.push(`${at}: a number default must be a number`);
        break;
      case "select":
      case "radio":
        if (!s.options?.length) problems.push(`${at}: needs options`);
        else if (s.default !== undefined && !s.options.some((o) => o.value === s.default)) problems.push(`${at}: default is not an option`);
        break;
      case "text":
      case "textarea":
        if (s.default !== undefined && (typeof s.default !== "string" || s.default === "")) problems.push(`${at}: a text default must be a non-empty string`);
        break;
    }
    if (["min", "max", "step"].some((k) => k in s) && s.type !== "range" && s.type !== "number") {
      problems.push(`${at}: min/max/step only apply to range and number`);
    }
  });
  return problems;
}
