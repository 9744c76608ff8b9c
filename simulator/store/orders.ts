/** Orders: their derived statuses, creation from a cart (with Shopify's default routing) and cancellation. */
import { copyMailingAddress, toMailingAddress, type AddressInput } from "./addresses";
import { quantityOf, ensureLevel, trackInventory } from "./inventory";
import type {
  CancelReason,
  DeliveryMethodType,
  FinancialStatus,
  RiskLevel,
  FulfillmentOrderRecord,
  FulfillmentOrderStatus,
  LineItemRecord,
  MailingAddressRecord,
  OrderRecord,
} from "./records";
import { decimalString, orderSubtotal, toPresentment } from "./money";
import { scheduleOrderRouting } from "./order-routing";
import type { ShopState } from "./shop-state";

/** Units of a line item fulfilled by successful fulfillments. */
export function fulfilledQuantity(shop: ShopState, lineItem: LineItemRecord): number {
  let total = 0;
  for (const fulfillment of shop.fulfillmentsOf(lineItem.orderId)) {
    if (fulfillment.status !== "SUCCESS") continue;
    for (const line of fulfillment.lines) if (line.lineItemId === lineItem.id) total += line.quantity;
  }
  return total;
}

/** Units still to fulfil: what open fulfillment orders hold for the line. */
export function unfulfilledQuantity(shop: ShopState, lineItem: LineItemRecord): number {
  let total = 0;
  for (const fo of shop.fulfillmentOrdersOf(lineItem.orderId)) {
    if (fo.status === "CLOSED" || fo.status === "CANCELLED") continue;
    for (const foLine of fo.lineItems) if (foLine.lineItemId === lineItem.id) total += foLine.remainingQuantity;
  }
  return total;
}

export function displayFulfillmentStatus(shop: ShopState, order: OrderRecord): string {
  const total = order.lineItems.reduce((sum, line) => sum + line.quantity, 0);
  const fulfilled = order.lineItems.reduce((sum, line) => sum + fulfilledQuantity(shop, line), 0);
  if (total > 0 && fulfilled >= total) return "FULFILLED";
  if (fulfilled > 0) return "PARTIALLY_FULFILLED";
  const fos = shop.fulfillmentOrdersOf(order.id);
  if (fos.some((fo) => fo.status === "ON_HOLD")) return "ON_HOLD";
  if (fos.some((fo) => fo.status === "IN_PROGRESS")) return "IN_PROGRESS";
  if (fos.some((fo) => fo.status === "SCHEDULED")) return "SCHEDULED";
  return "UNFULFILLED";
}

export interface NewFulfillmentOrder {
  locationId: number;
  methodType: DeliveryMethodType;
  destination: MailingAddressRecord | null;
  lines: { lineItemId: number; totalQuantity: number; remainingQuantity?: number }[];
  status?: FulfillmentOrderStatus;
  createdAt?: string;
}

/** Creates and registers a fulfillment order. */
export function addFulfillmentOrder(shop: ShopState, order: OrderRecord, input: NewFulfillmentOrder): FulfillmentOrderRecord {
  const now = input.createdAt ?? shop.now();
  const fo: FulfillmentOrderRecord = {
    __typename: "FulfillmentOrder",
    id: shop.nextId("FulfillmentOrder"),
    orderId: order.id,
    status: input.status ?? "OPEN",
    requestStatus: "UNSUBMITTED",
    assignedLocationId: input.locationId,
    deliveryMethod: {
      id: shop.nextId("DeliveryMethod"),
      methodType: input.methodType,
      presentedName: input.methodType === "PICK_UP" ? "Pickup in store" : "Standard",
    },
    destination: input.destination ? copyMailingAddress(shop, input.destination) : null,
    lineItems: input.lines.map((line) => ({
      __typename: "FulfillmentOrderLineItem",
      id: shop.nextId("FulfillmentOrderLineItem"),
      lineItemId: line.lineItemId,
      totalQuantity: line.totalQuantity,
      remainingQuantity: line.remainingQuantity ?? line.totalQuantity,
    })),
    createdAt: now,
    updatedAt: now,
    fulfillAt: now,
  };
  shop.fulfillmentOrders.set(fo.id, fo);
  shop.bump();
  return fo;
}

export interface CartLine {
  variantId?: number;
  sku?: string;
  quantity: number;
  price?: string;
}

