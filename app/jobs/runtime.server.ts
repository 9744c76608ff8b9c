// The web process's job driver, chosen once from the environment:
// - REDIS_URL set: BullMQ, enqueue only. Processors run in the worker process (`npm run worker`),
//   never here.
// - REDIS_URL unset (the embedded default, the demo): the in-process driver, started once per
//   process (the handle lives on globalThis, so Vite's module reloads do not start a second one).
import { env } from "~/env.server";
import { logger } from "~/logger.server";
import { BullmqJobDriver } from "./bullmq-driver.server";
import { jobsSetup } from "./config.server";
import type { JobDriver } from "./driver";
import { InlineJobDriver } from "./inline-driver.server";

const globalForJobs = globalThis as typeof globalThis & { __crossdockJobDriver?: JobDriver };

function createWebDriver(): JobDriver {
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
    email: setup.email,
  });
  driver.start();
  logger.info("jobs: in-process driver (no REDIS_URL); the inbox table is the queue");
  return driver;
}

/** This process's driver (created, and for the in-process driver started, on first use). */
export function jobDriver(): JobDriver {
  return (globalForJobs.__crossdockJobDriver ??= createWebDriver());
}

/** Replaces the process's driver (tests; a host that builds its own). Returns the previous one. */
export function installJobDriver(driver: JobDriver | undefined): JobDriver | undefined {
  const previous = globalForJobs.__crossdockJobDriver;
  globalForJobs.__crossdockJobDriver = driver;
  return previous;
}
