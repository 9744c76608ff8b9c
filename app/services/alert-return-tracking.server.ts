/**
 * The staff alert for a return's parcel (from record-carrier-tracking): one email to the shop's
 * address, in the shop's language, through the email queue (the outbox without a provider). Stored
 * once per return and news (its idempotency key), so a redelivered update or a second "failure"
 * scan alerts nobody twice. Never fails the update that triggered it.
 */
import type { Shop } from "@prisma/client";
import { renderReturnTrackingAlert } from "~/email/templates";
import type { ReturnAlertNews } from "~/email/templates/return-alerts";
import { emailLocale } from "~/email/templates/types";
import { env } from "~/env.server";
import { logger } from "~/logger.server";
import { findLocationByShopifyId, type ReturnWithDetails } from "~/models/returns.server";
import { getShopSettings } from "~/models/shops.server";
import type { JobDriver } from "~/queue/driver";
import { enqueueEmail } from "./enqueue-email.server";

export type ReturnAlertOutcome = "no-recipient" | "queued" | "stored" | "already-sent" | "error";

export async function alertReturnTracking(
  shop: Shop,
  ret: Pick<ReturnWithDetails, "id" | "rma" | "orderName" | "returnLocationId" | "labelTrackingNumber">,
  news: { status: ReturnAlertNews; carrier: string; message: string | null; at: Date },
  deps: { driver?: JobDriver } = {},
): Promise<ReturnAlertOutcome> {
  if (!shop.email) return "no-recipient";
  try {
    const [settings, location] = await Promise.all([getShopSettings(shop), ret.returnLocationId ? findLocationByShopifyId(shop, ret.returnLocationId) : null]);
    const locale = emailLocale(settings.defaultLocale);
    const rendered = renderReturnTrackingAlert({
      locale,
      timeZone: shop.timezone,
      shopName: shop.name,
      news: news.status,
      rma: ret.rma,
      orderName: ret.orderName,
      location: location?.name ?? null,
      carrier: news.carrier,
      trackingNumber: ret.labelTrackingNumber,
      message: news.message,
      at: news.at,
      returnUrl: new URL(`/app/returns/${encodeURIComponent(ret.id)}?shop=${encodeURIComponent(shop.domain)}&locale=${locale}`, env().SHOPIFY_APP_URL).toString(),
    });
    const kind = `return-alert-${news.status.replaceAll("_", "-")}`;
    const email = await enqueueEmail(shop, { idempotencyKey: `${kind}:${ret.id}`, kind, locale, to: shop.email, ...rendered }, deps.driver ? { driver: deps.driver } : {});
    return !email.created ? "already-sent" : email.queued ? "queued" : "stored";
  } catch (error) {
    logger.error({ err: error, shopId: shop.id, returnId: ret.id, news: news.status }, "return tracking alert could not be queued");
    return "error";
  }
}
