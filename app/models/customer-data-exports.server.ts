// customers/data_request: the exports the merchant downloads and sends to the customer.
import type { CustomerDataExport, Prisma } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, JsonValue, ShopRef } from "./scope.server";

export type { CustomerDataExport };

export async function createCustomerDataExport(
  shop: ShopRef,
  input: { customerId: string; requestId: string | null; data: { [key: string]: JsonValue } },
  db: Db = prisma,
): Promise<CustomerDataExport> {
  return db.customerDataExport.create({
    data: { shopId: shop.id, customerId: input.customerId, requestId: input.requestId, data: input.data as Prisma.InputJsonValue },
  });
}

export async function getCustomerDataExport(shop: ShopRef, id: string, db: Db = prisma): Promise<CustomerDataExport | null> {
  return db.customerDataExport.findFirst({ where: { id, shopId: shop.id } });
}

export async function listCustomerDataExports(
  shop: ShopRef,
  options: { limit?: number } = {},
  db: Db = prisma,
): Promise<Omit<CustomerDataExport, "data">[]> {
  return db.customerDataExport.findMany({
    where: { shopId: shop.id },
    omit: { data: true },
    orderBy: { createdAt: "desc" },
    take: Math.min(Math.max(options.limit ?? 10, 1), 100),
  });
}

/** customers/redact: an export holds the customer's data too, so it goes. */
export async function deleteCustomerDataExports(shop: ShopRef, customerId: string, db: Db = prisma): Promise<number> {
  const { count } = await db.customerDataExport.deleteMany({ where: { shopId: shop.id, customerId } });
  return count;
}
