// Use case: remember, per shop, which protected customer data Shopify redacts in its answers
// (app/domain/customer-data/observation.ts), and what Crossdock can tell people about it: the
// admin's setup warning and the portal lookup's explanation.
import { PROTECTED_CUSTOMER_FIELDS, type ProtectedCustomerField } from "~/config/customer-data";
import { logger } from "~/logger.server";
import { listCustomerDataRedactions, recordCustomerDataObservation } from "~/models/customer-data-redactions.server";
import { getShop } from "~/models/shops.server";
import { withCustomerDataObserver, type AdminGraphql } from "~/shopify/admin-graphql";

/** The shop's client, reporting what each answer redacted or served (recorded; failures logged). */
export function observingCustomerData(shopDomain: string, graphql: AdminGraphql): AdminGraphql {
  return withCustomerDataObserver(graphql, async (observation) => {
    if (!observation.redacted.length && !observation.served.length) return;
    try {
      const shop = await getShop(shopDomain);
      if (shop) await recordCustomerDataObservation(shop, observation);
    } catch (error) {
      logger.warn({ err: error, shop: shopDomain, operation: observation.operation }, "could not record a customer data observation");
    }
  });
}

export interface CustomerDataWarning {
  /** Redacted fields, in the order README lists them. */
  fields: ProtectedCustomerField[];
  /** When Crossdock last saw Shopify redact one of them (ISO). */
  lastSeenAt: string;
}

/** The admin's setup warning: null while Shopify serves every field Crossdock reads (or the shop is not installed yet). */
export async function loadCustomerDataWarning(shopDomain: string): Promise<CustomerDataWarning | null> {
  const shop = await getShop(shopDomain);
  if (!shop) return null;
  const rows = await listCustomerDataRedactions(shop);
  if (!rows.length) return null;
  const redacted = new Set(rows.map((r) => r.field));
  return {
    fields: PROTECTED_CUSTOMER_FIELDS.filter((f) => redacted.has(f)),
    lastSeenAt: new Date(Math.max(...rows.map((r) => r.lastSeenAt.getTime()))).toISOString(),
  };
}
