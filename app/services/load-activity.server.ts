import type { JobDriver } from "~/queue/driver";
import { listCustomerDataExports } from "~/models/customer-data-exports.server";
import { listJobRuns } from "~/models/job-runs.server";
import { getShop } from "~/models/shops.server";
import { orderNames } from "~/models/orders.server";
import { listLocations } from "~/models/locations.server";
import { returnNumbers } from "~/models/returns.server";
import { deliverySubject } from "~/domain/activity/subject";
import {
  countDeliveriesByStatus,
  deliveryPayloads,
  RATE_LIMIT_WAIT,
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
  /** What the row is about ("#1021" an order, "#1021-R1" a return, a location), when its payload says. */
  subject: { kind: "order" | "return" | "location" | "stock"; name: string } | null;
  /** Running, but waiting out Shopify's rate limit (the Admin API client said so). */
  waitingForRateLimit: boolean;
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
  // Each row names its order or return: from its payload, or from Crossdock's copy of the order.
  const payloads = await deliveryPayloads(input.shop, page.items.map((d) => d.id));
  const subjects = new Map(page.items.map((d) => [d.id, deliverySubject(d.topic, payloads.get(d.id))]));
  const wanted = [...subjects.values()];
  const wantedOrders = wanted.flatMap((s) => (s?.kind === "order-id" ? [s.orderId] : []));
  const wantedReturns = wanted.flatMap((s) => (s?.kind === "return-id" ? [s.returnId] : []));
  const [names, returns, locations] = shop
    ? await Promise.all([
        orderNames(shop, wantedOrders),
        returnNumbers(shop, wantedReturns),
        wanted.some((s) => s?.kind === "stock-at") ? listLocations(shop) : Promise.resolve([]),
      ])
    : [new Map<string, string>(), new Map<string, string>(), []];
  const locationNames = new Map(locations.map((l) => [l.shopifyId, l.name]));
  const subjectOf = (id: string): ActivityRow["subject"] => {
    const s = subjects.get(id);
    if (!s) return null;
    const named = (kind: "order" | "return" | "stock", name: string | undefined) => (name ? { kind, name } : null);
    switch (s.kind) {
      case "order-id":
        return named("order", names.get(s.orderId));
      case "return-id":
        return named("return", returns.get(s.returnId));
      case "stock-at":
        return named("stock", locationNames.get(s.locationId));
      default:
        return s;
    }
  };
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
      lastError: d.lastError === RATE_LIMIT_WAIT ? null : d.lastError,
      waitingForRateLimit: (d.status === "PROCESSING" && d.lastError === RATE_LIMIT_WAIT) || (d.status === "QUEUED" && /throttl|rate limit|\b429\b/i.test(d.lastError ?? "")),
      subject: subjectOf(d.id),
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
