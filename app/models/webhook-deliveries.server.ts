// Webhook deliveries: idempotency (X-Shopify-Webhook-Id per shop) and the Activity page.
// Scoped by the shop *domain*: deliveries exist before install completes and after uninstall.
import { randomBytes } from "node:crypto";
import type { Prisma, WebhookDelivery, WebhookDeliveryStatus } from "@prisma/client";
import { Batcher } from "~/batcher";
import { isDatabaseUnavailable } from "~/db-errors";
import { hotExecute, hotQuery, prisma, sqlPool, utcTimestamp as utc } from "../db.server";
import { inTransaction, type Db, type JsonValue } from "./scope.server";

export type { WebhookDelivery, WebhookDeliveryStatus };

export interface DeliveryInput {
  /** X-Shopify-Shop-Domain */
  shop: string;
  /** X-Shopify-Topic, e.g. "orders/create" */
  topic: string;
  /** X-Shopify-Webhook-Id */
  webhookId: string;
  /** X-Shopify-Triggered-At */
  triggeredAt?: Date | null;
  /** X-Shopify-API-Version */
  apiVersion?: string | null;
  payload: { [key: string]: JsonValue } | JsonValue[];
  status?: WebhookDeliveryStatus;
  /** Why a delivery is stored without being processed (shown on the Activity page). */
  lastError?: string | null;
  receivedAt?: Date;
}

/**
 * Records a delivery once per (shop, webhookId), in one statement (INSERT … ON CONFLICT DO
 * NOTHING). `isNew` is false for a redelivery, which the caller acknowledges without processing.
 * Raw SQL on purpose, and on the plain `pg` pool when there is one (hotExecute): this runs in every
 * webhook request (bench:webhooks). Times are written as UTC, like Prisma's. On the pool, the
 * deliveries of concurrent requests are stored together (group commit, app/batcher.ts): one
 * statement and one commit for what arrived while the previous ones were being written.
 */
export async function recordDelivery(input: DeliveryInput, db?: Db): Promise<{ isNew: boolean }> {
  if (db || !sqlPool()) return { isNew: await insertDelivery(input, db) };
  const stored = await deliveryStores.get(deliveryKey(input.shop, input.webhookId), input);
  if (stored instanceof Error) throw stored;
  return { isNew: stored === true };
}

const deliveryKey = (shop: string, webhookId: string) => `${shop}\u0000${webhookId}`;

function deliveryRow(input: DeliveryInput): (string | null)[] {
  const now = new Date();
  return [
    createId(),
    input.shop,
    input.topic,
    input.webhookId,
    input.triggeredAt ? utc(input.triggeredAt) : null,
    input.apiVersion ?? null,
    JSON.stringify(input.payload),
    input.status ?? "RECEIVED",
    utc(input.receivedAt ?? now),
    utc(now),
    input.lastError ?? null,
  ];
}

async function insertDelivery(input: DeliveryInput, db?: Db): Promise<boolean> {
  return (await hotExecute(db, INSERT_DELIVERY, deliveryRow(input))) === 1;
}

const INSERT_DELIVERY = `
  INSERT INTO "webhook_delivery"
    ("id", "shop", "topic", "webhook_id", "triggered_at", "api_version", "payload", "status", "received_at", "created_at", "updated_at", "last_error")
  VALUES ($1, $2, $3, $4, $5::timestamp, $6, $7::jsonb, $8::"webhook_delivery_status", $9::timestamp, $10::timestamp, $10::timestamp, $11)
  ON CONFLICT ("shop", "webhook_id") DO NOTHING`;

/** INSERT_DELIVERY for many rows: one array per column. */
const INSERT_DELIVERIES = `
  INSERT INTO "webhook_delivery"
    ("id", "shop", "topic", "webhook_id", "triggered_at", "api_version", "payload", "status", "received_at", "created_at", "updated_at", "last_error")
  SELECT t.id, t.shop, t.topic, t.webhook_id, t.triggered_at::timestamp, t.api_version, t.payload::jsonb,
         t.status::"webhook_delivery_status", t.received_at::timestamp, t.now::timestamp, t.now::timestamp, t.last_error
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
      AS t(id, shop, topic, webhook_id, triggered_at, api_version, payload, status, received_at, now, last_error)
  ON CONFLICT ("shop", "webhook_id") DO NOTHING
  RETURNING "shop", "webhook_id" AS "webhookId"`;

