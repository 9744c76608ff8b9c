import { gid, inventoryLevelGid, externalId } from "../../store/ids";
import { isQuantityName, quantityOf } from "../../store/inventory";
import { inventoryLevelSearch } from "../../store/queries";
import { filterByQuery } from "../../store/search-query";
import type { InventoryAdjustmentGroupRecord, InventoryChangeRecord, InventoryItemRecord, InventoryLevelRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { argId } from "../ids";
import { GraphQLError } from "graphql";
import { count } from "./common";

export const inventoryResolvers: ResolverMap = {
  InventoryItem: {
    id: (i: InventoryItemRecord) => gid("InventoryItem", i.id),
    legacyResourceId: (i: InventoryItemRecord) => externalId(i.id),
    variant: (i: InventoryItemRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.variants.get(i.variantId),
    // schema: `InventoryItem.variants` "the variants that reference this inventory item" (replaces
    // the deprecated `variant`); every simulated item belongs to exactly one variant.
    variants: (i: InventoryItemRecord, args: ConnectionArgs, ctx: GraphqlContext) => {
      const variant = ctx.shop.variants.get(i.variantId);
      return connection(variant ? [variant] : [], args, (v) => v.id);
    },
    inventoryLevel: (i: InventoryItemRecord, args: { locationId: string }, ctx: GraphqlContext) => {
      const locationId = argId("Location", args.locationId);
      return locationId == null ? null : (ctx.shop.level(i.id, locationId) ?? null);
    },
    inventoryLevels: (i: InventoryItemRecord, args: ConnectionArgs & { reverse?: boolean; query?: string | null }, ctx: GraphqlContext) => {
      const levels = filterByQuery(levelsOf(ctx, i.id), args.query, inventoryLevelSearch);
      return connection(args.reverse ? levels.reverse() : levels, args, (level) => level.locationId);
    },
    locationsCount: (i: InventoryItemRecord, _a: unknown, ctx: GraphqlContext) => count(levelsOf(ctx, i.id).length),
    measurement: (i: InventoryItemRecord, _a: unknown, ctx: GraphqlContext) => ({
      id: gid("InventoryItem", i.id) + "/measurement",
      weight: { unit: "GRAMS", value: ctx.shop.variants.get(i.variantId)?.weightGrams ?? 0 },
    }),
    duplicateSkuCount: (i: InventoryItemRecord, _a: unknown, ctx: GraphqlContext) =>
      [...ctx.shop.inventoryItems.values()].filter((other) => other.id !== i.id && other.sku != null && other.sku === i.sku).length,
  },
  InventoryLevel: {
    id: (l: InventoryLevelRecord) => inventoryLevelGid(l.inventoryItemId, l.locationId),
    item: (l: InventoryLevelRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.inventoryItems.get(l.inventoryItemId),
    location: (l: InventoryLevelRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.locations.get(l.locationId),
    isActive: () => true,
    canDeactivate: (l: InventoryLevelRecord, _a: unknown, ctx: GraphqlContext) => quantityOf(ctx.shop, l, "committed") === 0,
    deactivationAlert: () => null,
    quantities: (l: InventoryLevelRecord, args: { names: string[] }, ctx: GraphqlContext) => {
      const unknown = args.names.filter((name) => !isQuantityName(name));
      if (unknown.length) {
        throw new GraphQLError(`Invalid quantity name: ${unknown.join(", ")}`, { extensions: { code: "BAD_REQUEST" } });
      }
      return args.names.map((name) => ({
        __typename: "InventoryQuantity",
        id: `gid://shopify/InventoryQuantity/${externalId(l.locationId)}?inventory_item_id=${externalId(l.inventoryItemId)}&name=${name}`,
        name,
        quantity: quantityOf(ctx.shop, l, name as Parameters<typeof quantityOf>[2]),
        updatedAt: l.updatedAt,
      }));
    },
  },
  InventoryAdjustmentGroup: {
    id: (g: InventoryAdjustmentGroupRecord) => gid("InventoryAdjustmentGroup", g.id),
    app: () => null,
    staffMember: () => null,
    changes: (
      g: InventoryAdjustmentGroupRecord,
      args: { inventoryItemIds?: string[] | null; locationIds?: string[] | null; quantityNames?: string[] | null },
    ) =>
      g.changes.filter(
        (c) =>
          (!args.inventoryItemIds || args.inventoryItemIds.includes(gid("InventoryItem", c.inventoryItemId))) &&
          (!args.locationIds || args.locationIds.includes(gid("Location", c.locationId))) &&
          (!args.quantityNames || args.quantityNames.includes(c.name)),
      ),
  },
  InventoryChange: {
    item: (c: InventoryChangeRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.inventoryItems.get(c.inventoryItemId) ?? null,
    location: (c: InventoryChangeRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.locations.get(c.locationId) ?? null,
  },
};

function levelsOf(ctx: GraphqlContext, inventoryItemId: number): InventoryLevelRecord[] {
  return [...ctx.shop.levels.values()].filter((level) => level.inventoryItemId === inventoryItemId).sort((a, b) => a.locationId - b.locationId);
}
