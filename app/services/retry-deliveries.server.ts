import type { JobDriver } from "~/queue/driver";
import { logger } from "~/logger.server";
import { resetFailedForRetry } from "~/models/webhook-deliveries.server";

/**
 * Retry on the Activity page: the shop's FAILED deliveries among `ids` go back to the queue with a
 * fresh attempt budget. Others (not failed, another shop's) are left alone. If the queue cannot be
 * reached right now the rows are QUEUED in the database and the inbox drain enqueues them.
 */
export async function retryDeliveries(input: { shop: string; ids: string[]; driver: JobDriver }): Promise<{ retried: number; queued: boolean }> {
  const refs = await resetFailedForRetry(input.shop, input.ids);
  if (refs.length === 0) return { retried: 0, queued: true };
  try {
    await input.driver.retryDeliveries(refs);
    return { retried: refs.length, queued: true };
  } catch (error) {
    logger.warn({ err: error, shop: input.shop }, "retry: queue unreachable, the inbox drain will enqueue the deliveries");
    return { retried: refs.length, queued: false };
  }
}
