import { gid, externalId } from "../../store/ids";
import { inventoryLevelSearch } from "../../store/queries";
import { filterByQuery } from "../../store/search-query";
import type { LocationRecord } from "../../store/records";
import type { GraphqlContext, ResolverMap } from "../context";
import { connection, type ConnectionArgs } from "../connection";
import { argId } from "../ids";
import { addressFields } from "./common";

const OPEN_FO = new Set(["OPEN", "IN_PROGRESS", "ON_HOLD", "SCHEDULED"]);

export const locationResolvers: ResolverMap = {
  Location: {
    id: (l: LocationRecord) => gid("Location", l.id),
    legacyResourceId: (l: LocationRecord) => externalId(l.id),
    address: (l: LocationRecord) => addressFields(l.address),
    localPickupSettingsV2: (l: LocationRecord) => (l.localPickup ? { ...l.localPickup } : null),
    isPrimary: (l: LocationRecord, _a: unknown, ctx: GraphqlContext) => ctx.shop.locationsInOrder()[0]?.id === l.id,
    isFulfillmentService: () => false,
    fulfillmentService: () => null,
    shipsInventory: (l: LocationRecord) => l.fulfillsOnlineOrders,
    activatable: (l: LocationRecord) => !l.isActive,
    deactivatable: (l: LocationRecord) => l.isActive,
    deletable: (l: LocationRecord) => !l.isActive,
    addressVerified: () => true,
    hasActiveInventory: (l: LocationRecord, _a: unknown, ctx: GraphqlContext) =>
      [...ctx.shop.levels.values()].some((level) => level.locationId === l.id && level.stored.on_hand > 0),
    hasUnfulfilledOrders: (l: LocationRecord, _a: unknown, ctx: GraphqlContext) =>
      [...ctx.shop.fulfillmentOrders.values()].some((fo) => fo.assignedLocationId === l.id && OPEN_FO.has(fo.status)),
    inventoryLevel: (l: LocationRecord, args: { inventoryItemId: string }, ctx: GraphqlContext) => {
      const itemId = argId("InventoryItem", args.inventoryItemId);
      return itemId == null ? null : (ctx.shop.level(itemId, l.id) ?? null);
    },
    inventoryLevels: (l: LocationRecord, args: ConnectionArgs & { reverse?: boolean; query?: string | null }, ctx: GraphqlContext) => {
      const here = [...ctx.shop.levels.values()].filter((level) => level.locationId === l.id).sort((a, b) => a.inventoryItemId - b.inventoryItemId);
      const levels = filterByQuery(here, args.query, inventoryLevelSearch);
      return connection(args.reverse ? levels.reverse() : levels, args, (level) => level.inventoryItemId);
    },
  },
};

