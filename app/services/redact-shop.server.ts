import { prisma } from "~/db.server";
import { deleteJobRunsOfShop } from "~/models/job-runs.server";
import { deleteSessionsOfShop } from "~/models/sessions.server";
import { deleteShopByDomain } from "~/models/shops.server";
import { deleteDeliveriesOfShop } from "~/models/webhook-deliveries.server";

/**
 * shop/redact (48 hours after uninstall): everything Crossdock holds of the shop goes, in one
 * transaction. The Shop row cascades to settings, locations, inventory, orders and data exports;
 * sessions, job runs and webhook deliveries (keyed by the domain) are deleted explicitly. Only the
 * shop/redact delivery itself stays (`keepDeliveryId`), as the record that the redaction ran: its
 * payload holds nothing but the shop's id and domain.
 */
export async function redactShop(input: { shop: string; keepDeliveryId: string | null }) {
  return prisma.$transaction(async (tx) => {
    const shop = await deleteShopByDomain(input.shop, tx);
    const sessions = await deleteSessionsOfShop(input.shop, tx);
    const jobRuns = await deleteJobRunsOfShop(input.shop, tx);
    const deliveries = await deleteDeliveriesOfShop(input.shop, input.keepDeliveryId, tx);
    return { shop, sessions, jobRuns, deliveries };
  });
}
