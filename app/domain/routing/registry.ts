/**
 * Everything the app knows about routing rules, generated from one list of rule definitions
 * (./rules/index.ts): the stored config's validation, the catalog the admin offers, the editor's
 * fields and values, reading the editor's form back into a config, the summaries, and the
 * engine's rules. Nothing else lists rules: a new rule is one file in ./rules plus its test.
 */
import { z } from "zod";
import type { Rule } from "./rule";
import type { AnyRuleDefinition, RuleFieldKind, RuleLocale, RuleMessages, Translate } from "./rule-definition";
import { routingRules } from "./rules";

/** A translator over the `routing` namespace (app/locales/<lng>/routing.json plus every rule's words). */
export type RoutingT = (key: string, values?: Record<string, string | number>) => string;

/** The form as the route read it: each field's value, or its values when it repeats. */
export type RuleFormFields = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface RuleFieldView {
  name: string;
  kind: RuleFieldKind;
  label: string;
  help?: string;
  /** What the field shows: text for number/text/list/choice, the ticked values for choices. */
  value: string | string[];
  options?: { value: string; label: string }[];
}

export interface RuleTypeView {
  type: string;
  kind: "filter" | "ranking";
  label: string;
  description: string;
}

export interface RuleView extends RuleTypeView {
  summary: string | null;
  fields: RuleFieldView[];
}

type SchemasOf<D extends readonly AnyRuleDefinition[]> = { -readonly [K in keyof D]: D[K]["schema"] };

export function createRuleRegistry<const D extends readonly [AnyRuleDefinition, ...AnyRuleDefinition[]]>(definitions: D) {
  const byType = new Map<string, AnyRuleDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`Routing rule ${definition.type} is registered twice`);
    byType.set(definition.type, definition);
  }
  const schema = z.discriminatedUnion("type", definitions.map((d) => d.schema) as unknown as SchemasOf<D>);
  const types = definitions.map((d) => d.type) as { -readonly [K in keyof D]: D[K]["type"] };

  const describe = (type: string): AnyRuleDefinition => {
    const found = byType.get(type);
    if (!found) throw new Error(`Unknown routing rule type: ${type}`);
    return found;
  };
  /** A translator for one rule's messages (`rules.<type>.…` in the routing namespace). */
  const scoped = (t: RoutingT, type: string): Translate => (key, values) => t(`rules.${type}.${key}`, values);
  const typeView = (definition: AnyRuleDefinition, t: RoutingT): RuleTypeView => ({
    type: definition.type,
    kind: definition.kind,
    label: t(`rules.${definition.type}.label`),
    description: t(`rules.${definition.type}.description`),
  });

  return {
    definitions,
    types,
    /** One stored rule: `{ type, …settings }`. */
    schema,
    describe,
    /** The engine's rule for a validated config. */
    build(config: { type: string }): Rule {
      return describe(config.type).build(config);
    },
    /** Whether any of these rules reads product tags or types. */
    readsProducts(rules: readonly { type: string }[]): boolean {
      return rules.some((rule) => byType.get(rule.type)?.readsProducts === true);
    },
    /** The form fields that may repeat (multi-choice checkboxes). */
    repeatableFields: [...new Set(definitions.flatMap((d) => d.fields.filter((f) => f.kind === "choices").map((f) => f.name)))],
    /** The rules the admin offers, in the registry's order (filters first). */
    catalog(t: RoutingT): RuleTypeView[] {
      return definitions.map((d) => typeView(d, t));
    },
    /** A stored rule as the editor shows it: words, summary and fields with their values. */
    view(config: { type: string }, t: RoutingT): RuleView {
      const definition = describe(config.type);
      const rt = scoped(t, definition.type);
      return {
        ...typeView(definition, t),
        summary: definition.summary?.(config, rt) ?? null,
        fields: definition.fields.map((field) => {
          const key = `fields.${field.name}`;
          const help = definition.messages.en.fields[field.name]?.help !== undefined ? rt(`${key}.help`) : undefined;
          return {
            name: field.name,
            kind: field.kind,
            label: rt(`${key}.label`),
            ...(help ? { help } : {}),
            value: formValue(field.kind, readPath(config, field.path ?? [field.name])),
            ...(field.options ? { options: field.options.map((value) => ({ value, label: rt(`${key}.options.${value}`) })) } : {}),
          };
        }),
      };
    },
    /** The editor's form back into a rule of `type`, on top of `base` (settings without a field are kept). Validated by the caller. */
    parseForm(type: string, fields: RuleFormFields, base?: { type: string }): { type: string } {
      const definition = describe(type);
      const start = base?.type === type ? base : definition.defaults;
      const config = structuredClone(start) as Record<string, unknown>;
      for (const field of definition.fields) writePath(config, field.path ?? [field.name], fieldValue(field.kind, fields[field.name]));
      return config as { type: string };
    },
    /** Every rule's words in one language, to merge into the `routing` namespace under `rules`. */
    messages(locale: RuleLocale): Record<string, RuleMessages> {
      return Object.fromEntries(definitions.map((d) => [d.type, d.messages[locale]]));
    },
  };
}

function readPath(config: object, path: readonly string[]): unknown {
  let node: unknown = config;
  for (const key of path) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

function writePath(config: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = config;
  for (const key of path.slice(0, -1)) {
    if (!node[key] || typeof node[key] !== "object") node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

function formValue(kind: RuleFieldKind, value: unknown): string | string[] {
  if (kind === "choices") return Array.isArray(value) ? value.map(String) : [];
  if (kind === "list") return Array.isArray(value) ? value.join(", ") : "";
  return value === undefined || value === null ? "" : String(value);
}

/**
 * A field's value from the form. An empty number is left out (the schema's default applies, or it
 * names the field); anything else unreadable goes through as it is so validation names it.
 */
function fieldValue(kind: RuleFieldKind, raw: string | readonly string[] | undefined): unknown {
  if (kind === "choices") return raw === undefined ? [] : typeof raw === "string" ? [raw] : [...raw];
  const text = (typeof raw === "string" ? raw : raw?.[0] ?? "").trim();
  switch (kind) {
    case "number":
      return text === "" ? undefined : Number(text);
    case "list":
      return text
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    case "text":
    case "choice":
      return text;
  }
}

/** The rules Crossdock ships. */
export const ruleRegistry = createRuleRegistry(routingRules);
