/**
 * The plain-data shape a simulator shop is seeded from. The demo shop generator produces it; the
 * simulator's control API (`POST /_control/shops/:shop/seed`) and `SimulatorStore.seed()` load it.
 * Keys (`key` fields) are stable identifiers inside one seed; the store assigns Shopify GIDs.
 */

export type DeliveryLocalPickupTime =
  | "ONE_HOUR"
  | "TWO_HOURS"
  | "FOUR_HOURS"
  | "TWENTY_FOUR_HOURS"
  | "TWO_TO_FOUR_DAYS"
  | "FIVE_OR_MORE_DAYS";

export interface SeedAddress {
  address1: string;
  address2?: string;
  city: string;
  province?: string;
  provinceCode?: string;
  zip: string;
  country: string;
  countryCode: string; // ISO 3166-1 alpha-2, e.g. "US", "VN", "CN"
  phone?: string;
  latitude: number;
  longitude: number;
}

export interface SeedShop {
  domain: string; // e.g. "crossdock-demo.myshopify.com"
  name: string;
  email: string;
  currencyCode: string; // e.g. "USD"
  ianaTimezone: string;
  countryCode: string;
}

export interface SeedLocation {
  key: string;
  name: string;
  /** Crossdock's routing attribute; Shopify itself has no such field (it lives in our DB). */
  kind: "warehouse" | "store";
  address: SeedAddress;
  fulfillsOnlineOrders: boolean;
  isActive: boolean;
  /** null = local pickup disabled. */
  localPickup: { pickupTime: DeliveryLocalPickupTime; instructions: string } | null;
}

export interface SeedVariant {
  key: string;
  title: string; // "Default Title" for single-variant products
  sku: string;
  price: string; // decimal string in shop currency, e.g. "24.00"
  barcode?: string;
  selectedOptions: { name: string; value: string }[];
  weightGrams: number;
  /** On-hand and committed units per location key; available = onHand - committed. */
  inventory: Record<string, { onHand: number; committed?: number; incoming?: number }>;
}

export interface SeedProduct {
  key: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  options: { name: string; values: string[] }[];
  variants: SeedVariant[];
}

export interface SeedCustomer {
  key: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  locale?: string; // "en", "vi", "zh-CN"
}

export type SeedOrderState =
  | "unfulfilled"
  | "partially_fulfilled"
  | "fulfilled" // shipped, in transit
  | "delivered"
  | "cancelled"
  | "ready_for_pickup"
  | "picked_up";

export interface SeedFulfillment {
  lines: { variantKey: string; quantity: number }[];
  trackingCompany?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  /** Shopify's FulfillmentDisplayStatus-like progress. */
  status: "CONFIRMED" | "IN_TRANSIT" | "OUT_FOR_DELIVERY" | "DELIVERED" | "READY_FOR_PICKUP" | "PICKED_UP";
  createdAt: string; // ISO
  inTransitAt?: string;
  estimatedDeliveryAt?: string;
  deliveredAt?: string;
}

export interface SeedOrder {
  key: string;
  /** Order number; the store names it "#<number>". */
  number: number;
  createdAt: string; // ISO
  customerKey: string;
  email: string;
  phone?: string;
  shippingAddress: (Omit<SeedAddress, "latitude" | "longitude"> & { firstName: string; lastName: string; latitude?: number; longitude?: number }) | null;
  lines: { variantKey: string; quantity: number }[];
  deliveryMethod: "SHIPPING" | "PICK_UP";
  /** For PICK_UP orders: the store the shopper chose. */
  pickupLocationKey?: string;
  /** Where Shopify initially assigned the fulfillment order. */
  assignedLocationKey: string;
  financialStatus: "PENDING" | "AUTHORIZED" | "PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED";
  state: SeedOrderState;
  fulfillments: SeedFulfillment[];
  cancelledAt?: string;
  cancelReason?: "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";
  /** Cart attributes carried to the order (e.g. Crossdock's chosen pickup store). */
  noteAttributes: { name: string; value: string }[];
  tags: string[];
  note?: string;
}

export interface SeedData {
  shop: SeedShop;
  locations: SeedLocation[];
  products: SeedProduct[];
  customers: SeedCustomer[];
  orders: SeedOrder[];
}
