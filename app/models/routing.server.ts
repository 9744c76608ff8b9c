// Routing rule sets and the audit log of routing decisions.
import type { Order, Prisma, RoutingDecision, RoutingDecisionStatus } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, ShopRef } from "./scope.server";

export type { RoutingDecision, RoutingDecisionStatus };

/** The shop's stored rule set (raw JSON: validated by the routing domain when read). */
export async function getRuleSet(shop: ShopRef, db: Db = prisma): Promise<{ config: unknown; updatedAt: Date; updatedBy: string | null } | null> {
  const row = await db.routingRuleSet.findUnique({ where: { shopId: shop.id } });
  return row ? { config: row.config, updatedAt: row.updatedAt, updatedBy: row.updatedBy } : null;
}

export async function saveRuleSet(shop: ShopRef, config: Prisma.InputJsonValue, updatedBy: string | null, db: Db = prisma): Promise<void> {
  await db.routingRuleSet.upsert({
    where: { shopId: shop.id },
    create: { shopId: shop.id, config, updatedBy },
    update: { config, updatedBy },
  });
}

export interface NewDecision {
  orderId: string;
  orderName: string;
  trigger: string;
  createdBy?: string | null;
  excludedLocationIds?: string[];
}

/**
 * Claims the order's next decision revision. For the first routing of an order (`revision: 1`)
 * the claim is idempotent: a replayed orders/create finds the existing claim and gets null.
 */
