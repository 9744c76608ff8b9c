/**
 * A routing rule as one object (Vendure's "configurable operation"): what it stores (a zod schema
 * discriminated by `type`), what a newly added one looks like, the fields the merchant edits, its
 * words in every admin language, a one-line summary, and the builder that turns the stored config
 * into the engine's rule. The registry (./registry.ts) generates everything else from these.
 *
 * Field descriptions are data: the admin's React renderer lives in app/components/routing.
 */
import type { z } from "zod";
import type { Rule } from "./rule";

/** The languages the admin speaks (the same as the portal's; app/portal/i18n.ts checks it). */
export const RULE_LOCALES = ["en", "vi", "zh-CN"] as const;
export type RuleLocale = (typeof RULE_LOCALES)[number];

/**
 * How a field is edited and read back from the form:
 * - `number`: one number;  `text`: one word or phrase;  `list`: comma-separated words;
 * - `choice`: one of `options`;  `choices`: any of `options` (checkboxes; the field repeats).
 */
export type RuleFieldKind = "number" | "text" | "list" | "choice" | "choices";

export interface RuleField {
  /** The form field's name; its words are `fields.<name>.label`, `.help`, `.options.<value>`. */
  readonly name: string;
  readonly kind: RuleFieldKind;
  /** Where the value sits in the config; default `[name]` (e.g. `["costModel", "perKm"]`). */
  readonly path?: readonly string[];
  /** The values a `choice` / `choices` field offers. */
  readonly options?: readonly string[];
}

/** Words for one field: label, help under it, and one label per option. */
interface RuleFieldMessages {
  readonly label: string;
  readonly help?: string;
  readonly options?: Readonly<Record<string, string>>;
}

type Messages = { readonly [key: string]: string | Messages };

/**
 * One rule's words in one language. `summary` holds whatever sentences (and words) the rule's
 * `summary` function asks for, with i18next `{{placeholders}}`.
 */
export interface RuleMessages {
  readonly label: string;
  readonly description: string;
  readonly fields: Readonly<Record<string, RuleFieldMessages>>;
  readonly summary: Messages;
}

/** A translator scoped to one rule's messages (`summary.units`, `fields.kinds.options.store`…). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export interface RuleDefinition<Type extends string = string, Schema extends z.ZodObject = z.ZodObject> {
  readonly type: Type;
  readonly kind: "filter" | "ranking";
  /** The stored shape; `type` is a literal of `Type`. Stored configs are read with it, so keep old shapes readable. */
  readonly schema: Schema;
  /** A newly added rule of this type. */
  readonly defaults: z.input<Schema>;
  readonly fields: readonly RuleField[];
  readonly messages: Readonly<Record<RuleLocale, RuleMessages>>;
  /** The settings in words for the merchant, or null when there is nothing to say. */
  summary?(config: z.output<Schema>, t: Translate): string | null;
  /** Whether the rule reads product tags or types (the order is then read with its products). */
  readonly readsProducts?: boolean;
  build(config: z.output<Schema>): Rule;
}

/** Any rule definition, as the registry holds them. */
// The registry calls each definition with the output of that definition's own schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRuleDefinition = RuleDefinition<string, any>;

/** Declares a rule; only checks the object's shape (the type literal ties schema and config together). */
export function defineRule<const Type extends string, Schema extends z.ZodObject<{ type: z.ZodLiteral<Type> } & z.ZodRawShape>>(
  definition: RuleDefinition<Type, Schema>,
): RuleDefinition<Type, Schema> {
  return definition;
}
