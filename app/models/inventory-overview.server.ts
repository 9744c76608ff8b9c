// The Inventory page's read of Crossdock's inventory mirror (never Shopify): one row per variant
// and active location, with its buffer, sorted and paged in PostgreSQL.
import { Prisma } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export interface InventoryOverviewRow {
  sku: string | null;
  title: string | null;
  /** Crossdock's location row id (its settings page). */
  locationId: string;
  locationName: string;
  onHand: number;
  available: number;
  buffer: number;
  /** available − buffer, never below 0. */
  promisable: number;
}

export interface InventoryOverviewQuery {
  /** Units kept back per active location row id (stockBufferOf): only these locations are listed. */
  buffers: ReadonlyMap<string, number>;
  /** Words of a product title or a SKU (case-insensitive). */
  search: string | null;
  /** One location's rows only. */
  locationId: string | null;
  offset: number;
  limit: number;
}

/** Rows with the least to promise first (then by title, SKU, location), and how many match. */
export async function listInventoryOverview(
  shop: ShopRef,
  query: InventoryOverviewQuery,
  db: Db = prisma,
): Promise<{ rows: InventoryOverviewRow[]; total: number }> {
  const locationIds = [...query.buffers.keys()];
  if (locationIds.length === 0) return { rows: [], total: 0 };
  const buffers = locationIds.map((id) => query.buffers.get(id)!);
  const pattern = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = Prisma.sql`il.shop_id = ${shop.id}
    AND (${pattern}::text IS NULL OR il.title ILIKE ${pattern} OR il.sku ILIKE ${pattern})
    AND (${query.locationId}::text IS NULL OR il.location_id = ${query.locationId})`;
  const rows = await db.$queryRaw<(InventoryOverviewRow & { total: number })[]>`
    WITH b AS (SELECT * FROM unnest(${locationIds}::text[], ${buffers}::int[]) AS b(location_id, buffer))
    SELECT il.sku, il.title, il.location_id AS "locationId", l.name AS "locationName",
      il.on_hand AS "onHand", il.available, b.buffer, GREATEST(il.available - b.buffer, 0) AS promisable,
      count(*) OVER ()::int AS total
    FROM inventory_level il
    JOIN b ON b.location_id = il.location_id
    JOIN location l ON l.id = il.location_id AND l.shop_id = il.shop_id
    WHERE ${where}
    ORDER BY GREATEST(il.available - b.buffer, 0), il.title NULLS LAST, il.sku NULLS LAST, l.name, il.id
    OFFSET ${query.offset} LIMIT ${query.limit}`;
  if (rows.length === 0 && query.offset > 0) {
    const [counted] = await db.$queryRaw<{ total: number }[]>`
      WITH b AS (SELECT unnest(${locationIds}::text[]) AS location_id)
      SELECT count(*)::int AS total FROM inventory_level il JOIN b ON b.location_id = il.location_id WHERE ${where}`;
    return { rows: [], total: counted?.total ?? 0 };
  }
  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}
