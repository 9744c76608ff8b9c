// The returns repository: return requests (the portal's and Shopify's), their lines and timeline;
// the desk's queue, counts, risk facts and flags; the shop's return policy and drop-off stores as
// the returns flow reads them. Every status change goes through `changeReturn`, whose "allowed
// from" conditions are read off the lifecycle table. Every query is scoped to the shop.
import { Prisma, type Location, type ReturnEvent, type ReturnLine, type ReturnMethod, type ReturnPolicy, type ReturnRequest, type ReturnStatus } from "@prisma/client";
import { AWAITING_DECISION, canTransition, INITIAL_RETURN_STATUS, sourcesOf } from "~/domain/returns/status";
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
  // Stores with local pickup that take orders now: not one staff paused (closed for the day, flooded).
  return db.location.findMany({ where: { shopId: shop.id, isActive: true, routingPausedAt: null, pickupEnabled: true }, orderBy: { name: "asc" } });
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

/** Returns' numbers (RMA) by their Shopify ids, for naming them where only the id is known (Activity). */
export async function returnNumbers(shop: ShopRef, shopifyReturnIds: readonly string[], db: Db = prisma): Promise<Map<string, string>> {
  if (shopifyReturnIds.length === 0) return new Map();
  const rows = await db.returnRequest.findMany({ where: { shopId: shop.id, shopifyReturnId: { in: [...new Set(shopifyReturnIds)] } }, select: { shopifyReturnId: true, rma: true } });
  return new Map(rows.flatMap((r) => (r.shopifyReturnId ? [[r.shopifyReturnId, r.rma] as const] : [])));
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

/**
 * The shops (domains) with a return whose label carries this tracking number: a carrier's webhook
 * (EasyPost's, one account for every shop) names the parcel, not the shop, so this is the one query
 * not asked by a shop. Only the domains leave it; the update is then recorded per shop.
 */
export async function shopsWithLabelTracking(trackingNumber: string, db: Db = prisma): Promise<string[]> {
  const rows = await db.returnRequest.findMany({ where: { labelTrackingNumber: trackingNumber }, select: { shop: { select: { domain: true } } }, distinct: ["shopId"], take: 10 });
  return rows.map((r) => r.shop.domain);
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
  /** The variant the shopper gets instead, as quoted (absent: not exchanged). */
  exchange?: { variantId: string; variantTitle: string; sku: string | null; unitPrice: string; bonus: string; exchangeLineItemId: string | null } | null;
}

/** A return with exchanged lines: the bonus off the new items, what the shopper pays, when the new items ship. */
export interface NewReturnExchange {
  bonus: string;
  due: string;
  timing: string;
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
  /** What the shopper chose ("REFUND" when not given) and, for store credit, the bonus promised (return currency). */
  outcome?: "REFUND" | "STORE_CREDIT";
  storeCreditBonus?: string | null;
  exchange?: NewReturnExchange | null;
  lines: NewReturnLine[];
  /** When the shopper asked, if not now (a return imported on install). */
  createdAt?: Date;
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
        ...(input.createdAt ? { createdAt: input.createdAt } : {}),
        status: INITIAL_RETURN_STATUS,
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
        ...(input.outcome && { outcome: input.outcome }),
        ...(input.storeCreditBonus != null && { storeCreditBonus: new Prisma.Decimal(input.storeCreditBonus) }),
        ...(input.exchange && { exchangeBonus: new Prisma.Decimal(input.exchange.bonus), exchangeDue: new Prisma.Decimal(input.exchange.due), exchangeTiming: input.exchange.timing }),
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
            ...(l.exchange && {
              exchangeVariantId: l.exchange.variantId,
              exchangeVariantTitle: l.exchange.variantTitle,
              exchangeSku: l.exchange.sku,
              exchangeUnitPrice: new Prisma.Decimal(l.exchange.unitPrice),
              exchangeBonus: new Prisma.Decimal(l.exchange.bonus),
              exchangeLineItemId: l.exchange.exchangeLineItemId,
            }),
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
      status: { in: [...AWAITING_DECISION] },
      OR: [{ decidedAt: null }, { decidedAt: { lt: claim.staleBefore } }],
    },
    data: { decidedBy: claim.actor, decidedAt: claim.at },
  });
  return count === 1;
}

