// Webhook deliveries: idempotency (X-Shopify-Webhook-Id per shop) and the Activity page.
// Scoped by the shop *domain*: deliveries exist before install completes and after uninstall.
import type { Prisma, WebhookDelivery, WebhookDeliveryStatus } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, JsonValue } from "./scope.server";

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
  receivedAt?: Date;
}

/**
 * Records a delivery once per (shop, webhookId), in one statement (INSERT … ON CONFLICT DO
 * NOTHING). `isNew` is false for a redelivery, which the caller acknowledges without processing.
 */
export async function recordDelivery(input: DeliveryInput, db: Db = prisma): Promise<{ isNew: boolean }> {
  const { count } = await db.webhookDelivery.createMany({
    data: [
      {
        shop: input.shop,
        topic: input.topic,
        webhookId: input.webhookId,
        triggeredAt: input.triggeredAt ?? null,
        apiVersion: input.apiVersion ?? null,
        payload: input.payload as Prisma.InputJsonValue,
        status: input.status ?? "RECEIVED",
        ...(input.receivedAt && { receivedAt: input.receivedAt }),
      },
    ],
    skipDuplicates: true,
  });
  return { isNew: count === 1 };
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
