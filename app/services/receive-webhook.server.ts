import { jobDriver } from "~/queue/handle.server";
import type { JsonValue } from "~/models/scope.server";
import { getShop } from "~/models/shops.server";
import { recordDelivery } from "~/models/webhook-deliveries.server";
import { logger } from "~/logger.server";
import type { VerifiedWebhook } from "~/shopify/webhook-signature.server";

export type ReceiveOutcome = "stored" | "redelivered" | "unknown-shop";

/**
 * Shops with a Shop row (installed now or once: shop/redact and app/uninstalled arrive after an
 * uninstall), remembered for a minute so that a burst of deliveries costs one lookup. Only known
 * shops are remembered: a shop that installs a second later is not refused from a stale answer.
 */
const KNOWN_SHOP_TTL_MS = 60_000;
const knownShops = new Map<string, number>();

async function everInstalled(shop: string): Promise<boolean> {
  const until = knownShops.get(shop);
  if (until !== undefined && until > Date.now()) return true;
  if (!(await getShop(shop))) return false;
  if (knownShops.size > 10_000) knownShops.clear();
  knownShops.set(shop, Date.now() + KNOWN_SHOP_TTL_MS);
  return true;
}

/**
 * A verified webhook delivery (app/http/webhook-endpoint.server.ts): store it in the inbox once per
 * webhook id (one INSERT … ON CONFLICT DO NOTHING), hand it to the queue. No Admin API call happens
 * here: Shopify gives up on slow endpoints.
 *
 * A redelivery is acknowledged and neither stored nor enqueued again. The caller answers once the
 * delivery is stored; the enqueue runs behind the answer. When the queue is unreachable (Redis down)
 * the delivery stays RECEIVED and the failure is logged: the delivery is safe in the inbox and the
 * worker's drain enqueues it once Redis is back.
 *
 * A shop that never installed the app is acknowledged (the caller answers 200 so that Shopify stops
 * resending) and neither stored nor enqueued: an unsigned-in shop must not be able to fill the inbox.
 * (A topic Crossdock does not subscribe never gets here: the endpoint drops it.)
 */
export async function receiveWebhook(
  delivery: VerifiedWebhook & { payload: { [key: string]: JsonValue } } & {
    /** The body cannot be stored: the delivery is recorded SKIPPED, with this reason and an empty payload, and not queued. */
    unstorable?: string;
  },
): Promise<ReceiveOutcome> {
  // Crossdock keeps Shopify's own spelling of the topic ("inventory_levels/update"), which is what
  // the processors key on.
  const { shop, topic, webhookId, apiVersion, payload, unstorable } = delivery;
  if (!(await everInstalled(shop))) {
    logger.warn({ shop, topic, webhookId }, "webhook for a shop that never installed Crossdock: acknowledged, not stored");
    return "unknown-shop";
  }
  const triggeredAt = parseDate(delivery.triggeredAt);
  const { isNew } = await recordDelivery(
    unstorable
      ? { shop, topic, webhookId, apiVersion, triggeredAt, payload: {}, status: "SKIPPED", lastError: unstorable }
      : { shop, topic, webhookId, apiVersion, triggeredAt, payload },
  );
  if (!isNew) {
    logger.info({ shop, topic, webhookId }, "webhook redelivered: already stored");
    return "redelivered";
  }
  if (unstorable) {
    logger.error({ shop, topic, webhookId, reason: unstorable }, "webhook body cannot be stored: recorded as skipped, not processed");
    return "stored";
  }
  // The row stays RECEIVED (= waiting): workers claim RECEIVED and QUEUED alike, and marking it
  // here would cost a statement per request (the drain marks what it re-enqueues). Stored is what
  // Shopify needs to hear: the hand-off to the queue goes on behind the answer, and one that fails or
  // never happens (Redis away, the process killed) is the inbox drain's to redo.
  void Promise.resolve()
    .then(async () => (await jobDriver()).enqueueDelivery({ shop, topic, webhookId }))
    .catch((error: unknown) => logger.error({ err: error, shop, topic, webhookId }, "webhook stored but not enqueued; the inbox drain will enqueue it"));
  logger.debug({ shop, topic, webhookId }, "webhook received");
  return "stored";
}

function parseDate(value: string | null): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
