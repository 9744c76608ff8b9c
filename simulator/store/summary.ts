/** GET /_control/shops/:shop/state: a readable summary of one shop, GIDs included. */
import { gid } from "./ids";
import { quantitiesOf } from "./inventory";
import { displayFulfillmentStatus } from "./orders";
import type { ShopState } from "./shop-state";

export function shopSummary(shop: ShopState) {
  const locationName = (id: number) => shop.locations.get(id)?.name ?? String(id);
  return {
    shop: { id: gid("Shop", shop.shop.id), domain: shop.domain, name: shop.shop.name, installed: shop.installed, scopes: shop.scopes },
    throttle: { ...shop.bucket },
    counts: {
      locations: shop.locations.size,
      products: shop.products.size,
      variants: shop.variants.size,
      customers: shop.customers.size,
      orders: shop.orders.size,
      fulfillmentOrders: shop.fulfillmentOrders.size,
      fulfillments: shop.fulfillments.size,
    },
    locations: shop.locationsInOrder().map((l) => ({
      id: gid("Location", l.id),
      name: l.name,
      isActive: l.isActive,
      fulfillsOnlineOrders: l.fulfillsOnlineOrders,
      localPickup: l.localPickup,
    })),
    inventory: [...shop.levels.values()].map((level) => {
      const item = shop.inventoryItems.get(level.inventoryItemId);
      return {
        inventoryItemId: gid("InventoryItem", level.inventoryItemId),
        sku: item?.sku ?? null,
        locationId: gid("Location", level.locationId),
        location: locationName(level.locationId),
        ...quantitiesOf(shop, level),
      };
    }),
    orders: [...shop.orders.values()].map((o) => ({
      id: gid("Order", o.id),
      name: o.name,
      createdAt: o.createdAt,
      cancelledAt: o.cancelledAt,
      displayFulfillmentStatus: displayFulfillmentStatus(shop, o),
      fulfillmentOrders: shop.fulfillmentOrdersOf(o.id).map((fo) => ({
        id: gid("FulfillmentOrder", fo.id),
        status: fo.status,
        location: locationName(fo.assignedLocationId),
        deliveryMethod: fo.deliveryMethod.methodType,
        lineItems: fo.lineItems.map((l) => ({
          id: gid("FulfillmentOrderLineItem", l.id),
          sku: shop.lineItem(l.lineItemId)?.line.sku ?? null,
          totalQuantity: l.totalQuantity,
          remainingQuantity: l.remainingQuantity,
        })),
      })),
      fulfillments: shop.fulfillmentsOf(o.id).map((f) => ({
        id: gid("Fulfillment", f.id),
        name: f.name,
        status: f.status,
        displayStatus: f.displayStatus,
        tracking: f.tracking,
      })),
    })),
  };
}