export async function claimDecision(
  shop: ShopRef,
  input: NewDecision & { revision: number },
  db: Db = prisma,
): Promise<RoutingDecision | null> {
  const { count } = await db.routingDecision.createMany({
    data: [
      {
        shopId: shop.id,
        orderId: input.orderId,
        orderName: input.orderName,
        revision: input.revision,
        trigger: input.trigger,
        createdBy: input.createdBy ?? null,
        excludedLocationIds: input.excludedLocationIds ?? [],
        status: "PENDING",
      },
    ],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  return db.routingDecision.findUniqueOrThrow({
    where: { shopId_orderId_revision: { shopId: shop.id, orderId: input.orderId, revision: input.revision } },
  });
}

export async function latestDecision(shop: ShopRef, orderId: string, db: Db = prisma): Promise<RoutingDecision | null> {
  return db.routingDecision.findFirst({ where: { shopId: shop.id, orderId }, orderBy: { revision: "desc" } });
}

/**
 * The shop's orders routing has not decided on yet: no decision of any kind (a claimed one counts),
 * not cancelled, created at or after `createdSince`. The decisions are the one record of whether an
 * order was routed; the order row holds Shopify's state only.
 */
export async function listOrdersWithoutDecision(shop: ShopRef, options: { createdSince: Date }, db: Db = prisma): Promise<Order[]> {
  // One anti-join on routing_decision's (shop_id, order_id, revision) key: the orders routing has
  // decided on, most of a busy day's, are never read.
  const waiting = await db.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "order" o
    WHERE o.shop_id = ${shop.id} AND o.cancelled_at IS NULL AND o.shopify_created_at >= ${options.createdSince}
      AND NOT EXISTS (SELECT 1 FROM routing_decision d WHERE d.shop_id = o.shop_id AND d.order_id = o.shopify_id)`;
  if (waiting.length === 0) return [];
  return db.order.findMany({ where: { shopId: shop.id, id: { in: waiting.map((o) => o.id) } }, orderBy: { shopifyCreatedAt: "asc" } });
}

/** Whether routing has decided on (or claimed) the order. */
export async function hasDecision(shop: ShopRef, orderId: string, db: Db = prisma): Promise<boolean> {
  return (await db.routingDecision.count({ where: { shopId: shop.id, orderId }, take: 1 })) > 0;
}

export interface DecisionOutcome {
  status: RoutingDecisionStatus;
  strategy: string;
  summary: string;
  plan: Prisma.InputJsonValue | null;
  moves: Prisma.InputJsonValue;
  shippingLocationIds: string[];
  parcels: number;
  km: number;
  cost: number;
  unfilledUnits: number;
  error?: string | null;
}

export async function completeDecision(shop: ShopRef, id: string, outcome: DecisionOutcome, db: Db = prisma): Promise<RoutingDecision> {
  const { count } = await db.routingDecision.updateMany({
    where: { id, shopId: shop.id },
    data: { ...outcome, plan: outcome.plan ?? undefined, error: outcome.error ?? null, decidedAt: new Date() },
  });
  if (count !== 1) throw new Error(`Routing decision ${id} not found for this shop`);
  return db.routingDecision.findUniqueOrThrow({ where: { id } });
}

/** Orders each location was given since `since` (the daily-capacity rule's "today"). */
export async function ordersPerLocationSince(shop: ShopRef, since: Date, db: Db = prisma): Promise<Record<string, number>> {
  const rows = await db.routingDecision.findMany({
    // Applied in part (NEEDS_REVIEW) gave the locations their orders too.
    where: { shopId: shop.id, status: { in: ["APPLIED", "NEEDS_REVIEW"] }, decidedAt: { gte: since } },
    select: { shippingLocationIds: true },
  });
  const counts: Record<string, number> = {};
  for (const row of rows) for (const id of row.shippingLocationIds) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

export interface DecisionFilters {
  status?: RoutingDecisionStatus;
  orderName?: string;
  locationId?: string;
}

export async function listDecisions(
  shop: ShopRef,
  filters: DecisionFilters,
  page: { take: number; skip?: number },
  db: Db = prisma,
): Promise<{ rows: RoutingDecision[]; total: number }> {
  const where: Prisma.RoutingDecisionWhereInput = {
    shopId: shop.id,
    ...(filters.status && { status: filters.status }),
    ...(filters.orderName && { orderName: { contains: filters.orderName, mode: "insensitive" } }),
    ...(filters.locationId && { shippingLocationIds: { has: filters.locationId } }),
  };
  const [rows, total] = await Promise.all([
    db.routingDecision.findMany({ where, orderBy: { createdAt: "desc" }, take: page.take, skip: page.skip ?? 0 }),
    db.routingDecision.count({ where }),
  ]);
  return { rows, total };
}

export async function getDecision(shop: ShopRef, id: string, db: Db = prisma): Promise<RoutingDecision | null> {
  return db.routingDecision.findFirst({ where: { id, shopId: shop.id } });
}

/** What needs a person: applied in part (NEEDS_REVIEW) or failed. */
export const ATTENTION_STATUSES = ["NEEDS_REVIEW", "FAILED"] as const satisfies readonly RoutingDecisionStatus[];

/**
 * The orders whose latest decision needs attention and nobody released yet, oldest first: the
 * "Needs attention" page. A later decision of the order (routed again, by hand) replaces it.
 */
export async function listAttentionDecisions(shop: ShopRef, options: { take: number }, db: Db = prisma): Promise<RoutingDecision[]> {
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT d.id FROM routing_decision d
    WHERE d.shop_id = ${shop.id} AND d.status IN ('NEEDS_REVIEW', 'FAILED') AND d.handled_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM routing_decision n WHERE n.shop_id = d.shop_id AND n.order_id = d.order_id AND n.revision > d.revision)
    ORDER BY d.created_at ASC
    LIMIT ${options.take}`;
  if (ids.length === 0) return [];
  return db.routingDecision.findMany({ where: { shopId: shop.id, id: { in: ids.map((r) => r.id) } }, orderBy: { createdAt: "asc" } });
}

/** Staff released the decision (handled outside Crossdock): it leaves the page. False if it is not one to release. */
export async function releaseDecision(shop: ShopRef, id: string, staff: string | null, at: Date, db: Db = prisma): Promise<boolean> {
  const { count } = await db.routingDecision.updateMany({
    where: { id, shopId: shop.id, status: { in: [...ATTENTION_STATUSES] }, handledAt: null },
    data: { handledAt: at, handledBy: staff },
  });
  return count === 1;
}

/**
 * The decisions needing attention that no digest named yet, claimed for one digest in a single
 * UPDATE (two digests at once never name the same order). Latest decisions only, not released.
 */
export async function claimAttentionForDigest(shop: ShopRef, at: Date, db: Db = prisma): Promise<{ id: string; orderName: string; status: RoutingDecisionStatus }[]> {
  return db.$queryRaw<{ id: string; orderName: string; status: RoutingDecisionStatus }[]>`
    UPDATE routing_decision d SET attention_notified_at = ${at}
    WHERE d.shop_id = ${shop.id} AND d.status IN ('NEEDS_REVIEW', 'FAILED') AND d.handled_at IS NULL AND d.attention_notified_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM routing_decision n WHERE n.shop_id = d.shop_id AND n.order_id = d.order_id AND n.revision > d.revision)
    RETURNING d.id, d.order_name AS "orderName", d.status`;
}

