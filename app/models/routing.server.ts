// Routing rule sets and the audit log of routing decisions.
import type { Prisma, RoutingDecision, RoutingDecisionStatus } from "@prisma/client";
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
    where: { shopId: shop.id, status: "APPLIED", decidedAt: { gte: since } },
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
