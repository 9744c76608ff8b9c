import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { routeOrder, type RouteOrderResult } from "./route-order.server";

/**
 * Staff actions on an order's routing: route it again on today's stock (also applies a
 * suggestion, and routes a held order now), record that a location cannot fulfill it and route it
 * without that location, or pick the location by hand (every open unit moves there).
 */
export async function rerouteOrder(input: {
  shop: ShopRef;
  graphql: AdminGraphql;
  orderId: string;
  staff: string | null;
  unableLocationId?: string;
  toLocationId?: string;
}): Promise<Exclude<RouteOrderResult, { status: "held" }>> {
  const result = await routeOrder({
    shop: input.shop,
    graphql: input.graphql,
    orderId: input.orderId,
    trigger: input.unableLocationId ? "reallocation" : "manual",
    createdBy: input.staff,
    mode: "apply",
    ...(input.unableLocationId ? { excludeLocationIds: [input.unableLocationId] } : {}),
    ...(input.toLocationId ? { toLocationId: input.toLocationId } : {}),
  });
  // Staff routing never waits for a hold (only an order's first, automatic routing does).
  if (result.status === "held") throw new Error("A staff re-route was held");
  return result;
}
