// The returns desk's reads and writes on return requests (#7): the filtered queue, counts, risk
// facts, flags, the rules' one-time claim, receiving, closing and Shopify-sync updates. Every query
// is scoped to the shop. Creation and approve/decline live in returns.server.ts (the portal's).
import { Prisma, type ReturnMethod, type ReturnStatus } from "@prisma/client";
import { assertTransition, canTransition, sourcesOf, transitionPath } from "~/domain/returns/status";
import { prisma } from "../db.server";
import { returnEventRows, type ReturnEventInput, type ReturnWithDetails } from "./returns.server";
import { inTransaction, type Db, type ShopRef } from "./scope.server";

const details = {
  lines: { orderBy: { createdAt: "asc" } },
  events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.ReturnRequestInclude;

export interface ReturnsQueueFilters {
  statuses?: ReturnStatus[];
  /** Any line with this Shopify ReturnReason. */
  reason?: string | null;
  method?: ReturnMethod | null;
  /** Requested at least this many days ago. */
  minAgeDays?: number | null;
  /** Requested at most this many days ago. */
  maxAgeDays?: number | null;
  minValue?: string | null;
  maxValue?: string | null;
  /** Location GID the goods go to. */
  locationId?: string | null;
  flagged?: boolean | null;
  /** RMA, order name or customer email/name (contains, case-insensitive). */
  search?: string | null;
}

export type ReturnQueueRow = Prisma.ReturnRequestGetPayload<{ include: { lines: { select: { reason: true; quantity: true; title: true } } } }>;

/** A condition on the value in the shop's currency: `shopValue`, or `totalValue` on records older than it. */
function shopValueWhere(condition: Prisma.DecimalFilter<"ReturnRequest">): Prisma.ReturnRequestWhereInput {
  return { OR: [{ shopValue: condition }, { shopValue: null, totalValue: condition }] };
}

export function queueWhere(shop: ShopRef, filters: ReturnsQueueFilters, now: Date = new Date()): Prisma.ReturnRequestWhereInput {
  const and: Prisma.ReturnRequestWhereInput[] = [{ shopId: shop.id }];
  if (filters.statuses?.length) and.push({ status: { in: filters.statuses } });
  if (filters.reason) and.push({ lines: { some: { reason: filters.reason } } });
  if (filters.method) and.push({ method: filters.method });
  const day = 86_400_000;
  if (filters.minAgeDays != null) and.push({ createdAt: { lte: new Date(now.getTime() - filters.minAgeDays * day) } });
  if (filters.maxAgeDays != null) and.push({ createdAt: { gte: new Date(now.getTime() - filters.maxAgeDays * day) } });
  // Values compare in the shop's currency (a VND return's value in đồng would outrank every USD one).
  if (filters.minValue) and.push(shopValueWhere({ gte: new Prisma.Decimal(filters.minValue) }));
  if (filters.maxValue) and.push(shopValueWhere({ lte: new Prisma.Decimal(filters.maxValue) }));
  if (filters.locationId) and.push({ returnLocationId: filters.locationId });
  if (filters.flagged != null) and.push({ flagged: filters.flagged });
  const q = filters.search?.trim();
  if (q) {
    const orderName = q.startsWith("#") ? q : `#${q}`;
    and.push({
      OR: [
        { rma: { contains: q, mode: "insensitive" } },
        { orderName: { equals: orderName } },
        { orderName: { contains: q, mode: "insensitive" } },
        { customerEmail: { contains: q, mode: "insensitive" } },
        { customerName: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  return { AND: and };
}

/** One page of the queue, newest first, with the total matching the filters. */
export async function listReturnsQueue(
  shop: ShopRef,
  filters: ReturnsQueueFilters,
  page: { skip: number; take: number },
  now: Date = new Date(),
  db: Db = prisma,
): Promise<{ rows: ReturnQueueRow[]; total: number }> {
  const where = queueWhere(shop, filters, now);
  const [rows, total] = await Promise.all([
    db.returnRequest.findMany({
      where,
      include: { lines: { select: { reason: true, quantity: true, title: true }, orderBy: { createdAt: "asc" } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: page.skip,
      take: page.take,
    }),
    db.returnRequest.count({ where }),
  ]);
  return { rows, total };
}

/** How many of the shop's returns are in each status (all of them, whatever the filters). */
export async function countReturnsByStatus(shop: ShopRef, db: Db = prisma): Promise<Partial<Record<ReturnStatus, number>> & { flagged: number }> {
  const [groups, flagged] = await Promise.all([
    db.returnRequest.groupBy({ by: ["status"], where: { shopId: shop.id }, _count: { _all: true } }),
    db.returnRequest.count({ where: { shopId: shop.id, flagged: true, status: "REQUESTED" } }),
  ]);
  const out: Partial<Record<ReturnStatus, number>> & { flagged: number } = { flagged };
  for (const g of groups) out[g.status] = g._count._all;
  return out;
}

export async function findReturnsByIds(shop: ShopRef, ids: string[], db: Db = prisma): Promise<{ id: string; rma: string; status: ReturnStatus }[]> {
  return db.returnRequest.findMany({ where: { shopId: shop.id, id: { in: ids } }, select: { id: true, rma: true, status: true } });
}

/** The customer's other returns requested in [window.since, window.until] (by customer id or email). */
export async function countCustomerReturnsSince(
  shop: ShopRef,
  customer: { customerId: string | null; customerEmail: string | null },
  window: { since: Date; until: Date },
  excludeId: string | null,
  db: Db = prisma,
): Promise<number> {
  const who: Prisma.ReturnRequestWhereInput[] = [];
  if (customer.customerId) who.push({ customerId: customer.customerId });
  if (customer.customerEmail) who.push({ customerEmail: { equals: customer.customerEmail, mode: "insensitive" } });
  if (who.length === 0) return 0;
  return db.returnRequest.count({
    where: { shopId: shop.id, OR: who, createdAt: { gte: window.since, lte: window.until }, ...(excludeId && { id: { not: excludeId } }) },
  });
}

/** The customer's returns (newest first) for the detail page's risk panel. */
export async function listCustomerReturns(
  shop: ShopRef,
  customer: { customerId: string | null; customerEmail: string | null },
  since: Date,
  db: Db = prisma,
): Promise<{ id: string; rma: string; status: ReturnStatus; totalValue: Prisma.Decimal; shopValue: Prisma.Decimal | null; createdAt: Date; lines: { reason: string }[] }[]> {
  const who: Prisma.ReturnRequestWhereInput[] = [];
  if (customer.customerId) who.push({ customerId: customer.customerId });
  if (customer.customerEmail) who.push({ customerEmail: { equals: customer.customerEmail, mode: "insensitive" } });
  if (who.length === 0) return [];
  return db.returnRequest.findMany({
    where: { shopId: shop.id, OR: who, createdAt: { gte: since } },
    select: { id: true, rma: true, status: true, totalValue: true, shopValue: true, createdAt: true, lines: { select: { reason: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
}

/** The latest requests (newest first) with lines and timeline, for the rules preview. */
export async function listRecentReturns(shop: ShopRef, take: number, db: Db = prisma): Promise<ReturnWithDetails[]> {
  return db.returnRequest.findMany({ where: { shopId: shop.id }, include: details, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}

export async function appendReturnEvents(shop: ShopRef, id: string, events: ReturnEventInput[], db: Db = prisma): Promise<void> {
  if (events.length === 0) return;
  await inTransaction(db, async (tx) => {
    const owned = await tx.returnRequest.count({ where: { id, shopId: shop.id } });
    if (owned !== 1) throw new Error(`return ${id} not found in shop ${shop.id}`);
    await tx.returnEvent.createMany({
      data: returnEventRows(id, events),
    });
  });
}

/**
 * The rules run once per return: locks the row, and appends the "rules" event unless one exists.
 * True for the one caller that appended it (a portal submit and a returns/request webhook racing
 * each other get one evaluation between them).
 */
export async function claimRulesEvaluation(shop: ShopRef, id: string, event: ReturnEventInput, db: Db = prisma): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM return_request WHERE id = ${id} AND shop_id = ${shop.id} AND status = 'REQUESTED' FOR UPDATE`;
    if (locked.length === 0) return false;
    const done = await tx.returnEvent.count({ where: { returnId: id, type: "rules" } });
    if (done > 0) return false;
    await tx.returnEvent.createMany({ data: returnEventRows(id, [{ ...event, type: "rules" }]) });
    return true;
  });
}

/** Sets (or clears) the flag and its reasons, with a timeline entry. */
export async function setReturnFlag(
  shop: ShopRef,
  id: string,
  flag: { flagged: boolean; reasons: string[] },
  event: ReturnEventInput,
  db: Db = prisma,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({ where: { id, shopId: shop.id }, data: { flagged: flag.flagged, flagReasons: flag.reasons } });
    if (count !== 1) throw new Error(`return ${id} not found in shop ${shop.id}`);
    await tx.returnEvent.createMany({ data: returnEventRows(id, [event]) });
  });
}

export interface LineDisposition {
  lineId: string;
  disposition: string;
  locationId: string | null;
}

/**
 * Receiving: each line's disposition and location, the status (RECEIVED, from APPROVED or
 * IN_TRANSIT only) and the timeline, in one transaction. False when the return was no longer
 * receivable (someone else recorded it first).
 */
export async function recordReturnReceipt(
  shop: ShopRef,
  id: string,
  receipt: { lines: LineDisposition[]; receivedAt: Date; reverseFulfillmentOrderId: string | null },
  events: ReturnEventInput[],
  db: Db = prisma,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({
      where: { id, shopId: shop.id, status: { in: sourcesOf("RECEIVED") } },
      data: { status: "RECEIVED", receivedAt: receipt.receivedAt, ...(receipt.reverseFulfillmentOrderId && { reverseFulfillmentOrderId: receipt.reverseFulfillmentOrderId }) },
    });
    if (count !== 1) return false;
    for (const line of receipt.lines) {
      await tx.returnLine.updateMany({ where: { id: line.lineId, returnId: id }, data: { disposition: line.disposition, dispositionLocationId: line.locationId } });
    }
    if (events.length) {
      await tx.returnEvent.createMany({
        data: returnEventRows(id, events),
      });
    }
    return true;
  });
}

/**
 * A refund Shopify made for the return, once per refund: locks the row, and unless a "refunded"
 * event names this refund already, adds its amount, moves an open return (approved, in transit,
 * received) to REFUNDED and appends the event. False when this refund was recorded before.
 */
export async function recordReturnRefund(
  shop: ShopRef,
  id: string,
  refund: { refundId: string; amount: Prisma.Decimal; refundedAt: Date },
  event: ReturnEventInput,
  db: Db = prisma,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const locked = await tx.$queryRaw<{ status: ReturnStatus; refunded_amount: Prisma.Decimal | null }[]>`
      SELECT status, refunded_amount FROM return_request WHERE id = ${id} AND shop_id = ${shop.id} FOR UPDATE`;
    const row = locked[0];
    if (!row) throw new Error(`return ${id} not found in shop ${shop.id}`);
    const seen = await tx.returnEvent.count({ where: { returnId: id, type: "refunded", data: { path: ["refundId"], equals: refund.refundId } } });
    if (seen > 0) return false;
    const open = canTransition(row.status, "REFUNDED");
    await tx.returnRequest.update({
      where: { id },
      data: {
        refundedAmount: new Prisma.Decimal(row.refunded_amount ?? 0).add(refund.amount),
        refundedAt: refund.refundedAt,
        ...(open && { status: "REFUNDED" }),
      },
    });
    await tx.returnEvent.createMany({ data: returnEventRows(id, [event]) });
    return true;
  });
}

/** Closing: status CLOSED from RECEIVED/REFUNDED (or APPROVED/IN_TRANSIT when closed unreceived). */
export async function recordReturnClosed(shop: ShopRef, id: string, closedAt: Date, events: ReturnEventInput[], db: Db = prisma): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({
      where: { id, shopId: shop.id, status: { in: sourcesOf("CLOSED") } },
      data: { status: "CLOSED", closedAt },
    });
    if (count !== 1) return false;
    if (events.length) {
      await tx.returnEvent.createMany({
        data: returnEventRows(id, events),
      });
    }
    return true;
  });
}

/** What a Shopify sync may change on an existing record. */
export type ReturnSyncUpdate = Pick<
  Prisma.ReturnRequestUpdateManyMutationInput,
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
  | "receivedAt"
  | "closedAt"
>;

/**
 * Applies a Shopify sync: only while the row's status is still `expectedStatus` (what the sync
 * read), so a decision Crossdock recorded meanwhile is never overwritten. Line dispositions and
 * Shopify line ids are filled in; events appended. False when the row moved on.
 */
export async function applyReturnSync(
  shop: ShopRef,
  id: string,
  expectedStatus: ReturnStatus,
  update: ReturnSyncUpdate,
  lines: { lineId: string; shopifyReturnLineItemId?: string | null; disposition?: string | null; dispositionLocationId?: string | null }[],
  events: ReturnEventInput[],
  db: Db = prisma,
): Promise<boolean> {
  if (typeof update.status === "string" && transitionPath(expectedStatus, update.status, { reopening: expectedStatus === "CLOSED" }) == null) {
    assertTransition(expectedStatus, update.status);
  }
  return inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({ where: { id, shopId: shop.id, status: expectedStatus }, data: update });
    if (count !== 1) return false;
    for (const line of lines) {
      const data: Prisma.ReturnLineUpdateManyMutationInput = {};
      if (line.shopifyReturnLineItemId !== undefined) data.shopifyReturnLineItemId = line.shopifyReturnLineItemId;
      if (line.disposition !== undefined) data.disposition = line.disposition;
      if (line.dispositionLocationId !== undefined) data.dispositionLocationId = line.dispositionLocationId;
      if (Object.keys(data).length) await tx.returnLine.updateMany({ where: { id: line.lineId, returnId: id }, data });
    }
    if (events.length) {
      await tx.returnEvent.createMany({
        data: returnEventRows(id, events),
      });
    }
    return true;
  });
}

export async function findReturnByReverseFulfillmentOrder(shop: ShopRef, reverseFulfillmentOrderId: string, db: Db = prisma): Promise<{ id: string; shopifyReturnId: string | null } | null> {
  return db.returnRequest.findFirst({ where: { shopId: shop.id, reverseFulfillmentOrderId }, select: { id: true, shopifyReturnId: true } });
}
