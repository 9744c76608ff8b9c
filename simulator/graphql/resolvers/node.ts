/** `node` / `nodes`: any stored record by its GID. */
import { parseGid, parseInventoryLevelGid } from "../../store/ids";
import type { ShopState } from "../../store/shop-state";
import { RETURN_REASON_DEFINITIONS } from "../../store/returns";
import { findReturnableFulfillment } from "./returns";
import { invalidGlobalId } from "../errors";

export function findNode(shop: ShopState, id: string): unknown {
  const parsed = parseGid(id);
  if (!parsed) throw invalidGlobalId(id);
  switch (parsed.type) {
    case "Shop":
      return parsed.id === shop.shop.id ? shop.shop : null;
    case "Location":
      return shop.locations.get(parsed.id);
    case "Market":
      return shop.markets.get(parsed.id);
    case "Product":
      return shop.products.get(parsed.id);
    case "ProductVariant":
      return shop.variants.get(parsed.id);
    case "InventoryItem":
      return shop.inventoryItems.get(parsed.id);
    case "InventoryLevel": {
      const level = parseInventoryLevelGid(id);
      return level ? shop.level(level.inventoryItemId, level.locationId) : null;
    }
    case "Customer":
      return shop.customers.get(parsed.id);
    case "Order":
      return shop.orders.get(parsed.id);
    case "LineItem":
      return shop.lineItem(parsed.id)?.line;
    case "FulfillmentOrder":
      return shop.fulfillmentOrders.get(parsed.id);
    case "FulfillmentOrderLineItem":
      for (const fo of shop.fulfillmentOrders.values()) {
        const line = fo.lineItems.find((l) => l.id === parsed.id);
        if (line) return line;
      }
      return null;
    case "Fulfillment":
      return shop.fulfillments.get(parsed.id);
    case "InventoryAdjustmentGroup":
      return shop.adjustmentGroups.get(parsed.id);
    case "FulfillmentLineItem":
      return shop.fulfillmentLineItem(parsed.id)?.line;
    case "FulfillmentEvent":
      return shop.fulfillmentEvents.get(parsed.id);
    case "Return":
      return shop.returns.get(parsed.id);
    case "ReturnLineItem":
      for (const ret of shop.returns.values()) {
        const line = ret.lineItems.find((l) => l.id === parsed.id);
        if (line) return line;
      }
      return null;
    case "ExchangeLineItem":
      for (const ret of shop.returns.values()) {
        const line = ret.exchangeLineItems.find((l) => l.id === parsed.id);
        if (line) return line;
      }
      return null;
    case "ReturnableFulfillment":
      return findReturnableFulfillment(shop, parsed.id);
    case "ReturnReasonDefinition": {
      const definition = RETURN_REASON_DEFINITIONS.find((d) => d.id === parsed.id);
      return definition ? { __typename: "ReturnReasonDefinition", ...definition } : null;
    }
    case "ReverseFulfillmentOrder":
      return shop.reverseFulfillmentOrders.get(parsed.id);
    case "ReverseFulfillmentOrderLineItem":
      return shop.reverseFulfillmentOrderLineItem(parsed.id)?.line;
    case "ReverseFulfillmentOrderDisposition":
      for (const rfo of shop.reverseFulfillmentOrders.values()) {
        for (const line of rfo.lineItems) {
          const disposition = line.dispositions.find((d) => d.id === parsed.id);
          if (disposition) return disposition;
        }
      }
      return null;
    case "ReverseDelivery":
      return shop.reverseDeliveries.get(parsed.id);
    case "ReverseDeliveryLineItem":
      for (const delivery of shop.reverseDeliveries.values()) {
        const line = delivery.lines.find((l) => l.id === parsed.id);
        if (line) return line;
      }
      return null;
    default:
      return null;
  }
}
