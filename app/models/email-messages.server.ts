// Email messages: one row per (shop, idempotency key), i.e. per event, whatever the retries. The row
// is both the outbox the admin reads and the record of the sending job (status, attempts, error).
import type { EmailMessage, EmailStatus, Prisma } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export type { EmailMessage, EmailStatus };

export interface NewEmailMessage {
  idempotencyKey: string;
  kind: string;
  locale: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * Creates the message unless the shop already has one with this key (INSERT … ON CONFLICT DO
 * NOTHING: two concurrent callers get one row). Returns the stored row and whether this call made it.
 */
export async function createEmailMessageOnce(
  shop: ShopRef,
  input: NewEmailMessage,
  db: Db = prisma,
): Promise<{ message: EmailMessage; created: boolean }> {
  const { count } = await db.emailMessage.createMany({ data: [{ shopId: shop.id, ...input }], skipDuplicates: true });
  const message = await db.emailMessage.findUniqueOrThrow({
    where: { shopId_idempotencyKey: { shopId: shop.id, idempotencyKey: input.idempotencyKey } },
  });
  return { message, created: count === 1 };
}

export async function getEmailMessage(shop: ShopRef, id: string, db: Db = prisma): Promise<EmailMessage | null> {
  return db.emailMessage.findFirst({ where: { id, shopId: shop.id } });
}

/**
 * Counts an attempt at a PENDING message and returns it; null when it is not PENDING any more
 * (sent, in the outbox, failed) or does not exist.
 */
export async function beginEmailAttempt(shop: ShopRef, id: string, db: Db = prisma): Promise<EmailMessage | null> {
  const { count } = await db.emailMessage.updateMany({
    where: { id, shopId: shop.id, status: "PENDING" },
    data: { attempts: { increment: 1 } },
  });
  if (count === 0) return null;
  return db.emailMessage.findFirst({ where: { id, shopId: shop.id } });
}

/** PENDING → SENT (delivered to the provider) or OUTBOX (kept here). False if it was not PENDING. */
export async function finishEmailSent(
  shop: ShopRef,
  id: string,
  outcome: { status: "SENT" | "OUTBOX"; providerMessageId: string | null; at?: Date },
  db: Db = prisma,
): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: { id, shopId: shop.id, status: "PENDING" },
    data: { status: outcome.status, providerMessageId: outcome.providerMessageId, sentAt: outcome.at ?? new Date(), lastError: null },
  });
  return count === 1;
}

/** Records a failed attempt; `final` moves the message to FAILED (no further attempt). */
export async function recordEmailFailure(
  shop: ShopRef,
  id: string,
  failure: { error: string; final: boolean },
  db: Db = prisma,
): Promise<void> {
  await db.emailMessage.updateMany({
    where: { id, shopId: shop.id, status: "PENDING" },
    data: { lastError: failure.error.slice(0, 10_000), ...(failure.final && { status: "FAILED" }) },
  });
}

/** FAILED → PENDING with a fresh attempt budget (Retry on the Emails page). False if not FAILED. */
export async function resetFailedEmail(shop: ShopRef, id: string, db: Db = prisma): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: { id, shopId: shop.id, status: "FAILED" },
    data: { status: "PENDING", attempts: 0 },
  });
  return count === 1;
}

export type EmailMessageSummary = Omit<EmailMessage, "html" | "text">;

export interface EmailPage {
  items: EmailMessageSummary[];
  /** null on the last page */
  nextCursor: string | null;
}

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = iso ? new Date(iso) : null;
  // Only what encodeCursor makes: a time PostgreSQL can hold and a cuid. Anything else: first page.
  if (!createdAt || Number.isNaN(createdAt.getTime()) || !id || !/^[a-z0-9]{10,40}$/.test(id)) return null;
  const year = createdAt.getUTCFullYear();
  if (year < 1970 || year > 9999) return null;
  return { createdAt, id };
}

/** The shop's messages, newest first, keyset-paginated on (createdAt, id); bodies left out. */
export async function listEmailMessages(
  shop: ShopRef,
  filters: { status?: readonly EmailStatus[]; kind?: string } = {},
  page: { limit?: number; cursor?: string | null } = {},
  db: Db = prisma,
): Promise<EmailPage> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 25), 1), 100);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const where: Prisma.EmailMessageWhereInput = {
    shopId: shop.id,
    ...(filters.status?.length && { status: { in: [...filters.status] } }),
    ...(filters.kind && { kind: filters.kind }),
    ...(after && {
      OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
    }),
  };
  const rows = await db.emailMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    omit: { html: true, text: true },
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

export async function countEmailsByStatus(shop: ShopRef, db: Db = prisma): Promise<Record<EmailStatus, number>> {
  const groups = await db.emailMessage.groupBy({ by: ["status"], where: { shopId: shop.id }, _count: { _all: true } });
  const counts: Record<EmailStatus, number> = { PENDING: 0, SENT: 0, FAILED: 0, OUTBOX: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/**
 * PENDING messages of every shop created a while ago: their job may have been lost (the queue was
 * unreachable when they were created, or the process running them stopped). Jobs are keyed by the
 * message, so handing one that is still queued to the queue again does nothing.
 */
export async function listPendingEmails(
  options: { olderThanMs: number; limit: number; now?: Date },
  db: Db = prisma,
): Promise<Array<{ shopId: string; messageId: string }>> {
  const before = new Date((options.now ?? new Date()).getTime() - options.olderThanMs);
  const rows = await db.emailMessage.findMany({
    where: { status: "PENDING", createdAt: { lt: before } },
    orderBy: { createdAt: "asc" },
    take: options.limit,
    select: { id: true, shopId: true },
  });
  return rows.map((row) => ({ shopId: row.shopId, messageId: row.id }));
}

/** What the return emails need of a return: the return, its lines, the shop, its branding, the location. */
export async function loadReturnForEmail(shop: ShopRef, returnId: string, db: Db = prisma) {
  const request = await db.returnRequest.findFirst({
    where: { id: returnId, shopId: shop.id },
    include: {
      lines: { orderBy: { createdAt: "asc" } },
      shop: { include: { settings: true } },
    },
  });
  if (!request) return null;
  const location = request.returnLocationId
    ? await db.location.findFirst({ where: { shopId: shop.id, shopifyId: request.returnLocationId } })
    : null;
  return { request, location };
}

/** Sender branding and reply address of a shop at send time. */
export async function loadEmailSender(shop: ShopRef, db: Db = prisma) {
  return db.shop.findUnique({
    where: { id: shop.id },
    select: { id: true, domain: true, name: true, email: true, settings: { select: { portalBrandName: true } } },
  });
}

/** The messages Crossdock wrote to an address (customers/data_request), newest first. */
export async function listEmailsTo(shop: ShopRef, email: string, db: Db = prisma): Promise<EmailMessageSummary[]> {
  return db.emailMessage.findMany({
    where: { shopId: shop.id, to: { equals: email, mode: "insensitive" } },
    omit: { html: true, text: true },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * customers/redact: the messages to the customer keep their kind, status and dates (the record that
 * something was sent) and lose the address and everything written in them.
 */
export async function redactEmailsTo(shop: ShopRef, email: string, db: Db = prisma): Promise<number> {
  const { count } = await db.emailMessage.updateMany({
    where: { shopId: shop.id, to: { equals: email, mode: "insensitive" } },
    data: { to: "redacted@invalid", subject: "(redacted)", html: "", text: "", lastError: null },
  });
  return count;
}
