/**
 * Returns with Shopify's semantics: what can be returned, customer requests (REQUESTED) and
 * merchant returns (OPEN), approve / decline / cancel / close / reopen, reverse fulfillment orders
 * (created when a return opens), reverse deliveries (label and tracking) and dispositions
 * (RESTOCKED puts units back on hand at the given location). Every operation validates everything
 * first and changes nothing when it answers userErrors.
 */
import { addExchangeLines, planExchangeLines, type ExchangeLineInput, type NewExchangeLine } from "./exchanges";
import { ensureLevel, trackInventory } from "./inventory";
import { fitsCurrency, fixedString, toMinor } from "./money";
import type {
  DispositionRecord,
  DispositionType,
  FulfillmentLineItemRecord,
  FulfillmentRecord,
  OrderRecord,
  ReturnDeclineReason,
  ReturnLineItemRecord,
  ReturnReason,
  ReturnRecord,
  ReturnStatus,
  ReverseDeliveryRecord,
  ReverseFulfillmentOrderLineItemRecord,
  ReverseFulfillmentOrderRecord,
} from "./records";
import type { ShopState } from "./shop-state";
import { fail, userError, type Outcome, type UserError } from "./user-errors";

/**
 * Shopify's general return reasons (`returnReasonDefinitions`), with the ids, handles and names of
 * Shopify's product taxonomy (github.com/Shopify/product-taxonomy, data/return_reasons.yml, ids 1–10),
 * each tied to the legacy `ReturnReason` of the same name ("Changed my mind" is UNWANTED, "Too big"
 * SIZE_TOO_LARGE). The taxonomy's category-specific reasons (id 11 on) are not modelled.
 */
export const RETURN_REASON_DEFINITIONS: readonly { id: number; handle: string; name: string; reason: ReturnReason }[] = [
  { id: 1, handle: "unknown", name: "Unknown", reason: "UNKNOWN" },
  { id: 2, handle: "changed-my-mind", name: "Changed my mind", reason: "UNWANTED" },
  { id: 3, handle: "item-not-as-described", name: "Item not as described", reason: "NOT_AS_DESCRIBED" },
  { id: 4, handle: "received-the-wrong-item", name: "Received the wrong item", reason: "WRONG_ITEM" },
  { id: 5, handle: "other-reason", name: "Other", reason: "OTHER" },
  { id: 6, handle: "damaged-or-defective", name: "Damaged or defective", reason: "DEFECTIVE" },
  { id: 7, handle: "too-small", name: "Too small", reason: "SIZE_TOO_SMALL" },
  { id: 8, handle: "too-big", name: "Too big", reason: "SIZE_TOO_LARGE" },
  { id: 9, handle: "style", name: "Style", reason: "STYLE" },
  { id: 10, handle: "color", name: "Color", reason: "COLOR" },
];

export function reasonDefinitionOf(reason: ReturnReason) {
  return RETURN_REASON_DEFINITIONS.find((d) => d.reason === reason)!;
}

/** Returns in these states hold their quantities: those units cannot be returned again. */
const HOLDING = new Set<ReturnStatus>(["REQUESTED", "OPEN", "CLOSED"]);

/** Units of a fulfillment line item in requested, open or closed returns. */
export function returnedQuantity(shop: ShopState, fulfillmentLineItemId: number): number {
  const index = shop.cached("returnedByFulfillmentLine", () => {
    const map = new Map<number, number>();
    for (const ret of shop.returns.values()) {
      if (!HOLDING.has(ret.status)) continue;
      for (const line of ret.lineItems) map.set(line.fulfillmentLineItemId, (map.get(line.fulfillmentLineItemId) ?? 0) + line.quantity);
    }
    return map;
  });
  return index.get(fulfillmentLineItemId) ?? 0;
}

/** What is left to return of a fulfillment line item: fulfilled (SUCCESS) units not yet in a return. */
export function returnableQuantity(shop: ShopState, fulfillment: FulfillmentRecord, line: FulfillmentLineItemRecord): number {
  if (fulfillment.status !== "SUCCESS") return 0;
  return Math.max(0, line.quantity - returnedQuantity(shop, line.id));
}

export interface ReturnableFulfillment {
  __typename: "ReturnableFulfillment";
  fulfillment: FulfillmentRecord;
  lines: { line: FulfillmentLineItemRecord; quantity: number }[];
}

/** `returnableFulfillments(orderId:)`: successful fulfillments with something left to return. */
export function returnableFulfillments(shop: ShopState, orderId: number): ReturnableFulfillment[] {
  return shop
    .fulfillmentsOf(orderId)
    .map((fulfillment) => returnableFulfillment(shop, fulfillment))
    .filter((r): r is ReturnableFulfillment => r != null);
}

