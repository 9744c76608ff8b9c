/** The `query:` filters and sort keys of the list fields the app reads. */
import { displayFulfillmentStatus } from "./orders";
import { orderReturnStatus } from "./returns";
import type { CustomerRecord, FulfillmentOrderRecord, InventoryLevelRecord, LocationRecord, MarketRecord, OrderRecord, ProductRecord, VariantRecord } from "./records";
import {
  booleanMatches,
  numberMatches,
  tagMatches,
  textContains,
  textEquals,
  timeMatches,
  type SearchFields,
} from "./search-query";
import type { ShopState } from "./shop-state";

const FULFILLMENT_STATUS_FILTER: Record<string, (status: string) => boolean> = {
  unshipped: (s) => s === "UNFULFILLED",
  shipped: (s) => s === "FULFILLED",
  fulfilled: (s) => s === "FULFILLED",
  partial: (s) => s === "PARTIALLY_FULFILLED",
  unfulfilled: (s) => s !== "FULFILLED",
  on_hold: (s) => s === "ON_HOLD",
  scheduled: (s) => s === "SCHEDULED",
  in_progress: (s) => s === "IN_PROGRESS",
  request_declined: (s) => s === "REQUEST_DECLINED",
};

export function orderSearch(shop: ShopState): SearchFields<OrderRecord> {
  return {
    fields: {
      created_at: (o, t) => timeMatches(o.createdAt, t),
      updated_at: (o, t) => timeMatches(o.updatedAt, t),
      processed_at: (o, t) => timeMatches(o.processedAt, t),
      name: (o, t) => textEquals(o.name, t) || textEquals(o.name.replace(/^#/, ""), t),
      email: (o, t) => textEquals(o.email, t),
      id: (o, t) => numberMatches(o.id, t),
      customer_id: (o, t) => numberMatches(o.customerId, t),
      tag: (o, t) => tagMatches(o.tags, t),
      tag_not: (o, t) => !tagMatches(o.tags, t),
      financial_status: (o, t) => textEquals(o.financialStatus, t),
      delivery_method: (o, t) => textEquals(o.deliveryMethod.replace("_", "-"), t),
      status: (o, t) => {
        const v = t.value.toLowerCase();
        if (v === "open") return o.closedAt == null && o.cancelledAt == null;
        if (v === "closed") return o.closedAt != null;
        if (v === "cancelled" || v === "canceled") return o.cancelledAt != null;
        if (v === "any") return true;
        return false;
      },
      fulfillment_status: (o, t) => {
        const test = FULFILLMENT_STATUS_FILTER[t.value.toLowerCase()];
        return test ? test(displayFulfillmentStatus(shop, o)) : false;
      },
      location_id: (o, t) =>
        shop.fulfillmentOrdersOf(o.id).some((fo) => numberMatches(fo.assignedLocationId, t)),
      return_status: (o, t) => textEquals(orderReturnStatus(shop, o.id), t),
    },
    text: (o, word) =>
      textContains(o.name, word) ||
      textContains(o.email, word) ||
      textContains(o.shippingAddress?.firstName, word) ||
      textContains(o.shippingAddress?.lastName, word),
  };
}

export const locationSearch: SearchFields<LocationRecord> = {
  fields: {
    name: (l, t) => textEquals(l.name, t),
    id: (l, t) => numberMatches(l.id, t),
    location_id: (l, t) => numberMatches(l.id, t),
    active: (l, t) => booleanMatches(l.isActive, t),
    city: (l, t) => textEquals(l.address.city, t),
    country: (l, t) => textEquals(l.address.countryCode, t) || textEquals(l.address.country, t),
    province: (l, t) => textEquals(l.address.provinceCode, t) || textEquals(l.address.province, t),
    zip: (l, t) => textEquals(l.address.zip, t),
    address1: (l, t) => textEquals(l.address.address1, t),
    pickup_in_store: (l, t) => (t.value.toLowerCase() === "enabled") === (l.localPickup != null),
    geolocated: (l, t) => booleanMatches(l.address.latitude != null, t),
    legacy: (_l, t) => booleanMatches(false, t),
  },
  text: (l, word) => textContains(l.name, word) || textContains(l.address.city, word),
};

export function productSearch(shop: ShopState): SearchFields<ProductRecord> {
  return {
    fields: {
      title: (p, t) => textEquals(p.title, t),
      tag: (p, t) => tagMatches(p.tags, t),
      tag_not: (p, t) => !tagMatches(p.tags, t),
      status: (p, t) => t.value.split(",").some((v) => v.toUpperCase() === p.status),
      vendor: (p, t) => textEquals(p.vendor, t),
      product_type: (p, t) => textEquals(p.productType, t),
      handle: (p, t) => textEquals(p.handle, t),
      id: (p, t) => numberMatches(p.id, t),
      created_at: (p, t) => timeMatches(p.createdAt, t),
      updated_at: (p, t) => timeMatches(p.updatedAt, t),
      sku: (p, t) => p.variantIds.some((id) => textEquals(shop.variants.get(id)?.sku, t)),
    },
    text: (p, word) => textContains(p.title, word) || textContains(p.vendor, word) || p.tags.some((tag) => textContains(tag, word)),
  };
}

export function variantSearch(shop: ShopState): SearchFields<VariantRecord> {
  return {
    fields: {
      sku: (v, t) => textEquals(v.sku, t),
      barcode: (v, t) => textEquals(v.barcode, t),
      title: (v, t) => textEquals(v.title, t),
      id: (v, t) => numberMatches(v.id, t),
      product_id: (v, t) => numberMatches(v.productId, t),
      inventory_item_id: (v, t) => numberMatches(v.inventoryItemId, t),
      tag: (v, t) => tagMatches(shop.products.get(v.productId)?.tags ?? [], t),
      updated_at: (v, t) => timeMatches(v.updatedAt, t),
    },
    text: (v, word) => textContains(v.sku, word) || textContains(v.title, word) || textContains(shop.products.get(v.productId)?.title, word),
  };
}

export const fulfillmentOrderSearch: SearchFields<FulfillmentOrderRecord> = {
  fields: {
    status: (fo, t) => textEquals(fo.status, t),
    assigned_location_id: (fo, t) => numberMatches(fo.assignedLocationId, t),
    order_id: (fo, t) => numberMatches(fo.orderId, t),
    id: (fo, t) => numberMatches(fo.id, t),
    updated_at: (fo, t) => timeMatches(fo.updatedAt, t),
    created_at: (fo, t) => timeMatches(fo.createdAt, t),
  },
  text: () => true,
};

/**
 * `Location.inventoryLevels(query:)` / `InventoryItem.inventoryLevels(query:)`: the schema lists
 * created_at, id, inventory_group_id, inventory_item_id and updated_at (inventory groups, and the
 * levels' composite ids, are not modelled: those filters are ignored, as unknown filters are).
 */
export const inventoryLevelSearch: SearchFields<InventoryLevelRecord> = {
  fields: {
    created_at: (l, t) => timeMatches(l.createdAt, t),
    updated_at: (l, t) => timeMatches(l.updatedAt, t),
    inventory_item_id: (l, t) => numberMatches(l.inventoryItemId, t),
  },
  text: () => true,
};

export const customerSearch: SearchFields<CustomerRecord> = {
  fields: {
    email: (c, t) => textEquals(c.email, t),
    phone: (c, t) => textEquals(c.phone, t),
    first_name: (c, t) => textEquals(c.firstName, t),
    last_name: (c, t) => textEquals(c.lastName, t),
    id: (c, t) => numberMatches(c.id, t),
    tag: (c, t) => tagMatches(c.tags, t),
    updated_at: (c, t) => timeMatches(c.updatedAt, t),
  },
  text: (c, word) => textContains(c.email, word) || textContains(c.firstName, word) || textContains(c.lastName, word),
};

type Sorter<T> = (a: T, b: T) => number;
const byId: Sorter<{ id: number }> = (a, b) => a.id - b.id;
function by<T>(key: (r: T) => string | number): Sorter<T & { id: number }> {
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : a.id - b.id;
  };
}

export const orderSorts: Record<string, Sorter<OrderRecord>> = {
  ID: byId,
  RELEVANCE: byId,
  CREATED_AT: by((o) => o.createdAt),
  UPDATED_AT: by((o) => o.updatedAt),
  PROCESSED_AT: by((o) => o.processedAt),
  ORDER_NUMBER: by((o) => o.number),
};

/**
 * `markets(query:)`: the filters the 2026-10 schema lists (FIDELITY MK-3). Every seeded market is a
 * region market, so `market_type` and `market_condition_types` match REGION only.
 */
export const marketSearch: SearchFields<MarketRecord> = {
  fields: {
    id: (m, t) => numberMatches(m.id, t),
    name: (m, t) => textEquals(m.name, t),
    status: (m, t) => textEquals(m.status, t),
    market_type: (m, t) => textEquals(marketType(m), t),
    market_condition_types: (m, t) => t.value.split(",").some((v) => textEquals(marketType(m), { ...t, value: v.trim() })),
  },
  text: (m, word) => textContains(m.name, word) || textContains(m.handle, word),
};

/** `Market.type`: REGION for a market with countries, NONE for one without conditions. */
export function marketType(m: MarketRecord): "REGION" | "NONE" {
  return m.countries.length ? "REGION" : "NONE";
}

export const marketSorts: Record<string, Sorter<MarketRecord>> = {
  ID: byId,
  NAME: by((m) => m.name.toLowerCase()),
  STATUS: by((m) => m.status),
  CREATED_AT: by((m) => m.createdAt),
  UPDATED_AT: by((m) => m.updatedAt),
  MARKET_TYPE: by((m) => marketType(m)),
  MARKET_CONDITION_TYPES: by((m) => marketType(m)),
};

export const locationSorts: Record<string, Sorter<LocationRecord>> = {
  ID: byId,
  RELEVANCE: byId,
  NAME: by((l) => l.name.toLowerCase()),
};

export const productSorts: Record<string, Sorter<ProductRecord>> = {
  ID: byId,
  RELEVANCE: byId,
  TITLE: by((p) => p.title.toLowerCase()),
  CREATED_AT: by((p) => p.createdAt),
  UPDATED_AT: by((p) => p.updatedAt),
  VENDOR: by((p) => p.vendor),
  PRODUCT_TYPE: by((p) => p.productType),
};

export const variantSorts: Record<string, Sorter<VariantRecord>> = {
  ID: byId,
  RELEVANCE: byId,
  SKU: by((v) => v.sku ?? ""),
  TITLE: by((v) => v.title),
  POSITION: by((v) => v.position),
};

/** Sorts by a supported key (falling back to ID for keys the simulator does not model). */
export function sortRecords<T extends { id: number }>(records: T[], sorts: Record<string, Sorter<T>>, sortKey: string | null | undefined, reverse: boolean | null | undefined): T[] {
  const sorter = (sortKey && sorts[sortKey]) || sorts.ID!;
  const sorted = [...records].sort(sorter);
  return reverse ? sorted.reverse() : sorted;
}
