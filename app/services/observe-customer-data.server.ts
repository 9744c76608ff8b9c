// Use case: remember, per shop, which protected customer data Shopify redacts in its answers
// (app/domain/customer-data/observation.ts), and what Crossdock can tell people about it: the
// admin's setup warning and the portal lookup's explanation.
import { PROTECTED_CUSTOMER_FIELDS, type ProtectedCustomerField } from "~/config/customer-data";
import { logger } from "~/logger.server";
import { listCustomerDataRedactions, recordCustomerDataObservation } from "~/models/customer-data-redactions.server";
import { getShop } from "~/models/shops.server";
import { withCustomerDataObserver, type AdminGraphql } from "~/shopify/admin-graphql";

/**
 * How long a process trusts what it last read of a shop's recorded redactions. Almost every answer
 * serves the fields it reads, and without this each one would cost two database queries (the shop,
 * then a delete of nothing) on the routing and portal paths; a redaction recorded by another process
 * is cleared here at most this long after it.
 */
const KNOWN_REDACTIONS_TTL_MS = 30_000;
const knownRedactions = new Map<string, { fields: ReadonlySet<ProtectedCustomerField>; readAt: number }>();

async function recordedRedactions(shopDomain: string): Promise<ReadonlySet<ProtectedCustomerField>> {
  const known = knownRedactions.get(shopDomain);
  if (known && Date.now() - known.readAt < KNOWN_REDACTIONS_TTL_MS) return known.fields;
  const shop = await getShop(shopDomain);
  const fields = new Set(shop ? (await listCustomerDataRedactions(shop)).map((r) => r.field as ProtectedCustomerField) : []);
  knownRedactions.set(shopDomain, { fields, readAt: Date.now() });
  return fields;
}

/** The shop's client, reporting what each answer redacted or served (recorded; failures logged). */
export function observingCustomerData(shopDomain: string, graphql: AdminGraphql): AdminGraphql {
  return withCustomerDataObserver(graphql, async (observation) => {
    try {
      // Served fields that are not recorded as redacted change nothing: no write.
      const recorded = await recordedRedactions(shopDomain);
      const served = observation.served.filter((f) => recorded.has(f));
      if (!observation.redacted.length && !served.length) return;
      const shop = await getShop(shopDomain);
      if (!shop) return;
      await recordCustomerDataObservation(shop, { ...observation, served });
      knownRedactions.delete(shopDomain);
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