export interface CartInput {
  lines: CartLine[];
  email?: string | null;
  phone?: string | null;
  customer?: { id?: number; email?: string; firstName?: string; lastName?: string; phone?: string; locale?: string };
  shippingAddress?: (AddressInput & { firstName?: string; lastName?: string; company?: string }) | null;
  deliveryMethod?: DeliveryMethodType;
  pickupLocationId?: number;
  /** Skips Shopify's default routing (used by the seed). */
  assignedLocationId?: number;
  noteAttributes?: { name: string; value: string }[];
  tags?: string[];
  note?: string | null;
  financialStatus?: FinancialStatus;
  /** Shopify's own risk assessment, already made when the order is announced. */
  riskLevel?: RiskLevel;
  createdAt?: string;
  number?: number;
  /**
   * The currency the customer paid in, when it is not the shop's (a Vietnamese shopper paying VND in
   * a USD shop), and its rate: presentment units per shop unit.
   */
  presentment?: { currencyCode: string; rate: string | number } | null;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Creates an order as checkout would: line items, a customer, orders/create at once, and the
 * fulfillment orders after the shop's routing delay (store/order-routing.ts). A seeded order
 * (`assignedLocationId`) is history: its fulfillment orders exist at once.
 */
export function createOrder(shop: ShopState, input: CartInput): Result<OrderRecord> {
  if (input.lines.length === 0) return { ok: false, error: "An order needs at least one line" };
  const resolved: { variantId: number; quantity: number; price?: string }[] = [];
  for (const line of input.lines) {
    const variant =
      line.variantId != null ? shop.variants.get(line.variantId) : line.sku ? shop.variantBySku(line.sku) : undefined;
    if (!variant) return { ok: false, error: `Unknown variant ${line.variantId ?? line.sku ?? "(none)"}` };
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) return { ok: false, error: "Quantities must be positive integers" };
    resolved.push({ variantId: variant.id, quantity: line.quantity, price: line.price });
  }
  const method = input.deliveryMethod ?? "SHIPPING";
  if (input.assignedLocationId != null) {
    // A pre-decided assignment (the seed replays history): no checkout validation.
  } else if (method === "PICK_UP") {
    const pickup = input.pickupLocationId == null ? undefined : shop.locations.get(input.pickupLocationId);
    if (!pickup || !pickup.isActive || !pickup.localPickup) {
      return { ok: false, error: "PICK_UP orders need pickupLocationId: an active location with local pickup enabled" };
    }
  } else if (!input.shippingAddress) {
    return { ok: false, error: "SHIPPING orders need a shippingAddress" };
  }
  if (input.assignedLocationId != null && !shop.locations.has(input.assignedLocationId)) {
    return { ok: false, error: `Unknown location ${input.assignedLocationId}` };
  }
  const presentment = input.presentment && input.presentment.currencyCode !== shop.shop.currencyCode ? input.presentment : null;
  if (presentment && !(Number(presentment.rate) > 0)) return { ok: false, error: "A presentment currency needs a positive rate" };
  const currencies = {
    currencyCode: shop.shop.currencyCode,
    presentmentCurrencyCode: presentment?.currencyCode ?? shop.shop.currencyCode,
    presentmentRate: presentment ? String(presentment.rate) : "1",
  };

  const now = input.createdAt ?? shop.now();
  const customerId = resolveCustomer(shop, input, now);
  const number = input.number ?? nextOrderNumber(shop);
  const orderId = shop.nextId("Order");
  const order: OrderRecord = {
    __typename: "Order",
    id: orderId,
    number,
    name: `#${number}`,
    email: input.email ?? (customerId != null ? shop.customers.get(customerId)?.email ?? null : null),
    phone: input.phone ?? null,
    customerId,
    shippingAddress: input.shippingAddress ? toMailingAddress(shop, input.shippingAddress) : null,
    billingAddress: input.shippingAddress ? toMailingAddress(shop, input.shippingAddress) : null,
    lineItems: resolved.map((line) => lineItemFor(shop, orderId, line, currencies)),
    financialStatus: input.financialStatus ?? "PAID",
    ...(input.riskLevel ? { riskAssessments: [{ riskLevel: input.riskLevel, createdAt: now }] } : {}),
    cancelledAt: null,
    cancelReason: null,
    closedAt: null,
    customAttributes: (input.noteAttributes ?? []).map((a) => ({ key: a.name, value: a.value })),
    tags: input.tags ?? [],
    note: input.note ?? null,
    ...currencies,
    deliveryMethod: method,
    createdAt: now,
    updatedAt: now,
    processedAt: now,
  };
  shop.orders.set(order.id, order);
  if (PAID_STATUSES.has(order.financialStatus)) addSaleTransaction(shop, order);
  shop.bump();
  const fixedLocationId = input.assignedLocationId ?? (method === "PICK_UP" ? input.pickupLocationId! : null);
  if (input.assignedLocationId != null) {
    // History (the seed): this order's routing finished long ago; its fulfillment orders exist.
    assignFulfillmentOrders(shop, order, fixedLocationId, now);
    shop.emit({ topic: "orders/create", shop: shop.domain, orderId: order.id });
  } else {
    // Checkout: the order is announced at once; Shopify's routing job creates its fulfillment
    // orders afterwards (schema: `FulfillmentOrder`, "Fulfillment Order Creation").
    shop.emit({ topic: "orders/create", shop: shop.domain, orderId: order.id });
    void scheduleOrderRouting(shop, order, (current) => {
      const created = assignFulfillmentOrders(shop, current, fixedLocationId, shop.now());
      for (const fo of created) {
        shop.emit({ topic: "fulfillment_orders/order_routing_complete", shop: shop.domain, fulfillmentOrderId: fo.id });
      }
    });
  }
  if (order.financialStatus === "PAID") shop.emit({ topic: "orders/paid", shop: shop.domain, orderId: order.id });
  return { ok: true, value: order };
}

