/** zod schemas of the control API bodies. */
import { isEnumType } from "graphql";
import { z } from "zod";
import { loadAdminSchema } from "../admin-schema";

const id = z.union([z.string().min(1), z.number().int().positive()]);
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO date");
const returnReason = z.enum(["COLOR", "DEFECTIVE", "NOT_AS_DESCRIBED", "OTHER", "SIZE_TOO_LARGE", "SIZE_TOO_SMALL", "STYLE", "UNKNOWN", "UNWANTED", "WRONG_ITEM"]);
const declineReason = z.enum(["FINAL_SALE", "OTHER", "RETURN_PERIOD_ENDED"]);
const pickupTime = z.enum(["ONE_HOUR", "TWO_HOURS", "FOUR_HOURS", "TWENTY_FOUR_HOURS", "TWO_TO_FOUR_DAYS", "FIVE_OR_MORE_DAYS", "CUSTOM"]);
/** Who manages a location: the merchant, another app's fulfillment service (a 3PL), or this app's own. */
const fulfillmentServiceManager = z.enum(["merchant", "third_party", "this_app"]);

const address = z.object({
  address1: z.string().optional(),
  address2: z.string().optional(),
  city: z.string().optional(),
  province: z.string().optional(),
  provinceCode: z.string().optional(),
  zip: z.string().optional(),
  country: z.string().optional(),
  countryCode: z.string().length(2).optional(),
  phone: z.string().optional(),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
});

const throttle = z.object({
  plan: z.enum(["standard", "advanced", "plus", "enterprise"]).optional(),
  maximumAvailable: z.number().positive().optional(),
  restoreRate: z.number().nonnegative().optional(),
  currentlyAvailable: z.number().nonnegative().optional(),
});

/** A shop's order-routing settings: Shopify's routing delay and the outcome of partial moves. */
export const orderRoutingBody = z.object({
  /** Milliseconds until a new order's fulfillment orders exist; never 0 (Shopify's job is asynchronous). */
  delayMs: z.number().int().positive().max(600_000).optional(),
  moveOutcome: z.enum(["documented", "original-stays", "original-moves", "original-closed"]).optional(),
});

/** PUT /_control/shops/:shop/faults: the next `count` Admin GraphQL requests fail (store/admin-faults.ts). */
export const adminFaultBody = z
  .object({
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
    count: z.number().int().min(0).max(100_000),
    applied: z.boolean().default(false),
    delayMs: z.number().int().min(0).max(120_000).default(0),
    operations: z.enum(["all", "mutations", "queries"]).default("all"),
  })
  .strict();

/**
 * The app's protected customer data approval: level 0 (none), 1 (customer data without the
 * protected fields), 2 (with the fields listed).
 */
export const customerDataBody = z
  .object({
    level: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    fields: z.array(z.enum(["name", "email", "phone", "address"])).default([]),
  })
  .refine((v) => (v.level === 2 ? v.fields.length > 0 : v.fields.length === 0), {
    message: "level 2 names the approved fields; levels 0 and 1 name none",
    path: ["fields"],
  })
  .transform((v) => ({ level: v.level, fields: [...new Set(v.fields)] }));

export const createShopBody = z.object({
  customerData: customerDataBody.optional(),
  shop: z.string().regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/i, "must be a myshopify.com domain"),
  accessToken: z.string().min(1).optional(),
  scopes: z.string().optional(),
  name: z.string().optional(),
  email: z.string().optional(),
  currencyCode: z.string().length(3).optional(),
  appUrl: z.string().url().nullable().optional(),
  throttle: throttle.optional(),
  orderRouting: orderRoutingBody.optional(),
  /** New records of the shop get ids above 2^53 (FIDELITY WP-15). */
  largeIds: z.boolean().optional(),
});

export const throttleBody = throttle;

/** POST /_control/clock: how far to move the simulator's clock forward. */
export const clockBody = z
  .object({ advanceSeconds: z.number().nonnegative().max(10 * 365 * 24 * 3600) })
  .strict();

/** POST /_control/shops/:shop/tokens: a test aid for the token endpoint. */
export const tokensBody = z
  .object({ endpointLatencyMs: z.number().int().nonnegative().max(60_000).optional(), clearRequests: z.boolean().optional() })
  .strict();

