// The web process's job driver, chosen once from the environment:
// - REDIS_URL set: BullMQ, enqueue only. Processors run in the worker process (`npm run worker`),
//   never here.
// - REDIS_URL unset (the embedded default, the demo): the in-process driver, started once per
//   process (the handle, app/queue/handle.server.ts, lives on globalThis, so Vite's module reloads
//   do not start a second one).
import { env } from "~/env.server";
import { logger } from "~/logger.server";
import { BullmqJobDriver } from "./bullmq-driver.server";
import { jobsSetup } from "./config.server";
import type { JobDriver } from "~/queue/driver";
import { installJobDriverFactory } from "~/queue/handle.server";
import { InlineJobDriver } from "./inline-driver.server";

export function createWebDriver(): JobDriver {
  const config = env();
  if (config.REDIS_URL) {
    logger.info({ prefix: config.JOBS_QUEUE_PREFIX }, "jobs: BullMQ on Redis; processors run in the worker process");
    return new BullmqJobDriver({
      redisUrl: config.REDIS_URL,
      prefix: config.JOBS_QUEUE_PREFIX,
      retry: { maxAttempts: config.JOBS_MAX_ATTEMPTS, backoffMs: config.JOBS_BACKOFF_MS },
    });
  }
  const setup = jobsSetup();
  const driver = new InlineJobDriver({
    processors: setup.processors,
    retry: setup.retry,
    concurrency: 4,
    reconcileEveryMs: setup.reconcileEveryMs,
    reconcile: async (shop) => {
      for (const s of shop ? [shop] : await setup.listShops()) await setup.reconcile(s);
    },
    routeOrders: setup.routeOrders,
    email: setup.email,
  });
  driver.start();
  logger.info("jobs: in-process driver (no REDIS_URL); the inbox table is the queue");
  return driver;
}

/**
 * Installs this process's driver factory in the queue handle (app/queue/handle.server.ts); the
 * driver is built on first use. Called once at start by app/entry.server.tsx.
 */
export function installWebJobDriver(): void {
  installJobDriverFactory(createWebDriver);
}
