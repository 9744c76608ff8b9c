import type { DeliveryRef } from "~/models/webhook-deliveries.server";
import type { EmailJob } from "./queues";

/**
 * Where jobs go. Two implementations: BullMQ on Redis (REDIS_URL; processors run in the worker
 * process) and the in-process driver (no Redis: the inbox table is the queue). The database stays
 * the record of every delivery's state for both, so the Activity page reads it alike.
 */
export interface JobDriver {
  readonly kind: "bullmq" | "inline";
  /** Hands a stored delivery to the queue. Idempotent (the job id is derived from the delivery). */
  enqueueDelivery(ref: DeliveryRef): Promise<void>;
  /** Deliveries the Activity page reset from FAILED to QUEUED: run them again. */
  retryDeliveries(refs: readonly DeliveryRef[]): Promise<void>;
  /** Deliveries the Activity page discarded: drop whatever the queue still holds of them. */
  discardDeliveries(refs: readonly DeliveryRef[]): Promise<void>;
  /** Hands a stored PENDING email message to the queue. Idempotent (the job id is the message's). */
  enqueueEmail(job: EmailJob): Promise<void>;
  /** Asks for a reconciliation of the shop with the Admin API as soon as possible. */
  requestReconcile(shop: string): Promise<void>;
  /** Routes orders staff chose (applied, as a staff routing), in the background. */
  requestRouteOrders(shop: string, orderIds: readonly string[], staff: string | null): Promise<void>;
  close(): Promise<void>;
}
