import { logger } from "~/logger.server";
import { listPendingEmails } from "~/models/email-messages.server";
import { listUnsettledDeliveries, markQueued } from "~/models/webhook-deliveries.server";
import type { JobDriver } from "~/queue/driver";

export interface DrainOptions {
  /** Only deliveries unchanged for this long (the route enqueues fresh ones itself). Default 5 s. */
  olderThanMs?: number;
  /** At most this many per run. Default 1000. */
  limit?: number;
}

/**
 * Hands the queue every delivery that should be in it and may not be: RECEIVED (stored while Redis
 * was unreachable), QUEUED for a while or PROCESSING past its lease (Redis lost the job). Job ids come from the delivery, so a
 * delivery that is already queued is not queued twice. Returns how many were enqueued.
 */
export async function drainInbox(driver: JobDriver, options: DrainOptions = {}): Promise<number> {
  const refs = await listUnsettledDeliveries({ olderThanMs: options.olderThanMs ?? 5_000, limit: options.limit ?? 1_000 });
  let enqueued = 0;
  // Fifty at a time: the driver sends what is asked together as one batch. Every hand-off of a
  // group is finished before a failure (Redis away again) ends the run.
  for (let i = 0; i < refs.length; i += 50) {
    const handed = await Promise.allSettled(
      refs.slice(i, i + 50).map(async (ref) => {
        await driver.enqueueDelivery(ref);
        await markQueued(ref.shop, ref.webhookId);
      }),
    );
    enqueued += handed.filter((h) => h.status === "fulfilled").length;
    const failed = handed.find((h): h is PromiseRejectedResult => h.status === "rejected");
    if (failed) {
      if (enqueued) logger.info({ enqueued }, "inbox drained into the queue, in part");
      throw failed.reason;
    }
  }
  if (enqueued) logger.info({ enqueued }, "inbox drained into the queue");
  return enqueued;
}

/**
 * Hands the queue every email message still PENDING a while after it was created (the queue was
 * unreachable at the time, or lost the job). Job ids come from the message: one queued stays one.
 */
export async function drainPendingEmails(driver: JobDriver, options: DrainOptions = {}): Promise<number> {
  const jobs = await listPendingEmails({ olderThanMs: options.olderThanMs ?? 60_000, limit: options.limit ?? 1_000 });
  for (const job of jobs) await driver.enqueueEmail(job);
  if (jobs.length) logger.info({ enqueued: jobs.length }, "pending emails handed to the queue");
  return jobs.length;
}
