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

/**
 * app/uninstalled: Shopify's REST Shop resource, with the keys of Shopify's example (FIDELITY
 * WP-11). The simulated shop knows its name, email, domain, country, currency and time zone; its
 * street address is unknown (null, as Shopify sends absent values).
 */
export function shopPayload(shop: ShopState) {
  const s = shop.shop;
  const primaryLocation = [...shop.locations.values()].find((l) => l.isActive);
  const country = countryName({ country: null, countryCode: s.countryCode } as LocationRecord["address"]);
  return {
    id: s.id,
    name: s.name,
    email: s.email,
    domain: s.domain,
    province: null,
    country: s.countryCode,
    address1: null,
    zip: null,
    city: null,
    source: null,
    phone: null,
    latitude: null,
    longitude: null,
    primary_locale: "en",
    address2: null,
    created_at: s.createdAt,
    updated_at: s.updatedAt,
    country_code: s.countryCode,
    country_name: country,
    currency: s.currencyCode,
    customer_email: s.email,
    timezone: `(GMT+00:00) ${s.ianaTimezone}`,
    iana_timezone: s.ianaTimezone,
    shop_owner: s.name,
    money_format: "{{amount}}",
    money_with_currency_format: `{{amount}} ${s.currencyCode}`,
    weight_unit: "kg",
    province_code: null,
    taxes_included: false,
    auto_configure_tax_inclusivity: null,
    tax_shipping: false,
    county_taxes: null,
    plan_display_name: "Development",
    plan_name: "partner_test",
    has_discounts: false,
    has_gift_cards: false,
    myshopify_domain: s.domain,
    google_apps_domain: null,
    google_apps_login_enabled: null,
    money_in_emails_format: "{{amount}}",
    money_with_currency_in_emails_format: `{{amount}} ${s.currencyCode}`,
    eligible_for_payments: false,
    requires_extra_payments_agreement: false,
    password_enabled: null,
    has_storefront: true,
    finances: true,
    primary_location_id: primaryLocation?.id ?? null,
    checkout_api_supported: true,
    multi_location_enabled: true,
    setup_required: false,
    pre_launch_enabled: false,
    enabled_presentment_currencies: [s.currencyCode],
    marketing_sms_consent_enabled_at_checkout: false,
    transactional_sms_disabled: false,
  };
}

export function customerComplianceSubject(shop: ShopState, customerId: number) {
  const customer = shop.customers.get(customerId);
  return {
    customer: { id: customerId, email: customer?.email ?? null, phone: customer?.phone ?? null },
    orders: [...shop.orders.values()].filter((o) => o.customerId === customerId).map((o) => o.id),
  };
}
