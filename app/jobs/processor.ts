import type { Logger } from "pino";
import type { ClaimedDelivery } from "~/models/webhook-deliveries.server";
import type { EmailJob } from "~/queue/queues";

export interface DeliveryContext {
  /** The delivery being processed, with its payload (from the inbox table). */
  delivery: ClaimedDelivery;
  log: Logger;
}

/** Nothing to do for this delivery: it is recorded as SKIPPED with the reason. */
export interface Skipped {
  skipped: string;
}

/**
 * A processor is a thin adapter: it parses the delivery's payload and calls one service. It must be
 * idempotent (a delivery can be attempted again after a crash); throwing means "retry later".
 */
export type DeliveryProcessor = (context: DeliveryContext) => Promise<void | Skipped>;

/** Processors by webhook topic ("orders/create"). A topic without one is recorded as SKIPPED. */
export type ProcessorRegistry = Readonly<Record<string, DeliveryProcessor | undefined>>;

/** How an email job ended when it did not throw. */
export type EmailJobOutcome =
  | { outcome: "sent" | "outbox" | "nothing-to-do" }
  /** Failed for good (recorded as FAILED on the message): no further attempt. */
  | { outcome: "failed"; error: string };

/**
 * Sends one stored email message. Throwing means "retry later with back-off"; `finalAttempt` tells
 * it that no attempt follows, so it records FAILED instead of throwing.
 */
export type EmailJobProcessor = (job: EmailJob, attempt: { finalAttempt: boolean }) => Promise<EmailJobOutcome>;
