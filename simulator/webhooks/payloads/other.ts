/** inventory_levels/*, locations/*, fulfillment_orders/moved, app/uninstalled and compliance payloads. */
import { gid, inventoryLevelGid } from "../../store/ids";
import { quantityOf } from "../../store/inventory";
import type { LocationRecord } from "../../store/records";
import type { ShopState } from "../../store/shop-state";
import { countryName } from "./common";

export function inventoryLevelPayload(shop: ShopState, inventoryItemId: number, locationId: number) {
  const level = shop.level(inventoryItemId, locationId);
  return {
    inventory_item_id: inventoryItemId,
    location_id: locationId,
    available: level ? quantityOf(shop, level, "available") : null,
    updated_at: level?.updatedAt ?? shop.now(),
    admin_graphql_api_id: inventoryLevelGid(inventoryItemId, locationId),
  };
}

export function locationPayload(location: LocationRecord) {
  const a = location.address;
  return {
    id: location.id,
    name: location.name,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    zip: a.zip,
    province: a.province,
    country: a.countryCode,
    phone: a.phone,
    created_at: location.createdAt,
    updated_at: location.updatedAt,
    country_code: a.countryCode,
    country_name: countryName(a),
    province_code: a.provinceCode,
    legacy: false,
    active: location.isActive,
    admin_graphql_api_id: gid("Location", location.id),
    localized_country_name: countryName(a),
    localized_province_name: a.province,
  };
}

export function fulfillmentOrderSummary(shop: ShopState, id: number) {
  const fo = shop.fulfillmentOrders.get(id);
  return {
    id: gid("FulfillmentOrder", id),
    status: fo?.status.toLowerCase() ?? null,
    assigned_location_id: fo ? gid("Location", fo.assignedLocationId) : null,
  };
}

export function shopPayload(shop: ShopState) {
  const s = shop.shop;
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    domain: s.domain,
    myshopify_domain: s.domain,
    country_code: s.countryCode,
    currency: s.currencyCode,
    iana_timezone: s.ianaTimezone,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    plan_name: "basic",
    shop_owner: s.name,
  };
}

export function customerComplianceSubject(shop: ShopState, customerId: number) {
  const customer = shop.customers.get(customerId);
  return {
    customer: { id: customerId, email: customer?.email ?? null, phone: customer?.phone ?? null },
    orders: [...shop.orders.values()].filter((o) => o.customerId === customerId).map((o) => o.id),
  };
}
