// Aggregate reads for the admin dashboard. Every query is scoped to the shop and aggregates in
// PostgreSQL (COUNT/SUM/GROUP BY), returning a handful of rows whatever the order volume; the
// figures are then derived by app/domain/reporting. Timestamps are stored as UTC without time zone;
// local days are taken in the shop's time zone (`AT TIME ZONE 'UTC' AT TIME ZONE <zone>`).
import { Prisma } from "@prisma/client";
import type {
  AgeRow,
  DailyRoutingRow,
  LocationDayRow,
  ProductRow,
  ReasonRow,
  ReturnCohortTotals,
  RoutingTotals,
  Window,
} from "~/domain/reporting";
import { APPROVED_STATUSES, AWAITING_DECISION, FINAL_STATUSES } from "~/domain/returns/status";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export interface TwoWindows {
  current: Window;
  previous: Window;
}

export interface ByWindow<T> {
  current: T;
  previous: T;
}

function split<T extends { current: boolean }, U>(rows: readonly T[], map: (row: T | undefined) => U): ByWindow<U> {
  return { current: map(rows.find((r) => r.current)), previous: map(rows.find((r) => !r.current)) };
}

/**
 * The return-rate cohorts as far as Crossdock's mirror of the orders holds them: orders placed in
 * each window, fulfilled (wholly or partly) and not cancelled, and how many of them have a return
 * request that was not declined or cancelled. The dashboard takes the numerator from here and the
 * denominator from Shopify's count (the mirror holds only the orders Crossdock saw).
 */
export async function returnCohorts(shop: ShopRef, windows: TwoWindows, db: Db = prisma): Promise<ByWindow<ReturnCohortTotals>> {
  const rows = await db.$queryRaw<Array<{ current: boolean; fulfilledOrders: number; ordersWithReturns: number }>>`
    WITH cohort AS (
      SELECT o.shopify_id, o.shopify_created_at >= ${windows.current.from} AS current
        FROM "order" o
       WHERE o.shop_id = ${shop.id}
         AND o.shopify_created_at >= ${windows.previous.from} AND o.shopify_created_at < ${windows.current.to}
         AND o.cancelled_at IS NULL
         AND o.fulfillment_status IN ('fulfilled', 'partial')
    ), returned AS (
      SELECT DISTINCT r.order_id
        FROM return_request r
       WHERE r.shop_id = ${shop.id}
         AND r.status::text NOT IN (${Prisma.join(FINAL_STATUSES)})
         AND r.order_id IN (SELECT shopify_id FROM cohort)
    )
    SELECT c.current, count(*)::int AS "fulfilledOrders", count(rt.order_id)::int AS "ordersWithReturns"
      FROM cohort c LEFT JOIN returned rt ON rt.order_id = c.shopify_id
     GROUP BY c.current`;
  return split(rows, (r) => ({ fulfilledOrders: r?.fulfilledOrders ?? 0, ordersWithReturns: r?.ordersWithReturns ?? 0 }));
}

/** Return requests opened in each window (any status). */
export async function returnRequestCounts(shop: ShopRef, windows: TwoWindows, db: Db = prisma): Promise<ByWindow<number>> {
  const rows = await db.$queryRaw<Array<{ current: boolean; requests: number }>>`
    SELECT created_at >= ${windows.current.from} AS current, count(*)::int AS requests
      FROM return_request
     WHERE shop_id = ${shop.id} AND created_at >= ${windows.previous.from} AND created_at < ${windows.current.to}
     GROUP BY 1`;
  return split(rows, (r) => r?.requests ?? 0);
}

/** Returned units and requests per reason, of the requests opened in the window. */
export async function returnReasons(shop: ShopRef, window: Window, db: Db = prisma): Promise<ReasonRow[]> {
  return db.$queryRaw<ReasonRow[]>`
    SELECT l.reason, sum(l.quantity)::int AS units, count(DISTINCT r.id)::int AS requests
      FROM return_request r JOIN return_line l ON l.return_id = r.id
     WHERE r.shop_id = ${shop.id} AND r.created_at >= ${window.from} AND r.created_at < ${window.to}
     GROUP BY l.reason`;
}

