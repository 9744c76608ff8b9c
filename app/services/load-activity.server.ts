import type { JobDriver } from "~/jobs/driver";
import { listCustomerDataExports } from "~/models/customer-data-exports.server";
import { listJobRuns } from "~/models/job-runs.server";
import { getShop } from "~/models/shops.server";
import {
  countDeliveriesByStatus,
  listDeliveries,
  listDeliveryTopics,
  type WebhookDeliveryStatus,
} from "~/models/webhook-deliveries.server";

export const ACTIVITY_STATUSES = ["RECEIVED", "QUEUED", "PROCESSING", "PROCESSED", "FAILED", "DISCARDED", "SKIPPED"] as const;

export interface ActivityFilters {
  status?: WebhookDeliveryStatus[];
  topic?: string;
  cursor?: string | null;
}

export interface ActivityRow {
  id: string;
  topic: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
  triggeredAt: string | null;
  startedAt: string | null;
  processedAt: string | null;
  nextAttemptAt: string | null;
  durationMs: number | null;
}

export interface ActivityView {
  driver: { kind: JobDriver["kind"]; label: string };
  counts: { queued: number; active: number; failed: number; processed: number; skipped: number; discarded: number };
  rows: ActivityRow[];
  nextCursor: string | null;
  topics: string[];
  jobRuns: {
    id: string;
    name: string;
    status: string;
    attempts: number;
    lastError: string | null;
    startedAt: string;
    durationMs: number | null;
    result: unknown;
  }[];
  exports: { id: string; customerId: string; createdAt: string }[];
}

/** The Activity page: the shop's deliveries (every webhook is a job) and job runs, from the database. */
export async function loadActivity(input: { shop: string; driver: JobDriver; filters: ActivityFilters }): Promise<ActivityView> {
  const [counts, page, topics, runs, shop] = await Promise.all([
    countDeliveriesByStatus(input.shop),
    listDeliveries(
      input.shop,
      { ...(input.filters.status?.length && { status: input.filters.status }), ...(input.filters.topic && { topic: input.filters.topic }) },
      { limit: 50, cursor: input.filters.cursor ?? null },
    ),
    listDeliveryTopics(input.shop),
    listJobRuns(input.shop, { limit: 10 }),
    getShop(input.shop),
  ]);
  const exports = shop ? await listCustomerDataExports(shop, { limit: 10 }) : [];
  return {
    driver: {
      kind: input.driver.kind,
      label: input.driver.kind === "bullmq" ? "Background worker (Redis)" : "Built-in (runs inside the app)",
    },
    counts: {
      queued: counts.RECEIVED + counts.QUEUED,
      active: counts.PROCESSING,
      failed: counts.FAILED,
      processed: counts.PROCESSED,
      skipped: counts.SKIPPED,
      discarded: counts.DISCARDED,
    },
    rows: page.items.map((d) => ({
      id: d.id,
      topic: d.topic,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      receivedAt: d.receivedAt.toISOString(),
      triggeredAt: d.triggeredAt?.toISOString() ?? null,
      startedAt: d.startedAt?.toISOString() ?? null,
      processedAt: d.processedAt?.toISOString() ?? null,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      durationMs: d.durationMs,
    })),
    nextCursor: page.nextCursor,
    topics,
    jobRuns: runs.map((r) => ({
      id: r.id,
      name: r.name,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      startedAt: r.startedAt.toISOString(),
      durationMs: r.durationMs,
      result: r.result,
    })),
    exports: exports.map((e) => ({ id: e.id, customerId: e.customerId, createdAt: e.createdAt.toISOString() })),
  };
}
