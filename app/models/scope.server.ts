// Shared types of the repositories in app/models.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { z } from "zod";

/** The client or a transaction client: every repository function accepts either (last argument). */
export type Db = PrismaClient | Prisma.TransactionClient;

/** What a repository needs to scope a query to a shop: its id (a Shop row satisfies it). */
export interface ShopRef {
  readonly id: string;
}

/** Field errors of a rejected input; "_form" holds errors not tied to one field. */
export type ValidationErrors<Field extends string = string> = Partial<Record<Field | "_form", string[]>>;

export type Validated<T, Field extends string = string> =
  | { ok: true; value: T }
  | { ok: false; errors: ValidationErrors<Field> };

export function validate<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
): Validated<z.output<Schema>, string> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: ValidationErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_form";
    (errors[key] ??= []).push(issue.message);
  }
  return { ok: false, errors };
}

/** Runs fn in a transaction, or directly inside the caller's transaction. */
export async function inTransaction<T>(
  db: Db,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
): Promise<T> {
  if ("$transaction" in db) return db.$transaction(fn);
  return fn(db);
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Whether `id` has the shape of a row id Prisma generates (a cuid: lower-case letters and digits).
 * Ids typed into URLs are checked with it before a query: anything else names no row, and some of
 * it (a NUL) PostgreSQL would refuse with an error.
 */
export function isRowId(id: string): boolean {
  return /^[a-z0-9]{10,40}$/.test(id);
}