/**
 * Creates fulfillment orders for the order's lines (default: all of them): all at `fixedLocationId`
 * (a pickup chosen at checkout, or a seeded order's recorded location), else where Shopify's
 * default routing puts each line.
 */
export function assignFulfillmentOrders(
  shop: ShopState,
  order: OrderRecord,
  fixedLocationId: number | null,
  at: string,
  lineItems: LineItemRecord[] = order.lineItems,
): FulfillmentOrderRecord[] {
  return trackInventory(shop, () => {
    const plan = fixedLocationId != null ? new Map([[fixedLocationId, lineItems]]) : defaultRouting(shop, lineItems);
    const created: FulfillmentOrderRecord[] = [];
    for (const [locationId, lines] of plan) {
      for (const line of lines) {
        const variant = line.variantId == null ? undefined : shop.variants.get(line.variantId);
        if (variant) ensureLevel(shop, variant.inventoryItemId, locationId);
      }
      created.push(
        addFulfillmentOrder(shop, order, {
          locationId,
          methodType: order.deliveryMethod,
          destination: order.deliveryMethod === "SHIPPING" ? order.shippingAddress : null,
          lines: lines.map((line) => ({ lineItemId: line.id, totalQuantity: line.quantity })),
          createdAt: at,
        }),
      );
    }
    return created;
  });
}

/**
 * Shopify's default assignment: the first active location that fulfils online orders and has
 * every line in stock, in location order; otherwise each line goes to the first such location with
 * enough of it (splitting the order), and lines nobody can cover go to the first location.
 */
export function defaultRouting(shop: ShopState, lines: LineItemRecord[]): Map<number, LineItemRecord[]> {
  const candidates = shop.locationsInOrder().filter((l) => l.isActive && l.fulfillsOnlineOrders);
  const fallback = candidates[0] ?? shop.locationsInOrder().find((l) => l.isActive) ?? shop.locationsInOrder()[0];
  if (!fallback) throw new Error(`Shop ${shop.domain} has no location to assign orders to`);
  const canCover = (locationId: number, line: LineItemRecord): boolean => {
    const variant = line.variantId == null ? undefined : shop.variants.get(line.variantId);
    if (!variant) return true;
    const level = shop.level(variant.inventoryItemId, locationId);
    return level != null && quantityOf(shop, level, "available") >= line.quantity;
  };
  const whole = candidates.find((location) => lines.every((line) => canCover(location.id, line)));
  if (whole) return new Map([[whole.id, lines]]);
  const plan = new Map<number, LineItemRecord[]>();
  for (const line of lines) {
    const target = candidates.find((location) => canCover(location.id, line)) ?? fallback;
    plan.set(target.id, [...(plan.get(target.id) ?? []), line]);
  }
  return plan;
}

const PAID_STATUSES = new Set<FinancialStatus>(["PAID", "PARTIALLY_REFUNDED", "REFUNDED"]);

/** The checkout's payment: one SALE for the order's total, in both currencies. */
function addSaleTransaction(shop: ShopState, order: OrderRecord): void {
  const amount = orderSubtotal(order);
  const id = shop.nextId("OrderTransaction");
  shop.transactions.set(id, {
    __typename: "OrderTransaction",
    id,
    orderId: order.id,
    kind: "SALE",
    status: "SUCCESS",
    gateway: "shopify_payments",
    amount,
    parentId: null,
    createdAt: order.createdAt,
  });
}

