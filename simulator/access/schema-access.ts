/**
 * What Shopify's own 2026-10 introspection says about access, read from the parts of it that
 * `buildClientSchema` drops:
 *
 * - `requiredAccess` on types and fields ("`read_orders` access scope, `read_marketplace_orders`
 *   access scope or `read_quick_sale` access scope."), the text shopify.dev prints as "Requires …";
 * - `isProtected` / `protectedContent` on fields: protected customer data (name, email, phone,
 *   address);
 * - the `WebhookSubscriptionTopic` values' descriptions ("Requires at least one of the following
 *   scopes: read_orders, read_marketplace_orders.");
 * - input fields whose description says "Requires `write_customers` access_scope.".
 *
 * A requirement is a conjunction of clauses, each clause a list of alternatives: the installation
 * must hold one scope of every clause. Texts that name no scope (user permissions, plan features)
 * give no clause: an offline token has no user, and the simulator has no plans.
 */
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { readIntrospection } from "../admin-schema";

export interface AccessRequirement {
  /** Shopify's own text, quoted in ACCESS_DENIED errors. */
  text: string;
  /** Every clause must be met by one of its scopes. */
  clauses: string[][];
}

export type ProtectedField = "name" | "email" | "phone" | "address";

export interface SchemaAccess {
  /** `Order` → requirement (types, with connections and edges reading their node's). */
  types: Map<string, AccessRequirement>;
  /** `QueryRoot.fulfillmentOrders`, `Mutation.fulfillmentOrderMove` … */
  fields: Map<string, AccessRequirement>;
  /** `GiftCardCreateInput.customerId` … */
  inputFields: Map<string, AccessRequirement>;
  /** `orders/create` → requirement */
  webhookTopics: Map<string, AccessRequirement>;
  /** `MailingAddress.zip` → "address" */
  protectedFields: Map<string, ProtectedField>;
}

interface RawField {
  name: string;
  description?: string | null;
  requiredAccess?: string | null;
  isProtected?: boolean | null;
  protectedContent?: string | null;
}
interface RawType {
  kind: string;
  name: string;
  requiredAccess?: string | null;
  fields?: RawField[] | null;
  inputFields?: RawField[] | null;
  enumValues?: RawField[] | null;
}

const cache = new Map<string, SchemaAccess>();

export function loadSchemaAccess(version: string = ADMIN_API_VERSION): SchemaAccess {
  const key = version;
  const cached = cache.get(key);
  if (cached) return cached;
  const types = (readIntrospection(version) as unknown as { __schema: { types: RawType[] } }).__schema.types;
  const access: SchemaAccess = {
    types: new Map(),
    fields: new Map(),
    inputFields: new Map(),
    webhookTopics: new Map(),
    protectedFields: new Map(),
  };
  for (const type of types) {
    const typeRule = parseRequiredAccess(type.requiredAccess);
    if (typeRule) access.types.set(type.name, typeRule);
    for (const field of type.fields ?? []) {
      const rule = parseRequiredAccess(field.requiredAccess);
      if (rule) access.fields.set(`${type.name}.${field.name}`, rule);
      if (field.isProtected && isProtectedField(field.protectedContent)) {
        access.protectedFields.set(`${type.name}.${field.name}`, field.protectedContent);
      }
    }
    for (const field of type.inputFields ?? []) {
      const rule = parseDescriptionRequirement(field.description);
      if (rule) access.inputFields.set(`${type.name}.${field.name}`, rule);
    }
    if (type.name === "WebhookSubscriptionTopic") {
      for (const value of type.enumValues ?? []) {
        const topic = /webhook topic for `([a-z_]+\/[a-z_]+)`/.exec(value.description ?? "")?.[1];
        const rule = parseTopicRequirement(value.description);
        if (topic && rule) access.webhookTopics.set(topic, rule);
      }
    }
  }
  // A connection (and its edge) is read with its node's access: `orders` answers "Access denied
  // for orders field" although the field returns an OrderConnection.
  for (const type of types) {
    const node = /^(.+?)(Connection|Edge)$/.exec(type.name)?.[1];
    const nodeRule = node ? access.types.get(node) : undefined;
    if (nodeRule && !access.types.has(type.name)) access.types.set(type.name, nodeRule);
  }
  cache.set(key, access);
  return access;
}

function isProtectedField(value: string | null | undefined): value is ProtectedField {
  return value === "name" || value === "email" || value === "phone" || value === "address";
}

/** "`a` access scope, `b` access scope or `c` access scope. Also: Requires `d` scope." */
export function parseRequiredAccess(text: string | null | undefined): AccessRequirement | null {
  if (!text) return null;
  const [main = "", also = ""] = text.split(/\bAlso:/);
  // "`read_markets` for queries and both `read_markets` as well as `write_markets` for mutations."
  const forQueries = /^(.*?) for queries and both/s.exec(main)?.[1];
  const clauses: string[][] = [];
  for (const part of (forQueries ?? main).split(/\bas well as\b/)) {
    const options = scopeNames(part);
    if (options.length) clauses.push(options);
  }
  for (const match of also.matchAll(/Requires `([a-z_]+)` scope/g)) clauses.push([match[1]!]);
  return clauses.length ? { text: text.trim(), clauses } : null;
}

/** Backticked names that are scopes: user permissions are dropped; a bare resource means read or write. */
function scopeNames(part: string): string[] {
  const withoutPermissions = part.replace(/`[a-z_]+`(\s+user)?\s+permissions?/g, "");
  const names: string[] = [];
  for (const match of withoutPermissions.matchAll(/`([a-z_]+)`/g)) {
    const name = match[1]!;
    if (/^(read|write|unauthenticated)_/.test(name)) names.push(name);
    else names.push(`read_${name}`, `write_${name}`); // "Any of `shipping` access scopes"
  }
  return [...new Set(names)];
}

/** Input fields: "Requires `write_customers` access_scope." */
function parseDescriptionRequirement(description: string | null | undefined): AccessRequirement | null {
  const match = /Requires `([a-z_]+)` access[_ ]scope/.exec(description ?? "");
  return match ? { text: `\`${match[1]}\` access scope.`, clauses: [[match[1]!]] } : null;
}

/** "Requires the `read_inventory` scope." / "Requires at least one of the following scopes: a, b." */
function parseTopicRequirement(description: string | null | undefined): AccessRequirement | null {
  const text = (description ?? "").replace(/\s+/g, " ");
  const single = /Requires the `([a-z_]+)` scope\./.exec(text);
  if (single) return { text: single[0], clauses: [[single[1]!]] };
  const anyOf = /Requires at least one of the following scopes: ([a-z_, ]+)\./.exec(text);
  if (anyOf) return { text: anyOf[0], clauses: [anyOf[1]!.split(",").map((s) => s.trim()).filter(Boolean)] };
  return null;
}

/**
 * The scopes an installation effectively holds: a `write_` scope includes its `read_` scope
 * (Shopify: "write access implies read access").
 */
export function effectiveScopes(granted: Iterable<string>): Set<string> {
  const result = new Set<string>();
  for (const raw of granted) {
    const scope = raw.trim();
    if (!scope) continue;
    result.add(scope);
    const implied = /^(unauthenticated_)?write_(.+)$/.exec(scope);
    if (implied) result.add(`${implied[1] ?? ""}read_${implied[2]}`);
  }
  return result;
}

/** The clauses the scopes leave unmet ([] when access is granted). */
export function unmetClauses(requirement: AccessRequirement, scopes: Set<string>): string[][] {
  return requirement.clauses.filter((clause) => !clause.some((scope) => scopes.has(scope)));
}
