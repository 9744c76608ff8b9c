/**
 * The simulator's stored records. Field names follow the Admin GraphQL schema wherever a field is
 * served as-is, so the default field resolver can read them; computed fields live in the resolvers.
 * Optional schema fields are stored as `null`, never left out: a missing property means "not
 * implemented" to the GraphQL layer.
 */
import type { DeliveryLocalPickupTime } from "../seed/types";

export type Iso = string;

export interface AddressRecord {
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  provinceCode: string | null;
  zip: string | null;
  country: string | null;
  countryCode: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
}

export interface MailingAddressRecord extends AddressRecord {
  __typename: "MailingAddress";
  id: number;
  firstName: string | null;
  lastName: string | null;
  company: string | null;
}

export interface ShopRecord {
  __typename: "Shop";
  id: number;
  domain: string;
  name: string;
  email: string;
  currencyCode: string;
  ianaTimezone: string;
  countryCode: string;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface LocalPickupRecord {
  pickupTime: DeliveryLocalPickupTime | "CUSTOM";
  instructions: string;
}

export interface LocationRecord {
  __typename: "Location";
  id: number;
  name: string;
  address: AddressRecord;
  fulfillsOnlineOrders: boolean;
  isActive: boolean;
  localPickup: LocalPickupRecord | null;
  /**
   * Who manages the location (not a schema field): the merchant, another app's fulfillment service
   * (a 3PL), or this app's own fulfillment service. Decides which fulfillment-order scopes see its
   * fulfillment orders (simulator/access/visibility.ts).
   */
  fulfillmentServiceManager: "merchant" | "third_party" | "this_app";
  deactivatedAt: Iso | null;
  createdAt: Iso;
  updatedAt: Iso;
}

/**
 * A Shopify Market (FIDELITY MK-*): a region market's countries, each with its own region id, as
 * `conditions.regionsCondition.regions` lists them.
 */
export interface MarketRecord {
  __typename: "Market";
  id: number;
  name: string;
  handle: string;
  status: "ACTIVE" | "DRAFT";
  countries: { id: number; code: string }[];
  createdAt: Iso;
  updatedAt: Iso;
}

export interface ProductRecord {
  __typename: "Product";
  id: number;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  options: { name: string; values: string[] }[];
  variantIds: number[];
  descriptionHtml: string;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface VariantRecord {
  __typename: "ProductVariant";
  id: number;
  productId: number;
  inventoryItemId: number;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  position: number;
  selectedOptions: { name: string; value: string }[];
  weightGrams: number;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface InventoryItemRecord {
  __typename: "InventoryItem";
  id: number;
  variantId: number;
  sku: string | null;
  tracked: boolean;
  requiresShipping: boolean;
  createdAt: Iso;
  updatedAt: Iso;
}

/** Quantities Shopify stores; `available` and `committed` are derived (see inventory.ts). */
export interface StoredQuantities {
  on_hand: number;
  reserved: number;
  incoming: number;
  damaged: number;
  safety_stock: number;
  quality_control: number;
}

export interface InventoryLevelRecord {
  __typename: "InventoryLevel";
  inventoryItemId: number;
  locationId: number;
  stored: StoredQuantities;
  createdAt: Iso;
  updatedAt: Iso;
}

export interface CustomerRecord {
  __typename: "Customer";
  id: number;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  locale: string;
  tags: string[];
  note: string | null;
  createdAt: Iso;
  updatedAt: Iso;
}

export type FinancialStatus = "PENDING" | "AUTHORIZED" | "PAID" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED";
export type CancelReason = "CUSTOMER" | "DECLINED" | "FRAUD" | "INVENTORY" | "OTHER" | "STAFF";
export type DeliveryMethodType = "SHIPPING" | "PICK_UP";

export interface LineItemRecord {
  __typename: "LineItem";
  id: number;
  orderId: number;
  variantId: number | null;
  productId: number | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  vendor: string | null;
  quantity: number;
  /** Unit price in the shop currency (decimal string). */
  price: string;
  /** Unit price the customer paid, in the order's presentment currency (decimal string). */
  presentmentPrice: string;
  requiresShipping: boolean;
  weightGrams: number;
  /** Set on a line item `returnProcess` added to the order for an exchange line item. */
  exchangeLineItemId?: number;
  /** A discount per unit, in minor units of the shop and presentment currencies (an exchange item's applied discount). */
  unitDiscount?: { shop: number; presentment: number };
}

export interface OrderRecord {
  __typename: "Order";
  id: number;
  number: number;
  name: string;
  email: string | null;
  phone: string | null;
  customerId: number | null;
  shippingAddress: MailingAddressRecord | null;
  billingAddress: MailingAddressRecord | null;
  lineItems: LineItemRecord[];
  financialStatus: FinancialStatus;
  cancelledAt: Iso | null;
  cancelReason: CancelReason | null;
  closedAt: Iso | null;
  customAttributes: { key: string; value: string | null }[];
  tags: string[];
  note: string | null;
  /** The shop currency when the order was placed (schema: `Order.currencyCode`). */
  currencyCode: string;
  /** The currency the customer paid in (schema: `Order.presentmentCurrencyCode`). */
  presentmentCurrencyCode: string;
  /** Presentment units per shop unit at checkout (decimal string; "1" when both are the same). */
  presentmentRate: string;
  deliveryMethod: DeliveryMethodType;
  createdAt: Iso;
  updatedAt: Iso;
  processedAt: Iso;
  /** Risk assessments (schema: `Order.risk.assessments`), one per provider; Shopify's is provider null. Absent: none. */
  riskAssessments?: RiskAssessmentRecord[];
}

/** Schema `RiskAssessmentResult`. */
export type RiskLevel = "HIGH" | "MEDIUM" | "LOW" | "NONE" | "PENDING";

export interface RiskAssessmentRecord {
  riskLevel: RiskLevel;
  createdAt: Iso;
}

export type FulfillmentOrderStatus =
  | "OPEN"
  | "IN_PROGRESS"
  | "CLOSED"
  | "CANCELLED"
  | "ON_HOLD"
  | "SCHEDULED"
  | "INCOMPLETE";

export interface FulfillmentOrderLineItemRecord {
  __typename: "FulfillmentOrderLineItem";
  id: number;
  lineItemId: number;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface FulfillmentOrderRecord {
  __typename: "FulfillmentOrder";
  id: number;
  orderId: number;
  status: FulfillmentOrderStatus;
  requestStatus: "UNSUBMITTED";
  assignedLocationId: number;
  deliveryMethod: { id: number; methodType: DeliveryMethodType; presentedName: string };
  destination: MailingAddressRecord | null;
  lineItems: FulfillmentOrderLineItemRecord[];
  createdAt: Iso;
  updatedAt: Iso;
  fulfillAt: Iso | null;
  /** Holds in force (schema: `FulfillmentOrder.fulfillmentHolds`); absent: none. */
  holds?: FulfillmentHoldRecord[];
}

/** Schema `FulfillmentHoldReason` (the values the simulator applies). */
export type FulfillmentHoldReason = "AWAITING_PAYMENT" | "AWAITING_RETURN_ITEMS" | "INVENTORY_OUT_OF_STOCK" | "OTHER";

export interface FulfillmentHoldRecord {
  id: number;
  reason: FulfillmentHoldReason;
  reasonNotes: string | null;
}

export type FulfillmentDisplayStatus =
  | "CONFIRMED"
  | "IN_TRANSIT"
  | "OUT_FOR_DELIVERY"
  | "DELIVERED"
  | "ATTEMPTED_DELIVERY"
  | "FAILURE"
  | "READY_FOR_PICKUP"
  | "PICKED_UP"
  | "CANCELED"
  | "FULFILLED"
  | "CARRIER_PICKED_UP"
  | "DELAYED"
  | "LABEL_PRINTED"
  | "LABEL_PURCHASED";

export interface FulfillmentLineItemRecord {
  __typename: "FulfillmentLineItem";
  id: number;
  lineItemId: number;
  fulfillmentOrderLineItemId: number | null;
  quantity: number;
}

export interface FulfillmentRecord {
  __typename: "Fulfillment";
  id: number;
  orderId: number;
  /** "#1001.1", as Shopify names fulfillments. */
  name: string;
  locationId: number;
  fulfillmentOrderIds: number[];
  status: "SUCCESS" | "OPEN" | "CANCELLED" | "ERROR" | "FAILURE" | "PENDING";
  displayStatus: FulfillmentDisplayStatus;
  tracking: { company: string | null; number: string | null; url: string | null }[];
  lines: FulfillmentLineItemRecord[];
  createdAt: Iso;
  updatedAt: Iso;
  inTransitAt: Iso | null;
  estimatedDeliveryAt: Iso | null;
  deliveredAt: Iso | null;
}

export interface InventoryChangeRecord {
  name: string;
  delta: number;
  quantityAfterChange: number | null;
  inventoryItemId: number;
  locationId: number;
  ledgerDocumentUri: string | null;
}

export interface InventoryAdjustmentGroupRecord {
  __typename: "InventoryAdjustmentGroup";
  id: number;
  reason: string;
  referenceDocumentUri: string | null;
  createdAt: Iso;
  changes: InventoryChangeRecord[];
}

export interface FulfillmentEventRecord {
  __typename: "FulfillmentEvent";
  id: number;
  fulfillmentId: number;
  status: FulfillmentEventStatus;
  message: string | null;
  happenedAt: Iso;
  createdAt: Iso;
  estimatedDeliveryAt: Iso | null;
  address1: string | null;
  city: string | null;
  province: string | null;
  country: string | null;
  zip: string | null;
  latitude: number | null;
  longitude: number | null;
}

export type FulfillmentEventStatus =
  | "ATTEMPTED_DELIVERY"
  | "CARRIER_PICKED_UP"
  | "CONFIRMED"
  | "DELAYED"
  | "DELIVERED"
  | "FAILURE"
  | "IN_TRANSIT"
  | "LABEL_PRINTED"
  | "LABEL_PURCHASED"
  | "OUT_FOR_DELIVERY"
  | "READY_FOR_PICKUP";

export type ReturnStatus = "REQUESTED" | "OPEN" | "CLOSED" | "DECLINED" | "CANCELED";
export type ReturnReason =
  | "COLOR"
  | "DEFECTIVE"
  | "NOT_AS_DESCRIBED"
  | "OTHER"
  | "SIZE_TOO_LARGE"
  | "SIZE_TOO_SMALL"
  | "STYLE"
  | "UNKNOWN"
  | "UNWANTED"
  | "WRONG_ITEM";
export type ReturnDeclineReason = "FINAL_SALE" | "OTHER" | "RETURN_PERIOD_ENDED";

export interface ReturnLineItemRecord {
  __typename: "ReturnLineItem";
  id: number;
  returnId: number;
  fulfillmentLineItemId: number;
  quantity: number;
  returnReason: ReturnReason;
  returnReasonNote: string;
  customerNote: string | null;
  /** `restockingFee: {percentage}` given when the return was made (schema: `RestockingFeeInput`). */
  restockingFee: { id: number; percentage: number } | null;
  /** Units confirmed by `returnProcess` (schema: `ReturnLineItem.processedQuantity`). */
  processedQuantity: number;
  /** Units refunded by `returnProcess` (schema: `ReturnLineItem.refundedQuantity`). */
  refundedQuantity: number;
}

/**
 * A new item for the customer on a return (schema: `ExchangeLineItem`): what `returnCreate`'s
 * `exchangeLineItems` asked for, as the variant was when the return was made.
 */
export interface ExchangeLineItemRecord {
  __typename: "ExchangeLineItem";
  id: number;
  returnId: number;
  variantId: number;
  productId: number;
  /** The product's title, the variant's title and SKU at return creation. */
  title: string;
  variantTitle: string | null;
  sku: string | null;
  quantity: number;
  /** Unit price before the applied discount, in the shop currency and the order's presentment currency (decimal strings). */
  price: string;
  presentmentPrice: string;
  /** The applied discount per unit, in minor units of both currencies (0 without one). */
  unitDiscount: { shop: number; presentment: number };
  appliedDiscountDescription: string | null;
  /** Units confirmed by `returnProcess`. */
  processedQuantity: number;
  /** The order line items processing added, one per processing (schema: `ExchangeLineItem.lineItems`). */
  lineItemIds: number[];
}

export interface ReturnRecord {
  __typename: "Return";
  id: number;
  orderId: number;
  /** "#1001-R1", as Shopify names returns. */
  name: string;
  status: ReturnStatus;
  lineItems: ReturnLineItemRecord[];
  exchangeLineItems: ExchangeLineItemRecord[];
  /** In the order's presentment currency (schema: `ReturnShippingFeeInput.amount`). */
  shippingFee: { id: number; amount: string; currencyCode: string } | null;
  /** Set by the first `returnProcess`: the shipping fee is taken once, by the processing that confirms it. */
  shippingFeeProcessed: boolean;
  decline: { reason: ReturnDeclineReason; note: string | null } | null;
  /** Whether the customer was (to be) notified by the last approve/decline/cancel. */
  notifyCustomer: boolean;
  createdAt: Iso;
  updatedAt: Iso;
  requestApprovedAt: Iso | null;
  closedAt: Iso | null;
}

/** A refund of (part of) an order, made for a return (Shopify admin's "Refund" on the return). */
export interface RefundRecord {
  __typename: "Refund";
  id: number;
  orderId: number;
  returnId: number | null;
  /** Decimal string, in the order's presentment currency (what went back to the customer). */
  amount: string;
  /** The order's presentment currency. */
  currencyCode: string;
  /** The same amount in the shop currency, at the order's rate. */
  shopAmount: string;
  note: string | null;
  transactionId: number;
  createdAt: Iso;
}

/** A payment on an order: the checkout's sale, and the refunds that return part of it. */
export interface OrderTransactionRecord {
  __typename: "OrderTransaction";
  id: number;
  orderId: number;
  kind: "SALE" | "REFUND";
  status: "SUCCESS";
  gateway: string;
  /** In minor units of the order's presentment and shop currencies. */
  amount: { shop: number; presentment: number };
  parentId: number | null;
  createdAt: Iso;
}

export type DispositionType = "RESTOCKED" | "NOT_RESTOCKED" | "PROCESSING_REQUIRED" | "MISSING";

export interface DispositionRecord {
  __typename: "ReverseFulfillmentOrderDisposition";
  id: number;
  reverseFulfillmentOrderLineItemId: number;
  reverseDeliveryLineItemId: number | null;
  locationId: number | null;
  quantity: number;
  type: DispositionType;
  createdAt: Iso;
}

export interface ReverseFulfillmentOrderLineItemRecord {
  __typename: "ReverseFulfillmentOrderLineItem";
  id: number;
  reverseFulfillmentOrderId: number;
  returnLineItemId: number;
  fulfillmentLineItemId: number;
  totalQuantity: number;
  dispositions: DispositionRecord[];
}

export interface ReverseFulfillmentOrderRecord {
  __typename: "ReverseFulfillmentOrder";
  id: number;
  returnId: number;
  orderId: number;
  status: "OPEN" | "CLOSED" | "CANCELED";
  lineItems: ReverseFulfillmentOrderLineItemRecord[];
  createdAt: Iso;
  updatedAt: Iso;
}

export interface ReverseDeliveryLineItemRecord {
  __typename: "ReverseDeliveryLineItem";
  id: number;
  reverseFulfillmentOrderLineItemId: number;
  quantity: number;
}

export interface ReverseDeliveryRecord {
  __typename: "ReverseDelivery";
  id: number;
  reverseFulfillmentOrderId: number;
  lines: ReverseDeliveryLineItemRecord[];
  tracking: { carrierName: string | null; number: string | null; url: string | null } | null;
  label: { publicFileUrl: string; createdAt: Iso; updatedAt: Iso } | null;
  notifyCustomer: boolean;
  createdAt: Iso;
  updatedAt: Iso;
}
