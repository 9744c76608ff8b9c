// Which delivery the current job attempt runs (AsyncLocalStorage), so that the Admin API client's
// waits can be shown on its Activity row: "Waiting for Shopify's rate limit", not "Running".
import { AsyncLocalStorage } from "node:async_hooks";
import { logger } from "~/logger.server";
import { markDeliveryWaiting } from "~/models/webhook-deliveries.server";

const current = new AsyncLocalStorage<{ id: string; marked: boolean }>();

/** Runs one attempt of a delivery with the delivery known to the Admin API client's wait hook. */
export function withDelivery<T>(id: string, attempt: () => Promise<T>): Promise<T> {
  return current.run({ id, marked: false }, attempt);
}

/** The Admin API client waits: when it is Shopify's rate limit, the running delivery's row says so (once per attempt). */
export async function noteAdminWait(event: { reason: "throttled" | "bucket" | "server" | "network" }): Promise<void> {
  const delivery = current.getStore();
  if (!delivery || delivery.marked || (event.reason !== "throttled" && event.reason !== "bucket")) return;
  delivery.marked = true;
  await markDeliveryWaiting(delivery.id).catch((error: unknown) => logger.warn({ err: error }, "could not mark the delivery as waiting"));
}