export function returnableFulfillment(shop: ShopState, fulfillment: FulfillmentRecord): ReturnableFulfillment | null {
  const lines = fulfillment.lines
    .map((line) => ({ line, quantity: returnableQuantity(shop, fulfillment, line) }))
    .filter((l) => l.quantity > 0);
  return lines.length ? { __typename: "ReturnableFulfillment", fulfillment, lines } : null;
}

/** Order.returnStatus: the order's returns summed up, the one needing attention first. */
export function orderReturnStatus(shop: ShopState, orderId: number): string {
  const returns = shop.returnsOf(orderId);
  if (returns.some((r) => r.status === "REQUESTED")) return "RETURN_REQUESTED";
  const open = returns.filter((r) => r.status === "OPEN");
  if (open.length) return open.every((r) => fullyDisposed(shop, r)) ? "INSPECTION_COMPLETE" : "IN_PROGRESS";
  if (returns.some((r) => r.status === "CLOSED")) return "RETURNED";
  return "NO_RETURN";
}

function fullyDisposed(shop: ShopState, ret: ReturnRecord): boolean {
  return shop.reverseFulfillmentOrdersOf(ret.id).every((rfo) => rfo.lineItems.every((l) => undisposedQuantity(l) === 0));
}

export function disposedQuantity(line: ReverseFulfillmentOrderLineItemRecord): number {
  return line.dispositions.reduce((sum, d) => sum + d.quantity, 0);
}

export function undisposedQuantity(line: ReverseFulfillmentOrderLineItemRecord): number {
  return line.totalQuantity - disposedQuantity(line);
}

