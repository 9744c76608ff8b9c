// The protected customer data fields Shopify currently redacts for a shop, as Crossdock saw them.
import type { CustomerDataRedaction } from "@prisma/client";
import type { ProtectedCustomerField } from "~/config/customer-data";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export type { CustomerDataRedaction };

/**
 * Records one answer's observation: each redacted field is kept (first and last seen, and by which
 * operation), each served field is forgotten. A field neither redacted nor served is left as it was.
 */
export async function recordCustomerDataObservation(
  shop: ShopRef,
  observation: { operation: string; redacted: readonly ProtectedCustomerField[]; served: readonly ProtectedCustomerField[] },
  now: Date = new Date(),
  db: Db = prisma,
): Promise<void> {
  for (const field of observation.redacted) {
    await db.customerDataRedaction.upsert({
      where: { shopId_field: { shopId: shop.id, field } },
      create: { shopId: shop.id, field, operation: observation.operation, firstSeenAt: now, lastSeenAt: now },
      update: { operation: observation.operation, lastSeenAt: now },
    });
  }
  if (observation.served.length) {
    await db.customerDataRedaction.deleteMany({ where: { shopId: shop.id, field: { in: [...observation.served] } } });
  }
}

export async function listCustomerDataRedactions(shop: ShopRef, db: Db = prisma): Promise<CustomerDataRedaction[]> {
  return db.customerDataRedaction.findMany({ where: { shopId: shop.id }, orderBy: { field: "asc" } });
}
