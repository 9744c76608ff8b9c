// The in-process driver (no REDIS_URL: the embedded default, the demo). The inbox table is the
// queue: due rows are claimed with FOR UPDATE SKIP LOCKED, each attempt is counted on the row, a
// failure sets the next attempt time (exponential back-off), FAILED after the last attempt is the
// dead letter. A row whose process died mid-attempt is claimed again once its lease runs out, so a
// restart loses nothing. Reconciliation runs on a timer.
import { logger } from "~/logger.server";
import { listPendingEmails } from "~/models/email-messages.server";
import { claimDueDeliveries, nextDueAt, type DeliveryRef } from "~/models/webhook-deliveries.server";
import type { JobDriver } from "~/queue/driver";
import type { EmailJobProcessor, ProcessorRegistry } from "./processor";
import { backoffDelay, DEFAULT_RETRY_POLICY, emailJobSchema, type EmailJob, type RetryPolicy } from "~/queue/queues";
import { runDeliveryAttempt } from "./run-delivery.server";

export interface InlineDriverOptions {
  processors: ProcessorRegistry;
  retry?: RetryPolicy;
  /** Attempts running at once. Default 4 (the embedded database has one connection: keep it low). */
  concurrency?: number;
  /** How long a claimed row stays ours; a crashed process's rows are taken over after it. */
  leaseMs?: number;
  /** Look for due rows at least this often (new rows of this process wake the loop at once). */
  pollMs?: number;
  /** Reconcile every installed shop this often; 0 = never. */
  reconcileEveryMs?: number;
  reconcile?: (shop?: string) => Promise<void>;
  /** Routes the orders staff chose. */
  routeOrders?: (shop: string, orderIds: readonly string[], staff: string | null) => Promise<void>;
  /** Sends email messages. Enqueued emails are attempted at once, retried with back-off in memory. */
  email?: EmailJobProcessor;
  /** How often PENDING emails without a job here (this process restarted) are picked up. Default 30 s. */
  emailSweepMs?: number;
}