const seedAddress = address.extend({
  address1: z.string(),
  city: z.string(),
  zip: z.string(),
  country: z.string(),
  countryCode: z.string().length(2),
});

/** SeedData (simulator/seed/types.ts). */
/** The currency the customer paid in when it is not the shop's: its ISO 4217 code and presentment units per shop unit. */
const presentment = z.object({
  currencyCode: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as VND"),
  rate: z.string().regex(/^\d+(\.\d+)?$/, "a positive decimal, e.g. \"26300\""),
});

let countryCodes: Set<string> | undefined;
function isCountryCode(code: string): boolean {
  if (!countryCodes) {
    const type = loadAdminSchema().getType("CountryCode");
    countryCodes = new Set(isEnumType(type) ? type.getValues().map((v) => v.name) : []);
  }
  return countryCodes.has(code);
}

export const seedBody = z.object({
  shop: z.object({
    domain: z.string(),
    name: z.string(),
    email: z.string(),
    currencyCode: z.string(),
    ianaTimezone: z.string(),
    countryCode: z.string(),
  }),
  locations: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(["warehouse", "store"]),
      address: seedAddress.extend({ latitude: z.number(), longitude: z.number() }),
      fulfillsOnlineOrders: z.boolean(),
      isActive: z.boolean(),
      localPickup: z.object({ pickupTime: pickupTime.exclude(["CUSTOM"]), instructions: z.string() }).nullable(),
      fulfillmentServiceManager: fulfillmentServiceManager.optional(),
    }),
  ),
  markets: z
    .array(
      z.object({
        key: z.string(),
        name: z.string(),
        handle: z.string(),
        status: z.enum(["ACTIVE", "DRAFT"]),
        // A region market's countries are `CountryCode` values (FIDELITY MK-1): PR, a US territory, is not one.
        countries: z.array(z.string().refine(isCountryCode, "a value of the 2026-10 CountryCode enum, such as VN")),
      }),
    )
    .optional(),
  products: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      handle: z.string(),
      vendor: z.string(),
      productType: z.string(),
      tags: z.array(z.string()),
      status: z.enum(["ACTIVE", "DRAFT", "ARCHIVED"]),
      options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
      variants: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          sku: z.string(),
          price: z.string(),
          barcode: z.string().optional(),
          selectedOptions: z.array(z.object({ name: z.string(), value: z.string() })),
          weightGrams: z.number(),
          inventory: z.record(
            z.string(),
            z.object({ onHand: z.number().int(), committed: z.number().int().optional(), incoming: z.number().int().optional() }),
          ),
        }),
      ),
    }),
  ),
  customers: z.array(
    z.object({
      key: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string(),
      phone: z.string().optional(),
      locale: z.string().optional(),
    }),
  ),
  orders: z.array(
    z.object({
      key: z.string(),
      number: z.number().int(),
      createdAt: isoDate,
      customerKey: z.string(),
      email: z.string(),
      phone: z.string().optional(),
      shippingAddress: seedAddress
        .extend({ firstName: z.string(), lastName: z.string(), latitude: z.number().optional(), longitude: z.number().optional() })
        .nullable(),
      lines: z.array(z.object({ variantKey: z.string(), quantity: z.number().int().positive() })).min(1),
      deliveryMethod: z.enum(["SHIPPING", "PICK_UP"]),
      pickupLocationKey: z.string().optional(),
      assignedLocationKey: z.string(),
      financialStatus: z.enum(["PENDING", "AUTHORIZED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"]),
      state: z.enum(["unfulfilled", "partially_fulfilled", "fulfilled", "delivered", "cancelled", "ready_for_pickup", "picked_up"]),
      fulfillments: z.array(
        z.object({
          lines: z.array(z.object({ variantKey: z.string(), quantity: z.number().int().positive() })),
          trackingCompany: z.string().optional(),
          trackingNumber: z.string().optional(),
          trackingUrl: z.string().optional(),
          status: z.enum(["CONFIRMED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "READY_FOR_PICKUP", "PICKED_UP"]),
          createdAt: isoDate,
          inTransitAt: isoDate.optional(),
          estimatedDeliveryAt: isoDate.optional(),
          deliveredAt: isoDate.optional(),
        }),
      ),
      cancelledAt: isoDate.optional(),
      cancelReason: z.enum(["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"]).optional(),
      noteAttributes: z.array(
        z.union([z.object({ name: z.string(), value: z.string() }).strict(), z.object({ name: z.string(), locationKey: z.string().min(1) }).strict()]),
      ),
      tags: z.array(z.string()),
      note: z.string().optional(),
      returns: z
        .array(
          z.object({
            status: z.enum(["REQUESTED", "OPEN", "CLOSED", "DECLINED"]),
            requestedAt: isoDate,
            lines: z
              .array(z.object({ variantKey: z.string(), quantity: z.number().int().positive(), returnReason, customerNote: z.string().optional() }))
              .min(1),
            approvedAt: isoDate.optional(),
            closedAt: isoDate.optional(),
            restockLocationKey: z.string().optional(),
            decline: z.object({ reason: declineReason, note: z.string().optional() }).optional(),
          }),
        )
        .optional(),
      presentment: presentment.optional(),
    }),
  ),
});