/** Returned units, requests and value per product (by title), of the requests opened in the window. */
export async function returnedProducts(shop: ShopRef, window: Window, db: Db = prisma): Promise<ProductRow[]> {
  return db.$queryRaw<ProductRow[]>`
    SELECT l.title, sum(l.quantity)::int AS units, count(DISTINCT r.id)::int AS requests,
           COALESCE(sum(l.quantity * l.unit_price), 0)::float8 AS value
      FROM return_request r JOIN return_line l ON l.return_id = r.id
     WHERE r.shop_id = ${shop.id} AND r.created_at >= ${window.from} AND r.created_at < ${window.to}
     GROUP BY l.title`;
}

/**
 * Seconds from request to approval of each return approved in a window (approved: in a status only
 * approval leads to, the lifecycle table's APPROVED_STATUSES; decided_at is the approval time). One
 * number per approved return: the quantiles are taken by the domain.
 */
export async function approvalDurations(shop: ShopRef, windows: TwoWindows, db: Db = prisma): Promise<ByWindow<number[]>> {
  const rows = await db.$queryRaw<Array<{ current: boolean; seconds: number }>>`
    SELECT decided_at >= ${windows.current.from} AS current,
           GREATEST(extract(epoch FROM (decided_at - created_at)), 0)::float8 AS seconds
      FROM return_request
     WHERE shop_id = ${shop.id}
       AND status::text IN (${Prisma.join(APPROVED_STATUSES)})
       AND decided_at >= ${windows.previous.from} AND decided_at < ${windows.current.to}`;
  return {
    current: rows.filter((r) => r.current).map((r) => r.seconds),
    previous: rows.filter((r) => !r.current).map((r) => r.seconds),
  };
}

/** Requests waiting for a decision, counted by whole days waited at `now`. */
export async function openRequestAges(shop: ShopRef, now: Date, db: Db = prisma): Promise<AgeRow[]> {
  return db.$queryRaw<AgeRow[]>`
    SELECT GREATEST(floor(extract(epoch FROM (${now}::timestamp - created_at)) / 86400), 0)::int AS "ageDays",
           count(*)::int AS count
      FROM return_request
     WHERE shop_id = ${shop.id} AND status::text IN (${Prisma.join(AWAITING_DECISION)})
     GROUP BY 1`;
}

/**
 * Each order's latest applied routing decision made in [from, to): a re-route replaces the
 * order's earlier decision, so an order counts once.
 */
const latestApplied = (shop: ShopRef, from: Date, to: Date) => Prisma.sql`
  SELECT DISTINCT ON (d.order_id) d.order_id, d.parcels, d.km, d.decided_at, d.shipping_location_ids,
         CASE WHEN jsonb_typeof(d.plan->'assignments') = 'array' THEN d.plan->'assignments' ELSE '[]'::jsonb END AS assignments
    FROM routing_decision d
   WHERE d.shop_id = ${shop.id} AND d.status = 'APPLIED' AND d.decided_at >= ${from} AND d.decided_at < ${to}
   ORDER BY d.order_id, d.revision DESC`;

const localDay = (column: Prisma.Sql, timeZone: string) =>
  Prisma.sql`to_char((${column} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD')`;

