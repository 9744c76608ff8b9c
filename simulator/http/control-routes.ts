/** The simulator-only control API under /_control (JSON, zod-validated bodies). */
import type { z } from "zod";
import { looseIdOf, type GidType } from "../store/ids";
import { gid } from "../store/ids";
import { ensureLevel, setQuantity, adjustQuantity, trackInventory } from "../store/inventory";
import { addLocation, deleteLocation, updateLocation } from "../store/locations";
import { assessOrderRisk, cancelOrder, createOrder } from "../store/orders";
import { orderRoutingSettled } from "../store/order-routing";
import { createFulfillment, updateFulfillmentStatus } from "../store/fulfillments";
import { createFulfillmentEvent, isFulfillmentEventStatus, recordFulfillmentEvent } from "../store/fulfillment-events";
import { approveReturn, cancelReturn, closeReturn, createReturn, declineReturn, reopenReturn, returnableFulfillments, undisposedQuantity, type ReturnLineInput } from "../store/returns";
import { exchangeProcessableQuantity } from "../store/exchanges";
import { orderInvoices, payOrderInvoice } from "../store/order-invoices";
import { collectPayment, processableQuantity, processReturn, suggestFinancialOutcome } from "../store/return-processing";
import { decimalString } from "../store/money";
import type { ReturnRecord } from "../store/records";
import type { Outcome } from "../store/user-errors";
import type { ShopState } from "../store/shop-state";
import type { SimulatorStore } from "../store/store";
import { shopSummary } from "../store/summary";
import type { SeedData } from "../seed/types";
import { configureBucket } from "../graphql/throttle";
import { configureAdminFault } from "../store/admin-faults";
import type { WebhookDispatcher } from "../webhooks/dispatcher";
import * as schemas from "./control-schemas";
import { HttpError, route, type HttpResult, type Route, type RouteContext } from "./util";
import { refundReturn } from "../store/refunds";
import { clearTokenRequests, configureTokenEndpoint, tokenSummary } from "../store/access-tokens";

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    const message = result.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; ");
    throw new HttpError(400, { error: `Invalid body: ${message}`, issues: result.error.issues });
  }
  return result.data;
}

function id(type: GidType, value: string | number | undefined, what = type): number {
  const parsed = value == null ? null : looseIdOf(type, value);
  if (parsed == null) throw new HttpError(400, { error: `Invalid ${what} id: ${String(value)}` });
  return parsed;
}

function unprocessable(error: string): never {
  throw new HttpError(422, { error });
}

/** A store outcome as a control answer: userErrors → 422 with Shopify's userErrors. */
function outcome<T>(result: Outcome<T>): T {
  if (!result.ok) throw new HttpError(422, { error: result.userErrors.map((e) => e.message).join(" "), userErrors: result.userErrors });
  return result.value;
}

function orderRoutingOf(shop: ShopState) {
  return { delayMs: shop.routingDelayMs, moveOutcome: shop.moveOutcome };
}

function configureOrderRouting(shop: ShopState, settings: z.infer<typeof schemas.orderRoutingBody>): void {
  if (settings.delayMs !== undefined) shop.routingDelayMs = settings.delayMs;
  if (settings.moveOutcome !== undefined) shop.moveOutcome = settings.moveOutcome;
}

function returnSummary(shop: ShopState, ret: ReturnRecord) {
  return {
    return: { id: gid("Return", ret.id), name: ret.name, status: ret.status },
    returnLineItems: ret.lineItems.map((l) => ({
      id: gid("ReturnLineItem", l.id),
      fulfillmentLineItemId: gid("FulfillmentLineItem", l.fulfillmentLineItemId),
      quantity: l.quantity,
      processedQuantity: l.processedQuantity,
      refundedQuantity: l.refundedQuantity,
    })),
    exchangeLineItems: ret.exchangeLineItems.map((l) => ({
      id: gid("ExchangeLineItem", l.id),
      variantId: gid("ProductVariant", l.variantId),
      sku: l.sku,
      quantity: l.quantity,
      processedQuantity: l.processedQuantity,
      lineItemIds: l.lineItemIds.map((lineItemId) => gid("LineItem", lineItemId)),
    })),
    reverseFulfillmentOrders: shop.reverseFulfillmentOrdersOf(ret.id).map((rfo) => ({
      id: gid("ReverseFulfillmentOrder", rfo.id),
      status: rfo.status,
      lineItems: rfo.lineItems.map((l) => ({ id: gid("ReverseFulfillmentOrderLineItem", l.id), totalQuantity: l.totalQuantity })),
    })),
  };
}

