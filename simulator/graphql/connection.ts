/**
 * Relay connections as Shopify serves them: `edges {cursor node}`, `nodes`, `pageInfo`, opaque
 * base64 cursors, `first`/`last` required and at most 250.
 */
import { GraphQLError } from "graphql";

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export const MAX_PAGE_SIZE = 250;

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ last_id: key, last_value: String(key) })).toString("base64");
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_id?: unknown };
    if (parsed.last_id === undefined) throw new Error("no id");
    return String(parsed.last_id);
  } catch {
    throw new GraphQLError(`Invalid cursor for current pagination sort.`, { extensions: { code: "INVALID_CURSOR" } });
  }
}

export function checkPageArgs(args: ConnectionArgs): void {
  if (args.first == null && args.last == null) throw new GraphQLError("you must provide one of first or last");
  for (const name of ["first", "last"] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`The value of '${name}' must be between 0 and ${MAX_PAGE_SIZE}.`, {
        extensions: { code: "BAD_REQUEST" },
      });
    }
  }
}

export function connection<T>(items: T[], args: ConnectionArgs, keyOf: (item: T) => string | number): Connection<T> {
  checkPageArgs(args);
  const keys = items.map((item) => String(keyOf(item)));
  let start = 0;
  let end = items.length;
  if (args.after) {
    const index = keys.indexOf(decodeCursor(args.after));
    start = index >= 0 ? index + 1 : end;
  }
  if (args.before) {
    const index = keys.indexOf(decodeCursor(args.before));
    end = index >= 0 ? index : start;
  }
  if (end < start) end = start;
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const page = items.slice(start, end);
  const edges = page.map((node, i) => ({ cursor: encodeCursor(keys[start + i]!), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end < items.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