/** Gives a claim back after a failed attempt (only the holder's own claim). */
export async function releaseReturnDecision(shop: ShopRef, id: string, claimedAt: Date, db: Db = prisma): Promise<void> {
  await db.returnRequest.updateMany({
    where: { id, shopId: shop.id, status: { in: [...AWAITING_DECISION] }, decidedAt: claimedAt },
    data: { decidedBy: null, decidedAt: null },
  });
}

export interface ReturnEventInput {
  type: string;
  actor: string;
  message?: string | null;
  data?: Prisma.InputJsonValue;
  /** When it happened, if not now (a carrier's scan reported later). */
  at?: Date;
}

/** The rows that record a return's events (for `returnEvent.createMany`). */
export function returnEventRows(returnId: string, events: readonly ReturnEventInput[]): Prisma.ReturnEventCreateManyInput[] {
  return events.map((e) => ({
    returnId,
    type: e.type,
    actor: e.actor,
    message: e.message ?? null,
    ...(e.data !== undefined && { data: e.data }),
    ...(e.at && { createdAt: e.at }),
  }));
}

// ---------------------------------------------------------------------------------------------
// The desk: queue, counts, risk facts, flags, the rules' one-time claim
// ---------------------------------------------------------------------------------------------

/** The conditions naming a customer's returns: by customer id, or by email whatever its case. */
function customerMatch(customer: { customerId: string | null; email: string | null }): Prisma.ReturnRequestWhereInput[] {
  const who: Prisma.ReturnRequestWhereInput[] = [];
  if (customer.customerId) who.push({ customerId: customer.customerId });
  if (customer.email) who.push({ customerEmail: { equals: customer.email, mode: "insensitive" } });
  return who;
}

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
  const who = customerMatch({ customerId: customer.customerId, email: customer.customerEmail });
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
  const who = customerMatch({ customerId: customer.customerId, email: customer.customerEmail });
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

/**
 * Points a mail return without a label at another location, with a timeline entry, in one
 * transaction: written only while the return is still in the status read, by mail, and no label or
 * reverse delivery exists (a label made meanwhile keeps the destination it was printed with).
 */
export async function changeReturnDestination(
  shop: ShopRef,
  id: string,
  change: { from: ReturnStatus; locationId: string; event: ReturnEventInput },
  db: Db = prisma,
): Promise<ReturnWithDetails | null> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({
      where: { id, shopId: shop.id, status: change.from, method: "MAIL", labelTrackingNumber: null, reverseDeliveryId: null },
      data: { returnLocationId: change.locationId },
    });
    if (count !== 1) return null;
    await tx.returnEvent.createMany({ data: returnEventRows(id, [change.event]) });
    return (await tx.returnRequest.findUniqueOrThrow({ where: { id }, include: details })) as ReturnWithDetails;
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

// ---------------------------------------------------------------------------------------------
// Changes: the one writer of a return's status
// ---------------------------------------------------------------------------------------------

/** The return's fields a change writes besides its status. */
export type ReturnFields = Pick<
  Prisma.ReturnRequestUpdateManyMutationInput,
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
  | "selfShipCarrier"
  | "selfShipTrackingNumber"
  | "returnLocationId"
  | "method"
  | "locale"
  | "outcome"
  | "storeCreditBonus"
  | "exchangeBonus"
  | "exchangeDue"
  | "exchangeTiming"
  | "exchangeProcessedAt"
  | "exchangeInvoiceSentAt"
  | "exchangeInvoiceAmount"
  | "exchangeInvoiceCurrency"
  | "exchangePaidAt"
  | "receivedAt"
  | "refundedAmount"
  | "refundedAt"
  | "closedAt"
>;

/** A line's Shopify id and disposition, as a change fills them in (undefined: left as it is). */
export interface ReturnLineChange {
  lineId: string;
  shopifyReturnLineItemId?: string | null;
  disposition?: string | null;
  dispositionLocationId?: string | null;
  /** The variant the shopper gets instead, as quoted (a portal exchange adopted onto a webhook's row). */
  exchange?: NewReturnLine["exchange"];
}

export interface ReturnChange {
  /**
   * The status the caller read: the row must still be in it, so a change decided on an older read
   * (a decision the desk recorded meanwhile, a sync racing another) writes nothing. Omitted: any.
   */
  from?: ReturnStatus;
  /**
   * The new status, or the table's steps to it (a Shopify sync reaching a status through steps
   * Crossdock did not see, from `transitionPath`). Omitted: the status stays.
   */
  to?: ReturnStatus | readonly ReturnStatus[];
  /** Written with the (last) status step. */
  fields?: ReturnFields;
  lines?: readonly ReturnLineChange[];
  events?: readonly ReturnEventInput[];
}

