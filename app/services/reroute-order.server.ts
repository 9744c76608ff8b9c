import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { routeOrder, type RouteOrderResult } from "./route-order.server";

/**
 * Staff actions on an order's routing: route it again on today's stock (also applies a
 * suggestion), or record that a location cannot fulfill it and route it without that location.
 */
export async function rerouteOrder(input: {
  shop: ShopRef;
  graphql: AdminGraphql;
  orderId: string;
  staff: string | null;
  unableLocationId?: string;
}): Promise<RouteOrderResult> {
  return routeOrder({
    shop: input.shop,
    graphql: input.graphql,
    orderId: input.orderId,
    trigger: input.unableLocationId ? "reallocation" : "manual",
    createdBy: input.staff,
    mode: "apply",
    ...(input.unableLocationId ? { excludeLocationIds: [input.unableLocationId] } : {}),
  });
}
