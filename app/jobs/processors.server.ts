// The webhook processors: thin adapters from a stored delivery to one service each.
import { applyInventoryUpdate } from "~/services/apply-inventory-update.server";
import { invalidateAvailability } from "~/services/availability-cache.server";
import { exportCustomerData } from "~/services/export-customer-data.server";
import { handleAppUninstalled } from "~/services/handle-app-uninstalled.server";
import { awaitingRoutingRouter, type OrderRouter } from "~/services/order-router.server";
import { recordOrder } from "~/services/record-order.server";
import { routeAfterRoutingComplete } from "~/services/route-after-routing-complete.server";
import { redactCustomer } from "~/services/redact-customer.server";
import { redactShop } from "~/services/redact-shop.server";
import { syncLocations } from "~/services/sync-locations.server";
import { updateScopes } from "~/services/update-scopes.server";
import { getShop } from "~/models/shops.server";
import {
  customerDataRequestPayloadSchema,
  customerRedactPayloadSchema,
  inventoryUpdateFromPayload,
  orderRoutingCompletePayloadSchema,
  orderSnapshotFromPayload,
  scopesUpdatePayloadSchema,
  toGid,
} from "~/shopify/webhook-payloads";
import type { AdminFactory } from "./admin.server";
import type { DeliveryContext, DeliveryProcessor, ProcessorRegistry } from "./processor";
import { createReturnProcessors } from "./returns-processors.server";

export interface ProcessorDependencies {
  admin: AdminFactory;
  /** Where new orders go; the routing engine plugs in here. */
  orderRouter?: OrderRouter;
}

/** The time of the event: X-Shopify-Triggered-At, else when Crossdock received it. */
function eventTime({ delivery }: DeliveryContext): Date {
  return delivery.triggeredAt ?? delivery.receivedAt;
}

export function createProcessors(deps: ProcessorDependencies): ProcessorRegistry {
  const router = deps.orderRouter ?? awaitingRoutingRouter;

  const order =
    (handOver: "always" | "if-new"): DeliveryProcessor =>
    async (ctx) => {
      const snapshot = orderSnapshotFromPayload(ctx.delivery.payload, eventTime(ctx));
      const result = await recordOrder({ shop: ctx.delivery.shop, snapshot, router, handOver });
      if (result.status === "stale") return { skipped: "A newer state of this order is already stored" };
      ctx.log.debug({ order: snapshot.shopifyId, routing: result.routing }, "order stored");
    };

  const locations: DeliveryProcessor = async (ctx) => {
    const shop = await getShop(ctx.delivery.shop);
    if (!shop) return { skipped: "The shop is not installed" };
    await syncLocations(shop, await deps.admin(ctx.delivery.shop));
  };

  return {
    ...createReturnProcessors({ admin: deps.admin }),

    "orders/create": order("always"),
    "orders/updated": order("if-new"),
    "orders/cancelled": order("if-new"),

    // Shopify created the order's fulfillment orders: route it now (once, whatever the deliveries).
    "fulfillment_orders/order_routing_complete": async (ctx) => {
      const payload = orderRoutingCompletePayloadSchema.parse(ctx.delivery.payload);
      const result = await routeAfterRoutingComplete({
        shop: ctx.delivery.shop,
        fulfillmentOrderId: payload.fulfillment_order.id,
        graphql: await deps.admin(ctx.delivery.shop),
        router,
      });
      if (result.status === "fulfillment-order-not-found") return { skipped: "Shopify no longer has this fulfillment order" };
      if (result.status === "order-not-stored") {
        return { skipped: "The order's orders/create has not been processed yet; it is routed when it is (or by reconciliation)" };
      }
      ctx.log.debug({ order: result.orderId, routing: result.routing }, "order routing complete");
    },

    "inventory_levels/update": async (ctx) => {
      const update = inventoryUpdateFromPayload(ctx.delivery.payload, eventTime(ctx));
      const result = await applyInventoryUpdate({
        shop: ctx.delivery.shop,
        update,
        admin: () => deps.admin(ctx.delivery.shop),
      });
      if (result.applied) {
        // This process's availability answers for the variant are stale now (other processes learn
        // it from the change feed within a second); an unknown variant: the shop's.
        invalidateAvailability(ctx.delivery.shop, result.variantId);
      } else {
        return {
          skipped:
            result.reason === "stale"
              ? "A newer stock level is already stored"
              : "Shopify no longer has this location",
        };
      }
    },

    "locations/create": locations,
    "locations/update": locations,
    "locations/delete": locations,

    "app/uninstalled": async (ctx) => {
      await handleAppUninstalled({ shop: ctx.delivery.shop, at: eventTime(ctx) });
    },

    "app/scopes_update": async (ctx) => {
      const payload = scopesUpdatePayloadSchema.parse(ctx.delivery.payload);
      await updateScopes({ shop: ctx.delivery.shop, current: payload.current });
    },

    "customers/data_request": async (ctx) => {
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

    "customers/redact": async (ctx) => {
      const p = customerRedactPayloadSchema.parse(ctx.delivery.payload);
      await redactCustomer({
        shop: ctx.delivery.shop,
        customerLegacyId: p.customer.id.replace(/^gid:\/\/shopify\/Customer\//, ""),
        email: p.customer.email,
        phone: p.customer.phone,
        orderLegacyIds: p.orders_to_redact.map((id) => id.replace(/^gid:\/\/shopify\/Order\//, "")),
      });
    },

    "shop/redact": async (ctx) => {
      await redactShop({ shop: ctx.delivery.shop, keepDeliveryId: ctx.delivery.id });
    },
  };
}
