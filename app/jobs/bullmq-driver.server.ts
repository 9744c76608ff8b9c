// The BullMQ driver (REDIS_URL). The web process only enqueues (BullmqJobDriver); processors run in
// the worker process (startBullmqWorkers, `npm run worker`). Each webhook job carries only the
// delivery's key; the payload stays in the inbox table, which also keeps every delivery's state.
import { Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from "bullmq";
import { Redis, type RedisOptions } from "ioredis";
import { Batcher } from "~/batcher";
import { logger } from "~/logger.server";
import { claimDelivery, type DeliveryRef } from "~/models/webhook-deliveries.server";
import type { JobDriver } from "~/queue/driver";
import type { EmailJobProcessor, ProcessorRegistry } from "./processor";
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  emailJobId,
  emailJobSchema,
  maintenanceJobSchema,
  QUEUE,
  webhookJobId,
  webhookJobSchema,
  type EmailJob,
  type MaintenanceJob,
  type RetryPolicy,
  type WebhookJob,
} from "~/queue/queues";
import { runDeliveryAttempt } from "./run-delivery.server";

export interface BullmqConfig {
  redisUrl: string;
  /** Redis key prefix of the queues. */
  prefix: string;
  retry?: RetryPolicy;
}

/** Longest an enqueue may take before the route gives up (the delivery stays RECEIVED: drained later). */
const ENQUEUE_TIMEOUT_MS = 2_000;

export class QueueUnavailableError extends Error {
  override name = "QueueUnavailableError";
}