/** Rows as one array per column (for unnest). */
function columns(rows: readonly (readonly (string | number | null)[])[]): (string | number | null)[][] {
  return Array.from({ length: rows[0]?.length ?? 0 }, (_, i) => rows.map((row) => row[i] ?? null));
}

/**
 * Stored (true), a redelivery (false), or why this delivery alone could not be stored. A first
 * delivery waits 2 ms for company: at 500/s a third fewer INSERTs and commits, for 1–2 ms on the
 * answer's median (bench:webhooks).
 */
const deliveryStores = new Batcher<boolean | Error, DeliveryInput>(
  async (keys, inputs) => {
    const list = keys.map((key) => inputs.get(key)!);
    try {
      const inserted = await hotQuery<{ shop: string; webhookId: string }>(undefined, INSERT_DELIVERIES, columns(list.map(deliveryRow)));
      const stored = new Set(inserted.map((row) => deliveryKey(row.shop, row.webhookId)));
      return new Map(keys.map((key) => [key, stored.has(key)]));
    } catch (error) {
      if (keys.length === 1 || isDatabaseUnavailable(error)) throw error;
      // A row PostgreSQL refuses must not take the others with it: store them one by one.
      const results = new Map<string, boolean | Error>();
      for (const [i, key] of keys.entries()) {
        results.set(key, await insertDelivery(list[i]!).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))));
      }
      return results;
    }
  },
  { maxInFlight: 2, maxBatch: 100, lingerMs: 2 },
);

/** A collision-free, time-ordered id for rows inserted with raw SQL ("d" + time + random). */
function createId(): string {
  return `d${Date.now().toString(36)}${randomBytes(9).toString("base64url").toLowerCase().replace(/[^a-z0-9]/g, "0")}`;
}

export interface DeliveryStatusUpdate {
  status: WebhookDeliveryStatus;
  /** FAILED: the error to show on the Activity page. */
  error?: string | null;
  at?: Date;
}

/**
 * Moves a delivery to a status. PROCESSING counts an attempt; PROCESSED stamps processedAt and
 * clears the last error; FAILED records the error. Returns false if the shop has no such delivery.
 */
export async function markDelivery(
  shop: string,
  webhookId: string,
  update: DeliveryStatusUpdate,
  db: Db = prisma,
): Promise<boolean> {
  const at = update.at ?? new Date();
  const data: Prisma.WebhookDeliveryUpdateManyMutationInput = { status: update.status };
  switch (update.status) {
    case "PROCESSING":
      data.attempts = { increment: 1 };
      break;
    case "PROCESSED":
      data.processedAt = at;
      data.lastError = null;
      break;
    case "FAILED":
      data.lastError = (update.error ?? "Unknown error").slice(0, 10_000);
      break;
    default:
      if (update.error !== undefined) data.lastError = update.error;
  }
  const { count } = await db.webhookDelivery.updateMany({ where: { shop, webhookId }, data });
  return count > 0;
}

export async function getDelivery(
  shop: string,
  webhookId: string,
  db: Db = prisma,
): Promise<WebhookDelivery | null> {
  return db.webhookDelivery.findUnique({ where: { shop_webhookId: { shop, webhookId } } });
}

export interface DeliveryFilters {
  status?: WebhookDeliveryStatus | readonly WebhookDeliveryStatus[];
  topic?: string;
  receivedFrom?: Date;
  receivedBefore?: Date;
}

export interface PageRequest {
  /** Default 25, at most 100. */
  limit?: number;
  /** nextCursor of the previous page. */
  cursor?: string | null;
}

export type DeliverySummary = Omit<WebhookDelivery, "payload">;

export interface DeliveryPage {
  items: DeliverySummary[];
  /** null on the last page */
  nextCursor: string | null;
}