/** A change the row's status does not allow: the transaction is rolled back. */
class ChangeRefused extends Error {}

/**
 * The one writer of a return's status, with the fields, line dispositions and timeline entries that
 * go with the change, in one transaction. Each status step is written only while the row is in one
 * of the statuses the transition table lets into it (`sourcesOf`), narrowed to `from` when given:
 * the database refuses what the table refuses, whoever asks. Returns the return as written, or null
 * when nothing was written (the row is not this shop's, or its status does not allow the change).
 */
export async function changeReturn(shop: ShopRef, id: string, change: ReturnChange, db: Db = prisma): Promise<ReturnWithDetails | null> {
  const steps: readonly ReturnStatus[] = change.to === undefined ? [] : typeof change.to === "string" ? [change.to] : change.to;
  // Refused before writing anything (the database would refuse the step too, after the earlier ones).
  if (steps.some((step, i) => i > 0 && !canTransition(steps[i - 1]!, step))) return null;
  try {
    return await inTransaction(db, async (tx) => {
      let at = change.from;
      for (const [i, step] of steps.entries()) {
        const { count } = await tx.returnRequest.updateMany({
          where: { id, shopId: shop.id, status: { in: sourcesOf(step).filter((from) => at === undefined || from === at) } },
          data: { status: step, ...(i === steps.length - 1 && change.fields) },
        });
        // A later step cannot be refused (the steps were checked against the table and the first
        // update holds the row's lock); if one were, inside a caller's transaction (where "refused"
        // returns null and nothing rolls back) the earlier steps would stay written: fail loudly.
        if (count !== 1) throw i === 0 ? new ChangeRefused() : new Error(`return ${id}: step ${i + 1} to ${step} refused after the earlier steps`);
        at = step;
      }
      if (steps.length === 0) {
        const { count } = await tx.returnRequest.updateMany({ where: { id, shopId: shop.id, ...(at && { status: at }) }, data: { ...change.fields } });
        if (count !== 1) throw new ChangeRefused();
      }
      for (const line of change.lines ?? []) {
        const data: Prisma.ReturnLineUpdateManyMutationInput = {};
        if (line.shopifyReturnLineItemId !== undefined) data.shopifyReturnLineItemId = line.shopifyReturnLineItemId;
        if (line.disposition !== undefined) data.disposition = line.disposition;
        if (line.dispositionLocationId !== undefined) data.dispositionLocationId = line.dispositionLocationId;
        if (line.exchange) {
          Object.assign(data, {
            exchangeVariantId: line.exchange.variantId,
            exchangeVariantTitle: line.exchange.variantTitle,
            exchangeSku: line.exchange.sku,
            exchangeUnitPrice: new Prisma.Decimal(line.exchange.unitPrice),
            exchangeBonus: new Prisma.Decimal(line.exchange.bonus),
            exchangeLineItemId: line.exchange.exchangeLineItemId,
          });
        }
        if (Object.keys(data).length) await tx.returnLine.updateMany({ where: { id: line.lineId, returnId: id }, data });
      }
      if (change.events?.length) await tx.returnEvent.createMany({ data: returnEventRows(id, change.events) });
      return (await tx.returnRequest.findUniqueOrThrow({ where: { id }, include: details })) as ReturnWithDetails;
    });
  } catch (error) {
    if (error instanceof ChangeRefused) return null;
    throw error;
  }
}

/**
 * A refund Shopify made for the return, once per refund: locks the row, and unless a "refunded"
 * event names this refund already, adds its amount, moves the return to REFUNDED where the table
 * allows it (a refund of a closed return only adds its amount) and appends the event. False when
 * this refund was recorded before.
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
    const changed = await changeReturn(
      shop,
      id,
      {
        from: row.status,
        ...(canTransition(row.status, "REFUNDED") && { to: "REFUNDED" as const }),
        fields: { refundedAmount: new Prisma.Decimal(row.refunded_amount ?? 0).add(refund.amount), refundedAt: refund.refundedAt },
        events: [event],
      },
      tx,
    );
    if (!changed) throw new Error(`return ${id} changed while locked`);
    return true;
  });
}

/**
 * A carrier's tracking update, once per carrier event: locks the row and, unless a timeline entry
 * already names `carrierEventId` (data.carrierEventId), writes the change `plan` makes of the status
 * found under the lock (the table's steps, or none, and the entries, each naming the event) through
 * `changeReturn`. Null when the return is not the shop's or the event was recorded before.
 */