function quietErrors(source: string) {
  let last = 0;
  return (error: Error) => {
    // ioredis reports every failed reconnect; one line every 10 s is enough.
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    logger.warn({ err: error, source }, "Redis unavailable");
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueueUnavailableError(message)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** The producer side: what the web process (and the worker's drain) uses. */
export class BullmqJobDriver implements JobDriver {
  readonly kind = "bullmq" as const;
  readonly retry: RetryPolicy;
  private readonly redis: Redis;
  readonly webhooks: Queue<WebhookJob>;
  readonly maintenance: Queue<MaintenanceJob>;
  readonly emails: Queue<EmailJob>;

  constructor(readonly config: BullmqConfig) {
    this.retry = config.retry ?? DEFAULT_RETRY_POLICY;
    // Fail fast while Redis is away: no offline queue, one try per command. The delivery is safe in
    // the inbox table; the drain enqueues it once Redis is back.
    this.redis = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    this.redis.on("error", quietErrors("queue"));
    this.webhooks = new Queue(QUEUE.webhooks, { connection: this.redis, prefix: config.prefix });
    this.maintenance = new Queue(QUEUE.maintenance, { connection: this.redis, prefix: config.prefix });
    this.webhooks.on("error", quietErrors("webhooks queue"));
    this.maintenance.on("error", quietErrors("maintenance queue"));
    this.emails = new Queue(QUEUE.email, { connection: this.redis, prefix: config.prefix });
    this.emails.on("error", quietErrors("email queue"));
  }

  private ready(): void {
    if (this.redis.status !== "ready") throw new QueueUnavailableError(`Redis is not connected (${this.redis.status})`);
  }

  webhookJobOptions(ref: DeliveryRef): JobsOptions {
    return {
      jobId: webhookJobId(ref),
      attempts: this.retry.maxAttempts,
      backoff: { type: "exponential", delay: this.retry.backoffMs },
      // Completed jobs are kept a while so a re-enqueue of the same delivery stays a no-op; the
      // inbox table is the lasting record.
      removeOnComplete: { age: 24 * 3600, count: 50_000 },
      removeOnFail: { age: 30 * 24 * 3600 },
    };
  }

  /**
   * Deliveries enqueued while earlier ones are on their way to Redis leave together, as one
   * `addBulk` (one round trip; each job keeps its own id, so a delivery already queued stays one job).
   */
  private readonly deliveryEnqueues = new Batcher<true, DeliveryRef>(
    async (keys, refs) => {
      const jobs = keys.map((key) => {
        const data = refs.get(key)!; // parsed by enqueueDelivery
        return { name: data.topic, data, opts: this.webhookJobOptions(data) };
      });
      // One job is one command; several are one round trip (addBulk's pipeline costs more than one add).
      const [only] = jobs;
      const added: Promise<unknown> = jobs.length === 1 && only ? this.webhooks.add(only.name, only.data, only.opts) : this.webhooks.addBulk(jobs);
      await withTimeout(added, ENQUEUE_TIMEOUT_MS, "Enqueue timed out");
      return new Map(keys.map((key) => [key, true as const]));
    },
    // Nobody waits on it (the webhook is answered once stored): 10 ms for company, fewer round trips.
    { maxInFlight: 2, maxBatch: 100, lingerMs: 10 },
  );

  async enqueueDelivery(ref: DeliveryRef): Promise<void> {
    this.ready();
    const data = webhookJobSchema.parse(ref);
    await this.deliveryEnqueues.get(webhookJobId(data), data);
  }

  async retryDeliveries(refs: readonly DeliveryRef[]): Promise<void> {
    this.ready();
    for (const ref of refs) {
      const job = await this.webhooks.getJob(webhookJobId(ref));
      if (job) {
        const state = await job.getState();
        if (state === "active" || state === "waiting" || state === "delayed" || state === "prioritized") continue;
        await job.remove();
      }
      await this.webhooks.add(ref.topic, webhookJobSchema.parse(ref), this.webhookJobOptions(ref));
    }
  }

  async discardDeliveries(refs: readonly DeliveryRef[]): Promise<void> {
    this.ready();
    for (const ref of refs) {
      const job = await this.webhooks.getJob(webhookJobId(ref));
      if (job && (await job.getState()) !== "active") await job.remove();
    }
  }

  async enqueueEmail(job: EmailJob): Promise<void> {
    this.ready();
    const data = emailJobSchema.parse(job);
    const id = emailJobId(data);
    await withTimeout(
      (async () => {
        // Only PENDING messages are enqueued: a finished job of the same id is from before a Retry.
        const existing = await this.emails.getJob(id);
        if (existing) {
          const state = await existing.getState();
          if (state === "active" || state === "waiting" || state === "delayed" || state === "prioritized" || state === "waiting-children") return;
          await existing.remove();
        }
        await this.emails.add("send-email", data, {
          jobId: id,
          attempts: this.retry.maxAttempts,
          backoff: { type: "exponential", delay: this.retry.backoffMs },
          removeOnComplete: { age: 24 * 3600, count: 50_000 },
          removeOnFail: { age: 30 * 24 * 3600 },
        });
      })(),
      ENQUEUE_TIMEOUT_MS,
      "Enqueue timed out",
    );
  }

  async requestReconcile(shop: string): Promise<void> {
    this.ready();
    // One pending request per shop and minute: pressing the button twice does not run it twice.
    const bucket = Math.floor(Date.now() / 60_000);
    await this.maintenance.add(
      "reconcile-shop",
      { kind: "reconcile-shop", shop },
      { jobId: `reconcile-${shop}-${bucket}`, attempts: 3, backoff: { type: "exponential", delay: 30_000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
    );
  }

  async requestRouteOrders(shop: string, orderIds: readonly string[], staff: string | null): Promise<void> {
    this.ready();
    await this.maintenance.add(
      "route-orders",
      { kind: "route-orders", shop, orderIds: [...orderIds], staff },
      { attempts: 3, backoff: { type: "exponential", delay: 30_000 }, removeOnComplete: { age: 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
    );
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.webhooks.close(), this.maintenance.close(), this.emails.close()]);
    this.redis.disconnect();
  }
}

export interface BullmqWorkerOptions extends BullmqConfig {
  processors: ProcessorRegistry;
  /** Webhook jobs at once. */
  concurrency: number;
  /** BullMQ lock: a killed worker's active job is moved back to waiting after it expires. */
  lockDurationMs: number;
  /** How often workers look for such stalled jobs. Default: lockDurationMs / 2. */
  stalledIntervalMs?: number;
  /** Re-enqueue deliveries stuck in RECEIVED this often (Redis was down when they arrived). */
  drainEveryMs: number;
  drain: (driver: BullmqJobDriver) => Promise<number>;
  /** Reconcile every installed shop this often; 0 = never. */
  reconcileEveryMs: number;
  listShops: () => Promise<string[]>;
  reconcile: (shop: string) => Promise<void>;
  /** Routes the orders staff chose (a route-orders job). */
  routeOrders?: (shop: string, orderIds: readonly string[], staff: string | null) => Promise<void>;
  /** Sends email messages (the email queue); without it no email worker runs in this process. */
  email?: EmailJobProcessor;
}

/**
 * The reconciliation schedule, created when Redis lacks it (first start, or Redis came back empty).
 * The inbox drain is not a Redis schedule (see the worker's upkeep).
 */
async function ensureSchedules(driver: BullmqJobDriver, reconcileEveryMs: number): Promise<void> {
  const existing = await driver.maintenance.getJobScheduler("reconcile-all");
  if (reconcileEveryMs <= 0) {
    if (existing) await driver.maintenance.removeJobScheduler("reconcile-all");
    return;
  }
  if (existing && existing.every === reconcileEveryMs) return;
  await driver.maintenance.upsertJobScheduler(
    "reconcile-all",
    { every: reconcileEveryMs },
    { name: "reconcile-all", data: { kind: "reconcile-all" }, opts: { removeOnComplete: true, removeOnFail: 100 } },
  );
}

export interface RunningWorkers {
  driver: BullmqJobDriver;
  webhooks: Worker<WebhookJob>;
  maintenance: Worker<MaintenanceJob>;
  email: Worker<EmailJob> | null;
  /** Waits for the jobs in progress, then disconnects. */
  close(): Promise<void>;
}

export async function startBullmqWorkers(options: BullmqWorkerOptions): Promise<RunningWorkers> {
  const driver = new BullmqJobDriver(options);
  const retry = driver.retry;
  const workerConnection = (): Redis => {
    const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: null } satisfies RedisOptions);
    redis.on("error", quietErrors("worker"));
    return redis;
  };
  const stalledInterval = options.stalledIntervalMs ?? Math.max(250, Math.floor(options.lockDurationMs / 2));

  const webhooks = new Worker<WebhookJob>(
    QUEUE.webhooks,
    async (job: Job<WebhookJob>) => {
      const ref = webhookJobSchema.parse(job.data);
      const delivery = await claimDelivery(ref.shop, ref.webhookId, { leaseMs: options.lockDurationMs });
      if (!delivery) return { outcome: "not-claimable" }; // finished, discarded or gone: nothing to do
      const failedBefore = job.attemptsMade;
      const maxAttempts = job.opts.attempts ?? 1;
      const outcome = await runDeliveryAttempt(delivery, options.processors, {
        finalAttempt: failedBefore + 1 >= maxAttempts,
        retryDelayMs: backoffDelay(retry, failedBefore + 1),
      });
      if (outcome.kind === "retry") throw new Error(outcome.error);
      // The database already says FAILED: BullMQ must not try again either.
      if (outcome.kind === "failed") throw new UnrecoverableError(outcome.error);
      return { outcome: outcome.kind };
    },
    {
      connection: workerConnection(),
      prefix: options.prefix,
      concurrency: options.concurrency,
      lockDuration: options.lockDurationMs,
      stalledInterval,
      maxStalledCount: 3,
      autorun: false,
    },
  );

  const maintenance = new Worker<MaintenanceJob>(
    QUEUE.maintenance,
    async (job) => {
      const data = maintenanceJobSchema.parse(job.data);
      switch (data.kind) {
        case "drain-inbox":
          return { enqueued: await options.drain(driver) };
        case "reconcile-all": {
          const shops = await options.listShops();
          for (const shop of shops) await driver.requestReconcile(shop);
          return { shops: shops.length };
        }
        case "reconcile-shop":
          await options.reconcile(data.shop);
          return { shop: data.shop };
        case "route-orders":
          if (!options.routeOrders) throw new Error("Routing orders is not configured in this worker");
          await options.routeOrders(data.shop, data.orderIds, data.staff);
          return { shop: data.shop, orders: data.orderIds.length };
      }
    },
    {
      connection: workerConnection(),
      prefix: options.prefix,
      concurrency: 2,
      lockDuration: Math.max(options.lockDurationMs, 120_000),
      autorun: false,
    },
  );
  const sendEmail = options.email;
  const email = sendEmail
    ? new Worker<EmailJob>(
        QUEUE.email,
        async (job: Job<EmailJob>) => {
          const data = emailJobSchema.parse(job.data);
          const maxAttempts = job.opts.attempts ?? 1;
          // Throwing (a retryable failure) lets BullMQ retry with its exponential back-off.
          const result = await sendEmail(data, { finalAttempt: job.attemptsMade + 1 >= maxAttempts });
          // The message already says FAILED: BullMQ must not try again either.
          if (result.outcome === "failed") throw new UnrecoverableError(result.error);
          return result;
        },
        {
          connection: workerConnection(),
          prefix: options.prefix,
          concurrency: Math.min(options.concurrency, 4),
          lockDuration: options.lockDurationMs,
          stalledInterval,
          maxStalledCount: 3,
          autorun: false,
        },
      )
    : null;

  for (const worker of [webhooks, maintenance, ...(email ? [email] : [])] as Worker[]) {
    worker.on("error", quietErrors("worker"));
    worker.on("failed", (job, error) => {
      if (job && job.queueName === QUEUE.maintenance) logger.error({ err: error, job: job.name }, "maintenance job failed");
    });
  }

  void webhooks.run();
  void maintenance.run();
  if (email) void email.run();
  await Promise.all([webhooks.waitUntilReady(), maintenance.waitUntilReady(), email?.waitUntilReady()]);

  // Upkeep runs on this process's own clock, not on a schedule kept in Redis: a Redis that comes back
  // empty (a managed failover, a restart without persistence) forgets its job schedulers and every
  // queued job, and nothing stored only there would ever bring them back. Each tick drains the inbox
  // (what arrived while Redis was away, what Redis lost) and puts the reconciliation schedule back
  // when it is missing. Both are idempotent, so every worker process runs them.
  let legacyDrainRemoved = false;
  const upkeep = async () => {
    try {
      // Once per process: the drain schedule an older release kept in Redis is no longer needed.
      if (!legacyDrainRemoved) {
        await driver.maintenance.removeJobScheduler("drain-inbox");
        legacyDrainRemoved = true;
      }
      await ensureSchedules(driver, options.reconcileEveryMs);
      await options.drain(driver);
    } catch (error) {
      logger.warn({ err: error }, "worker upkeep failed (Redis or the database unavailable?): trying again next tick");
    }
  };
  await upkeep();
  const upkeepTimer = setInterval(() => void upkeep(), options.drainEveryMs);
  upkeepTimer.unref();

  return {
    driver,
    webhooks,
    maintenance,
    email,
    async close() {
      clearInterval(upkeepTimer);
      await Promise.allSettled([webhooks.close(), maintenance.close(), ...(email ? [email.close()] : [])]);
      await driver.close();
    },
  };
}
