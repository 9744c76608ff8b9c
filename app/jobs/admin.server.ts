import { logger } from "~/logger.server";
import { noteAdminWait } from "./current-delivery.server";
import { observingCustomerData } from "~/services/observe-customer-data.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { BACKGROUND_RESERVE, resilientGraphql, type BucketState, type ResilienceOptions } from "~/shopify/resilient-graphql";

/** How jobs reach a shop's Admin API: with its offline session, through the resilient client. */
export type AdminFactory = (shop: string) => Promise<AdminGraphql>;

/**
 * `offlineAdminGraphql(shop)` (the offline session in storage, renewed once when Shopify answers 401;
 * SessionNotFoundError, a permanent job error, when the shop uninstalled) wrapped in
 * resilientGraphql, observing which protected customer data Shopify redacts. Imported lazily so that modules which only take an AdminFactory do not load the
 * Shopify app configuration.
 */
export function offlineAdmin(options: ResilienceOptions = {}): AdminFactory {
  // One bucket per shop: every job's client of a shop sees what the previous one learnt.
  const buckets = new Map<string, BucketState>();
  return async (shop) => {
    let bucket = buckets.get(shop);
    if (!bucket) buckets.set(shop, (bucket = { last: null }));
    const { offlineAdminGraphql } = await import("~/shopify.server");
    const client = resilientGraphql(await offlineAdminGraphql(shop), {
      onWait: (event) => {
        logger.info({ shop, ...event }, "Admin API: waiting before retrying");
        void noteAdminWait(event);
      },
      bucket,
      ...BACKGROUND_RESERVE,
      ...options,
    });
    return observingCustomerData(shop, client);
  };
}
