/** GET /_control/shops/:shop/state: a readable summary of one shop, GIDs included. */
import { gid } from "./ids";
import { quantitiesOf } from "./inventory";
import { displayFulfillmentStatus } from "./orders";
import { disposedQuantity, orderReturnStatus } from "./returns";
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
      returns: shop.returns.size,
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
        deliveredAt: f.deliveredAt,
        lineItems: f.lines.map((l) => ({
          id: gid("FulfillmentLineItem", l.id),
          sku: shop.lineItem(l.lineItemId)?.line.sku ?? null,
          quantity: l.quantity,
        })),
        events: shop.eventsOf(f.id).map((e) => ({ id: gid("FulfillmentEvent", e.id), status: e.status, happenedAt: e.happenedAt })),
      })),
      returnStatus: orderReturnStatus(shop, o.id),
      returns: shop.returnsOf(o.id).map((r) => ({
        id: gid("Return", r.id),
        name: r.name,
        status: r.status,
        decline: r.decline,
        lineItems: r.lineItems.map((l) => ({
          id: gid("ReturnLineItem", l.id),
          fulfillmentLineItemId: gid("FulfillmentLineItem", l.fulfillmentLineItemId),
          sku: lineSku(shop, l.fulfillmentLineItemId),
          quantity: l.quantity,
          returnReason: l.returnReason,
        })),
        exchangeLineItems: r.exchangeLineItems.map((l) => ({
          id: gid("ExchangeLineItem", l.id),
          sku: l.sku,
          quantity: l.quantity,
          processedQuantity: l.processedQuantity,
          lineItemIds: l.lineItemIds.map((lineItemId) => gid("LineItem", lineItemId)),
        })),
        reverseFulfillmentOrders: shop.reverseFulfillmentOrdersOf(r.id).map((rfo) => ({
          id: gid("ReverseFulfillmentOrder", rfo.id),
          status: rfo.status,
          lineItems: rfo.lineItems.map((l) => ({
            id: gid("ReverseFulfillmentOrderLineItem", l.id),
            sku: lineSku(shop, l.fulfillmentLineItemId),
            totalQuantity: l.totalQuantity,
            disposedQuantity: disposedQuantity(l),
            dispositions: l.dispositions.map((d) => ({
              id: gid("ReverseFulfillmentOrderDisposition", d.id),
              type: d.type,
              quantity: d.quantity,
              location: d.locationId == null ? null : locationName(d.locationId),
              locationId: d.locationId == null ? null : gid("Location", d.locationId),
            })),
          })),
          reverseDeliveries: shop.reverseDeliveriesOf(rfo.id).map((d) => ({
            id: gid("ReverseDelivery", d.id),
            tracking: d.tracking,
            labelUrl: d.label?.publicFileUrl ?? null,
            lineItems: d.lines.map((l) => ({ reverseFulfillmentOrderLineItemId: gid("ReverseFulfillmentOrderLineItem", l.reverseFulfillmentOrderLineItemId), quantity: l.quantity })),
          })),
        })),
      })),
    })),
  };
}

function lineSku(shop: ShopState, fulfillmentLineItemId: number): string | null {
  const lineItemId = shop.fulfillmentLineItem(fulfillmentLineItemId)?.line.lineItemId;
  return lineItemId == null ? null : (shop.lineItem(lineItemId)?.line.sku ?? null);
}
