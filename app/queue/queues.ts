// Crossdock's queues: names, typed payloads (zod-checked when a job is taken), job ids, retry policy.
// Shared by both drivers (BullMQ on Redis, and the in-process driver on the inbox table).
import { z } from "zod";

export const QUEUE = {
  /** One job per webhook delivery; the payload itself stays in the inbox table. */
  webhooks: "webhooks",
  /** Scheduled upkeep: draining the inbox into the queue, reconciliation with the Admin API. */
  maintenance: "maintenance",
  /** One job per email message; the message itself (and its state) is the email_message row. */
  email: "email",
} as const;

export const webhookJobSchema = z.object({
  shop: z.string().min(1),
  webhookId: z.string().min(1),
  topic: z.string().min(1),
});
export type WebhookJob = z.infer<typeof webhookJobSchema>;

export const maintenanceJobSchema = z.discriminatedUnion("kind", [
  /** Re-enqueue deliveries stored while the queue was unreachable. */
  z.object({ kind: z.literal("drain-inbox") }),
  /** Fan out one reconcile-shop job per installed shop. */
  z.object({ kind: z.literal("reconcile-all") }),
  z.object({ kind: z.literal("reconcile-shop"), shop: z.string().min(1) }),
  /** Staff chose open orders to route (Routing page, "Route open orders"). */
  z.object({ kind: z.literal("route-orders"), shop: z.string().min(1), orderIds: z.array(z.string().min(1)).min(1), staff: z.string().nullable() }),
]);
export type MaintenanceJob = z.infer<typeof maintenanceJobSchema>;

export const emailJobSchema = z.object({
  shopId: z.string().min(1),
  messageId: z.string().min(1),
});
export type EmailJob = z.infer<typeof emailJobSchema>;

/** One job per message: enqueueing a message twice (a retried enqueue, the drain) is a no-op. */
export function emailJobId(job: { messageId: string }): string {
  return `email-${job.messageId}`.replaceAll(":", "_");
}

/**
 * The job id of a delivery: derived from (shop, webhookId), so enqueueing the same delivery twice
 * (a drain racing the route, a redelivery) is a no-op in BullMQ. BullMQ ids may not contain ":".
 */
export function webhookJobId(ref: { shop: string; webhookId: string }): string {
  return `wh-${ref.shop}-${ref.webhookId}`.replaceAll(":", "_");
}

export interface RetryPolicy {
  /** Attempts in all before a job is FAILED (dead letter). */
  maxAttempts: number;
  /** Delay before the first retry; doubles with every further failure. */
  backoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 8, backoffMs: 2_000 };

/** Exponential back-off, the same formula as BullMQ's "exponential": base · 2^(failures − 1). */
export function backoffDelay(policy: RetryPolicy, failedAttempts: number): number {
  return Math.round(policy.backoffMs * 2 ** Math.max(0, failedAttempts - 1));
}