/** Units of a reverse fulfillment order line already on a reverse delivery. */
function deliveredQuantity(shop: ShopState, rfo: ReverseFulfillmentOrderRecord, line: ReverseFulfillmentOrderLineItemRecord): number {
  let total = 0;
  for (const delivery of shop.reverseDeliveriesOf(rfo.id)) {
    for (const l of delivery.lines) if (l.reverseFulfillmentOrderLineItemId === line.id) total += l.quantity;
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Creating returns: returnRequest (REQUESTED) and returnCreate (OPEN)

export interface ReturnLineInput {
  /** null: the input id was not a FulfillmentLineItem GID. */
  fulfillmentLineItemId: number | null;
  quantity: number;
  returnReason?: ReturnReason | null;
  /** undefined: not given; null: given but not a ReturnReasonDefinition GID. */
  returnReasonDefinitionId?: number | null;
  returnReasonNote?: string | null;
  customerNote?: string | null;
  /** `restockingFee: {percentage}` (schema: `RestockingFeeInput`). */
  restockingFee?: { percentage: number } | null;
}

export interface NewReturn {
  orderId: number | null;
  lines: ReturnLineInput[];
  shippingFee?: { amount: string; currencyCode: string } | null;
  /** `returnCreate`'s `exchangeLineItems` (schema: `ExchangeLineItemInput`; `returnRequest` has none). */
  exchangeLines?: ExchangeLineInput[] | null;
  status: "REQUESTED" | "OPEN";
  createdAt?: string | null;
  /** Name of the mutation's input argument, the root of userError field paths. */
  fieldRoot: string;
}

export const LIMITS = { customerNote: 300, returnReasonNote: 255, declineNote: 500 } as const;

/** A new return's input, validated: what `createReturn` records and `returnCalculate` prices. */
export interface PlannedReturn {
  order: OrderRecord;
  lines: Omit<ReturnLineItemRecord, "id" | "returnId">[];
  exchangeLines: NewExchangeLine[];
  fee: { amount: string; currencyCode: string } | null;
}

/**
 * Validates a new return (all of it: every error is reported, nothing is changed). `calculation`:
 * `returnCalculate`'s input, whose return lines are optional and carry no reason.
 */
export function planReturn(shop: ShopState, input: Omit<NewReturn, "status" | "createdAt">, calculation = false): Outcome<PlannedReturn> {
  const root = input.fieldRoot;
  const order = input.orderId == null ? undefined : shop.orders.get(input.orderId);
  if (!order) return fail([root, "orderId"], "Order does not exist.", "NOT_FOUND");
  if (input.lines.length === 0 && !calculation) return fail([root, "returnLineItems"], "Return must have at least one line item.", "BLANK");

  const errors: UserError[] = [];
  const wanted = new Map<number, number>();
  const lines: Omit<ReturnLineItemRecord, "id" | "returnId">[] = [];
  input.lines.forEach((line, index) => {
    const at = (...field: string[]) => [root, "returnLineItems", index, ...field];
    const found = line.fulfillmentLineItemId == null ? undefined : shop.fulfillmentLineItem(line.fulfillmentLineItemId);
    if (!found || found.fulfillment.orderId !== order.id) {
      errors.push(userError(at("fulfillmentLineItemId"), "Fulfillment line item does not exist.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      errors.push(userError(at("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const returnable = returnableQuantity(shop, found.fulfillment, found.line);
    const total = (wanted.get(found.line.id) ?? 0) + line.quantity;
    if (total > returnable) {
      errors.push(
        userError(
          at("quantity"),
          returnable === 0
            ? "Fulfillment line item has no returnable quantity."
            : `Quantity must be less than or equal to the returnable quantity (${returnable}).`,
          "LESS_THAN_OR_EQUAL_TO",
        ),
      );
      return;
    }
    const reason = !calculation || line.returnReason || line.returnReasonDefinitionId !== undefined ? resolveReason(line) : ({ ok: true, value: "UNKNOWN" } as const);
    if (!reason.ok) {
      errors.push(...reason.userErrors.map((e) => ({ ...e, field: [...at(), ...(e.field ?? [])].map(String) })));
      return;
    }
    if ((line.returnReasonNote ?? "").length > LIMITS.returnReasonNote) {
      errors.push(userError(at("returnReasonNote"), `Return reason note is too long (maximum is ${LIMITS.returnReasonNote} characters).`, "TOO_LONG"));
      return;
    }
    if ((line.customerNote ?? "").length > LIMITS.customerNote) {
      errors.push(userError(at("customerNote"), `Customer note is too long (maximum is ${LIMITS.customerNote} characters).`, "TOO_LONG"));
      return;
    }
    const percentage = line.restockingFee?.percentage;
    if (percentage != null && !(percentage >= 0)) {
      errors.push(userError(at("restockingFee", "percentage"), "Restocking fee percentage must be greater than or equal to 0.", "GREATER_THAN_OR_EQUAL_TO"));
      return;
    }
    if (percentage != null && percentage > 100) {
      errors.push(userError(at("restockingFee", "percentage"), "Restocking fee percentage must be less than or equal to 100.", "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    wanted.set(found.line.id, total);
    lines.push({
      __typename: "ReturnLineItem",
      fulfillmentLineItemId: found.line.id,
      quantity: line.quantity,
      returnReason: reason.value,
      returnReasonNote: line.returnReasonNote ?? "",
      customerNote: line.customerNote ?? null,
      // A fee of 0 % is no fee: Shopify's ReturnLineItem.restockingFee is then null.
      restockingFee: percentage ? { id: 0, percentage } : null,
      processedQuantity: 0,
      refundedQuantity: 0,
    });
  });
  const fee = input.shippingFee;
  if (fee) {
    // schema: ReturnShippingFeeInput.amount, "The value of the fee as a fixed amount in the presentment currency of the order."
    const currency = order.presentmentCurrencyCode;
    if (!(Number(fee.amount) >= 0)) {
      errors.push(userError([root, "returnShippingFee", "amount", "amount"], "Return shipping fee must be greater than or equal to 0.", "GREATER_THAN_OR_EQUAL_TO"));
    } else if (fee.currencyCode !== currency) {
      errors.push(
        userError(
          [root, "returnShippingFee", "amount", "currencyCode"],
          `Return shipping fee must be in the presentment currency of the order (${currency}), not ${fee.currencyCode}.`,
          "INVALID",
        ),
      );
    } else if (!fitsCurrency(fee.amount, currency)) {
      errors.push(userError([root, "returnShippingFee", "amount", "amount"], `Return shipping fee has more decimals than ${currency} has.`, "INVALID"));
    }
  }
  let exchangeLines: NewExchangeLine[] = [];
  if (input.exchangeLines?.length) {
    const planned = planExchangeLines(shop, order, input.exchangeLines, (index, ...field) => [root, "exchangeLineItems", index, ...field]);
    if (planned.ok) exchangeLines = planned.value;
    else errors.push(...planned.userErrors);
  }
  if (errors.length) return { ok: false, userErrors: errors };
  return { ok: true, value: { order, lines, exchangeLines, fee: fee ?? null } };
}

export function createReturn(shop: ShopState, input: NewReturn): Outcome<ReturnRecord> {
  const planned = planReturn(shop, input);
  if (!planned.ok) return planned;
  const { order, lines, exchangeLines, fee } = planned.value;
  const now = input.createdAt ?? shop.now();
  const id = shop.nextId("Return");
  const ret: ReturnRecord = {
    __typename: "Return",
    id,
    orderId: order.id,
    name: `${order.name}-R${shop.returnsOf(order.id).length + 1}`,
    status: input.status,
    lineItems: lines.map((line) => ({
      ...line,
      id: shop.nextId("ReturnLineItem"),
      returnId: id,
      restockingFee: line.restockingFee ? { id: shop.nextId("RestockingFee"), percentage: line.restockingFee.percentage } : null,
    })),
    exchangeLineItems: [],
    shippingFee:
      fee && Number(fee.amount) > 0
        ? { id: shop.nextId("ReturnShippingFee"), amount: fixedString(toMinor(fee.amount, fee.currencyCode), fee.currencyCode), currencyCode: fee.currencyCode }
        : null,
    shippingFeeProcessed: false,
    decline: null,
    notifyCustomer: false,
    createdAt: now,
    updatedAt: now,
    requestApprovedAt: input.status === "OPEN" ? now : null,
    closedAt: null,
  };
  addExchangeLines(shop, ret, exchangeLines);
  shop.returns.set(ret.id, ret);
  shop.bump();
  if (ret.status === "OPEN") openReverseFulfillmentOrder(shop, ret, now);
  // returnCreate's return is OPEN from the start: Shopify announces it as approved.
  shop.emit({ topic: ret.status === "OPEN" ? "returns/approve" : "returns/request", shop: shop.domain, returnId: ret.id });
  return { ok: true, value: ret };
}

function resolveReason(line: ReturnLineInput): Outcome<ReturnReason> {
  if (line.returnReasonDefinitionId !== undefined) {
    const definition = RETURN_REASON_DEFINITIONS.find((d) => d.id === line.returnReasonDefinitionId);
    if (!definition) return fail(["returnReasonDefinitionId"], "Return reason definition does not exist.", "NOT_FOUND");
    if (line.returnReason && line.returnReason !== definition.reason) {
      return fail(["returnReasonDefinitionId"], "Return reason definition does not match the return reason.", "INVALID");
    }
    return { ok: true, value: definition.reason };
  }
  if (line.returnReason) return { ok: true, value: line.returnReason };
  return fail(["returnReasonDefinitionId"], "A return reason is required.", "BLANK");
}

/** One reverse fulfillment order per opened return, one line per return line item. */
function openReverseFulfillmentOrder(shop: ShopState, ret: ReturnRecord, at: string): ReverseFulfillmentOrderRecord {
  const id = shop.nextId("ReverseFulfillmentOrder");
  const rfo: ReverseFulfillmentOrderRecord = {
    __typename: "ReverseFulfillmentOrder",
    id,
    returnId: ret.id,
    orderId: ret.orderId,
    status: "OPEN",
    lineItems: ret.lineItems.map((line) => ({
      __typename: "ReverseFulfillmentOrderLineItem",
      id: shop.nextId("ReverseFulfillmentOrderLineItem"),
      reverseFulfillmentOrderId: id,
      returnLineItemId: line.id,
      fulfillmentLineItemId: line.fulfillmentLineItemId,
      totalQuantity: line.quantity,
      dispositions: [],
    })),
    createdAt: at,
    updatedAt: at,
  };
  shop.reverseFulfillmentOrders.set(rfo.id, rfo);
  shop.bump();
  return rfo;
}

// ---------------------------------------------------------------------------------------------
// Transitions

function findReturn(shop: ShopState, id: number | null, field: string[]): Outcome<ReturnRecord> {
  const ret = id == null ? undefined : shop.returns.get(id);
  return ret ? { ok: true, value: ret } : fail(field, "Return does not exist.", "NOT_FOUND");
}

function wrongState(field: string[], ret: ReturnRecord, action: string, allowed: string): Outcome<never> {
  return fail(field, `Return is ${ret.status.toLowerCase()}; only ${allowed} return can be ${action}.`, "INVALID_STATE");
}

export function touch(shop: ShopState, ret: ReturnRecord, at: string): void {
  ret.updatedAt = at;
  const order = shop.orders.get(ret.orderId);
  if (order && at > order.updatedAt) order.updatedAt = at;
  shop.bump();
}

/** returnApproveRequest: REQUESTED → OPEN, with its reverse fulfillment order. */
export function approveReturn(shop: ShopState, id: number | null, options: { notifyCustomer?: boolean; at?: string } = {}): Outcome<ReturnRecord> {
  const found = findReturn(shop, id, ["input", "id"]);
  if (!found.ok) return found;
  const ret = found.value;
  if (ret.status !== "REQUESTED") return wrongState(["input", "id"], ret, "approved", "a requested");
  const at = options.at ?? shop.now();
  ret.status = "OPEN";
  ret.requestApprovedAt = at;
  ret.notifyCustomer = options.notifyCustomer ?? false;
  openReverseFulfillmentOrder(shop, ret, at);
  touch(shop, ret, at);
  shop.emit({ topic: "returns/approve", shop: shop.domain, returnId: ret.id });
  return { ok: true, value: ret };
}

/** returnDeclineRequest: REQUESTED → DECLINED; the units become returnable again. */
export function declineReturn(
  shop: ShopState,
  id: number | null,
  input: { reason: ReturnDeclineReason; note?: string | null; notifyCustomer?: boolean; at?: string },
): Outcome<ReturnRecord> {
  const found = findReturn(shop, id, ["input", "id"]);
  if (!found.ok) return found;
  const ret = found.value;
  if (ret.status !== "REQUESTED") return wrongState(["input", "id"], ret, "declined", "a requested");
  if ((input.note ?? "").length > LIMITS.declineNote) {
    return fail(["input", "declineNote"], `Decline note is too long (maximum is ${LIMITS.declineNote} characters).`, "TOO_LONG");
  }
  const at = input.at ?? shop.now();
  ret.status = "DECLINED";
  ret.decline = { reason: input.reason, note: input.note ?? null };
  ret.notifyCustomer = input.notifyCustomer ?? false;
  touch(shop, ret, at);
  shop.emit({ topic: "returns/decline", shop: shop.domain, returnId: ret.id });
  return { ok: true, value: ret };
}

/**
 * returnCancel: a requested or open return on which no work was done (no disposition) is
 * canceled, its reverse fulfillment orders too; the units become returnable again.
 */
export function cancelReturn(shop: ShopState, id: number | null, options: { notifyCustomer?: boolean; at?: string } = {}): Outcome<ReturnRecord> {
  const found = findReturn(shop, id, ["id"]);
  if (!found.ok) return found;
  const ret = found.value;
  if (ret.status !== "REQUESTED" && ret.status !== "OPEN") return wrongState(["id"], ret, "canceled", "a requested or open");
  const rfos = shop.reverseFulfillmentOrdersOf(ret.id);
  if (rfos.some((rfo) => rfo.lineItems.some((l) => l.dispositions.length > 0))) {
    return fail(["id"], "Return can't be canceled: some of its items have already been disposed.", "INVALID_STATE");
  }
  const at = options.at ?? shop.now();
  ret.status = "CANCELED";
  ret.notifyCustomer = options.notifyCustomer ?? false;
  for (const rfo of rfos) {
    rfo.status = "CANCELED";
    rfo.updatedAt = at;
  }
  touch(shop, ret, at);
  shop.emit({ topic: "returns/cancel", shop: shop.domain, returnId: ret.id });
  return { ok: true, value: ret };
}

/**
 * returnClose: an open return is complete ("a refund has been made and items restocked, or simply
 * marked as returned"): nothing needs to be disposed first. Its open reverse fulfillment orders close.
 */
export function closeReturn(shop: ShopState, id: number | null, options: { at?: string } = {}): Outcome<ReturnRecord> {
  const found = findReturn(shop, id, ["id"]);
  if (!found.ok) return found;
  const ret = found.value;
  if (ret.status !== "OPEN") return wrongState(["id"], ret, "closed", "an open");
  const at = options.at ?? shop.now();
  ret.status = "CLOSED";
  ret.closedAt = at;
  for (const rfo of shop.reverseFulfillmentOrdersOf(ret.id)) {
    if (rfo.status !== "OPEN") continue;
    rfo.status = "CLOSED";
    rfo.updatedAt = at;
  }
  touch(shop, ret, at);
  shop.emit({ topic: "returns/close", shop: shop.domain, returnId: ret.id });
  return { ok: true, value: ret };
}

/** returnReopen: CLOSED → OPEN; reverse fulfillment orders with undisposed units open again. */
export function reopenReturn(shop: ShopState, id: number | null, options: { at?: string } = {}): Outcome<ReturnRecord> {
  const found = findReturn(shop, id, ["id"]);
  if (!found.ok) return found;
  const ret = found.value;
  if (ret.status !== "CLOSED") return wrongState(["id"], ret, "reopened", "a closed");
  const at = options.at ?? shop.now();
  ret.status = "OPEN";
  ret.closedAt = null;
  for (const rfo of shop.reverseFulfillmentOrdersOf(ret.id)) {
    if (rfo.status !== "CLOSED" || rfo.lineItems.every((l) => undisposedQuantity(l) === 0)) continue;
    rfo.status = "OPEN";
    rfo.updatedAt = at;
  }
  touch(shop, ret, at);
  shop.emit({ topic: "returns/reopen", shop: shop.domain, returnId: ret.id });
  return { ok: true, value: ret };
}

// ---------------------------------------------------------------------------------------------
// Reverse deliveries

export interface NewReverseDelivery {
  reverseFulfillmentOrderId: number | null;
  lines: { reverseFulfillmentOrderLineItemId: number | null; quantity: number }[];
  tracking?: { number?: string | null; url?: string | null } | null;
  labelFileUrl?: string | null;
  notifyCustomer?: boolean | null;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

const CARRIER_HOSTS: [RegExp, string][] = [
  [/(^|\.)ups\.com$/, "UPS"],
  [/(^|\.)usps\.com$/, "USPS"],
  [/(^|\.)fedex\.com$/, "FedEx"],
  [/(^|\.)dhl\.com$/, "DHL Express"],
  [/(^|\.)canadapost(-postescanada)?\.ca$/, "Canada Post"],
  [/(^|\.)ghn\.vn$/, "Giao Hàng Nhanh"],
  [/(^|\.)viettelpost\.com\.vn$/, "Viettel Post"],
];

/** Shopify names the carrier from the tracking URL when it knows it. */
function carrierNameOf(url: string | null | undefined): string | null {
  if (!url || !isHttpUrl(url)) return null;
  const host = new URL(url).hostname.toLowerCase();
  return CARRIER_HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

/** reverseDeliveryCreateWithShipping. */
export function createReverseDelivery(shop: ShopState, input: NewReverseDelivery): Outcome<ReverseDeliveryRecord> {
  const rfo = input.reverseFulfillmentOrderId == null ? undefined : shop.reverseFulfillmentOrders.get(input.reverseFulfillmentOrderId);
  if (!rfo) return fail(["reverseFulfillmentOrderId"], "Reverse fulfillment order does not exist.", "NOT_FOUND");
  if (rfo.status !== "OPEN") {
    return fail(["reverseFulfillmentOrderId"], `Reverse fulfillment order is ${rfo.status.toLowerCase()}.`, "INVALID_STATE");
  }
  const errors: UserError[] = [];
  const planned = new Map<ReverseFulfillmentOrderLineItemRecord, number>();
  if (input.lines.length === 0) {
    // Shopify: an empty list delivers every line; here, what no delivery covers yet.
    for (const line of rfo.lineItems) {
      const left = line.totalQuantity - deliveredQuantity(shop, rfo, line);
      if (left > 0) planned.set(line, left);
    }
    if (planned.size === 0) {
      errors.push(userError(["reverseDeliveryLineItems"], "Every item of the reverse fulfillment order is already on a reverse delivery.", "INVALID"));
    }
  }
  input.lines.forEach((l, index) => {
    const at = (field: string) => ["reverseDeliveryLineItems", index, field];
    const line = l.reverseFulfillmentOrderLineItemId == null ? undefined : rfo.lineItems.find((x) => x.id === l.reverseFulfillmentOrderLineItemId);
    if (!line) {
      errors.push(userError(at("reverseFulfillmentOrderLineItemId"), "Reverse fulfillment order line item does not exist on this reverse fulfillment order.", "NOT_FOUND"));
      return;
    }
    if (!Number.isInteger(l.quantity) || l.quantity <= 0) {
      errors.push(userError(at("quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const left = line.totalQuantity - deliveredQuantity(shop, rfo, line);
    const total = (planned.get(line) ?? 0) + l.quantity;
    if (total > left) {
      errors.push(userError(at("quantity"), `Quantity must be less than or equal to the quantity left to deliver (${left}).`, "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    planned.set(line, total);
  });
  if (input.tracking?.url && !isHttpUrl(input.tracking.url)) errors.push(userError(["trackingInput", "url"], "Tracking URL is invalid.", "INVALID"));
  if (input.labelFileUrl != null && !isHttpUrl(input.labelFileUrl)) errors.push(userError(["labelInput", "fileUrl"], "Label file URL is invalid.", "INVALID"));
  if (errors.length) return { ok: false, userErrors: errors };

  const now = shop.now();
  const tracking = input.tracking && (input.tracking.number || input.tracking.url) ? input.tracking : null;
  const delivery: ReverseDeliveryRecord = {
    __typename: "ReverseDelivery",
    id: shop.nextId("ReverseDelivery"),
    reverseFulfillmentOrderId: rfo.id,
    lines: [...planned].map(([line, quantity]) => ({
      __typename: "ReverseDeliveryLineItem",
      id: shop.nextId("ReverseDeliveryLineItem"),
      reverseFulfillmentOrderLineItemId: line.id,
      quantity,
    })),
    tracking: tracking ? { number: tracking.number ?? null, url: tracking.url ?? null, carrierName: carrierNameOf(tracking.url) } : null,
    label: input.labelFileUrl ? { publicFileUrl: input.labelFileUrl, createdAt: now, updatedAt: now } : null,
    notifyCustomer: input.notifyCustomer ?? false,
    createdAt: now,
    updatedAt: now,
  };
  shop.reverseDeliveries.set(delivery.id, delivery);
  rfo.updatedAt = now;
  const ret = shop.returns.get(rfo.returnId);
  if (ret) touch(shop, ret, now);
  shop.bump();
  if (delivery.tracking || delivery.label) {
    shop.emit({ topic: "reverse_deliveries/attach_deliverable", shop: shop.domain, reverseDeliveryId: delivery.id });
  }
  return { ok: true, value: delivery };
}

/** reverseDeliveryShippingUpdate: replaces the tracking and/or the label of a reverse delivery. */
export function updateReverseDelivery(
  shop: ShopState,
  id: number | null,
  input: { tracking?: { number?: string | null; url?: string | null } | null; labelFileUrl?: string | null; notifyCustomer?: boolean | null },
): Outcome<ReverseDeliveryRecord> {
  const delivery = id == null ? undefined : shop.reverseDeliveries.get(id);
  if (!delivery) return fail(["reverseDeliveryId"], "Reverse delivery does not exist.", "NOT_FOUND");
  const rfo = shop.reverseFulfillmentOrders.get(delivery.reverseFulfillmentOrderId);
  if (!rfo || rfo.status === "CANCELED") return fail(["reverseDeliveryId"], "Reverse fulfillment order is canceled.", "INVALID_STATE");
  const errors: UserError[] = [];
  if (input.tracking?.url && !isHttpUrl(input.tracking.url)) errors.push(userError(["trackingInput", "url"], "Tracking URL is invalid.", "INVALID"));
  if (input.labelFileUrl != null && !isHttpUrl(input.labelFileUrl)) errors.push(userError(["labelInput", "fileUrl"], "Label file URL is invalid.", "INVALID"));
  if (errors.length) return { ok: false, userErrors: errors };
  const now = shop.now();
  if (input.tracking) {
    delivery.tracking = { number: input.tracking.number ?? null, url: input.tracking.url ?? null, carrierName: carrierNameOf(input.tracking.url) };
  }
  if (input.labelFileUrl) {
    delivery.label = { publicFileUrl: input.labelFileUrl, createdAt: delivery.label?.createdAt ?? now, updatedAt: now };
  }
  if (input.notifyCustomer != null) delivery.notifyCustomer = input.notifyCustomer;
  delivery.updatedAt = now;
  shop.bump();
  if (input.tracking || input.labelFileUrl) {
    shop.emit({ topic: "reverse_deliveries/attach_deliverable", shop: shop.domain, reverseDeliveryId: delivery.id });
  }
  return { ok: true, value: delivery };
}

// ---------------------------------------------------------------------------------------------
// Dispositions

export interface DispositionInput {
  reverseFulfillmentOrderLineItemId: number | null;
  quantity: number;
  dispositionType: DispositionType;
  /** undefined: not given; null: given but not a Location GID. */
  locationId?: number | null;
}

/** A validated disposition, ready to apply. */
export interface PlannedDisposition {
  line: ReverseFulfillmentOrderLineItemRecord;
  rfo: ReverseFulfillmentOrderRecord;
  input: DispositionInput;
  inventoryItemId: number | null;
}

/**
 * Checks dispositions against the reverse fulfillment orders (as `reverseFulfillmentOrderDispose`
 * and `returnProcess`'s `dispositions` share them); `at(index, field)` is the userError path of
 * input `index`. `already` counts units other inputs of the same call dispose of each line.
 */
export function planDispositions(
  shop: ShopState,
  inputs: DispositionInput[],
  at: (index: number, field: string) => (string | number)[],
  already = new Map<ReverseFulfillmentOrderLineItemRecord, number>(),
): Outcome<PlannedDisposition[]> {
  const errors: UserError[] = [];
  const planned = already;
  const valid: PlannedDisposition[] = [];
  inputs.forEach((input, index) => {
    const found = input.reverseFulfillmentOrderLineItemId == null ? undefined : shop.reverseFulfillmentOrderLineItem(input.reverseFulfillmentOrderLineItemId);
    if (!found) {
      errors.push(userError(at(index, "reverseFulfillmentOrderLineItemId"), "Reverse fulfillment order line item does not exist.", "NOT_FOUND"));
      return;
    }
    if (found.rfo.status !== "OPEN") {
      errors.push(userError(at(index, "reverseFulfillmentOrderLineItemId"), `Reverse fulfillment order is ${found.rfo.status.toLowerCase()}.`, "INVALID_STATE"));
      return;
    }
    if (!Number.isInteger(input.quantity) || input.quantity <= 0) {
      errors.push(userError(at(index, "quantity"), "Quantity must be greater than 0.", "GREATER_THAN"));
      return;
    }
    const left = undisposedQuantity(found.line);
    const total = (planned.get(found.line) ?? 0) + input.quantity;
    if (total > left) {
      errors.push(userError(at(index, "quantity"), `Quantity must be less than or equal to the quantity left to dispose (${left}).`, "LESS_THAN_OR_EQUAL_TO"));
      return;
    }
    if (input.locationId !== undefined) {
      const location = input.locationId == null ? undefined : shop.locations.get(input.locationId);
      if (!location) {
        errors.push(userError(at(index, "locationId"), "Location does not exist.", "NOT_FOUND"));
        return;
      }
      if (!location.isActive) {
        errors.push(userError(at(index, "locationId"), "Location is not active.", "INVALID"));
        return;
      }
    } else if (input.dispositionType === "RESTOCKED") {
      errors.push(userError(at(index, "locationId"), "Location is required to restock items.", "BLANK"));
      return;
    }
    planned.set(found.line, total);
    const lineItemId = shop.fulfillmentLineItem(found.line.fulfillmentLineItemId)?.line.lineItemId;
    const variantId = lineItemId == null ? null : (shop.lineItem(lineItemId)?.line.variantId ?? null);
    const inventoryItemId = variantId == null ? null : (shop.variants.get(variantId)?.inventoryItemId ?? null);
    valid.push({ line: found.line, rfo: found.rfo, input, inventoryItemId });
  });
  return errors.length ? { ok: false, userErrors: errors } : { ok: true, value: valid };
}

/** Applies planned dispositions: restocked units go on hand; a fully disposed reverse fulfillment order closes. */
export function applyDispositions(shop: ShopState, valid: PlannedDisposition[], now: string): void {
  const byRfo = new Map<ReverseFulfillmentOrderRecord, number[]>();
  trackInventory(shop, () => {
    for (const { line, rfo, input, inventoryItemId } of valid) {
      const disposition: DispositionRecord = {
        __typename: "ReverseFulfillmentOrderDisposition",
        id: shop.nextId("ReverseFulfillmentOrderDisposition"),
        reverseFulfillmentOrderLineItemId: line.id,
        reverseDeliveryLineItemId: deliveryLineFor(shop, rfo, line),
        locationId: input.locationId ?? null,
        quantity: input.quantity,
        type: input.dispositionType,
        createdAt: now,
      };
      line.dispositions.push(disposition);
      byRfo.set(rfo, [...(byRfo.get(rfo) ?? []), disposition.id]);
      if (input.dispositionType === "RESTOCKED" && inventoryItemId != null && disposition.locationId != null) {
        ensureLevel(shop, inventoryItemId, disposition.locationId).stored.on_hand += input.quantity;
      }
    }
    for (const rfo of byRfo.keys()) {
      rfo.updatedAt = now;
      if (rfo.lineItems.every((l) => undisposedQuantity(l) === 0)) rfo.status = "CLOSED";
      const ret = shop.returns.get(rfo.returnId);
      if (ret) touch(shop, ret, now);
    }
  });
  for (const [rfo, dispositionIds] of byRfo) {
    shop.emit({ topic: "reverse_fulfillment_orders/dispose", shop: shop.domain, reverseFulfillmentOrderId: rfo.id, dispositionIds });
  }
}

/**
 * reverseFulfillmentOrderDispose. RESTOCKED needs a location and raises on_hand (so available)
 * there for the returned variant's inventory item; NOT_RESTOCKED, PROCESSING_REQUIRED and MISSING
 * change no stock. A reverse fulfillment order whose units are all disposed closes.
 */
export function disposeItems(shop: ShopState, inputs: DispositionInput[], options: { at?: string } = {}): Outcome<ReverseFulfillmentOrderLineItemRecord[]> {
  if (inputs.length === 0) return fail(["dispositionInputs"], "At least one disposition is required.", "BLANK");
  const planned = planDispositions(shop, inputs, (index, field) => ["dispositionInputs", index, field]);
  if (!planned.ok) return planned;
  applyDispositions(shop, planned.value, options.at ?? shop.now());
  return { ok: true, value: [...new Set(planned.value.map((v) => v.line))] };
}

/** The reverse delivery line the units came back on, when one has room for them. */
function deliveryLineFor(shop: ShopState, rfo: ReverseFulfillmentOrderRecord, line: ReverseFulfillmentOrderLineItemRecord): number | null {
  for (const delivery of shop.reverseDeliveriesOf(rfo.id)) {
    for (const l of delivery.lines) {
      if (l.reverseFulfillmentOrderLineItemId !== line.id) continue;
      const used = line.dispositions.filter((d) => d.reverseDeliveryLineItemId === l.id).reduce((sum, d) => sum + d.quantity, 0);
      if (used < l.quantity) return l.id;
    }
  }
  return null;
}

/** The order a return belongs to (always present: returns are never detached). */
export function orderOfReturn(shop: ShopState, ret: ReturnRecord): OrderRecord {
  return shop.orders.get(ret.orderId)!;
}