export class InlineJobDriver implements JobDriver {
  readonly kind = "inline" as const;
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private pendingWake = false;
  private readonly inFlight = new Set<Promise<void>>();
  private reconcileTimer: NodeJS.Timeout | null = null;
  /** Email messages this process holds: a retry timer, or null while an attempt runs. */
  private readonly emailJobs = new Map<string, NodeJS.Timeout | null>();
  private readonly emailsInFlight = new Set<Promise<void>>();
  private emailSweepTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: InlineDriverOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.concurrency = Math.max(1, options.concurrency ?? 4);
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.pollMs = options.pollMs ?? 1_000;
  }

  /** Starts processing in this process (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    const every = this.options.reconcileEveryMs ?? 0;
    if (every > 0 && this.options.reconcile) {
      const reconcile = this.options.reconcile;
      this.reconcileTimer = setInterval(() => {
        reconcile().catch((error: unknown) => logger.error({ err: error }, "scheduled reconciliation failed"));
      }, every);
      this.reconcileTimer.unref();
    }
    if (this.options.email) {
      // The email rows are the queue's durable half: PENDING ones this process does not hold (it
      // restarted mid-retry) are picked up at start and then periodically.
      void this.sweepEmails();
      this.emailSweepTimer = setInterval(() => void this.sweepEmails(), this.options.emailSweepMs ?? 30_000);
      this.emailSweepTimer.unref();
    }
  }

  get started(): boolean {
    return this.running;
  }

  async enqueueDelivery(_ref: DeliveryRef): Promise<void> {
    // The row is in the inbox already (RECEIVED = due now): only wake the loop.
    this.poke();
  }

  async retryDeliveries(refs: readonly DeliveryRef[]): Promise<void> {
    if (refs.length) this.poke();
  }

  async discardDeliveries(_refs: readonly DeliveryRef[]): Promise<void> {
    // DISCARDED rows are never claimed: nothing else to drop.
  }

  async enqueueEmail(job: EmailJob): Promise<void> {
    const data = emailJobSchema.parse(job);
    if (!this.options.email) {
      logger.warn({ messageId: data.messageId }, "in-process jobs: no email sender configured; the message stays PENDING");
      return;
    }
    if (this.running) this.scheduleEmail(data, 0, 0);
  }

  async requestReconcile(shop: string): Promise<void> {
    if (!this.options.reconcile) throw new Error("Reconciliation is not configured");
    const reconcile = this.options.reconcile;
    const task = reconcile(shop).catch((error: unknown) => logger.error({ err: error, shop }, "reconciliation failed"));
    this.track(task);
  }

  async requestRouteOrders(shop: string, orderIds: readonly string[], staff: string | null): Promise<void> {
    if (!this.options.routeOrders) throw new Error("Routing orders is not configured");
    const task = this.options.routeOrders(shop, orderIds, staff).catch((error: unknown) => logger.error({ err: error, shop }, "routing the chosen orders failed"));
    this.track(task);
  }

  /**
   * Claims and runs everything due now, until nothing is due (tests, and a process that wants to
   * finish its inbox). Retries scheduled later are left for later.
   */
  async drainDue(): Promise<number> {
    let processed = 0;
    for (;;) {
      const claimed = await claimDueDeliveries({ limit: this.concurrency, leaseMs: this.leaseMs });
      if (claimed.length === 0) break;
      await Promise.all(claimed.map((d) => this.attempt(d)));
      processed += claimed.length;
    }
    await Promise.allSettled([...this.inFlight]);
    return processed;
  }

  async close(): Promise<void> {
    this.running = false;
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    this.reconcileTimer = null;
    if (this.emailSweepTimer) clearInterval(this.emailSweepTimer);
    this.emailSweepTimer = null;
    // Scheduled email retries stay PENDING in the database; the next start picks them up.
    for (const timer of this.emailJobs.values()) if (timer) clearTimeout(timer);
    await Promise.allSettled([...this.emailsInFlight]);
    this.emailJobs.clear();
    this.poke();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async sweepEmails(): Promise<void> {
    try {
      for (const job of await listPendingEmails({ olderThanMs: 0, limit: 500 })) {
        if (this.running) this.scheduleEmail(job, 0, 0);
      }
    } catch (error) {
      logger.warn({ err: error }, "in-process jobs: looking for pending emails failed");
    }
  }

  private scheduleEmail(job: EmailJob, delayMs: number, failedAttempts: number): void {
    if (this.emailJobs.has(job.messageId)) return; // already queued, waiting for a retry, or running
    const timer = setTimeout(() => {
      this.emailJobs.set(job.messageId, null);
      const task = this.attemptEmail(job, failedAttempts);
      this.emailsInFlight.add(task);
      void task.finally(() => this.emailsInFlight.delete(task));
    }, delayMs);
    timer.unref();
    this.emailJobs.set(job.messageId, timer);
  }

  private async attemptEmail(job: EmailJob, failedAttempts: number): Promise<void> {
    const finalAttempt = failedAttempts + 1 >= this.retry.maxAttempts;
    try {
      await this.options.email!(job, { finalAttempt });
      this.emailJobs.delete(job.messageId);
    } catch (error) {
      this.emailJobs.delete(job.messageId);
      if (finalAttempt || !this.running) {
        logger.error({ err: error, messageId: job.messageId }, "email job failed");
        return;
      }
      this.scheduleEmail(job, backoffDelay(this.retry, failedAttempts + 1), failedAttempts + 1);
    }
  }

  private poke(): void {
    if (this.wake) {
      const wake = this.wake;
      this.wake = null;
      wake();
    } else {
      this.pendingWake = true;
    }
  }

  private track(task: Promise<void>): void {
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      this.poke();
    });
  }

  private async attempt(delivery: Awaited<ReturnType<typeof claimDueDeliveries>>[number]): Promise<void> {
    await runDeliveryAttempt(delivery, this.options.processors, {
      finalAttempt: delivery.attempts >= this.retry.maxAttempts,
      retryDelayMs: backoffDelay(this.retry, delivery.attempts),
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const free = this.concurrency - this.inFlight.size;
        if (free > 0) {
          const claimed = await claimDueDeliveries({ limit: free, leaseMs: this.leaseMs });
          for (const delivery of claimed) {
            this.track(
              this.attempt(delivery).catch((error: unknown) =>
                logger.error({ err: error, webhookId: delivery.webhookId }, "in-process job runner: attempt crashed"),
              ),
            );
          }
          if (claimed.length === free) continue; // more may be due
        }
        await this.sleep(await this.idleDelay());
      } catch (error) {
        logger.error({ err: error }, "in-process job runner: claiming failed; retrying");
        await this.sleep(this.pollMs);
      }
    }
  }

  private async idleDelay(): Promise<number> {
    if (this.inFlight.size >= this.concurrency) return this.pollMs * 10; // woken when one finishes
    const due = await nextDueAt();
    if (!due) return this.pollMs;
    return Math.min(this.pollMs, Math.max(10, due.getTime() - Date.now()));
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake || !this.running) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
