/**
 * A small, hand-written SeedData for the simulator tests: three locations (one inactive), two
 * products, orders in every state. Kept independent of the demo-shop generator on purpose.
 */
import type { SeedData } from "../../simulator/seed/types";

export const SHOP = "sim-test.myshopify.com";

const address = (city: string, lat: number, lng: number) => ({
  address1: `1 ${city} Street`,
  city,
  province: "California",
  provinceCode: "CA",
  zip: "94000",
  country: "United States",
  countryCode: "US",
  latitude: lat,
  longitude: lng,
});

const shipTo = { ...address("Oakland", 37.8, -122.27), firstName: "Ada", lastName: "Lovelace" };

export function fixtureSeed(): SeedData {
  return {
    shop: { domain: SHOP, name: "Sim Test", email: "owner@sim-test.example", currencyCode: "USD", ianaTimezone: "UTC", countryCode: "US" },
    locations: [
      { key: "wh", name: "Warehouse", kind: "warehouse", address: address("Fresno", 36.7, -119.8), fulfillsOnlineOrders: true, isActive: true, localPickup: null },
      {
        key: "sf",
        name: "SF Store",
        kind: "store",
        address: address("San Francisco", 37.77, -122.42),
        fulfillsOnlineOrders: true,
        isActive: true,
        localPickup: { pickupTime: "TWO_HOURS", instructions: "Ask at the counter" },
      },
      { key: "old", name: "Old Depot", kind: "warehouse", address: address("Stockton", 37.95, -121.29), fulfillsOnlineOrders: true, isActive: false, localPickup: null },
    ],
    markets: [
      { key: "us", name: "United States", handle: "us", status: "ACTIVE", countries: ["US"] },
      { key: "na", name: "North America", handle: "north-america", status: "ACTIVE", countries: ["US", "CA", "MX"] },
      { key: "eu", name: "Europe", handle: "europe", status: "DRAFT", countries: ["DE", "FR"] },
    ],
    products: [
      {
        key: "tee",
        title: "Crossdock Tee",
        handle: "crossdock-tee",
        vendor: "Crossdock",
        productType: "Shirts",
        tags: ["apparel", "summer"],
        status: "ACTIVE",
        options: [{ name: "Size", values: ["S", "M"] }],
        variants: [
          { key: "tee-s", title: "S", sku: "TEE-S", price: "20.00", selectedOptions: [{ name: "Size", value: "S" }], weightGrams: 200, inventory: { wh: { onHand: 50 }, sf: { onHand: 5 } } },
          { key: "tee-m", title: "M", sku: "TEE-M", price: "20.00", selectedOptions: [{ name: "Size", value: "M" }], weightGrams: 220, inventory: { wh: { onHand: 30 } } },
        ],
      },
      {
        key: "mug",
        title: "Enamel Mug",
        handle: "enamel-mug",
        vendor: "Crossdock",
        productType: "Kitchen",
        tags: ["kitchen"],
        status: "ACTIVE",
        options: [{ name: "Title", values: ["Default Title"] }],
        variants: [
          { key: "mug", title: "Default Title", sku: "MUG-1", price: "12.50", selectedOptions: [{ name: "Title", value: "Default Title" }], weightGrams: 300, inventory: { wh: { onHand: 10, committed: 4 }, sf: { onHand: 8 }, old: { onHand: 4 } } },
        ],
      },
    ],
    customers: [
      { key: "ada", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com", locale: "en" },
      { key: "lin", firstName: "Lin", lastName: "Nguyen", email: "lin@example.com", locale: "vi" },
    ],
    orders: [
      { key: "o1", number: 1001, createdAt: "2026-10-01T10:00:00Z", customerKey: "ada", email: "ada@example.com", shippingAddress: shipTo, lines: [{ variantKey: "tee-s", quantity: 2 }, { variantKey: "mug", quantity: 3 }], deliveryMethod: "SHIPPING", assignedLocationKey: "wh", financialStatus: "PAID", state: "unfulfilled", fulfillments: [], noteAttributes: [{ name: "gift", value: "yes" }], tags: ["vip"] },
      {
        key: "o2", number: 1002, createdAt: "2026-10-02T10:00:00Z", customerKey: "lin", email: "lin@example.com", shippingAddress: shipTo,
        lines: [{ variantKey: "tee-m", quantity: 2 }, { variantKey: "mug", quantity: 1 }], deliveryMethod: "SHIPPING", assignedLocationKey: "wh", financialStatus: "PAID", state: "partially_fulfilled",
        fulfillments: [{ lines: [{ variantKey: "tee-m", quantity: 2 }], trackingCompany: "UPS", trackingNumber: "1Z999", trackingUrl: "https://ups.example/1Z999", status: "IN_TRANSIT", createdAt: "2026-10-03T10:00:00Z", inTransitAt: "2026-10-03T12:00:00Z" }],
        noteAttributes: [], tags: [],
      },
      {
        key: "o3", number: 1003, createdAt: "2026-10-03T10:00:00Z", customerKey: "ada", email: "ada@example.com", shippingAddress: shipTo,
        lines: [{ variantKey: "tee-s", quantity: 1 }], deliveryMethod: "SHIPPING", assignedLocationKey: "wh", financialStatus: "PAID", state: "delivered",
        fulfillments: [{ lines: [{ variantKey: "tee-s", quantity: 1 }], trackingCompany: "USPS", trackingNumber: "9400", status: "DELIVERED", createdAt: "2026-10-04T10:00:00Z", inTransitAt: "2026-10-04T12:00:00Z", deliveredAt: "2026-10-06T09:00:00Z" }],
        noteAttributes: [], tags: [],
      },
      { key: "o4", number: 1004, createdAt: "2026-10-04T10:00:00Z", customerKey: "lin", email: "lin@example.com", shippingAddress: shipTo, lines: [{ variantKey: "mug", quantity: 2 }], deliveryMethod: "SHIPPING", assignedLocationKey: "wh", financialStatus: "REFUNDED", state: "cancelled", fulfillments: [], cancelledAt: "2026-10-04T11:00:00Z", cancelReason: "CUSTOMER", noteAttributes: [], tags: [] },
      { key: "o5", number: 1005, createdAt: "2026-10-05T10:00:00Z", customerKey: "lin", email: "lin@example.com", shippingAddress: null, lines: [{ variantKey: "tee-s", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationKey: "sf", assignedLocationKey: "sf", financialStatus: "PAID", state: "ready_for_pickup", fulfillments: [], noteAttributes: [{ name: "_crossdock_pickup_store", value: "sf" }], tags: [] },
      { key: "o6", number: 1006, createdAt: "2026-10-06T10:00:00Z", customerKey: "ada", email: "ada@example.com", shippingAddress: null, lines: [{ variantKey: "mug", quantity: 1 }], deliveryMethod: "PICK_UP", pickupLocationKey: "sf", assignedLocationKey: "sf", financialStatus: "PAID", state: "picked_up", fulfillments: [], noteAttributes: [], tags: [] },
    ],
  };
}