/**
 * The lines of a return made in Shopify admin: by fulfillment line item, or by SKU (spread over the
 * order's returnable fulfillment lines of that SKU); none given: everything returnable.
 */
function returnLinesFor(
  shop: ShopState,
  orderId: number,
  lines:
    | {
        fulfillmentLineItemId?: string | number;
        sku?: string;
        quantity: number;
        returnReason?: ReturnLineInput["returnReason"];
        returnReasonNote?: string;
        customerNote?: string;
        restockingFeePercentage?: number;
      }[]
    | undefined,
  defaultReason: NonNullable<ReturnLineInput["returnReason"]>,
): ReturnLineInput[] {
  const returnable = returnableFulfillments(shop, orderId).flatMap((r) => r.lines);
  if (!lines) return returnable.map((r) => ({ fulfillmentLineItemId: r.line.id, quantity: r.quantity, returnReason: defaultReason }));
  return lines.flatMap((line): ReturnLineInput[] => {
    const common = {
      returnReason: line.returnReason ?? defaultReason,
      returnReasonNote: line.returnReasonNote ?? null,
      customerNote: line.customerNote ?? null,
      restockingFee: line.restockingFeePercentage == null ? null : { percentage: line.restockingFeePercentage },
    };
    if (line.fulfillmentLineItemId != null) {
      return [{ ...common, fulfillmentLineItemId: id("FulfillmentLineItem", line.fulfillmentLineItemId), quantity: line.quantity }];
    }
    const candidates = returnable.filter((r) => shop.lineItem(r.line.lineItemId)?.line.sku === line.sku);
    if (candidates.length === 0) unprocessable(`Nothing returnable with SKU ${line.sku} in this order`);
    let left = line.quantity;
    const result: ReturnLineInput[] = [];
    for (const candidate of candidates) {
      const quantity = Math.min(left, candidate.quantity);
      if (quantity > 0) result.push({ ...common, fulfillmentLineItemId: candidate.line.id, quantity });
      left -= quantity;
    }
    // Too many: let createReturn answer Shopify's userError on the last line.
    if (left > 0) result.push({ ...common, fulfillmentLineItemId: candidates.at(-1)!.line.id, quantity: left });
    return result;
  });
}

