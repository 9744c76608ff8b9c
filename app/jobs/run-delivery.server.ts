// One attempt at a claimed delivery, the same for both drivers: run the topic's processor, then
// record the outcome on the inbox row (PROCESSED / SKIPPED, QUEUED for a retry, FAILED).
import { logger } from "~/logger.server";
import {
  finishDeliveryFailed,
  finishDeliverySucceeded,
  type ClaimedDelivery,
} from "~/models/webhook-deliveries.server";
import { withDelivery } from "./current-delivery.server";
import { errorMessage, isPermanentError } from "./errors";
import type { ProcessorRegistry } from "./processor";

export type AttemptOutcome =
  | { kind: "processed" }
  | { kind: "skipped"; reason: string }
  /** Failed, will be attempted again after retryAt. */
  | { kind: "retry"; error: string; retryAt: Date }
  /** Failed for good: the dead-letter state. */
  | { kind: "failed"; error: string; permanent: boolean };

export interface AttemptPolicy {
  /** No attempt follows this one (the budget is spent). */
  finalAttempt: boolean;
  /** Delay before the next attempt if this one fails. */
  retryDelayMs: number;
}

export async function runDeliveryAttempt(
  delivery: ClaimedDelivery,
  processors: ProcessorRegistry,
  policy: AttemptPolicy,
): Promise<AttemptOutcome> {
  const startedAt = delivery.startedAt ?? new Date();
  const log = logger.child({ shop: delivery.shop, topic: delivery.topic, webhookId: delivery.webhookId, attempt: delivery.attempts });
  const processor = processors[delivery.topic];
  if (!processor) {
    const reason = `No processor handles ${delivery.topic} yet`;
    await finishDeliverySucceeded({ id: delivery.id, startedAt, status: "SKIPPED", note: reason });
    return { kind: "skipped", reason };
  }
  try {
    const result = await withDelivery(delivery.id, () => processor({ delivery, log }));
    if (result && "skipped" in result) {
      await finishDeliverySucceeded({ id: delivery.id, startedAt, status: "SKIPPED", note: result.skipped });
      log.info({ reason: result.skipped }, "delivery skipped");
      return { kind: "skipped", reason: result.skipped };
    }
    await finishDeliverySucceeded({ id: delivery.id, startedAt, status: "PROCESSED" });
    log.debug("delivery processed");
    return { kind: "processed" };
  } catch (error) {
    const message = errorMessage(error);
    const permanent = isPermanentError(error);
    if (permanent || policy.finalAttempt) {
      await finishDeliveryFailed({ id: delivery.id, startedAt, error: message, retryAt: null });
      log.error({ err: error, permanent }, "delivery failed");
      return { kind: "failed", error: message, permanent };
    }
    const retryAt = new Date(Date.now() + policy.retryDelayMs);
    await finishDeliveryFailed({ id: delivery.id, startedAt, error: message, retryAt });
    log.warn({ err: error, retryAt }, "delivery attempt failed, will retry");
    return { kind: "retry", error: message, retryAt };
  }
}
