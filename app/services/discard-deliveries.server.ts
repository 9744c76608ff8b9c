import type { JobDriver } from "~/queue/driver";
import { logger } from "~/logger.server";
import { discardFailed } from "~/models/webhook-deliveries.server";

/** Discard on the Activity page: the shop's FAILED deliveries among `ids` are given up. */
export async function discardDeliveries(input: { shop: string; ids: string[]; driver: JobDriver }): Promise<{ discarded: number }> {
  const refs = await discardFailed(input.shop, input.ids);
  if (refs.length) {
    await input.driver.discardDeliveries(refs).catch((error: unknown) => {
      // The row is DISCARDED, which no processor runs; the queue's copy expires on its own.
      logger.warn({ err: error, shop: input.shop }, "discard: could not remove the queued job");
    });
  }
  return { discarded: refs.length };
}
