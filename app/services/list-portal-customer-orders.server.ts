// Use case: a storefront customer signed in to the shop (the app proxy's logged_in_customer_id)
// sees their recent orders in the portal.
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { listCustomerOrders, type PortalCustomerOrder } from "~/shopify/portal-orders";

export async function listPortalCustomerOrders(input: { graphql: AdminGraphql; customerId: string }): Promise<PortalCustomerOrder[]> {
  return listCustomerOrders(input.graphql, input.customerId);
}
