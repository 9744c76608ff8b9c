// The worker process (`npm run worker`): runs the processors of the BullMQ queues, the inbox drain
// and scheduled reconciliation. Needs REDIS_URL; without Redis the web process runs jobs itself.
import { env } from "~/env.server";
import { logger } from "~/logger.server";
import type { AdminFactory } from "./admin.server";
import { startBullmqWorkers, type RunningWorkers } from "./bullmq-driver.server";
import { jobsSetup } from "./config.server";
import { drainInbox, drainPendingEmails } from "./drain.server";
import type { ProcessorRegistry } from "./processor";

export interface WorkerOverrides {
  processors?: ProcessorRegistry;
  admin?: AdminFactory;
  /** Default: half the lock duration. */
  stalledIntervalMs?: number;
  drainEveryMs?: number;
}

export async function startWorker(overrides: WorkerOverrides = {}): Promise<RunningWorkers> {
  const config = env();
  if (!config.REDIS_URL) {
    throw new Error(
      "The worker needs REDIS_URL (BullMQ). Without Redis, jobs run inside the web process (the in-process driver): no worker to start.",
    );
  }
  const setup = jobsSetup({ processors: overrides.processors, admin: overrides.admin }, config);
  const workers = await startBullmqWorkers({
    redisUrl: config.REDIS_URL,
    prefix: config.JOBS_QUEUE_PREFIX,
    retry: setup.retry,
    processors: setup.processors,
    concurrency: config.JOBS_CONCURRENCY,
    lockDurationMs: config.JOBS_LOCK_DURATION_MS,
    stalledIntervalMs: overrides.stalledIntervalMs,
    drainEveryMs: overrides.drainEveryMs ?? 15_000,
    drain: async (driver) => (await drainInbox(driver)) + (await drainPendingEmails(driver)),
    reconcileEveryMs: setup.reconcileEveryMs,
    listShops: setup.listShops,
    reconcile: setup.reconcile,
    routeOrders: setup.routeOrders,
    email: setup.email,
  });
  logger.info(
    { prefix: config.JOBS_QUEUE_PREFIX, concurrency: config.JOBS_CONCURRENCY, pid: process.pid },
    "worker started",
  );
  return workers;
}

/** Runs the worker until SIGINT / SIGTERM, then lets the jobs in progress finish. */
export async function runWorkerProcess(overrides: WorkerOverrides = {}): Promise<void> {
  const workers = await startWorker(overrides);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "worker stopping: finishing the jobs in progress");
    void workers.close().then(
      async () => {
        const { disconnectDatabase } = await import("~/db.server");
        await disconnectDatabase();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "worker did not stop cleanly");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}
