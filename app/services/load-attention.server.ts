import type { RoutingHold } from "@prisma/client";
import { listLocations, storedOrderStop } from "~/models/locations.server";
import { listHeldOrders } from "~/models/orders.server";
import { listAttentionDecisions } from "~/models/routing.server";
import type { ShopRef } from "~/models/scope.server";
import type { MoveResult } from "./route-order.server";

export interface AttentionRow {
  decisionId: string;
  orderId: string;
  orderName: string;
  status: "NEEDS_REVIEW" | "FAILED";
  /** Units the decision left where they were (the plan could not place them, or a pickup was refused). */
  unfilledUnits: number;
  /** Moves Shopify refused. */
  refusedMoves: number;
  /** Shopify's or the engine's own words (English), when it failed or a move was refused. */
  error: string | null;
  summary: string;
  locations: string[];
  /** Where the decision left the units (the location picked by hand starts there). */
  locationIds: string[];
  decidedAt: string;
}

export interface HeldRow {
  orderId: string;
  orderName: string;
  hold: RoutingHold;
  since: string | null;
}

/**
 * The "Needs attention" page: orders whose routing needs a person (applied in part, failed), the
 * orders waiting before routing (unpaid, high risk), and the locations staff can pick by hand
 * (active ones that fulfil online orders).
 */
export async function loadAttention(shop: ShopRef): Promise<{ rows: AttentionRow[]; held: HeldRow[]; locations: { id: string; name: string }[] }> {
  const [decisions, held, locations] = await Promise.all([listAttentionDecisions(shop, { take: 100 }), listHeldOrders(shop, { take: 100 }), listLocations(shop, { activeOnly: true })]);
  const names = new Map(locations.map((l) => [l.shopifyId, l.name]));
  return {
    rows: decisions.map((d) => ({
      decisionId: d.id,
      orderId: d.orderId,
      orderName: d.orderName,
      status: d.status === "FAILED" ? "FAILED" : "NEEDS_REVIEW",
      unfilledUnits: d.unfilledUnits,
      refusedMoves: (d.moves as unknown as MoveResult[]).filter((m) => !m.ok).length,
      error: d.error,
      summary: d.summary,
      locations: d.shippingLocationIds.flatMap((id) => names.get(id) ?? []),
      locationIds: d.shippingLocationIds,
      decidedAt: (d.decidedAt ?? d.createdAt).toISOString(),
    })),
    held: held.flatMap((o) => (o.routingHold ? [{ orderId: o.shopifyId, orderName: o.name, hold: o.routingHold, since: o.routingHoldSince?.toISOString() ?? null }] : [])),
    // Only where an order can go now: not a location staff paused (nor an inactive one).
    locations: locations.filter((l) => l.fulfillsOnlineOrders && storedOrderStop(l) === null).map((l) => ({ id: l.shopifyId, name: l.name })),
  };
}
