import { logger } from "~/logger.server";
import { listUnsettledDeliveries, markQueued } from "~/models/webhook-deliveries.server";
import type { JobDriver } from "./driver";

export interface DrainOptions {
  /** Only deliveries unchanged for this long (the route enqueues fresh ones itself). Default 5 s. */
  olderThanMs?: number;
  /** At most this many per run. Default 1000. */
  limit?: number;
}

/**
 * Hands the queue every delivery that should be in it and may not be: RECEIVED (stored while Redis
 * was unreachable) or QUEUED for a while (Redis lost it). Job ids come from the delivery, so a
 * delivery that is already queued is not queued twice. Returns how many were enqueued.
 */
export async function drainInbox(driver: JobDriver, options: DrainOptions = {}): Promise<number> {
  const refs = await listUnsettledDeliveries({ olderThanMs: options.olderThanMs ?? 5_000, limit: options.limit ?? 1_000 });
  let enqueued = 0;
  for (const ref of refs) {
    await driver.enqueueDelivery(ref);
    await markQueued(ref.shop, ref.webhookId);
    enqueued++;
  }
  if (enqueued) logger.info({ enqueued }, "inbox drained into the queue");
  return enqueued;
}
