// Order snapshots: Crossdock's copy of each Shopify order, newest state wins.
import { Prisma, type Order, type RoutingHold } from "@prisma/client";
import { prisma } from "../db.server";
import { inTransaction, type Db, type JsonValue, type ShopRef } from "./scope.server";

export type { Order };

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
    // An order whose customer Shopify asked Crossdock to erase (customers/redact) stays erased: a
    // later state of it (a late webhook, the reconciliation) updates everything but the personal data.
    const updateIfNotNewer = async () => {
      const plain = await tx.order.updateMany({ where: { ...key, redactedAt: null, shopifyUpdatedAt: { lte: input.shopifyUpdatedAt } }, data });
      if (plain.count > 0) return plain;
      return tx.order.updateMany({ where: { ...key, redactedAt: { not: null }, shopifyUpdatedAt: { lte: input.shopifyUpdatedAt } }, data: { ...data, ...erasedPersonalData(input) } });
    };
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

/** The personal fields of a redacted order, as redactOrdersOfCustomer leaves them: the country stays. */
function erasedPersonalData(input: Pick<OrderSnapshotInput, "shippingAddress">) {
  const address = input.shippingAddress as { country_code?: unknown; countryCode?: unknown } | null;
  const countryCode = address?.country_code ?? address?.countryCode ?? null;
  return {
    email: null,
    phone: null,
    customerId: null,
    customerEmail: null,
    customerPhone: null,
    noteAttributes: [],
    shippingAddress: typeof countryCode === "string" ? { country_code: countryCode } : Prisma.DbNull,
  };
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
      await tx.order.update({
        where: { id: order.id },
        data: { ...erasedPersonalData({ shippingAddress: order.shippingAddress as OrderSnapshotInput["shippingAddress"] }), redactedAt: at },
      });
    }
    return orders;
  });
}

/** The names ("#1021") of some of a shop's orders, by Shopify id (the Activity page names its rows with them). */
export async function orderNames(shop: ShopRef, shopifyIds: readonly string[], db: Db = prisma): Promise<Map<string, string>> {
  if (shopifyIds.length === 0) return new Map();
  const rows = await db.order.findMany({ where: { shopId: shop.id, shopifyId: { in: [...new Set(shopifyIds)] } }, select: { shopifyId: true, name: true } });
  return new Map(rows.map((r) => [r.shopifyId, r.name]));
}

/**
 * Hold before routing: records why the order waits (unpaid, high risk), or that it no longer does
 * (null, when routing decided on it). `since` keeps the moment it first waited for this reason.
 */
export async function setRoutingHold(shop: ShopRef, shopifyId: string, hold: RoutingHold | null, at: Date, db: Db = prisma): Promise<void> {
  await db.order.updateMany({
    // Only a change (the same hold again keeps its since).
    where: { shopId: shop.id, shopifyId, ...(hold === null ? { routingHold: { not: null } } : { OR: [{ routingHold: null }, { routingHold: { not: hold } }] }) },
    data: { routingHold: hold, routingHoldSince: hold === null ? null : at },
  });
}

/** The shop's orders waiting before routing (unpaid, high risk), oldest first. */
export async function listHeldOrders(shop: ShopRef, options: { take: number }, db: Db = prisma): Promise<Order[]> {
  return db.order.findMany({
    where: { shopId: shop.id, routingHold: { not: null }, cancelledAt: null },
    orderBy: { routingHoldSince: "asc" },
    take: options.take,
  });
}