function lineItemFor(
  shop: ShopState,
  orderId: number,
  line: { variantId: number; quantity: number; price?: string },
  currencies: Pick<OrderRecord, "currencyCode" | "presentmentCurrencyCode" | "presentmentRate">,
): LineItemRecord {
  const variant = shop.variants.get(line.variantId)!;
  const product = shop.products.get(variant.productId);
  const price = line.price ?? variant.price;
  return {
    __typename: "LineItem",
    id: shop.nextId("LineItem"),
    orderId,
    variantId: variant.id,
    productId: variant.productId,
    sku: variant.sku,
    title: product?.title ?? variant.title,
    variantTitle: variant.title === "Default Title" ? null : variant.title,
    vendor: product?.vendor ?? null,
    quantity: line.quantity,
    price,
    presentmentPrice: decimalString(toPresentment(currencies, price), currencies.presentmentCurrencyCode),
    requiresShipping: true,
    weightGrams: variant.weightGrams,
  };
}

function resolveCustomer(shop: ShopState, input: CartInput, now: string): number | null {
  const c = input.customer;
  if (c?.id != null) return shop.customers.has(c.id) ? c.id : null;
  const email = c?.email ?? input.email;
  if (!email) return null;
  for (const customer of shop.customers.values()) if (customer.email === email) return customer.id;
  const id = shop.nextId("Customer");
  shop.customers.set(id, {
    __typename: "Customer",
    id,
    firstName: c?.firstName ?? input.shippingAddress?.firstName ?? null,
    lastName: c?.lastName ?? input.shippingAddress?.lastName ?? null,
    email,
    phone: c?.phone ?? input.phone ?? null,
    locale: c?.locale ?? "en",
    tags: [],
    note: null,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

function nextOrderNumber(shop: ShopState): number {
  let max = 1000;
  for (const order of shop.orders.values()) max = Math.max(max, order.number);
  return max + 1;
}

/** Cancels an order: its open fulfillment orders are cancelled, which releases committed stock. */
export function cancelOrder(
  shop: ShopState,
  orderId: number,
  reason: CancelReason = "OTHER",
  options: { at?: string } = {},
): Result<OrderRecord> {
  const order = shop.orders.get(orderId);
  if (!order) return { ok: false, error: "Order does not exist" };
  if (order.cancelledAt) return { ok: false, error: "Order has already been cancelled" };
  const at = options.at ?? shop.now();
  trackInventory(shop, () => {
    for (const fo of shop.fulfillmentOrdersOf(order.id)) {
      if (fo.status === "CLOSED" || fo.status === "CANCELLED") continue;
      fo.status = "CANCELLED";
      fo.updatedAt = at;
    }
    order.cancelledAt = at;
    order.cancelReason = reason;
    order.closedAt = at;
    order.updatedAt = at;
  });
  shop.emit({ topic: "orders/cancelled", shop: shop.domain, orderId: order.id });
  shop.emit({ topic: "orders/updated", shop: shop.domain, orderId: order.id });
  return { ok: true, value: order };
}

/**
 * The payment of an unpaid order arrives (or the merchant marks it as paid, `orderMarkAsPaid`): it
 * is PAID, with its sale transaction, announced by orders/paid and orders/updated.
 */
export function markOrderPaid(shop: ShopState, orderId: number): Result<OrderRecord> {
  const order = shop.orders.get(orderId);
  if (!order) return { ok: false, error: "Order does not exist" };
  if (order.cancelledAt) return { ok: false, error: "Order has been cancelled" };
  if (order.financialStatus !== "PENDING" && order.financialStatus !== "AUTHORIZED") return { ok: false, error: "Order is already paid" };
  order.financialStatus = "PAID";
  addSaleTransaction(shop, order);
  touchOrder(shop, order);
  shop.bump();
  shop.emit({ topic: "orders/paid", shop: shop.domain, orderId: order.id });
  shop.emit({ topic: "orders/updated", shop: shop.domain, orderId: order.id });
  return { ok: true, value: order };
}

/**
 * A new risk assessment of an order: Shopify's own (provider null), replacing its earlier one,
 * announced by orders/risk_assessment_changed (FIDELITY OR-8).
 */
export function assessOrderRisk(shop: ShopState, orderId: number, riskLevel: RiskLevel): Result<OrderRecord> {
  const order = shop.orders.get(orderId);
  if (!order) return { ok: false, error: "Order does not exist" };
  const createdAt = shop.now();
  order.riskAssessments = [{ riskLevel, createdAt }];
  shop.bump();
  shop.emit({ topic: "orders/risk_assessment_changed", shop: shop.domain, orderId: order.id, riskLevel, createdAt });
  return { ok: true, value: order };
}

export function touchOrder(shop: ShopState, order: OrderRecord, at = shop.now()): void {
  if (at > order.updatedAt) order.updatedAt = at;
}
