import { stockStatus, type StockStatus } from "~/domain/availability/status";
import { stockBufferOf } from "~/domain/locations/stock-buffer";
import { stockBufferPolicyOf } from "~/domain/routing/rules/stock-buffer";
import { hasInventoryLevels } from "~/models/inventory-sync.server";
import { listInventoryOverview, type InventoryOverviewRow } from "~/models/inventory-overview.server";
import { listLocations } from "~/models/locations.server";
import type { ShopRef } from "~/models/scope.server";
import { getShopSettings } from "~/models/shops.server";
import { loadShopRules } from "./routing-context.server";

export const INVENTORY_PAGE_SIZE = 50;

export interface InventoryView {
  rows: (InventoryOverviewRow & { status: StockStatus })[];
  total: number;
  page: number;
  pages: number;
  /** Active locations, for the filter. */
  locations: { id: string; name: string }[];
  lowStockThreshold: number;
  /** False until the first inventory sync stored anything. */
  synced: boolean;
}

/**
 * Stock by active location from Crossdock's mirror, with the buffer routing applies (stockBufferOf:
 * the stock-buffer rule, the location's own, the shop's default) and what is left to promise; the
 * least left first. `locationId` must be one of the shop's active locations (else null: unknown).
 */
export async function loadInventory(
  shop: ShopRef,
  params: { search: string | null; locationId: string | null; page: number },
): Promise<InventoryView | null> {
  const [locations, settings, { config }] = await Promise.all([listLocations(shop, { activeOnly: true }), getShopSettings(shop), loadShopRules(shop)]);
  if (params.locationId && !locations.some((l) => l.id === params.locationId)) return null;
  const policy = stockBufferPolicyOf(config, settings.stockBuffer);
  const buffers = new Map(locations.map((l) => [l.id, stockBufferOf({ id: l.shopifyId, stockBuffer: l.stockBuffer }, policy)]));
  const { rows, total } = await listInventoryOverview(shop, {
    buffers,
    search: params.search,
    locationId: params.locationId,
    offset: (params.page - 1) * INVENTORY_PAGE_SIZE,
    limit: INVENTORY_PAGE_SIZE,
  });
  return {
    rows: rows.map((row) => ({ ...row, status: stockStatus(row.available, { buffer: row.buffer, lowStockThreshold: settings.lowStockThreshold }) })),
    total,
    page: params.page,
    pages: Math.max(1, Math.ceil(total / INVENTORY_PAGE_SIZE)),
    locations: locations.map((l) => ({ id: l.id, name: l.name })),
    lowStockThreshold: settings.lowStockThreshold,
    synced: total > 0 || (await hasInventoryLevels(shop)),
  };
}
