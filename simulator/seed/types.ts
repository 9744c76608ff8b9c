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
  /** Default "merchant"; "third_party": a 3PL's location (another app's fulfillment service). */
  fulfillmentServiceManager?: "merchant" | "third_party" | "this_app";
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

/**
 * A cart attribute carried to an order. An attribute whose value is a location (Crossdock's chosen
 * pickup store, `_crossdock_pickup_location`) names it by seed key in `locationKey`: the store writes
 * that location's GID as the value when it seeds the shop, as the storefront block writes it, since
 * GIDs only exist once the shop is built.
 */
export type SeedNoteAttribute = { name: string; value: string } | { name: string; locationKey: string };

/** A return already made on the order (replayed through the store's return operations). */
export interface SeedReturn {
  status: "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED";
  requestedAt: string; // ISO
  /** Fulfilled units of the order's lines; the order must have fulfilled them. */
  lines: {
    variantKey: string;
    quantity: number;
    returnReason: "COLOR" | "DEFECTIVE" | "NOT_AS_DESCRIBED" | "OTHER" | "SIZE_TOO_LARGE" | "SIZE_TOO_SMALL" | "STYLE" | "UNKNOWN" | "UNWANTED" | "WRONG_ITEM";
    customerNote?: string;
  }[];
  /** OPEN / CLOSED: when the request was approved (default requestedAt). */
  approvedAt?: string;
  /** CLOSED: when it was closed (default approvedAt). */
  closedAt?: string;
  /** CLOSED: units restocked at this location (the seed's on-hand figures already include them); otherwise not restocked. */
  restockLocationKey?: string;
  /** DECLINED. */
  decline?: { reason: "FINAL_SALE" | "OTHER" | "RETURN_PERIOD_ENDED"; note?: string };
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
  noteAttributes: SeedNoteAttribute[];
  tags: string[];
  note?: string;
  /** Returns made on the order (Shopify returns: customer requests or merchant returns). */
  returns?: SeedReturn[];
  /**
   * The currency the shopper paid in when it is not the shop's (e.g. VND in a USD shop), with the
   * checkout's rate in presentment units per shop unit. Omitted: the shop's currency.
   */
  presentment?: { currencyCode: string; rate: string };
}

/** A Shopify Market of region type: its countries (ISO 3166-1 alpha-2). */
export interface SeedMarket {
  key: string;
  name: string;
  handle: string;
  status: "ACTIVE" | "DRAFT";
  countries: string[];
}

export interface SeedData {
  shop: SeedShop;
  locations: SeedLocation[];
  /** The shop's markets; omitted: none. */
  markets?: SeedMarket[];
  products: SeedProduct[];
  customers: SeedCustomer[];
  orders: SeedOrder[];
}
