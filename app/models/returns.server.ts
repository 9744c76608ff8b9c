// Return requests (the portal's and Shopify's), their lines and timeline; the shop's return policy
// and drop-off stores as the returns flow reads them. Every query is scoped to the shop.
import { Prisma, type Location, type ReturnEvent, type ReturnLine, type ReturnMethod, type ReturnPolicy, type ReturnRequest, type ReturnStatus } from "@prisma/client";
import { prisma } from "../db.server";
import { inTransaction, type Db, type ShopRef } from "./scope.server";

export type { ReturnEvent, ReturnLine, ReturnMethod, ReturnPolicy, ReturnRequest, ReturnStatus };

export type ReturnWithDetails = ReturnRequest & { lines: ReturnLine[]; events: ReturnEvent[] };

const details = {
  lines: { orderBy: { createdAt: "asc" } },
  events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.ReturnRequestInclude;

export async function findReturnPolicy(shop: ShopRef, db: Db = prisma): Promise<ReturnPolicy | null> {
  return db.returnPolicy.findUnique({ where: { shopId: shop.id } });
}

/** Active locations that accept drop-offs (local pickup enabled), by name. */
export async function listDropOffLocations(shop: ShopRef, db: Db = prisma): Promise<Location[]> {
  return db.location.findMany({ where: { shopId: shop.id, isActive: true, pickupEnabled: true }, orderBy: { name: "asc" } });
}

export async function findLocationByShopifyId(shop: ShopRef, shopifyId: string, db: Db = prisma): Promise<Location | null> {
  return db.location.findUnique({ where: { shopId_shopifyId: { shopId: shop.id, shopifyId } } });
}

/** Where mail returns go when the policy names none: the first active warehouse, else any active location. */
export async function findDefaultReturnLocation(shop: ShopRef, db: Db = prisma): Promise<Location | null> {
  return (
    (await db.location.findFirst({ where: { shopId: shop.id, isActive: true, kind: "WAREHOUSE" }, orderBy: [{ priority: "asc" }, { name: "asc" }] })) ??
    (await db.location.findFirst({ where: { shopId: shop.id, isActive: true }, orderBy: [{ priority: "asc" }, { name: "asc" }] }))
  );
}

export async function findReturnByRma(shop: ShopRef, rma: string, db: Db = prisma): Promise<ReturnWithDetails | null> {
  return db.returnRequest.findUnique({ where: { shopId_rma: { shopId: shop.id, rma } }, include: details });
}

export async function findReturnById(shop: ShopRef, id: string, db: Db = prisma): Promise<ReturnWithDetails | null> {
  return db.returnRequest.findFirst({ where: { id, shopId: shop.id }, include: details });
}

export async function findReturnByShopifyId(shop: ShopRef, shopifyReturnId: string, db: Db = prisma): Promise<ReturnWithDetails | null> {
  return db.returnRequest.findUnique({ where: { shopId_shopifyReturnId: { shopId: shop.id, shopifyReturnId } }, include: details });
}

/**
 * The shop's return whose label carries this tracking number (the built-in carrier's page).
 * Approving assigns built-in numbers no other return of the shop carries; should two returns still
 * share one (labels made before that, another carrier), the number opens nothing rather than the
 * wrong return.
 */
export async function findReturnByTrackingNumber(shop: ShopRef, trackingNumber: string, db: Db = prisma): Promise<ReturnWithDetails | null> {
  const rows = await db.returnRequest.findMany({
    where: { shopId: shop.id, labelTrackingNumber: trackingNumber },
    include: details,
    take: 2,
  });
  return rows.length === 1 ? rows[0]! : null;
}

/** Whether another return of the shop already carries this label tracking number. */
export async function trackingNumberTaken(shop: ShopRef, trackingNumber: string, exceptReturnId: string, db: Db = prisma): Promise<boolean> {
  const other = await db.returnRequest.findFirst({
    where: { shopId: shop.id, labelTrackingNumber: trackingNumber, id: { not: exceptReturnId } },
    select: { id: true },
  });
  return other !== null;
}

export async function listReturnsOfOrder(shop: ShopRef, orderId: string, db: Db = prisma): Promise<ReturnWithDetails[]> {
  return db.returnRequest.findMany({ where: { shopId: shop.id, orderId }, include: details, orderBy: { createdAt: "asc" } });
}

export interface NewReturnLine {
  fulfillmentLineItemId: string;
  lineItemId: string;
  shopifyReturnLineItemId: string | null;
  variantId: string | null;
  sku: string | null;
  title: string;
  variantTitle: string | null;
  productType: string | null;
  productTags: string[];
  quantity: number;
  /** Decimal string */
  unitPrice: string;
  reason: string;
  customerNote: string | null;
}

export interface NewReturnRequest {
  rma: string;
  orderId: string;
  orderName: string;
  shopifyReturnId: string | null;
  source: "PORTAL" | "SHOPIFY";
  method: ReturnMethod;
  returnLocationId: string | null;
  customerId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  locale: string;
  /** The currency the shopper paid in: totalValue, the fees and the lines' prices are in it. */
  currency: string;
  totalValue: string;
  returnShippingFee: string;
  restockingFee: string;
  /** The shop's currency and the value in it (for rules and filters). */
  shopCurrency: string;
  shopValue: string;
  lines: NewReturnLine[];
  /** The first timeline entry ("requested"). */
  event: { type: string; actor: string; message?: string | null; data?: Prisma.InputJsonValue };
}

/** Creates the request, its lines and its first event in one transaction. */
export async function createReturnRequest(shop: ShopRef, input: NewReturnRequest, db: Db = prisma): Promise<ReturnWithDetails> {
  return inTransaction(db, async (tx) => {
    const created = await tx.returnRequest.create({
      data: {
        shopId: shop.id,
        rma: input.rma,
        orderId: input.orderId,
        orderName: input.orderName,
        shopifyReturnId: input.shopifyReturnId,
        source: input.source,
        status: "REQUESTED",
        method: input.method,
        returnLocationId: input.returnLocationId,
        customerId: input.customerId,
        customerEmail: input.customerEmail,
        customerName: input.customerName,
        locale: input.locale,
        currency: input.currency,
        totalValue: new Prisma.Decimal(input.totalValue),
        returnShippingFee: new Prisma.Decimal(input.returnShippingFee),
        restockingFee: new Prisma.Decimal(input.restockingFee),
        shopCurrency: input.shopCurrency,
        shopValue: new Prisma.Decimal(input.shopValue),
        lines: {
          create: input.lines.map((l) => ({
            fulfillmentLineItemId: l.fulfillmentLineItemId,
            lineItemId: l.lineItemId,
            shopifyReturnLineItemId: l.shopifyReturnLineItemId,
            variantId: l.variantId,
            sku: l.sku,
            title: l.title,
            variantTitle: l.variantTitle,
            productType: l.productType,
            productTags: l.productTags,
            quantity: l.quantity,
            unitPrice: new Prisma.Decimal(l.unitPrice),
            reason: l.reason,
            customerNote: l.customerNote,
          })),
        },
        events: {
          create: {
            type: input.event.type,
            actor: input.event.actor,
            message: input.event.message ?? null,
            ...(input.event.data !== undefined && { data: input.event.data }),
          },
        },
      },
    });
    return (await tx.returnRequest.findUniqueOrThrow({ where: { id: created.id }, include: details })) as ReturnWithDetails;
  });
}

// ---------------------------------------------------------------------------------------------
// Decisions (approve / decline): a short claim instead of a transaction held across Admin API calls
// ---------------------------------------------------------------------------------------------

/**
 * Claims the decision on a REQUESTED return: sets decidedBy/decidedAt only while nobody holds a
 * fresh claim. Exactly one of two concurrent approve/decline calls wins; a claim older than
 * `staleBefore` (a crashed process) may be taken over. Returns false when the claim is held or the
 * return is no longer REQUESTED.
 */
export async function claimReturnDecision(
  shop: ShopRef,
  id: string,
  claim: { actor: string; at: Date; staleBefore: Date },
  db: Db = prisma,
): Promise<boolean> {
  const { count } = await db.returnRequest.updateMany({
    where: {
      id,
      shopId: shop.id,
      status: "REQUESTED",
      OR: [{ decidedAt: null }, { decidedAt: { lt: claim.staleBefore } }],
    },
    data: { decidedBy: claim.actor, decidedAt: claim.at },
  });
  return count === 1;
}

/** Gives a claim back after a failed attempt (only the holder's own claim). */
export async function releaseReturnDecision(shop: ShopRef, id: string, claimedAt: Date, db: Db = prisma): Promise<void> {
  await db.returnRequest.updateMany({
    where: { id, shopId: shop.id, status: "REQUESTED", decidedAt: claimedAt },
    data: { decidedBy: null, decidedAt: null },
  });
}

export interface ReturnEventInput {
  type: string;
  actor: string;
  message?: string | null;
  data?: Prisma.InputJsonValue;
}

/** The rows that record a return's events (for `returnEvent.createMany`). */
export function returnEventRows(returnId: string, events: readonly ReturnEventInput[]): Prisma.ReturnEventCreateManyInput[] {
  return events.map((e) => ({ returnId, type: e.type, actor: e.actor, message: e.message ?? null, ...(e.data !== undefined && { data: e.data }) }));
}

/** Applies a decision's (or an adopted request's) fields and appends its events, in one transaction. */
export async function recordReturnDecision(
  shop: ShopRef,
  id: string,
  update: Pick<
    Prisma.ReturnRequestUpdateInput,
    | "status"
    | "decidedBy"
    | "decidedAt"
    | "declineReason"
    | "declineNote"
    | "reverseFulfillmentOrderId"
    | "reverseDeliveryId"
    | "labelCarrier"
    | "labelTrackingNumber"
    | "labelTrackingUrl"
    | "labelCreatedAt"
    | "returnLocationId"
    | "method"
    | "locale"
  >,
  events: ReturnEventInput[],
  db: Db = prisma,
): Promise<ReturnWithDetails> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({ where: { id, shopId: shop.id }, data: update as Prisma.ReturnRequestUpdateManyMutationInput });
    if (count !== 1) throw new Error(`return ${id} not found in shop ${shop.id}`);
    if (events.length > 0) {
      await tx.returnEvent.createMany({
        data: returnEventRows(id, events),
      });
    }
    return (await tx.returnRequest.findUniqueOrThrow({ where: { id }, include: details })) as ReturnWithDetails;
  });
}

