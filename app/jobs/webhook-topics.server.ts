/**
 * The webhook topics Crossdock subscribes: one row each, and everything else is read off this list.
 *
 *   topic     Shopify's name (X-Shopify-Topic); shopify.app.toml subscribes it at /webhooks/<topic>,
 *             where app/route-mounts.ts mounts the one webhook route (app/http/webhook-route.tsx)
 *   label     the key of its merchant-facing name on the Activity page (app/locales/<lng>/activity.json
 *             `topics.<label>`)
 *   scope     the access scope Shopify requires to deliver it (the topic's "Requires …" in the Admin
 *             API's WebhookSubscriptionTopic), null when none; the toml's [access_scopes] must grant it
 *   process   the processor: a thin adapter from the stored delivery to one service
 *   compliance  a mandatory compliance topic (`compliance_topics` in the toml)
 *
 * tests/unit/webhook-topics.test.ts holds this list and shopify.app.toml to each other (every
 * subscribed topic has a row and every row a subscription, the URI, the scopes, the labels in every
 * language). The webhook route is mounted only at those uris, and a delivery naming another topic
 * than its uri's is acknowledged and dropped (app/http/webhook-endpoint.server.ts). README "Adding a
 * webhook topic".
 */
import { applyInventoryUpdate } from "~/services/apply-inventory-update.server";
import { invalidateAvailability } from "~/services/availability-cache.server";
import { exportCustomerData } from "~/services/export-customer-data.server";
import { handleAppUninstalled } from "~/services/handle-app-uninstalled.server";
import { notifyShipmentEvent } from "~/services/notify-shipment-event.server";
import type { OrderRouter } from "~/services/order-router.server";
import { recheckHeldOrder } from "~/services/recheck-held-order.server";
import { recordOrder } from "~/services/record-order.server";
import { routeAfterRoutingComplete } from "~/services/route-after-routing-complete.server";
import { shipPaidExchange } from "~/services/ship-paid-exchange.server";
import { redactCustomer } from "~/services/redact-customer.server";
import { redactShop } from "~/services/redact-shop.server";
import { syncLocations } from "~/services/sync-locations.server";
import { updateScopes } from "~/services/update-scopes.server";
import { getShop } from "~/models/shops.server";
import {
  customerDataRequestPayloadSchema,
  customerRedactPayloadSchema,
  fulfillmentEventPayloadSchema,
  inventoryUpdateFromPayload,
  orderRoutingCompletePayloadSchema,
  orderSnapshotFromPayload,
  riskAssessmentChangedPayloadSchema,
  scopesUpdatePayloadSchema,
  toGid,
} from "~/shopify/webhook-payloads";
import type { AdminFactory } from "./admin.server";
import { CARRIER_TOPICS } from "./carrier-topics.server";
import type { DeliveryContext, DeliveryProcessor, ProcessorRegistry } from "./processor";
import { returnRefundProcessor, returnSyncProcessor } from "./returns-processors.server";

export interface ProcessorDependencies {
  admin: AdminFactory;
  /** Where new orders go; the routing engine plugs in here. */
  orderRouter: OrderRouter;
}

export interface WebhookTopic {
  topic: string;
  label: string;
  scope: string | null;
  process: (deps: ProcessorDependencies) => DeliveryProcessor;
  compliance?: true;
}

/** The time of the event: X-Shopify-Triggered-At, else when Crossdock received it. */
function eventTime({ delivery }: DeliveryContext): Date {
  return delivery.triggeredAt ?? delivery.receivedAt;
}

const order =
  (handOver: "always" | "if-new") =>
  ({ orderRouter: router }: ProcessorDependencies): DeliveryProcessor =>
  async (ctx) => {
    const snapshot = orderSnapshotFromPayload(ctx.delivery.payload, eventTime(ctx));
    const result = await recordOrder({ shop: ctx.delivery.shop, snapshot, router, handOver });
    if (result.status === "stale") return { skipped: "A newer state of this order is already stored" };
    ctx.log.debug({ order: snapshot.shopifyId, routing: result.routing }, "order stored");
  };

const locations =
  ({ admin }: ProcessorDependencies): DeliveryProcessor =>
  async (ctx) => {
    const shop = await getShop(ctx.delivery.shop);
    if (!shop) return { skipped: "The shop is not installed" };
    await syncLocations(shop, await admin(ctx.delivery.shop));
  };

