/**
 * Shopify's search syntax, the subset apps use: `key:value`, comparators (`key:>x`, `key:>=x`,
 * `key:<x`, `key:<=x`), quoted values, negation (`-key:value`, `NOT key:value`), `AND` (implicit)
 * and `OR` between terms, bare words for the default full-text match. Unknown keys are ignored,
 * as Shopify ignores them.
 */
import { internalId } from "./ids";

export type Comparator = ":" | ">" | ">=" | "<" | "<=";

export interface SearchTerm {
  field: string | null; // null: default (free text)
  comparator: Comparator;
  value: string;
  negated: boolean;
}

/** OR of AND-groups. */
export type SearchQuery = SearchTerm[][];

export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  if (!query || !query.trim()) return [];
  const tokens = tokenize(query);
  const groups: SearchTerm[][] = [[]];
  let negateNext = false;
  for (const token of tokens) {
    if (token === "AND") continue;
    if (token === "OR") {
      groups.push([]);
      continue;
    }
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    const term = parseTerm(token);
    if (negateNext) term.negated = !term.negated;
    negateNext = false;
    groups[groups.length - 1]!.push(term);
  }
  return groups.filter((g) => g.length > 0);
}

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quote: string | null = null;
  for (const ch of query) {
    if (quote) {
      current += ch;
      if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') {
      current += ch;
      quote = ch;
    } else if (/\s/.test(ch)) {
      if (current) tokens.push(current);
      current = "";
    } else if (ch === "(" || ch === ")") {
      // Grouping is flattened: good enough for the app's queries.
      if (current) tokens.push(current);
      current = "";
    } else current += ch;
  }
  if (current) tokens.push(current);
  return tokens;
}

function unquote(value: string): string {
  const match = /^(['"])(.*)\1$/.exec(value);
  return match ? match[2]! : value;
}

function parseTerm(token: string): SearchTerm {
  let negated = false;
  let text = token;
  if (text.startsWith("-") && text.length > 1) {
    negated = true;
    text = text.slice(1);
  }
  const match = /^([A-Za-z_][\w.]*):(>=|<=|>|<)?(.*)$/.exec(text);
  if (!match) return { field: null, comparator: ":", value: unquote(text), negated };
  return {
    field: match[1]!.toLowerCase(),
    comparator: (match[2] as Comparator | undefined) ?? ":",
    value: unquote(match[3]!),
    negated,
  };
}

/** How one field of one resource matches a term; undefined in the table = unknown key, ignored. */
export type FieldMatcher<T> = (record: T, term: SearchTerm) => boolean;

export interface SearchFields<T> {
  fields: Record<string, FieldMatcher<T>>;
  /** Free-text match for bare words. */
  text: (record: T, word: string) => boolean;
}

export function matchesQuery<T>(record: T, query: SearchQuery, spec: SearchFields<T>): boolean {
  if (query.length === 0) return true;
  return query.some((group) =>
    group.every((term) => {
      let matcher: FieldMatcher<T> | undefined;
      if (term.field == null) matcher = (r, t) => spec.text(r, t.value);
      else matcher = spec.fields[term.field];
      if (!matcher) return true;
      const result = matcher(record, term);
      return term.negated ? !result : result;
    }),
  );
}

export function filterByQuery<T>(records: T[], query: string | null | undefined, spec: SearchFields<T>): T[] {
  const parsed = parseSearchQuery(query);
  return parsed.length === 0 ? records : records.filter((r) => matchesQuery(r, parsed, spec));
}

// ---- matcher helpers ----

/** Case-insensitive equality; a trailing `*` is a prefix match. */
export function textEquals(actual: string | null | undefined, term: SearchTerm): boolean {
  if (actual == null) return false;
  const wanted = term.value.toLowerCase();
  const value = actual.toLowerCase();
  return wanted.endsWith("*") ? value.startsWith(wanted.slice(0, -1)) : value === wanted;
}

export function textContains(actual: string | null | undefined, word: string): boolean {
  return actual != null && actual.toLowerCase().includes(word.toLowerCase().replace(/\*$/, ""));
}

function compare(actual: number, term: SearchTerm, wanted: number): boolean {
  switch (term.comparator) {
    case ">":
      return actual > wanted;
    case ">=":
      return actual >= wanted;
    case "<":
      return actual < wanted;
    case "<=":
      return actual <= wanted;
    default:
      return actual === wanted;
  }
}

/** Dates: ISO timestamps, dates, `now`. `created_at:2024-01-01` matches that whole day. */
export function timeMatches(actualIso: string | null | undefined, term: SearchTerm): boolean {
  if (!actualIso) return false;
  const actual = Date.parse(actualIso);
  const raw = term.value.trim();
  const wanted = raw.toLowerCase() === "now" ? Date.now() : Date.parse(raw);
  if (Number.isNaN(wanted)) return false;
  if (term.comparator === ":" && /^\d{4}-\d{2}-\d{2}$/.test(raw)) {
    return actual >= wanted && actual < wanted + 86_400_000;
  }
  return compare(actual, term, wanted);
}

/** Numeric ids (`id:`, `customer_id:` …): the term is the id Shopify shows, the record's the internal one (ids.ts). */
export function numberMatches(actual: number | null | undefined, term: SearchTerm): boolean {
  if (actual == null) return false;
  const raw = term.value.trim();
  const wanted = /^\d+$/.test(raw) ? internalId(raw) : Number(raw);
  return !Number.isNaN(wanted) && compare(actual, term, wanted);
}

export function booleanMatches(actual: boolean, term: SearchTerm): boolean {
  return actual === (term.value.toLowerCase() === "true");
}

/** `tag:a` — any of the record's tags equals the value (case-insensitive). */
export function tagMatches(tags: string[], term: SearchTerm): boolean {
  return tags.some((tag) => textEquals(tag, term));
}