export const createOrderBody = z.object({
  lines: z
    .array(
      z
        .object({ variantId: id.optional(), sku: z.string().optional(), quantity: z.number().int().positive(), price: z.string().optional() })
        .refine((l) => l.variantId != null || l.sku != null, "each line needs variantId or sku"),
    )
    .min(1),
  email: z.string().optional(),
  phone: z.string().optional(),
  customer: z
    .object({ id: id.optional(), email: z.string().optional(), firstName: z.string().optional(), lastName: z.string().optional(), phone: z.string().optional(), locale: z.string().optional() })
    .optional(),
  shippingAddress: address.extend({ firstName: z.string().optional(), lastName: z.string().optional(), company: z.string().optional() }).nullable().optional(),
  deliveryMethod: z.enum(["SHIPPING", "PICK_UP"]).optional(),
  pickupLocationId: id.optional(),
  noteAttributes: z.array(z.object({ name: z.string(), value: z.string() })).optional(),
  tags: z.array(z.string()).optional(),
  note: z.string().optional(),
  financialStatus: z.enum(["PENDING", "AUTHORIZED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "VOIDED"]).optional(),
  /** Shopify's risk assessment of the order (schema `RiskAssessmentResult`), made before it is announced. */
  riskLevel: z.enum(["HIGH", "MEDIUM", "LOW", "NONE", "PENDING"]).optional(),
  createdAt: isoDate.optional(),
  /** The customer paid in another currency than the shop's: its ISO code and presentment units per shop unit. */
  presentment: presentment.optional(),
  /**
   * Answer once Shopify's routing created the fulfillment orders (default), or at once (false)
   * with none yet. Either way orders/create is sent first and the fulfillment orders come later.
   */
  wait: z.boolean().optional(),
});

export const riskAssessmentBody = z.object({
  riskLevel: z.enum(["HIGH", "MEDIUM", "LOW", "NONE", "PENDING"]),
});

export const cancelOrderBody = z.object({
  reason: z.enum(["CUSTOMER", "DECLINED", "FRAUD", "INVENTORY", "OTHER", "STAFF"]).optional(),
});

export const inventoryBody = z.object({
  changes: z
    .array(
      z
        .object({
          inventoryItemId: id.optional(),
          variantId: id.optional(),
          sku: z.string().optional(),
          locationId: id,
          name: z.enum(["available", "on_hand", "incoming", "reserved", "damaged", "safety_stock", "quality_control"]).optional(),
          quantity: z.number().int().optional(),
          delta: z.number().int().optional(),
        })
        .refine((c) => (c.quantity == null) !== (c.delta == null), "give exactly one of quantity or delta")
        .refine((c) => c.inventoryItemId != null || c.variantId != null || c.sku != null, "give inventoryItemId, variantId or sku"),
    )
    .min(1),
});

const displayStatus = z.enum(["CONFIRMED", "IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED", "ATTEMPTED_DELIVERY", "FAILURE", "READY_FOR_PICKUP", "PICKED_UP"]);

export const createFulfillmentBody = z
  .object({
    fulfillmentOrderId: id.optional(),
    orderId: id.optional(),
    lines: z.array(z.object({ fulfillmentOrderLineItemId: id, quantity: z.number().int().positive() })).optional(),
    tracking: z.object({ company: z.string().optional(), number: z.string().optional(), url: z.string().optional() }).optional(),
    displayStatus: displayStatus.optional(),
    estimatedDeliveryAt: isoDate.optional(),
  })
  .refine((b) => b.fulfillmentOrderId != null || b.orderId != null, "give fulfillmentOrderId or orderId");

export const fulfillmentStatusBody = z.object({
  displayStatus,
  at: isoDate.optional(),
  estimatedDeliveryAt: isoDate.nullable().optional(),
});

export const deliverBody = z.object({ at: isoDate.optional() });

const localPickup = z.object({ pickupTime, instructions: z.string() }).nullable();

export const createLocationBody = z.object({
  name: z.string().min(1),
  address,
  fulfillsOnlineOrders: z.boolean().optional(),
  isActive: z.boolean().optional(),
  localPickup: localPickup.optional(),
  fulfillmentServiceManager: fulfillmentServiceManager.optional(),
});

export const updateLocationBody = z.object({
  name: z.string().min(1).optional(),
  address: address.optional(),
  fulfillsOnlineOrders: z.boolean().optional(),
  isActive: z.boolean().optional(),
  localPickup: localPickup.optional(),
});

export const complianceBody = z.object({
  topic: z.enum(["customers/data_request", "customers/redact", "shop/redact"]),
  customerId: id.optional(),
});


/** A return made outside the app: by the merchant in Shopify admin (OPEN) or by the customer in their Shopify account (REQUESTED). */
export const createReturnBody = z.object({
  orderId: id,
  /** Omitted: every returnable unit of the order. */
  lines: z
    .array(
      z
        .object({
          fulfillmentLineItemId: id.optional(),
          sku: z.string().optional(),
          quantity: z.number().int().positive(),
          returnReason: returnReason.optional(),
          returnReasonNote: z.string().optional(),
          customerNote: z.string().optional(),
          /** RestockingFeeInput.percentage. */
          restockingFeePercentage: z.number().optional(),
        })
        .refine((l) => l.fulfillmentLineItemId != null || l.sku != null, "each line needs fulfillmentLineItemId or sku"),
    )
    .min(1)
    .optional(),
  /** ReturnShippingFeeInput.amount: in the order's presentment currency. */
  returnShippingFee: z.object({ amount: z.string(), currencyCode: z.string() }).optional(),
  /** ExchangeLineItemInput: new items for the customer (an OPEN return only, as returnCreate takes them). */
  exchanges: z
    .array(
      z
        .object({ variantId: id.optional(), sku: z.string().optional(), quantity: z.number().int().positive() })
        .refine((l) => l.variantId != null || l.sku != null, "each exchange needs variantId or sku"),
    )
    .optional(),
  status: z.enum(["OPEN", "REQUESTED"]).default("OPEN"),
  returnReason: returnReason.default("UNKNOWN"),
  requestedAt: isoDate.optional(),
});

/** The merchant processing a whole return in Shopify admin: every processable unit, one disposition, the suggested refund. */
export const processReturnBody = z.object({
  /** Issue the suggested refund (default true). */
  refund: z.boolean().default(true),
  dispositionType: z.enum(["RESTOCKED", "NOT_RESTOCKED", "PROCESSING_REQUIRED", "MISSING"]).optional(),
  /** Required for RESTOCKED. */
  locationId: id.optional(),
  note: z.string().max(500).optional(),
});

export const refundReturnBody = z.object({
  /** Decimal string in the order's presentment currency, e.g. "25.00" (USD) or "609600" (VND). */
  amount: z.string().regex(/^\d+(\.\d{1,2})?$/),
  note: z.string().max(500).optional(),
});

export const returnActionBody = z.object({
  notifyCustomer: z.boolean().optional(),
  declineReason: declineReason.optional(),
  declineNote: z.string().optional(),
});

export const fulfillmentEventBody = z.object({
  status: z.enum(["ATTEMPTED_DELIVERY", "CARRIER_PICKED_UP", "CONFIRMED", "DELAYED", "DELIVERED", "FAILURE", "IN_TRANSIT", "LABEL_PRINTED", "LABEL_PURCHASED", "OUT_FOR_DELIVERY", "READY_FOR_PICKUP"]),
  happenedAt: isoDate.optional(),
  estimatedDeliveryAt: isoDate.nullable().optional(),
  message: z.string().optional(),
  city: z.string().optional(),
  province: z.string().optional(),
  country: z.string().optional(),
  zip: z.string().optional(),
});