export const WEBHOOK_TOPICS: readonly WebhookTopic[] = [
  { topic: "orders/create", label: "orderCreated", scope: "read_orders", process: order("always") },
  {
    // Also the payment of an exchange's balance: Shopify releases the exchange's held fulfillment
    // order and Crossdock routes it (app/services/ship-paid-exchange.server.ts).
    topic: "orders/updated",
    label: "orderUpdated",
    scope: "read_orders",
    process: (deps) => {
      const record = order("if-new")(deps);
      return async (ctx) => {
        const recorded = await record(ctx);
        if (recorded) return recorded;
        const shop = await getShop(ctx.delivery.shop);
        if (!shop) return;
        const { shopifyId } = orderSnapshotFromPayload(ctx.delivery.payload, eventTime(ctx));
        const shipped = await shipPaidExchange({ shop, orderId: shopifyId, admin: () => deps.admin(ctx.delivery.shop) });
        if (shipped.status !== "none") ctx.log.debug({ order: shopifyId, exchange: shipped.status }, "exchange awaiting payment checked");
      };
    },
  },
  { topic: "orders/cancelled", label: "orderCancelled", scope: "read_orders", process: order("if-new") },
  {
    // A new risk assessment: an order held before routing is read again and routed, or stays held
    // (app/services/recheck-held-order.server.ts; the payment's orders/updated releases the same way).
    topic: "orders/risk_assessment_changed",
    label: "orderRiskAssessed",
    scope: "read_orders",
    process:
      ({ admin, orderRouter: router }) =>
      async (ctx) => {
        const { orderId } = riskAssessmentChangedPayloadSchema.parse(ctx.delivery.payload);
        if (!orderId) return { skipped: "The delivery names no order" };
        const result = await recheckHeldOrder({ shop: ctx.delivery.shop, orderId, admin: () => admin(ctx.delivery.shop), router });
        if (result.status === "not-held") return { skipped: "The order is not held before routing" };
        if (result.status === "order-not-found") return { skipped: "Shopify no longer has this order" };
        if (result.status === "stale") return { skipped: "A newer state of this order is already stored" };
        ctx.log.debug({ order: orderId, routing: result.routing }, "order risk assessed");
      },
  },

  {
    // Shopify created the order's fulfillment orders: route it now (once, whatever the deliveries).
    topic: "fulfillment_orders/order_routing_complete",
    label: "orderReadyToRoute",
    scope: "read_merchant_managed_fulfillment_orders",
    process:
      ({ admin, orderRouter: router }) =>
      async (ctx) => {
        const payload = orderRoutingCompletePayloadSchema.parse(ctx.delivery.payload);
        const result = await routeAfterRoutingComplete({
          shop: ctx.delivery.shop,
          fulfillmentOrderId: payload.fulfillment_order.id,
          graphql: await admin(ctx.delivery.shop),
          router,
        });
        if (result.status === "fulfillment-order-not-found") return { skipped: "Shopify no longer has this fulfillment order" };
        if (result.status === "order-not-stored") {
          return { skipped: "The order's orders/create has not been processed yet; it is routed when it is (or by reconciliation)" };
        }
        ctx.log.debug({ order: result.orderId, routing: result.routing }, "order routing complete");
      },
  },

  {
    topic: "inventory_levels/update",
    label: "stockChanged",
    scope: "read_inventory",
    process:
      ({ admin }) =>
      async (ctx) => {
        const update = inventoryUpdateFromPayload(ctx.delivery.payload, eventTime(ctx));
        const result = await applyInventoryUpdate({ shop: ctx.delivery.shop, update, admin: () => admin(ctx.delivery.shop) });
        if (!result.applied) return { skipped: result.reason === "stale" ? "A newer stock level is already stored" : "Shopify no longer has this location" };
        // This process's availability answers for the variant are stale now (other processes learn
        // it from the change feed within a second); an unknown variant: the shop's.
        invalidateAvailability(ctx.delivery.shop, result.variantId);
      },
  },

  { topic: "locations/create", label: "locationAdded", scope: "read_locations", process: locations },
  { topic: "locations/update", label: "locationChanged", scope: "read_locations", process: locations },
  { topic: "locations/delete", label: "locationRemoved", scope: "read_locations", process: locations },

  // Returns (#7): each finds the Shopify return the delivery is about and syncs Crossdock's record
  // with it (app/jobs/returns-processors.server.ts); refunds/create records a refund made for a return.
  { topic: "returns/request", label: "returnRequested", scope: "read_returns", process: returnSyncProcessor },
  { topic: "returns/approve", label: "returnApproved", scope: "read_returns", process: returnSyncProcessor },
  { topic: "returns/decline", label: "returnDeclined", scope: "read_returns", process: returnSyncProcessor },
  { topic: "returns/cancel", label: "returnCancelled", scope: "read_returns", process: returnSyncProcessor },
  { topic: "returns/close", label: "returnClosed", scope: "read_returns", process: returnSyncProcessor },
  { topic: "returns/reopen", label: "returnReopened", scope: "read_returns", process: returnSyncProcessor },
  { topic: "returns/process", label: "returnProcessed", scope: "read_returns", process: returnSyncProcessor },
  { topic: "reverse_deliveries/attach_deliverable", label: "returnLabelAttached", scope: "read_returns", process: returnSyncProcessor },
  { topic: "reverse_fulfillment_orders/dispose", label: "returnItemsDisposed", scope: "read_returns", process: returnSyncProcessor },
  { topic: "refunds/create", label: "refundCreated", scope: "read_orders", process: returnRefundProcessor },

  {
    // A carrier's tracking event (#15): stored once, then the shopper's email (for the statuses the
    // merchant chose) and the staff alert for a problem (app/services/notify-shipment-event.server.ts).
    topic: "fulfillment_events/create",
    label: "shipmentEvent",
    scope: "read_fulfillments",
    process:
      ({ admin }) =>
      async (ctx) => {
        const event = fulfillmentEventPayloadSchema.parse(ctx.delivery.payload);
        const result = await notifyShipmentEvent({ shop: ctx.delivery.shop, event, receivedAt: eventTime(ctx), graphql: () => admin(ctx.delivery.shop) });
        if (result.status === "not-installed") return { skipped: "The shop is not installed" };
        if (result.status === "shipment-not-found") return { skipped: "Shopify no longer has this shipment" };
        ctx.log.debug({ fulfillment: event.fulfillmentId, status: event.status, shopper: result.shopper, staff: result.staff }, "shipment event");
      },
  },

  {
    topic: "app/uninstalled",
    label: "appUninstalled",
    scope: null,
    process: () => async (ctx) => {
      await handleAppUninstalled({ shop: ctx.delivery.shop, at: eventTime(ctx) });
    },
  },
  {
    topic: "app/scopes_update",
    label: "permissionsChanged",
    scope: null,
    process: () => async (ctx) => {
      const payload = scopesUpdatePayloadSchema.parse(ctx.delivery.payload);
      await updateScopes({ shop: ctx.delivery.shop, current: payload.current });
    },
  },

  {
    topic: "customers/data_request",
    label: "customerDataRequest",
    scope: null,
    compliance: true,
    process: () => async (ctx) => {
      const p = customerDataRequestPayloadSchema.parse(ctx.delivery.payload);
      const exported = await exportCustomerData({
        shop: ctx.delivery.shop,
        customerId: toGid("Customer", p.customer.id),
        email: p.customer.email,
        phone: p.customer.phone,
        orderIds: p.orders_requested.map((id) => toGid("Order", id)),
        requestId: p.data_request?.id ?? null,
      });
      if (!exported) return { skipped: "Crossdock holds no data of this shop" };
    },
  },
  {
    topic: "customers/redact",
    label: "customerDataErasure",
    scope: null,
    compliance: true,
    process: () => async (ctx) => {
      const p = customerRedactPayloadSchema.parse(ctx.delivery.payload);
      await redactCustomer({
        shop: ctx.delivery.shop,
        customerLegacyId: p.customer.id.replace(/^gid:\/\/shopify\/Customer\//, ""),
        email: p.customer.email,
        phone: p.customer.phone,
        orderLegacyIds: p.orders_to_redact.map((id) => id.replace(/^gid:\/\/shopify\/Order\//, "")),
      });
    },
  },
  {
    topic: "shop/redact",
    label: "shopDataErasure",
    scope: null,
    compliance: true,
    process: () => async (ctx) => {
      await redactShop({ shop: ctx.delivery.shop, keepDeliveryId: ctx.delivery.id });
    },
  },
];

/** The processors, by topic, that the job drivers run (app/jobs/config.server.ts): Shopify's topics, then carriers' (carrier-topics.server.ts). */
export function createProcessors(deps: ProcessorDependencies): ProcessorRegistry {
  return Object.fromEntries([...WEBHOOK_TOPICS.map((row) => [row.topic, row.process(deps)] as const), ...CARRIER_TOPICS.map((row) => [row.topic, row.process] as const)]);
}
