// Processors for the returns topics (#7; their rows are in app/jobs/webhook-topics.server.ts): each
// finds the Shopify return the delivery is about and hands it to syncShopifyReturn, which reads the
// Return live and updates (or imports) Crossdock's record; a new request runs the return rules.
// refunds/create records a refund made for a return.
import { getShop } from "~/models/shops.server";
import { findReturnByReverseFulfillmentOrder } from "~/models/returns.server";
import { recordReturnRefundFromShopify } from "~/services/record-return-refund.server";
import { syncShopifyReturn } from "~/services/sync-shopify-return.server";
import { fetchReturnIdOfReverseFulfillmentOrder } from "~/shopify/return-sync";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import type { AdminFactory } from "./admin.server";
import { PermanentJobError } from "./errors";
import type { DeliveryContext, DeliveryProcessor } from "./processor";

type Payload = Record<string, unknown>;

function gidOf(value: unknown, type: string): string | null {
  if (value && typeof value === "object") {
    const ref = value as { admin_graphql_api_id?: unknown; id?: unknown };
    if (typeof ref.admin_graphql_api_id === "string") return ref.admin_graphql_api_id;
    return gidOf(ref.id, type);
  }
  if (typeof value === "string" && value.startsWith("gid://")) return value;
  if ((typeof value === "number" || typeof value === "string") && /^\d+$/.test(String(value))) return `gid://shopify/${type}/${value}`;
  return null;
}

/**
 * The Return GID a delivery is about: the payload itself (returns/*) or its `return` reference
 * (reverse_deliveries/attach_deliverable). reverse_fulfillment_orders/dispose names none.
 */
export function returnIdFromPayload(topic: string, payload: Payload): string | null {
  if (topic.startsWith("returns/")) return gidOf(payload.admin_graphql_api_id ?? payload.id, "Return");
  if (topic === "reverse_fulfillment_orders/dispose") return null;
  return gidOf(payload.return, "Return") ?? gidOf(payload.return_id, "Return");
}

/** reverse_fulfillment_orders/dispose: the payload is the reverse fulfillment order itself. */
export function reverseFulfillmentOrderIdFromPayload(topic: string, payload: Payload): string | null {
  if (topic === "reverse_fulfillment_orders/dispose") {
    return gidOf(payload.admin_graphql_api_id ?? payload.id, "ReverseFulfillmentOrder");
  }
  return gidOf(payload.reverse_fulfillment_order, "ReverseFulfillmentOrder");
}

/** returns/*, reverse_deliveries/attach_deliverable, reverse_fulfillment_orders/dispose: sync the return with Shopify's. */
export function returnSyncProcessor(deps: { admin: AdminFactory }): DeliveryProcessor {
  return async (ctx: DeliveryContext) => {
    const { delivery } = ctx;
    const shop = await getShop(delivery.shop);
    if (!shop) return { skipped: "The shop is not installed" };
    const payload = (delivery.payload ?? {}) as Payload;
    let returnId = returnIdFromPayload(delivery.topic, payload);
    let graphql: AdminGraphql | null = null;
    if (!returnId) {
      const rfoId = reverseFulfillmentOrderIdFromPayload(delivery.topic, payload);
      if (!rfoId) throw new PermanentJobError(`${delivery.topic}: the payload names no return or reverse fulfillment order`);
      returnId = (await findReturnByReverseFulfillmentOrder(shop, rfoId))?.shopifyReturnId ?? null;
      // A disposal made in Shopify admin, on a return Crossdock has not seen yet: ask Shopify.
      if (!returnId) returnId = await fetchReturnIdOfReverseFulfillmentOrder((graphql = await deps.admin(delivery.shop)), rfoId);
      if (!returnId) return { skipped: "Shopify has no return for this reverse fulfillment order" };
    }
    const result = await syncShopifyReturn({
      shop,
      graphql: graphql ?? (await deps.admin(delivery.shop)),
      shopifyReturnId: returnId,
      topic: delivery.topic,
      eventTime: delivery.triggeredAt ?? delivery.receivedAt,
    });
    // Thrown: the job system retries with back-off, by when the desk has recorded its decision.
    if (result.status === "busy") throw new Error(`A decision on return ${result.ret.rma} is being recorded; synced again later`);
    if (result.status === "gone") return { skipped: "Shopify no longer has this return" };
    if (result.status === "ignored") return { skipped: result.reason };
    ctx.log.debug({ rma: result.ret.rma, status: result.status, rules: result.rules?.status }, "return synced");
  };
}

/** refunds/create: the refund names its return; nothing to read back from Shopify. */
export function returnRefundProcessor(): DeliveryProcessor {
  return async (ctx: DeliveryContext) => {
    const shop = await getShop(ctx.delivery.shop);
    if (!shop) return { skipped: "The shop is not installed" };
    const result = await recordReturnRefundFromShopify({ shop, payload: ctx.delivery.payload, receivedAt: ctx.delivery.receivedAt });
    if (result.status === "ignored") return { skipped: result.reason };
    ctx.log.debug({ rma: result.ret.rma, status: result.status, amount: result.amount }, "return refund recorded");
  };
}
