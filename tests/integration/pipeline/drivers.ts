// Both drivers, built the way the app builds them, for tests that must hold on each.
import { startBullmqWorkers, type RunningWorkers } from "~/jobs/bullmq-driver.server";
import { drainInbox } from "~/jobs/drain.server";
import type { JobDriver } from "~/queue/driver";
import { InlineJobDriver } from "~/jobs/inline-driver.server";
import type { EmailJobProcessor, ProcessorRegistry } from "~/jobs/processor";
import type { RetryPolicy } from "~/queue/queues";
import { installJobDriver } from "~/queue/handle.server";
import { QUEUE_PREFIX, REDIS_URL } from "./env";

export type DriverKind = "bullmq" | "inline";

export interface TestJobs {
  kind: DriverKind;
  driver: JobDriver;
  workers: RunningWorkers | null;
  inline: InlineJobDriver | null;
  close(): Promise<void>;
}

/** `email`: the email queue's sender too (none by default: messages stay PENDING in the outbox table). */
export async function startJobs(kind: DriverKind, processors: ProcessorRegistry, retry: RetryPolicy, options: { email?: EmailJobProcessor } = {}): Promise<TestJobs> {
  if (kind === "bullmq") {
    const workers = await startBullmqWorkers({
      redisUrl: REDIS_URL,
      prefix: QUEUE_PREFIX,
      retry,
      processors,
      concurrency: 4,
      lockDurationMs: 5_000,
      drainEveryMs: 60_000,
      drain: (driver) => drainInbox(driver),
      reconcileEveryMs: 0,
      listShops: async () => [],
      reconcile: async () => undefined,
      ...(options.email && { email: options.email }),
    });
    installJobDriver(workers.driver);
    return {
      kind,
      driver: workers.driver,
      workers,
      inline: null,
      async close() {
        installJobDriver(undefined);
        await workers.close();
      },
    };
  }
  const inline = new InlineJobDriver({ processors, retry, pollMs: 50, concurrency: 2, ...(options.email && { email: options.email, emailSweepMs: 60_000 }) });
  inline.start();
  installJobDriver(inline);
  return {
    kind,
    driver: inline,
    workers: null,
    inline,
    async close() {
      installJobDriver(undefined);
      await inline.close();
    },
  };
}