function encodeCursor(row: { receivedAt: Date; id: string }): string {
  return Buffer.from(`${row.receivedAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = iso ? new Date(iso) : null;
  if (!receivedAt || Number.isNaN(receivedAt.getTime()) || !id) return null;
  return { receivedAt, id };
}

/**
 * The shop's deliveries, newest first, keyset-paginated on (receivedAt, id). An unreadable cursor
 * starts from the first page. The payload is left out (see getDelivery).
 */
export async function listDeliveries(
  shop: string,
  filters: DeliveryFilters = {},
  page: PageRequest = {},
  db: Db = prisma,
): Promise<DeliveryPage> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? 25), 1), 100);
  const after = page.cursor ? decodeCursor(page.cursor) : null;
  const statuses =
    filters.status === undefined ? undefined : typeof filters.status === "string" ? [filters.status] : [...filters.status];
  const where: Prisma.WebhookDeliveryWhereInput = {
    shop,
    ...(statuses && { status: { in: statuses } }),
    ...(filters.topic && { topic: filters.topic }),
    ...((filters.receivedFrom || filters.receivedBefore) && {
      receivedAt: {
        ...(filters.receivedFrom && { gte: filters.receivedFrom }),
        ...(filters.receivedBefore && { lt: filters.receivedBefore }),
      },
    }),
    ...(after && {
      OR: [
        { receivedAt: { lt: after.receivedAt } },
        { receivedAt: after.receivedAt, id: { lt: after.id } },
      ],
    }),
  };
  const rows = await db.webhookDelivery.findMany({
    where,
    omit: { payload: true },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

// ---------------------------------------------------------------------------------------------
// The inbox as a job queue (app/jobs): claiming, finishing attempts, retry and discard.
// ---------------------------------------------------------------------------------------------

/** What a queue needs to name a delivery: the job id is derived from (shop, webhookId). */
export interface DeliveryRef {
  shop: string;
  webhookId: string;
  topic: string;
}

/** A delivery handed to a processor: the row, with its payload. */
export type ClaimedDelivery = WebhookDelivery;

/**
 * RECEIVED → QUEUED once the delivery sits in a queue. Conditional, so a worker that already
 * processed it is never set back.
 */
export async function markQueued(shop: string, webhookId: string, db: Db = prisma): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { shop, webhookId, status: "RECEIVED" },
    data: { status: "QUEUED" },
  });
  return count > 0;
}

interface ClaimRow {
  id: string;
}

/**
 * Claims one delivery for an attempt (the BullMQ driver: BullMQ's job lock already guarantees a
 * single holder, so a PROCESSING row, left by a worker that died, is taken over). Counts the
 * attempt. Returns null when the delivery is finished (PROCESSED, SKIPPED), discarded, failed or
 * unknown: a re-enqueued job then does nothing.
 */
export async function claimDelivery(
  shop: string,
  webhookId: string,
  options: { leaseMs: number; now?: Date },
  db?: Db,
): Promise<ClaimedDelivery | null> {
  // On the pool, the claims of concurrent jobs go out together (group commit, app/batcher.ts).
  if (!db && !options.now && sqlPool()) return (await deliveryClaims.get(deliveryKey(shop, webhookId), { shop, webhookId, leaseMs: options.leaseMs })) ?? null;
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + options.leaseMs);
  // One statement (the worker's hot path): claim and read the row back.
  const [row] = await hotQuery<ClaimedDelivery>(
    db,
    `UPDATE "webhook_delivery"
        SET "status" = 'PROCESSING'::"webhook_delivery_status", "attempts" = "attempts" + 1,
            "started_at" = $3::timestamp, "locked_until" = $4::timestamp, "next_attempt_at" = NULL,
            "updated_at" = $3::timestamp
      WHERE "shop" = $1 AND "webhook_id" = $2
        AND "status" IN ('RECEIVED', 'QUEUED', 'PROCESSING')
      RETURNING ${DELIVERY_COLUMNS}`,
    [shop, webhookId, utc(now), utc(lockedUntil)],
  );
  return row ?? null;
}

/**
 * A worker's claims and finishes wait this long for others to go with them (app/batcher.ts): a few
 * milliseconds on background work, and a delivery's three statements become a share of three.
 */
const WORKER_LINGER_MS = 5;

/** claimDelivery for many deliveries in one statement. */
const deliveryClaims = new Batcher<ClaimedDelivery, { shop: string; webhookId: string; leaseMs: number }>(
  async (keys, inputs) => {
    const now = new Date();
    const list = keys.map((key) => inputs.get(key)!);
    const rows = await hotQuery<ClaimedDelivery>(
      undefined,
      `UPDATE "webhook_delivery" AS d
          SET "status" = 'PROCESSING'::"webhook_delivery_status", "attempts" = d."attempts" + 1,
              "started_at" = $1::timestamp, "locked_until" = t.locked_until::timestamp, "next_attempt_at" = NULL,
              "updated_at" = $1::timestamp
         FROM unnest($2::text[], $3::text[], $4::text[]) AS t(shop, webhook_id, locked_until)
        WHERE d."shop" = t.shop AND d."webhook_id" = t.webhook_id
          AND d."status" IN ('RECEIVED', 'QUEUED', 'PROCESSING')
        RETURNING ${deliveryColumns("d")}`,
      [utc(now), list.map((c) => c.shop), list.map((c) => c.webhookId), list.map((c) => utc(new Date(now.getTime() + c.leaseMs)))],
    );
    return new Map(rows.map((row) => [deliveryKey(row.shop, row.webhookId), row]));
  },
  { maxInFlight: 2, maxBatch: 50, lingerMs: WORKER_LINGER_MS },
);

/** Every column of webhook_delivery under its Prisma field name (rows read with raw SQL), of `table` when given. */
function deliveryColumns(table?: string): string {
  const of = table ? `${table}.` : "";
  return [
    ["id", "id"], ["shop", "shop"], ["topic", "topic"], ["webhook_id", "webhookId"], ["triggered_at", "triggeredAt"],
    ["api_version", "apiVersion"], ["payload", "payload"], ["status", "status"], ["attempts", "attempts"], ["last_error", "lastError"],
    ["received_at", "receivedAt"], ["processed_at", "processedAt"], ["started_at", "startedAt"], ["duration_ms", "durationMs"],
    ["next_attempt_at", "nextAttemptAt"], ["locked_until", "lockedUntil"], ["created_at", "createdAt"], ["updated_at", "updatedAt"],
  ]
    .map(([column, field]) => `${of}"${column}" AS "${field}"`)
    .join(", ");
}
const DELIVERY_COLUMNS = deliveryColumns();

/**
 * Claims up to `limit` deliveries that are due (the in-process driver, any shop): RECEIVED or
 * QUEUED whose next attempt time has come, or PROCESSING whose lease ran out (the process that held
 * it died). Rows are locked with FOR UPDATE SKIP LOCKED, so concurrent claimers never share a row.
 */
export async function claimDueDeliveries(
  options: { limit: number; leaseMs: number; now?: Date },
  db: Db = prisma,
): Promise<ClaimedDelivery[]> {
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + options.leaseMs);
  const rows = await db.$queryRaw<ClaimRow[]>`
    UPDATE "webhook_delivery" AS d
       SET "status" = 'PROCESSING'::"webhook_delivery_status", "attempts" = d."attempts" + 1,
           "started_at" = ${now}, "locked_until" = ${lockedUntil}, "next_attempt_at" = NULL,
           "updated_at" = ${now}
     WHERE d."id" IN (
       SELECT "id" FROM "webhook_delivery"
        WHERE ("status" IN ('RECEIVED', 'QUEUED') AND ("next_attempt_at" IS NULL OR "next_attempt_at" <= ${now}))
           OR ("status" = 'PROCESSING' AND "locked_until" < ${now})
        ORDER BY "received_at"
        LIMIT ${options.limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING d."id"`;
  if (rows.length === 0) return [];
  const claimed = await db.webhookDelivery.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return claimed.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}

/** When the next due delivery of the in-process queue may be claimed (null: none waiting). */
export async function nextDueAt(db: Db = prisma): Promise<Date | null> {
  const row = await db.webhookDelivery.findFirst({
    where: { status: { in: ["RECEIVED", "QUEUED"] } },
    orderBy: { nextAttemptAt: { sort: "asc", nulls: "first" } },
    select: { nextAttemptAt: true },
  });
  if (!row) return null;
  return row.nextAttemptAt ?? new Date(0);
}

export interface AttemptFinish {
  /** The id of the claimed row (a claim is finished once). */
  id: string;
  startedAt: Date;
  at?: Date;
}

/** The attempt succeeded: PROCESSED (or SKIPPED: no processor for the topic). */
export async function finishDeliverySucceeded(
  finish: AttemptFinish & { status: "PROCESSED" | "SKIPPED"; note?: string | null },
  db?: Db,
): Promise<void> {
  const at = finish.at ?? new Date();
  const row = { id: finish.id, status: finish.status, at: utc(at), durationMs: at.getTime() - finish.startedAt.getTime(), note: finish.note ?? null };
  // On the pool, concurrent jobs' outcomes are written together (group commit, app/batcher.ts).
  if (!db && sqlPool()) {
    await deliveryFinishes.get(finish.id, row);
    return;
  }
  await hotExecute(
    db,
    `UPDATE "webhook_delivery"
        SET "status" = $2::"webhook_delivery_status", "processed_at" = $3::timestamp, "duration_ms" = $4,
            "last_error" = $5, "locked_until" = NULL, "next_attempt_at" = NULL, "updated_at" = $3::timestamp
      WHERE "id" = $1 AND "status"::text = 'PROCESSING'`,
    [row.id, row.status, row.at, row.durationMs, row.note],
  );
}

/**
 * finishDeliverySucceeded for many deliveries in one statement. `status::text`: the rows are found
 * by id; PostgreSQL would otherwise walk the (status, next_attempt_at) index, whose PROCESSING range
 * holds an entry for every delivery that passed through it until vacuum (4 ms instead of 0.2).
 */
const deliveryFinishes = new Batcher<true, { id: string; status: string; at: string; durationMs: number; note: string | null }>(
  async (keys, inputs) => {
    const list = keys.map((key) => inputs.get(key)!);
    await hotExecute(
      undefined,
      `UPDATE "webhook_delivery" AS d
          SET "status" = t.status::"webhook_delivery_status", "processed_at" = t.at::timestamp, "duration_ms" = t.duration_ms,
              "last_error" = t.note, "locked_until" = NULL, "next_attempt_at" = NULL, "updated_at" = t.at::timestamp
         FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[]) AS t(id, status, at, duration_ms, note)
        WHERE d."id" = t.id AND d."status"::text = 'PROCESSING'`,
      [list.map((r) => r.id), list.map((r) => r.status), list.map((r) => r.at), list.map((r) => r.durationMs), list.map((r) => r.note)],
    );
    return new Map(keys.map((key) => [key, true as const]));
  },
  { maxInFlight: 2, maxBatch: 50, lingerMs: WORKER_LINGER_MS },
);

/**
 * The attempt failed. `retryAt` set: QUEUED again (the error shown, retried then); null: FAILED,
 * the dead-letter state (Retry / Discard on the Activity page).
 */
export async function finishDeliveryFailed(
  finish: AttemptFinish & { error: string; retryAt: Date | null },
  db: Db = prisma,
): Promise<void> {
  const at = finish.at ?? new Date();
  await db.webhookDelivery.updateMany({
    where: { id: finish.id, status: "PROCESSING" },
    data: {
      status: finish.retryAt ? "QUEUED" : "FAILED",
      lastError: finish.error.slice(0, 10_000),
      durationMs: at.getTime() - finish.startedAt.getTime(),
      lockedUntil: null,
      nextAttemptAt: finish.retryAt,
    },
  });
}

/** The shop's deliveries by status (the Activity page's counts). */
export async function countDeliveriesByStatus(
  shop: string,
  db: Db = prisma,
): Promise<Record<WebhookDeliveryStatus, number>> {
  const groups = await db.webhookDelivery.groupBy({ by: ["status"], where: { shop }, _count: { _all: true } });
  const counts: Record<WebhookDeliveryStatus, number> = {
    RECEIVED: 0,
    QUEUED: 0,
    PROCESSING: 0,
    PROCESSED: 0,
    FAILED: 0,
    DISCARDED: 0,
    SKIPPED: 0,
  };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** Topics the shop has received (the Activity page's topic filter). */
export async function listDeliveryTopics(shop: string, db: Db = prisma): Promise<string[]> {
  const rows = await db.webhookDelivery.findMany({ where: { shop }, distinct: ["topic"], select: { topic: true } });
  return rows.map((r) => r.topic).sort();
}

/** Moves the shop's FAILED deliveries among `ids` on, in one transaction; returns those moved. */
async function transitionFailed(
  shop: string,
  ids: readonly string[],
  data: Prisma.WebhookDeliveryUpdateManyMutationInput,
  db: Db,
): Promise<DeliveryRef[]> {
  return inTransaction(db, async (tx) => {
    const rows = await tx.webhookDelivery.findMany({
      where: { shop, id: { in: [...ids] }, status: "FAILED" },
      select: { id: true, shop: true, webhookId: true, topic: true },
    });
    if (rows.length === 0) return [];
    await tx.webhookDelivery.updateMany({ where: { shop, id: { in: rows.map((r) => r.id) }, status: "FAILED" }, data });
    return rows.map(({ shop: s, webhookId, topic }) => ({ shop: s, webhookId, topic }));
  });
}

/**
 * FAILED → QUEUED for the given deliveries of the shop, with a fresh attempt budget (attempts
 * back to 0; the last error stays visible until an attempt succeeds). Returns the rows reset.
 */
export function resetFailedForRetry(shop: string, ids: readonly string[], db: Db = prisma): Promise<DeliveryRef[]> {
  return transitionFailed(shop, ids, { status: "QUEUED", attempts: 0, nextAttemptAt: null, lockedUntil: null }, db);
}

/** FAILED → DISCARDED for the given deliveries of the shop. Returns the rows discarded. */
export function discardFailed(shop: string, ids: readonly string[], db: Db = prisma): Promise<DeliveryRef[]> {
  return transitionFailed(shop, ids, { status: "DISCARDED", nextAttemptAt: null, lockedUntil: null }, db);
}

/**
 * Deliveries (any shop) that should be in a queue but may not be: RECEIVED (the enqueue failed,
 * e.g. Redis was down) or QUEUED, unchanged for `olderThanMs`, and PROCESSING whose lease ran out
 * that long ago (the worker died, and Redis may have lost its job). Oldest first.
 */
export async function listUnsettledDeliveries(
  options: { olderThanMs: number; limit: number; now?: Date },
  db: Db = prisma,
): Promise<DeliveryRef[]> {
  const before = new Date((options.now ?? new Date()).getTime() - options.olderThanMs);
  return db.webhookDelivery.findMany({
    where: {
      OR: [
        { status: { in: ["RECEIVED", "QUEUED"] }, updatedAt: { lt: before } },
        // Its worker died mid-attempt and its job is gone too (Redis came back empty): the lease ran out.
        { status: "PROCESSING", lockedUntil: { lt: before } },
      ],
    },
    orderBy: { receivedAt: "asc" },
    take: options.limit,
    select: { shop: true, webhookId: true, topic: true },
  });
}

export interface DeliveryRedactionSubject {
  /** Shopify's numeric customer id ("123"). */
  customerLegacyId: string;
  email?: string | null;
  phone?: string | null;
  /** Numeric order ids ("1001"). */
  orderLegacyIds: readonly string[];
}

/**
 * customers/redact: the inbox keeps payloads, and order / fulfillment / compliance payloads carry
 * the customer's personal data. Every stored payload of the shop that concerns the customer (their
 * customer id, one of their orders, their email or phone) is replaced by a marker. Returns how many.
 */
export async function redactDeliveryPayloads(
  shop: string,
  subject: DeliveryRedactionSubject,
  db: Db = prisma,
): Promise<number> {
  const orderIds = [...subject.orderLegacyIds];
  const email = subject.email ?? "";
  const phone = subject.phone ?? "";
  const now = new Date();
  return db.$executeRaw`
    UPDATE "webhook_delivery"
       SET "payload" = jsonb_build_object('redacted', true, 'redactedAt', ${now.toISOString()}::text),
           "updated_at" = ${now}
     WHERE "shop" = ${shop}
       AND ("payload"->>'redacted') IS NULL
       AND (
         "payload"->'customer'->>'id' = ${subject.customerLegacyId}
         OR ("topic" LIKE 'orders/%' AND "payload"->>'id' = ANY(${orderIds}::text[]))
         OR "payload"->>'order_id' = ANY(${orderIds}::text[])
         OR (${email} <> '' AND (lower("payload"->>'email') = lower(${email}) OR lower("payload"->>'contact_email') = lower(${email})))
         OR (${phone} <> '' AND "payload"->>'phone' = ${phone})
       )`;
}

/** shop/redact: every delivery of the shop goes, except `keepId` (the shop/redact delivery itself). */
export async function deleteDeliveriesOfShop(shop: string, keepId: string | null, db: Db = prisma): Promise<number> {
  const { count } = await db.webhookDelivery.deleteMany({ where: { shop, ...(keepId && { id: { not: keepId } }) } });
  return count;
}

/**
 * What a running delivery waits on, for the Activity page: while a job waits out Shopify's rate limit
 * its row's `last_error` holds RATE_LIMIT_WAIT (a running row has no error of its own; finishing the
 * attempt overwrites it). Only a PROCESSING row is marked.
 */
export const RATE_LIMIT_WAIT = "waiting: Shopify rate limit";

export async function markDeliveryWaiting(id: string, db: Db = prisma): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { id, status: "PROCESSING" }, data: { lastError: RATE_LIMIT_WAIT } });
}

/** The payloads of some of a shop's deliveries (the Activity page names each row's order or return from them). */
export async function deliveryPayloads(shop: string, ids: readonly string[], db: Db = prisma): Promise<Map<string, unknown>> {
  if (ids.length === 0) return new Map();
  const rows = await db.webhookDelivery.findMany({ where: { shop, id: { in: [...ids] } }, select: { id: true, payload: true } });
  return new Map(rows.map((r) => [r.id, r.payload]));
}