export function controlRoutes(deps: { store: SimulatorStore; webhooks: WebhookDispatcher }): Route[] {
  const { store, webhooks } = deps;
  const shopOf = (ctx: RouteContext): ShopState => {
    const shop = store.shop(ctx.params.shop!);
    if (!shop) throw new HttpError(404, { error: `Unknown shop ${ctx.params.shop}` });
    return shop;
  };
  const ok = (body: unknown, status = 200): HttpResult => ({ status, body });
  const clockSummary = () => ({ now: new Date(store.clock.now()).toISOString(), offsetSeconds: store.clock.offset / 1000 });

  return [
    route("GET", "/_control/health", () => ok({ ok: true })),
    route("GET", "/_control/shops", () => ok({ shops: store.domains() })),
    route("POST", "/_control/reset", () => {
      store.reset();
      webhooks.clear();
      return ok({ ok: true });
    }),
    route("POST", "/_control/shops", (ctx) => {
      const body = parse(schemas.createShopBody, ctx.body);
      const shop = store.createShop(body.shop, { ...body, bucket: body.throttle });
      if (body.throttle) configureBucket(shop.bucket, body.throttle);
      if (body.orderRouting) configureOrderRouting(shop, body.orderRouting);
      return ok({ shop: shop.domain, id: gid("Shop", shop.shop.id), scopes: shop.scopes, customerData: shop.customerData, orderRouting: orderRoutingOf(shop) }, 201);
    }),
    route("GET", "/_control/shops/:shop/order-routing", (ctx) => ok({ orderRouting: orderRoutingOf(shopOf(ctx)) })),
    route("PUT", "/_control/shops/:shop/order-routing", (ctx) => {
      const shop = shopOf(ctx);
      configureOrderRouting(shop, parse(schemas.orderRoutingBody, ctx.body));
      return ok({ orderRouting: orderRoutingOf(shop) });
    }),
    route("DELETE", "/_control/shops/:shop", (ctx) => ok({ deleted: store.deleteShop(ctx.params.shop!) })),
    route("POST", "/_control/shops/:shop/seed", (ctx) => {
      const data = parse(schemas.seedBody, ctx.body) as SeedData;
      const accessToken = ctx.query.get("accessToken") ?? undefined;
      try {
        const { shop, ...result } = store.seed(data, { domain: ctx.params.shop, accessToken });
        return ok({ shop: shop.domain, ...result }, 201);
      } catch (error) {
        return unprocessable((error as Error).message);
      }
    }),
    route("GET", "/_control/shops/:shop/state", (ctx) => ok(shopSummary(shopOf(ctx)))),
    route("PUT", "/_control/shops/:shop/customer-data", (ctx) => {
      const shop = shopOf(ctx);
      shop.customerData = parse(schemas.customerDataBody, ctx.body);
      return ok({ customerData: shop.customerData });
    }),
    route("GET", "/_control/shops/:shop/webhook-subscriptions", (ctx) => {
      const shop = shopOf(ctx);
      return ok({ scopes: shop.scopes, ...webhooks.subscriptionsFor(shop) });
    }),
    route("GET", "/_control/clock", () => ok(clockSummary())),
    route("POST", "/_control/clock", (ctx) => {
      const body = parse(schemas.clockBody, ctx.body);
      store.clock.advance(body.advanceSeconds * 1000);
      return ok(clockSummary());
    }),
    route("GET", "/_control/shops/:shop/tokens", (ctx) => ok(tokenSummary(shopOf(ctx)))),
    route("POST", "/_control/shops/:shop/tokens", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.tokensBody, ctx.body);
      configureTokenEndpoint(shop, body);
      if (body.clearRequests) clearTokenRequests(shop);
      return ok(tokenSummary(shop));
    }),
    route("PUT", "/_control/shops/:shop/faults", (ctx) => {
      const shop = shopOf(ctx);
      const settings = parse(schemas.adminFaultBody, ctx.body);
      shop.adminFault = settings.count > 0 ? configureAdminFault(settings) : null;
      return ok({ faults: shop.adminFault });
    }),
    route("GET", "/_control/shops/:shop/faults", (ctx) => ok({ faults: shopOf(ctx).adminFault })),
    route("GET", "/_control/shops/:shop/admin-requests", (ctx) => ok({ adminRequests: shopOf(ctx).adminRequests })),
    route("PUT", "/_control/shops/:shop/throttle", (ctx) => {
      const shop = shopOf(ctx);
      configureBucket(shop.bucket, parse(schemas.throttleBody, ctx.body));
      return ok({ throttle: shop.bucket });
    }),
    route("POST", "/_control/shops/:shop/orders", async (ctx) => {
      const shop = shopOf(ctx);
      const { wait, ...body } = parse(schemas.createOrderBody, ctx.body);
      const result = createOrder(shop, {
        ...body,
        customer: body.customer && { ...body.customer, id: body.customer.id == null ? undefined : id("Customer", body.customer.id) },
        lines: body.lines.map((l) => ({ ...l, variantId: l.variantId == null ? undefined : id("ProductVariant", l.variantId) })),
        pickupLocationId: body.pickupLocationId == null ? undefined : id("Location", body.pickupLocationId),
      });
      if (!result.ok) return unprocessable(result.error);
      const order = result.value;
      if (wait !== false) await orderRoutingSettled(shop, order.id);
      return ok(
        {
          order: { id: gid("Order", order.id), name: order.name },
          fulfillmentOrders: shop.fulfillmentOrdersOf(order.id).map((fo) => ({
            id: gid("FulfillmentOrder", fo.id),
            locationId: gid("Location", fo.assignedLocationId),
            status: fo.status,
          })),
        },
        201,
      );
    }),
    route("POST", "/_control/shops/:shop/orders/:id/cancel", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.cancelOrderBody, ctx.body);
      const result = cancelOrder(shop, id("Order", ctx.params.id), body.reason);
      return result.ok ? ok({ order: { id: gid("Order", result.value.id), cancelledAt: result.value.cancelledAt } }) : unprocessable(result.error);
    }),
    // The order's payment arrives (orders/paid, orders/updated); a new risk assessment (orders/risk_assessment_changed).
    route("POST", "/_control/shops/:shop/orders/:id/paid", (ctx) => {
      const result = collectPayment(shopOf(ctx), id("Order", ctx.params.id));
      return result.ok ? ok({ order: { id: gid("Order", result.value.id), financialStatus: result.value.financialStatus } }) : unprocessable(result.error);
    }),
    // The customer pays the invoice Shopify emailed (orderInvoiceSend): a SALE of what is outstanding (FIDELITY EX-12).
    route("POST", "/_control/shops/:shop/orders/:id/invoice-payment", (ctx) => {
      const result = payOrderInvoice(shopOf(ctx), id("Order", ctx.params.id));
      return result.ok ? ok({ order: { id: gid("Order", result.value.id), financialStatus: result.value.financialStatus } }) : unprocessable(result.error);
    }),
    // The invoices Shopify emailed (orderInvoiceSend), oldest first (FIDELITY EX-11).
    route("GET", "/_control/shops/:shop/order-invoices", (ctx) =>
      ok({ invoices: orderInvoices(shopOf(ctx)).map((i) => ({ ...i, orderId: gid("Order", i.orderId) })) }),
    ),
    route("POST", "/_control/shops/:shop/orders/:id/risk-assessments", (ctx) => {
      const body = parse(schemas.riskAssessmentBody, ctx.body);
      const result = assessOrderRisk(shopOf(ctx), id("Order", ctx.params.id), body.riskLevel);
      return result.ok ? ok({ order: { id: gid("Order", result.value.id), riskLevel: body.riskLevel } }) : unprocessable(result.error);
    }),
    route("POST", "/_control/shops/:shop/inventory", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.inventoryBody, ctx.body);
      const targets = body.changes.map((c) => {
        const variant =
          c.inventoryItemId != null
            ? undefined
            : c.variantId != null
              ? shop.variants.get(id("ProductVariant", c.variantId))
              : shop.variantBySku(c.sku!);
        const itemId = c.inventoryItemId != null ? id("InventoryItem", c.inventoryItemId) : variant?.inventoryItemId;
        if (itemId == null || !shop.inventoryItems.has(itemId)) unprocessable(`Unknown inventory item for change ${JSON.stringify(c)}`);
        const locationId = id("Location", c.locationId);
        if (!shop.locations.has(locationId)) unprocessable(`Unknown location ${c.locationId}`);
        return { change: c, itemId, locationId };
      });
      trackInventory(shop, () => {
        for (const { change, itemId, locationId } of targets) {
          const level = ensureLevel(shop, itemId, locationId);
          const name = change.name ?? "available";
          if (change.quantity != null) {
            if (name !== "available" && name !== "on_hand") level.stored[name] = change.quantity;
            else setQuantity(shop, level, name, change.quantity);
          } else adjustQuantity(shop, level, name, change.delta!);
          shop.bump();
        }
      });
      return ok({ ok: true });
    }),
    route("POST", "/_control/shops/:shop/fulfillments", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.createFulfillmentBody, ctx.body);
      const foIds =
        body.fulfillmentOrderId != null
          ? [id("FulfillmentOrder", body.fulfillmentOrderId)]
          : shop
              .fulfillmentOrdersOf(id("Order", body.orderId))
              .filter((fo) => fo.status === "OPEN" || fo.status === "IN_PROGRESS")
              .map((fo) => fo.id);
      if (foIds.length === 0) unprocessable("The order has no open fulfillment order");
      const created = foIds.map((foId) => {
        const result = createFulfillment(shop, {
          fulfillmentOrderId: foId,
          lines: body.lines?.map((l) => ({ fulfillmentOrderLineItemId: id("FulfillmentOrderLineItem", l.fulfillmentOrderLineItemId), quantity: l.quantity })),
          tracking: body.tracking,
          displayStatus: body.displayStatus,
          estimatedDeliveryAt: body.estimatedDeliveryAt,
        });
        if (!result.ok) unprocessable(result.error);
        // Created already scanned by the carrier (IN_TRANSIT, DELIVERED, …): the scan is an event too.
        if (body.displayStatus && body.displayStatus !== "CONFIRMED" && isFulfillmentEventStatus(body.displayStatus)) {
          recordFulfillmentEvent(shop, result.value.id, { status: body.displayStatus, happenedAt: result.value.createdAt, estimatedDeliveryAt: result.value.estimatedDeliveryAt });
        }
        return result.value;
      });
      return ok({ fulfillments: created.map((f) => ({ id: gid("Fulfillment", f.id), name: f.name, displayStatus: f.displayStatus })) }, 201);
    }),
    route("POST", "/_control/shops/:shop/fulfillments/:id/status", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.fulfillmentStatusBody, ctx.body);
      const result = updateFulfillmentStatus(shop, id("Fulfillment", ctx.params.id), body.displayStatus, body);
      if (!result.ok) unprocessable(result.error);
      // The carrier's scan: recorded as a fulfillment event, as tracking updates are in Shopify.
      if (isFulfillmentEventStatus(body.displayStatus)) {
        recordFulfillmentEvent(shop, result.value.id, { status: body.displayStatus, happenedAt: body.at, estimatedDeliveryAt: body.estimatedDeliveryAt });
      }
      return ok({ id: gid("Fulfillment", result.value.id), displayStatus: result.value.displayStatus });
    }),
    route("POST", "/_control/shops/:shop/fulfillments/:id/deliver", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.deliverBody, ctx.body);
      const fulfillmentId = id("Fulfillment", ctx.params.id);
      const pickup = shop.fulfillments.get(fulfillmentId)?.displayStatus === "READY_FOR_PICKUP";
      const result = updateFulfillmentStatus(shop, fulfillmentId, pickup ? "PICKED_UP" : "DELIVERED", body);
      if (!result.ok) unprocessable(result.error);
      if (!pickup) recordFulfillmentEvent(shop, result.value.id, { status: "DELIVERED", happenedAt: result.value.deliveredAt });
      return ok({ id: gid("Fulfillment", result.value.id), displayStatus: result.value.displayStatus, deliveredAt: result.value.deliveredAt });
    }),
    route("POST", "/_control/shops/:shop/fulfillments/:id/events", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.fulfillmentEventBody, ctx.body);
      const event = outcome(createFulfillmentEvent(shop, id("Fulfillment", ctx.params.id), body));
      const fulfillment = shop.fulfillments.get(event.fulfillmentId)!;
      return ok({ id: gid("FulfillmentEvent", event.id), status: event.status, fulfillment: { id: gid("Fulfillment", fulfillment.id), displayStatus: fulfillment.displayStatus } }, 201);
    }),
    route("POST", "/_control/shops/:shop/returns", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.createReturnBody, ctx.body);
      const orderId = id("Order", body.orderId);
      if (!shop.orders.has(orderId)) throw new HttpError(404, { error: `Unknown order ${body.orderId}` });
      const lines = returnLinesFor(shop, orderId, body.lines, body.returnReason);
      if (lines.length === 0) unprocessable("The order has nothing left to return");
      // A customer's request (returnRequest) carries no exchange items: ReturnRequestInput has none.
      if (body.exchanges?.length && body.status === "REQUESTED") unprocessable("A requested return cannot carry exchange items (ReturnRequestInput has none)");
      const exchangeLines = (body.exchanges ?? []).map((e) => {
        const variant = e.variantId != null ? shop.variants.get(id("ProductVariant", e.variantId)) : shop.variantBySku(e.sku!);
        if (!variant) unprocessable(`Unknown variant ${e.variantId ?? e.sku}`);
        return { variantId: variant!.id, quantity: e.quantity };
      });
      const ret = outcome(
        createReturn(shop, {
          fieldRoot: "returnInput",
          status: body.status,
          orderId,
          lines,
          exchangeLines,
          createdAt: body.requestedAt ?? null,
          shippingFee: body.returnShippingFee ?? null,
        }),
      );
      return ok(returnSummary(shop, ret), 201);
    }),
    ...(["approve", "decline", "cancel", "close", "reopen"] as const).map((action) =>
      route("POST", `/_control/shops/:shop/returns/:id/${action}`, (ctx) => {
        const shop = shopOf(ctx);
        const body = parse(schemas.returnActionBody, ctx.body ?? {});
        const returnId = id("Return", ctx.params.id);
        if (!shop.returns.has(returnId)) throw new HttpError(404, { error: `Unknown return ${ctx.params.id}` });
        const notifyCustomer = body.notifyCustomer ?? false;
        const result =
          action === "approve"
            ? approveReturn(shop, returnId, { notifyCustomer })
            : action === "decline"
              ? declineReturn(shop, returnId, { reason: body.declineReason ?? "OTHER", note: body.declineNote ?? null, notifyCustomer })
              : action === "cancel"
                ? cancelReturn(shop, returnId, { notifyCustomer })
                : action === "close"
                  ? closeReturn(shop, returnId)
                  : reopenReturn(shop, returnId);
        return ok(returnSummary(shop, outcome(result)));
      }),
    ),
    route("POST", "/_control/shops/:shop/returns/:id/process", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.processReturnBody, ctx.body ?? {});
      const ret = shop.returns.get(id("Return", ctx.params.id));
      if (!ret) throw new HttpError(404, { error: `Unknown return ${ctx.params.id}` });
      const lines = ret.lineItems.map((l) => ({ line: l, quantity: processableQuantity(ret, l) })).filter((l) => l.quantity > 0);
      // The exchange items too: the merchant processes the whole return (FIDELITY EX-9).
      const exchanges = ret.exchangeLineItems.map((l) => ({ id: l.id, quantity: exchangeProcessableQuantity(ret, l) })).filter((l) => l.quantity > 0);
      const rfoLines = shop.reverseFulfillmentOrdersOf(ret.id).flatMap((rfo) => rfo.lineItems);
      const suggested = outcome(
        suggestFinancialOutcome(
          shop,
          ret,
          lines.map((l) => ({ returnLineItemId: l.line.id, quantity: l.quantity })),
          "returnLineItems",
          exchanges.map((l) => ({ exchangeLineItemId: l.id, quantity: l.quantity })),
        ),
      );
      const processed = outcome(
        processReturn(shop, {
          returnId: ret.id,
          lines: lines.map(({ line, quantity }) => {
            const rfoLine = rfoLines.find((r) => r.returnLineItemId === line.id);
            const disposable = rfoLine ? Math.min(quantity, undisposedQuantity(rfoLine)) : 0;
            return {
              id: line.id,
              quantity,
              dispositions:
                body.dispositionType && rfoLine && disposable > 0
                  ? [
                      {
                        reverseFulfillmentOrderLineItemId: rfoLine.id,
                        quantity: disposable,
                        dispositionType: body.dispositionType,
                        ...(body.locationId != null ? { locationId: id("Location", body.locationId) } : {}),
                      },
                    ]
                  : [],
            };
          }),
          exchangeLineItems: exchanges,
          refund:
            body.refund && suggested.refund && suggested.sale
              ? {
                  orderTransactions: [
                    {
                      parentId: suggested.sale.id,
                      amount: decimalString(suggested.refund.presentment, suggested.order.presentmentCurrencyCode),
                      currencyCode: suggested.order.presentmentCurrencyCode,
                    },
                  ],
                }
              : null,
          note: body.note ?? null,
        }),
      );
      const refund = processed.refund;
      return ok({
        ...returnSummary(shop, processed.ret),
        refund: refund ? { id: gid("Refund", refund.id), amount: refund.amount, currencyCode: refund.currencyCode, shopAmount: refund.shopAmount } : null,
      });
    }),
    route("POST", "/_control/shops/:shop/returns/:id/refund", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.refundReturnBody, ctx.body);
      const returnId = id("Return", ctx.params.id);
      if (!shop.returns.has(returnId)) throw new HttpError(404, { error: `Unknown return ${ctx.params.id}` });
      const refund = outcome(refundReturn(shop, returnId, { amount: body.amount, note: body.note ?? null }));
      return ok({ refund: { id: gid("Refund", refund.id), amount: refund.amount, currencyCode: refund.currencyCode, returnId: gid("Return", returnId) } }, 201);
    }),
    route("POST", "/_control/shops/:shop/locations", (ctx) => {
      const location = addLocation(shopOf(ctx), parse(schemas.createLocationBody, ctx.body));
      return ok({ id: gid("Location", location.id), name: location.name }, 201);
    }),
    route("PATCH", "/_control/shops/:shop/locations/:id", (ctx) => {
      const shop = shopOf(ctx);
      const location = shop.locations.get(id("Location", ctx.params.id));
      if (!location) throw new HttpError(404, { error: `Unknown location ${ctx.params.id}` });
      updateLocation(shop, location, parse(schemas.updateLocationBody, ctx.body));
      return ok({ id: gid("Location", location.id), name: location.name, isActive: location.isActive });
    }),
    route("DELETE", "/_control/shops/:shop/locations/:id", (ctx) => {
      const shop = shopOf(ctx);
      const location = shop.locations.get(id("Location", ctx.params.id));
      if (!location) throw new HttpError(404, { error: `Unknown location ${ctx.params.id}` });
      const result = deleteLocation(shop, location);
      return result.ok ? ok({ deleted: gid("Location", location.id) }) : unprocessable(result.error);
    }),
    route("POST", "/_control/shops/:shop/uninstall", (ctx) => {
      store.uninstall(shopOf(ctx).domain);
      return ok({ ok: true });
    }),
    route("POST", "/_control/shops/:shop/compliance", (ctx) => {
      const shop = shopOf(ctx);
      const body = parse(schemas.complianceBody, ctx.body);
      if (body.topic === "shop/redact") shop.emit({ topic: "shop/redact", shop: shop.domain });
      else {
        const customerId = id("Customer", body.customerId, "Customer");
        if (!shop.customers.has(customerId)) unprocessable(`Unknown customer ${body.customerId}`);
        shop.emit({ topic: body.topic, shop: shop.domain, customerId });
      }
      return ok({ ok: true });
    }),
    route("GET", "/_control/webhooks", async (ctx) => {
      if (ctx.query.get("wait") === "1") await webhooks.idle();
      const shop = ctx.query.get("shop");
      const topic = ctx.query.get("topic");
      const deliveries = webhooks.deliveries.filter((d) => (!shop || d.shop === shop) && (!topic || d.topic === topic));
      return ok({
        deliveries: deliveries.map((d) => ({
          ...d,
          statusCode: d.attempts.at(-1)?.status ?? null,
          durationMs: d.attempts.at(-1)?.durationMs ?? null,
        })),
      });
    }),
    route("DELETE", "/_control/webhooks", () => {
      webhooks.clear();
      return ok({ ok: true });
    }),
  ];
}
