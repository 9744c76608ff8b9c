import { z } from "zod";
import { listLocations } from "~/models/locations.server";
import { listOpenUnroutedOrders } from "~/models/open-orders.server";
import type { ShopRef } from "~/models/scope.server";
import { getShop } from "~/models/shops.server";
import type { JobDriver } from "~/queue/driver";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { previewRouting } from "./preview-routing.server";
import { routeOrder } from "./route-order.server";

/** At most this many open orders are previewed (and routed) at a time. */
export const OPEN_ORDERS_PAGE = 20;

export interface OpenOrderPreview {
  orderId: string;
  name: string;
  placedAt: string;
  /** What routing would do with the shop's rules, on today's stock. */
  outcome:
    | { kind: "route"; locations: string[]; parcels: number; unfilledUnits: number }
    | { kind: "not-routable"; reason: string }
    | { kind: "gone" };
}

/**
 * "Route open orders" (Routing page): the shop's open orders routing never decided on, each with
 * what routing would do now (previewRouting with the shop's rules; nothing changes).
 */
export async function previewOpenOrders(input: { shop: ShopRef; graphql: AdminGraphql }): Promise<OpenOrderPreview[]> {
  const [orders, locations] = await Promise.all([listOpenUnroutedOrders(input.shop, { limit: OPEN_ORDERS_PAGE }), listLocations(input.shop)]);
  const names = new Map(locations.map((l) => [l.shopifyId, l.name]));
  const previews: OpenOrderPreview[] = [];
  for (const order of orders) {
    const preview = await previewRouting({ shop: input.shop, graphql: input.graphql, orderId: order.shopifyId, choices: ["rules"] });
    const base = { orderId: order.shopifyId, name: order.name, placedAt: order.shopifyCreatedAt.toISOString() };
    if (preview.status === "not-found") previews.push({ ...base, outcome: { kind: "gone" } });
    else if (preview.status === "not-routable") previews.push({ ...base, outcome: { kind: "not-routable", reason: preview.reason } });
    else {
      const { plan, metrics } = preview.results[0]!;
      const shipping = [...new Set(plan.assignments.map((a) => a.locationId))];
      previews.push({ ...base, outcome: { kind: "route", locations: shipping.map((id) => names.get(id) ?? id), parcels: metrics.parcels, unfilledUnits: metrics.unfilledUnits } });
    }
  }
  return previews;
}

export const routeOpenOrdersForm = z.object({ orderIds: z.array(z.string().regex(/^gid:\/\/shopify\/Order\/\d+$/)).min(1).max(OPEN_ORDERS_PAGE) });

/**
 * Staff confirmed: the chosen orders (only this shop's open, unrouted ones; anything else is left
 * out) go to the job queue, which routes them one after the other. Returns how many were queued.
 */
export async function requestRouteOpenOrders(input: { shop: ShopRef & { domain: string }; orderIds: readonly string[]; staff: string | null; driver: JobDriver }): Promise<number> {
  const orders = await listOpenUnroutedOrders(input.shop, { limit: OPEN_ORDERS_PAGE, ids: input.orderIds });
  if (orders.length === 0) return 0;
  await input.driver.requestRouteOrders(input.shop.domain, orders.map((o) => o.shopifyId), input.staff);
  return orders.length;
}

/** The job: routes each chosen order with the shop's rules and applies the plan (a staff routing). */
export async function routeChosenOrders(input: { shop: string; graphql: AdminGraphql; orderIds: readonly string[]; staff: string | null }): Promise<void> {
  const shop = await getShop(input.shop);
  if (!shop) return;
  // Still open and unrouted when the job runs (a webhook may have routed one meanwhile).
  for (const order of await listOpenUnroutedOrders(shop, { limit: OPEN_ORDERS_PAGE, ids: input.orderIds })) {
    await routeOrder({ shop, graphql: input.graphql, orderId: order.shopifyId, trigger: "manual", createdBy: input.staff, mode: "apply" });
  }
}
