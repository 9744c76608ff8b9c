/**
 * A carrier event on a shipment (fulfillment_events/create, #15): stored once per Shopify event,
 * then, when the shop chose its status (Settings → Shipment emails), one email to the shopper in
 * their language with the carrier's message and the tracking link, and for a problem (attempted
 * delivery, delayed, failure) one alert to the shop's address. Each email is stored once per
 * shipment and status (its idempotency key) and sent by the email queue, so a delivery received
 * twice, a retried job or a second event of the same status sends nothing more.
 */
import { decideShipmentNotice, shipmentEmailKey, type ShipmentEmailStatus } from "~/domain/shipments/notices";
import { renderShipmentAlert, renderShipmentEmail } from "~/email/templates";
import { emailLocale } from "~/email/templates/types";
import { env } from "~/env.server";
import { listShipmentEvents, recordShipmentEvent } from "~/models/shipment-events.server";
import { getShop, getShopSettings } from "~/models/shops.server";
import type { JobDriver } from "~/queue/driver";
import { issueOrderAccessToken } from "~/security/tokens.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchShipmentForNotice, type ShipmentForNotice } from "~/shopify/shipment-notices";
import type { FulfillmentEventPayload } from "~/shopify/webhook-payloads";
import { enqueueEmail, type EnqueuedEmail } from "./enqueue-email.server";

export type ShipmentEventResult =
  | { status: "not-installed" }
  | { status: "shipment-not-found" }
  | { status: "done"; stored: boolean; shopper: EmailOutcome; staff: EmailOutcome };

type EmailOutcome = "not-chosen" | "no-recipient" | "order-cancelled" | "queued" | "stored" | "already-sent";

function outcome(email: EnqueuedEmail): EmailOutcome {
  return !email.created ? "already-sent" : email.queued ? "queued" : "stored";
}

export async function notifyShipmentEvent(input: {
  shop: string;
  event: FulfillmentEventPayload;
  /** When Shopify says nothing of the event's time: the delivery's. */
  receivedAt: Date;
  graphql: () => Promise<AdminGraphql>;
  driver?: JobDriver;
  now?: Date;
}): Promise<ShipmentEventResult> {
  const shop = await getShop(input.shop);
  if (!shop || shop.uninstalledAt) return { status: "not-installed" };
  const { event } = input;
  const happenedAt = event.happenedAt ?? input.receivedAt;
  const stored = await recordShipmentEvent(shop, {
    shopifyEventId: event.eventId,
    fulfillmentId: event.fulfillmentId,
    orderId: event.orderId,
    status: event.status,
    message: event.message,
    happenedAt,
    estimatedDeliveryAt: event.estimatedDeliveryAt,
  });
  const settings = await getShopSettings(shop);
  const others = (await listShipmentEvents(shop, event.fulfillmentId)).filter((e) => e.shopifyEventId !== event.eventId);
  const decision = decideShipmentNotice({ status: event.status, happenedAt }, settings.shipmentEmailStatuses, others);
  if (!decision.shopper && !decision.staff) return { status: "done", stored, shopper: "not-chosen", staff: "not-chosen" };

  const shipment = await fetchShipmentForNotice(await input.graphql(), event.fulfillmentId);
  if (!shipment) return { status: "shipment-not-found" };
  const driverDeps = input.driver ? { driver: input.driver } : {};

  let shopper: EmailOutcome = "not-chosen";
  if (decision.shopper) {
    if (shipment.orderCancelled) shopper = "order-cancelled";
    else if (!shipment.email) shopper = "no-recipient";
    else {
      const locale = emailLocale(shipment.customerLocale ?? settings.defaultLocale);
      const rendered = renderShipmentEmail({
        locale,
        timeZone: shop.timezone,
        brand: { name: settings.portalBrandName?.trim() || shop.name, color: settings.portalBrandColor ?? null, logoUrl: settings.portalLogoUrl ?? null },
        status: decision.shopper,
        customerName: shipment.customerName,
        orderName: shipment.orderName,
        message: event.message,
        happenedAt,
        estimatedDeliveryAt: event.estimatedDeliveryAt,
        tracking: shipment.tracking,
        orderUrl: orderPageUrl(shop, shipment, input.now),
      });
      const email = await enqueueEmail(
        shop,
        { idempotencyKey: shipmentEmailKey("shopper", event.fulfillmentId, decision.shopper), kind: emailKind("shopper", decision.shopper), locale, to: shipment.email, ...rendered },
        driverDeps,
      );
      shopper = outcome(email);
    }
  }

  let staff: EmailOutcome = "not-chosen";
  if (decision.staff) {
    if (!shop.email) staff = "no-recipient";
    else {
      const locale = emailLocale(settings.defaultLocale);
      const rendered = renderShipmentAlert({
        locale,
        timeZone: shop.timezone,
        shopName: shop.name,
        status: decision.staff,
        orderName: shipment.orderName,
        customerEmail: shipment.email,
        message: event.message,
        happenedAt,
        tracking: shipment.tracking,
        orderAdminUrl: `https://${shop.domain}/admin/orders/${shipment.orderId.split("/").pop()}`,
      });
      const email = await enqueueEmail(
        shop,
        { idempotencyKey: shipmentEmailKey("staff", event.fulfillmentId, decision.staff), kind: emailKind("staff", decision.staff), locale, to: shop.email, ...rendered },
        driverDeps,
      );
      staff = outcome(email);
    }
  }
  return { status: "done", stored, shopper, staff };
}

/** "shipment-delayed", "shipment-alert-delayed": the Emails page's kind of message. */
function emailKind(kind: "shopper" | "staff", status: ShipmentEmailStatus): string {
  return `${kind === "shopper" ? "shipment" : "shipment-alert"}-${status.toLowerCase().replaceAll("_", "-")}`;
}

/** The order's tracking page in the portal on the app's host, with a fresh order token. */
function orderPageUrl(shop: { id: string; domain: string }, shipment: ShipmentForNotice, now?: Date): string {
  const token = issueOrderAccessToken({ shopId: shop.id, orderId: shipment.orderId, now });
  return new URL(`/portal/${shop.domain}/o/${token}`, env().SHOPIFY_APP_URL).toString();
}