export async function recordReturnTracking(
  shop: ShopRef,
  id: string,
  update: { carrierEventId: string; plan: (status: ReturnStatus) => Omit<ReturnChange, "from"> },
  db: Db = prisma,
): Promise<{ from: ReturnStatus; ret: ReturnWithDetails } | null> {
  return inTransaction(db, async (tx) => {
    const locked = await tx.$queryRaw<{ status: ReturnStatus }[]>`SELECT status FROM return_request WHERE id = ${id} AND shop_id = ${shop.id} FOR UPDATE`;
    const row = locked[0];
    if (!row) return null;
    const seen = await tx.returnEvent.count({ where: { returnId: id, data: { path: ["carrierEventId"], equals: update.carrierEventId } } });
    if (seen > 0) return null;
    const ret = await changeReturn(shop, id, { from: row.status, ...update.plan(row.status) }, tx);
    if (!ret) throw new Error(`return ${id} changed while locked`);
    return { from: row.status, ret };
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

/** The conditions naming a compliance subject's returns: the customer's, and those of the orders named. */
function subjectMatch(subject: ReturnCustomerSubject): Prisma.ReturnRequestWhereInput[] {
  return [...customerMatch(subject), ...(subject.orderIds.length > 0 ? [{ orderId: { in: subject.orderIds } }] : [])];
}

/** Every return request of the customer (customers/data_request), oldest first, with lines and timeline. */
export async function listReturnsOfCustomer(shop: ShopRef, subject: ReturnCustomerSubject, db: Db = prisma): Promise<ReturnWithDetails[]> {
  const or = subjectMatch(subject);
  return db.returnRequest.findMany({
    where: { shopId: shop.id, OR: or },
    include: { lines: { orderBy: { createdAt: "asc" } }, events: { orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  });
}

/**
 * customers/redact: erases the customer's personal data held in return requests (id, email, name,
 * the tracking number and carrier they typed for a parcel they sent themselves, the free-text notes
 * on lines and in the timeline) and keeps the business record (RMA, lines,
 * amounts, statuses). Returns the number of requests touched.
 */
export async function redactReturnsOfCustomer(shop: ShopRef, subject: ReturnCustomerSubject, db: Db = prisma): Promise<number> {
  const or = subjectMatch(subject);
  return inTransaction(db, async (tx) => {
    const rows = await tx.returnRequest.findMany({ where: { shopId: shop.id, OR: or }, select: { id: true } });
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return 0;
    await tx.returnRequest.updateMany({ where: { shopId: shop.id, id: { in: ids } }, data: { customerId: null, customerEmail: null, customerName: null, selfShipTrackingNumber: null, selfShipCarrier: null } });
    await tx.returnLine.updateMany({ where: { returnId: { in: ids } }, data: { customerNote: null } });
    await tx.returnEvent.updateMany({ where: { returnId: { in: ids }, actor: "shopper" }, data: { message: null } });
    return ids.length;
  });
}

export async function findReturnByReverseFulfillmentOrder(shop: ShopRef, reverseFulfillmentOrderId: string, db: Db = prisma): Promise<{ id: string; shopifyReturnId: string | null } | null> {
  return db.returnRequest.findFirst({ where: { shopId: shop.id, reverseFulfillmentOrderId }, select: { id: true, shopifyReturnId: true } });
}

// ---------------------------------------------------------------------------------------------
// Store credit: a claim before Shopify is asked, then the one credit Shopify made
// ---------------------------------------------------------------------------------------------

/**
 * Marks that Crossdock is about to credit this store-credit return (the time is what a later attempt
 * compares Shopify's credits with). False when another attempt holds it or the credit is recorded.
 */
export async function claimStoreCredit(shop: ShopRef, id: string, at: Date, db: Db = prisma): Promise<boolean> {
  const { count } = await db.returnRequest.updateMany({
    where: { id, shopId: shop.id, outcome: "STORE_CREDIT", storeCreditTransactionId: null, storeCreditRequestedAt: null },
    data: { storeCreditRequestedAt: at },
  });
  return count === 1;
}

/** Gives the claim back when Shopify refused the credit (its userErrors change nothing). */
export async function releaseStoreCredit(shop: ShopRef, id: string, at: Date, db: Db = prisma): Promise<void> {
  await db.returnRequest.updateMany({ where: { id, shopId: shop.id, storeCreditTransactionId: null, storeCreditRequestedAt: at }, data: { storeCreditRequestedAt: null } });
}

/** Whether another return of the shop already recorded this Shopify credit transaction. */
export async function storeCreditTransactionTaken(shop: ShopRef, transactionId: string, db: Db = prisma): Promise<boolean> {
  return (await db.returnRequest.count({ where: { shopId: shop.id, storeCreditTransactionId: transactionId } })) > 0;
}

/** Records the credit Shopify made, once: false when one is recorded already. */
export async function recordStoreCredit(
  shop: ShopRef,
  id: string,
  credit: { transactionId: string; amount: Prisma.Decimal; creditedAt: Date },
  event: ReturnEventInput,
  db: Db = prisma,
): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({
      where: { id, shopId: shop.id, storeCreditTransactionId: null },
      data: { storeCreditTransactionId: credit.transactionId, storeCreditAmount: credit.amount, storeCreditedAt: credit.creditedAt },
    });
    if (count === 0) return false;
    await tx.returnEvent.createMany({ data: returnEventRows(id, [event]) });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// An exchange's invoice and routing: claims taken before Shopify is asked
// ---------------------------------------------------------------------------------------------

/**
 * Marks that Crossdock is about to ask Shopify to email the exchange's invoice. False when it was
 * asked before (sent, or asked without an answer): the invoice is asked for at most once.
 */
export async function claimExchangeInvoice(shop: ShopRef, id: string, at: Date, db: Db = prisma): Promise<boolean> {
  const { count } = await db.returnRequest.updateMany({ where: { id, shopId: shop.id, exchangeInvoiceRequestedAt: null }, data: { exchangeInvoiceRequestedAt: at } });
  return count === 1;
}

/** Gives the claim back when Shopify refused (nothing was sent), with the refusal on the timeline. */
export async function releaseExchangeInvoice(shop: ShopRef, id: string, at: Date, event: ReturnEventInput, db: Db = prisma): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({ where: { id, shopId: shop.id, exchangeInvoiceSentAt: null, exchangeInvoiceRequestedAt: at }, data: { exchangeInvoiceRequestedAt: null } });
    if (count === 1) await tx.returnEvent.createMany({ data: returnEventRows(id, [event]) });
  });
}

/**
 * Claims routing the exchange's fulfillment order: false when it was routed (or is being routed)
 * already, so an exchange is routed once whoever asks (approval, receipt, the payment's orders/updated).
 */
export async function claimExchangeRouting(shop: ShopRef, id: string, at: Date, db: Db = prisma): Promise<boolean> {
  const { count } = await db.returnRequest.updateMany({ where: { id, shopId: shop.id, exchangeRoutedAt: null }, data: { exchangeRoutedAt: at } });
  return count === 1;
}

/** Gives the routing claim back: nothing was open to route (held until paid), or routing failed. */
export async function releaseExchangeRouting(shop: ShopRef, id: string, at: Date, db: Db = prisma): Promise<void> {
  await db.returnRequest.updateMany({ where: { id, shopId: shop.id, exchangeRoutedAt: at }, data: { exchangeRoutedAt: null } });
}

/** The order's returns whose exchange Shopify confirmed and Crossdock has not routed yet, or whose invoice is not paid yet. */
export async function listExchangesAwaitingShipment(shop: ShopRef, orderId: string, db: Db = prisma): Promise<ReturnWithDetails[]> {
  return (await db.returnRequest.findMany({
    where: { shopId: shop.id, orderId, exchangeProcessedAt: { not: null }, OR: [{ exchangeRoutedAt: null }, { exchangeInvoiceRequestedAt: { not: null }, exchangePaidAt: null }] },
    include: details,
    orderBy: { createdAt: "asc" },
  })) as ReturnWithDetails[];
}

/** Records that the exchange's balance was paid, once (with its timeline entry); null when it was recorded already. */
export async function recordExchangePaid(shop: ShopRef, id: string, at: Date, event: ReturnEventInput, db: Db = prisma): Promise<ReturnWithDetails | null> {
  return inTransaction(db, async (tx) => {
    const { count } = await tx.returnRequest.updateMany({ where: { id, shopId: shop.id, exchangePaidAt: null }, data: { exchangePaidAt: at } });
    if (count === 0) return null;
    await tx.returnEvent.createMany({ data: returnEventRows(id, [event]) });
    return (await tx.returnRequest.findUniqueOrThrow({ where: { id }, include: details })) as ReturnWithDetails;
  });
}