// ---------------------------------------------------------------------------------------------
// Compliance
// ---------------------------------------------------------------------------------------------

export interface ReturnCustomerSubject {
  /** gid://shopify/Customer/… */
  customerId: string;
  email: string | null;
  /** Shopify order GIDs named by customers/redact. */
  orderIds: string[];
}

/** Every return request of the customer (customers/data_request), oldest first, with lines and timeline. */
export async function listReturnsOfCustomer(shop: ShopRef, subject: ReturnCustomerSubject, db: Db = prisma): Promise<ReturnWithDetails[]> {
  const or: Prisma.ReturnRequestWhereInput[] = [{ customerId: subject.customerId }];
  if (subject.email) or.push({ customerEmail: { equals: subject.email, mode: "insensitive" } });
  if (subject.orderIds.length > 0) or.push({ orderId: { in: subject.orderIds } });
  return db.returnRequest.findMany({
    where: { shopId: shop.id, OR: or },
    include: { lines: { orderBy: { createdAt: "asc" } }, events: { orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * customers/redact: erases the customer's personal data held in return requests (id, email, name,
 * the free-text notes on lines and in the timeline) and keeps the business record (RMA, lines,
 * amounts, statuses). Returns the number of requests touched.
 */
export async function redactReturnsOfCustomer(shop: ShopRef, subject: ReturnCustomerSubject, db: Db = prisma): Promise<number> {
  const or: Prisma.ReturnRequestWhereInput[] = [{ customerId: subject.customerId }];
  if (subject.email) or.push({ customerEmail: { equals: subject.email, mode: "insensitive" } });
  if (subject.orderIds.length > 0) or.push({ orderId: { in: subject.orderIds } });
  return inTransaction(db, async (tx) => {
    const rows = await tx.returnRequest.findMany({ where: { shopId: shop.id, OR: or }, select: { id: true } });
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await tx.returnRequest.updateMany({ where: { shopId: shop.id, id: { in: ids } }, data: { customerId: null, customerEmail: null, customerName: null } });
    await tx.returnLine.updateMany({ where: { returnId: { in: ids } }, data: { customerNote: null } });
    await tx.returnEvent.updateMany({ where: { returnId: { in: ids }, actor: "shopper" }, data: { message: null } });
    return ids.length;
  });
}
