// Order snapshots: Crossdock's copy of each Shopify order, newest state wins.
import { Prisma, type Order, type OrderRoutingStatus } from "@prisma/client";
import { prisma } from "../db.server";
import { inTransaction, type Db, type JsonValue, type ShopRef } from "./scope.server";

export type { Order, OrderRoutingStatus };

export interface OrderLineSnapshot {
  /** gid://shopify/LineItem/123 */
  id: string;
  variantId: string | null;
  productId: string | null;
  sku: string | null;
  title: string;
  quantity: number;
  price: string | null;
  requiresShipping: boolean;
}

export interface OrderSnapshotInput {
  /** gid://shopify/Order/123 */
  shopifyId: string;
  legacyResourceId: string;
  name: string;
  email: string | null;
  phone: string | null;
  customer: { id: string; email: string | null; phone: string | null } | null;
  financialStatus: string | null;
  fulfillmentStatus: string | null;
  cancelledAt: Date | null;
  closedAt: Date | null;
  currency: string | null;
  totalPrice: string | null;
  tags: string[];
  noteAttributes: { name: string; value: string | null }[];
  shippingAddress: { [key: string]: JsonValue } | null;
  lineItems: OrderLineSnapshot[];
  shopifyCreatedAt: Date;
  /** Shopify's updated_at of this state. */
  shopifyUpdatedAt: Date;
}

export type UpsertOrderResult =
  | { applied: true; created: boolean; order: Order }
  | { applied: false; reason: "stale" };

function snapshotFields(input: OrderSnapshotInput, syncedAt: Date) {
  return {
    legacyResourceId: input.legacyResourceId,
    name: input.name,
    email: input.email,
    phone: input.phone,
    customerId: input.customer?.id ?? null,
    customerEmail: input.customer?.email ?? null,
    customerPhone: input.customer?.phone ?? null,
    financialStatus: input.financialStatus,
    fulfillmentStatus: input.fulfillmentStatus,
    cancelledAt: input.cancelledAt,
    closedAt: input.closedAt,
    currency: input.currency,
    totalPrice: input.totalPrice,
    tags: input.tags,
    noteAttributes: input.noteAttributes as Prisma.InputJsonValue,
    shippingAddress: input.shippingAddress === null ? Prisma.DbNull : (input.shippingAddress as Prisma.InputJsonValue),
    lineItems: input.lineItems as unknown as Prisma.InputJsonValue,
    shopifyCreatedAt: input.shopifyCreatedAt,
    shopifyUpdatedAt: input.shopifyUpdatedAt,
    syncedAt,
  };
}

/**
 * Stores the order's state unless the stored one is newer (webhooks arrive late and out of order;
 * an equal state is applied again, replays are idempotent). Same race-safe shape as
 * upsertInventoryLevel: conditional UPDATE, else INSERT … ON CONFLICT DO NOTHING, else the
 * conditional UPDATE once more. Routing state is never touched here.
 */
export async function upsertOrderSnapshot(
  shop: ShopRef,
  input: OrderSnapshotInput,
  db: Db = prisma,
): Promise<UpsertOrderResult> {
  return inTransaction(db, async (tx) => {
    const data = snapshotFields(input, new Date());
    const key = { shopId: shop.id, shopifyId: input.shopifyId };
    const updateIfNotNewer = () =>
      tx.order.updateMany({ where: { ...key, shopifyUpdatedAt: { lte: input.shopifyUpdatedAt } }, data });
    const load = () => tx.order.findUniqueOrThrow({ where: { shopId_shopifyId: key } });

    if ((await updateIfNotNewer()).count > 0) return { applied: true, created: false, order: await load() } as const;
    const inserted = await tx.order.createMany({ data: [{ ...key, ...data }], skipDuplicates: true });
    if (inserted.count > 0) return { applied: true, created: true, order: await load() } as const;
    if ((await updateIfNotNewer()).count > 0) return { applied: true, created: false, order: await load() } as const;
    return { applied: false, reason: "stale" } as const;
  });
}

export async function getOrderByShopifyId(shop: ShopRef, shopifyId: string, db: Db = prisma): Promise<Order | null> {
  return db.order.findUnique({ where: { shopId_shopifyId: { shopId: shop.id, shopifyId } } });
}

/**
 * Sets the order's routing state, only from `from` (null = never handed to routing). Returns false
 * when the order is not in that state, so a replayed orders/create never re-routes an order.
 */
/**
 * The shop's orders Crossdock holds as not yet routed (never handed over, or awaiting routing), not
 * cancelled, created at or after `createdSince`.
 */
export async function listOrdersAwaitingRouting(shop: ShopRef, options: { createdSince: Date }, db: Db = prisma): Promise<Order[]> {
  return db.order.findMany({
    where: {
      shopId: shop.id,
      cancelledAt: null,
      shopifyCreatedAt: { gte: options.createdSince },
      OR: [{ routingStatus: null }, { routingStatus: "AWAITING_ROUTING" }],
    },
    orderBy: { shopifyCreatedAt: "asc" },
  });
}

export async function setRoutingStatus(
  shop: ShopRef,
  orderId: string,
  to: OrderRoutingStatus,
  from: OrderRoutingStatus | null,
  db: Db = prisma,
): Promise<boolean> {
  const { count } = await db.order.updateMany({
    where: { id: orderId, shopId: shop.id, routingStatus: from },
    data: { routingStatus: to, routingUpdatedAt: new Date() },
  });
  return count > 0;
}

export interface CustomerSubject {
  /** gid://shopify/Customer/123 */
  customerId: string;
  email?: string | null;
  phone?: string | null;
  /** gid://shopify/Order/123 */
  orderIds?: readonly string[];
}

function subjectWhere(shop: ShopRef, subject: CustomerSubject): Prisma.OrderWhereInput {
  const or: Prisma.OrderWhereInput[] = [{ customerId: subject.customerId }];
  if (subject.orderIds?.length) or.push({ shopifyId: { in: [...subject.orderIds] } });
  if (subject.email) or.push({ email: subject.email }, { customerEmail: subject.email });
  if (subject.phone) or.push({ phone: subject.phone }, { customerPhone: subject.phone });
  return { shopId: shop.id, OR: or };
}

/** Every order snapshot about the customer (by customer id, their orders, email or phone). */
export async function listOrdersOfCustomer(shop: ShopRef, subject: CustomerSubject, db: Db = prisma): Promise<Order[]> {
  return db.order.findMany({ where: subjectWhere(shop, subject), orderBy: { shopifyCreatedAt: "asc" } });
}

/**
 * Erases the customer's personal data from their order snapshots: contact details, customer link,
 * shipping address and note attributes (free text a checkout may fill with personal data). What
 * routing and reporting need (lines, statuses, totals, country) stays. Returns the orders redacted.
 */
export async function redactOrdersOfCustomer(
  shop: ShopRef,
  subject: CustomerSubject,
  at: Date = new Date(),
  db: Db = prisma,
): Promise<Order[]> {
  return inTransaction(db, async (tx) => {
    const orders = await tx.order.findMany({ where: subjectWhere(shop, subject) });
    for (const order of orders) {
      const address = order.shippingAddress as { country_code?: unknown; countryCode?: unknown } | null;
      const countryCode = address?.country_code ?? address?.countryCode ?? null;
      await tx.order.update({
        where: { id: order.id },
        data: {
          email: null,
          phone: null,
          customerId: null,
          customerEmail: null,
          customerPhone: null,
          noteAttributes: [],
          shippingAddress: countryCode ? { country_code: countryCode as string } : Prisma.DbNull,
          redactedAt: at,
        },
      });
    }
    return orders;
  });
}