/** Routed orders, parcels, km and units in each window, and how much of it left from stores. */
export async function routingTotals(shop: ShopRef, windows: TwoWindows, db: Db = prisma): Promise<ByWindow<RoutingTotals>> {
  const rows = await db.$queryRaw<Array<RoutingTotals & { current: boolean }>>`
    WITH latest AS (${latestApplied(shop, windows.previous.from, windows.current.to)}),
    stores AS (SELECT shopify_id FROM location WHERE shop_id = ${shop.id} AND kind = 'STORE'),
    units AS (
      SELECT l.order_id,
             sum(GREATEST(COALESCE((a->>'quantity')::int, 0), 0)) AS units,
             sum(CASE WHEN a->>'locationId' IN (SELECT shopify_id FROM stores) THEN GREATEST(COALESCE((a->>'quantity')::int, 0), 0) ELSE 0 END) AS store_units
        FROM latest l, jsonb_array_elements(l.assignments) AS a
       GROUP BY l.order_id
    )
    SELECT l.decided_at >= ${windows.current.from} AS current,
           count(*)::int AS orders,
           COALESCE(sum(l.parcels), 0)::int AS parcels,
           COALESCE(sum(l.km), 0)::float8 AS km,
           COALESCE(sum(u.units), 0)::int AS units,
           (count(*) FILTER (WHERE l.shipping_location_ids && ARRAY(SELECT shopify_id FROM stores)))::int AS "storeOrders",
           COALESCE(sum(u.store_units), 0)::int AS "storeUnits"
      FROM latest l LEFT JOIN units u ON u.order_id = l.order_id
     GROUP BY 1`;
  const empty: RoutingTotals = { orders: 0, parcels: 0, km: 0, units: 0, storeOrders: 0, storeUnits: 0 };
  return split(rows, (r) => (r ? { orders: r.orders, parcels: r.parcels, km: r.km, units: r.units, storeOrders: r.storeOrders, storeUnits: r.storeUnits } : empty));
}

/** Routed orders, parcels and km per local day of the window. */
export async function dailyRoutingRows(shop: ShopRef, window: Window, timeZone: string, db: Db = prisma): Promise<DailyRoutingRow[]> {
  return db.$queryRaw<DailyRoutingRow[]>`
    WITH latest AS (${latestApplied(shop, window.from, window.to)})
    SELECT ${localDay(Prisma.sql`l.decided_at`, timeZone)} AS day,
           count(*)::int AS orders, COALESCE(sum(l.parcels), 0)::int AS parcels, COALESCE(sum(l.km), 0)::float8 AS km
      FROM latest l
     GROUP BY 1`;
}

/** Orders and units each location was given per local day of the window. */
export async function locationDayRows(shop: ShopRef, window: Window, timeZone: string, db: Db = prisma): Promise<LocationDayRow[]> {
  return db.$queryRaw<LocationDayRow[]>`
    WITH latest AS (${latestApplied(shop, window.from, window.to)})
    SELECT a->>'locationId' AS "locationId",
           ${localDay(Prisma.sql`l.decided_at`, timeZone)} AS day,
           count(DISTINCT l.order_id)::int AS orders,
           sum(GREATEST(COALESCE((a->>'quantity')::int, 0), 0))::int AS units
      FROM latest l, jsonb_array_elements(l.assignments) AS a
     WHERE a->>'locationId' IS NOT NULL
     GROUP BY 1, 2`;
}

export interface SetupStatus {
  locations: number;
  activeLocations: number;
  stores: number;
  routingRulesSaved: boolean;
  autoRouting: boolean;
  returnPolicySaved: boolean;
  ordersRouted: number;
  returnRequests: number;
}

/** What the setup checklist needs, in one round trip. */
export async function setupStatus(shop: ShopRef, db: Db = prisma): Promise<SetupStatus> {
  const [row] = await db.$queryRaw<SetupStatus[]>`
    SELECT (SELECT count(*) FROM location WHERE shop_id = ${shop.id})::int AS locations,
           (SELECT count(*) FROM location WHERE shop_id = ${shop.id} AND is_active)::int AS "activeLocations",
           (SELECT count(*) FROM location WHERE shop_id = ${shop.id} AND is_active AND kind = 'STORE')::int AS stores,
           EXISTS (SELECT 1 FROM routing_rule_set WHERE shop_id = ${shop.id}) AS "routingRulesSaved",
           COALESCE((SELECT auto_routing FROM shop_settings WHERE shop_id = ${shop.id}), true) AS "autoRouting",
           EXISTS (SELECT 1 FROM return_policy WHERE shop_id = ${shop.id}) AS "returnPolicySaved",
           (SELECT count(DISTINCT order_id) FROM routing_decision WHERE shop_id = ${shop.id} AND status = 'APPLIED')::int AS "ordersRouted",
           (SELECT count(*) FROM return_request WHERE shop_id = ${shop.id})::int AS "returnRequests"`;
  return row!;
}
