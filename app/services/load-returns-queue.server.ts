// The returns queue page: filters from the URL (status, reason, method, age, value, location,
// flagged, search), one page of requests, counts by status, and the options the filters offer.
import { typedTextProblem } from "~/domain/text/typed-text";
import { z } from "zod";
import { readFlagReason } from "~/domain/returns/flag-reason";
import { QUEUE_AGE_BUCKETS } from "~/domain/returns/queue-age";
import { RETURN_METHODS } from "~/domain/returns/policy";
import { RETURN_REASONS } from "~/domain/returns/reasons";
import { RETURN_STATUSES } from "~/domain/returns/status";
import { listLocations } from "~/models/locations.server";
import { countReturnsByStatus, listReturnsQueue, type ReturnsQueueFilters } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";

export const QUEUE_PAGE_SIZE = 25;

const amount = z.string().trim().regex(/^\d+(\.\d{1,2})?$/, "an amount like 25 or 25.50");
/** A filter typed into the URL: ignored, like any filter that does not parse, when it has a NUL or another control character (PostgreSQL refuses a NUL). */
const typed = (max: number) => z.string().trim().max(max).refine((v) => typedTextProblem(v, max) === null);

const queueParams = z.object({
  status: z.array(z.enum(RETURN_STATUSES)).default([]),
  reason: z.enum(RETURN_REASONS).optional().catch(undefined),
  method: z.enum(RETURN_METHODS).optional().catch(undefined),
  age: z.enum(Object.keys(QUEUE_AGE_BUCKETS) as [keyof typeof QUEUE_AGE_BUCKETS]).optional().catch(undefined),
  minValue: amount.optional().catch(undefined),
  maxValue: amount.optional().catch(undefined),
  location: typed(200).pipe(z.string().min(1)).optional().catch(undefined),
  flagged: z.enum(["1"]).optional().catch(undefined),
  q: typed(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).default(1).catch(1),
});
export type QueueParams = z.output<typeof queueParams>;

export function parseQueueParams(url: URL): QueueParams {
  const get = (k: string) => url.searchParams.get(k) || undefined;
  const statuses = url.searchParams
    .getAll("status")
    .flatMap((s) => s.split(","))
    .filter((s): s is (typeof RETURN_STATUSES)[number] => (RETURN_STATUSES as readonly string[]).includes(s));
  return queueParams.parse({
    status: statuses,
    reason: get("reason"),
    method: get("method"),
    age: get("age"),
    minValue: get("minValue"),
    maxValue: get("maxValue"),
    location: get("location"),
    flagged: get("flagged"),
    q: get("q"),
    page: get("page"),
  });
}

export async function loadReturnsQueue(shop: ShopRef, params: QueueParams, now: Date = new Date()) {
  const age = params.age ? QUEUE_AGE_BUCKETS[params.age] : null;
  const filters: ReturnsQueueFilters = {
    statuses: params.status,
    reason: params.reason ?? null,
    method: params.method ?? null,
    minAgeDays: age ? age[0] : null,
    maxAgeDays: age ? (age[1] === null ? null : age[1] + 1) : null,
    minValue: params.minValue ?? null,
    maxValue: params.maxValue ?? null,
    locationId: params.location ?? null,
    flagged: params.flagged ? true : null,
    search: params.q ?? null,
  };
  const [{ rows, total }, counts, locations] = await Promise.all([
    listReturnsQueue(shop, filters, { skip: (params.page - 1) * QUEUE_PAGE_SIZE, take: QUEUE_PAGE_SIZE }, now),
    countReturnsByStatus(shop),
    listLocations(shop, { activeOnly: true }),
  ]);
  const locationName = new Map(locations.map((l) => [l.shopifyId, l.name]));
  return {
    params,
    total,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    counts,
    locations: locations.map((l) => ({ id: l.shopifyId, name: l.name })),
    rows: rows.map((r) => ({
      id: r.id,
      rma: r.rma,
      orderName: r.orderName,
      customer: r.customerName || r.customerEmail || "—",
      customerEmail: r.customerEmail,
      status: r.status,
      method: r.method,
      source: r.source,
      flagged: r.flagged,
      flags: r.flagReasons.map(readFlagReason),
      reasons: [...new Set(r.lines.map((l) => l.reason))],
      items: r.lines.reduce((n, l) => n + l.quantity, 0),
      totalValue: r.totalValue.toFixed(2),
      currency: r.currency,
      location: r.returnLocationId ? (locationName.get(r.returnLocationId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      ageDays: Math.floor((now.getTime() - r.createdAt.getTime()) / 86_400_000),
    })),
  };
}
