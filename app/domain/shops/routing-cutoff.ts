/**
 * The earliest placing time of an order that reconciliation or a late webhook may route: the
 * install, or when auto-routing was last switched on or off, whichever is later. Orders placed
 * before it are Shopify's (and the merchant's) as they stand: stored, never routed unasked.
 */
export function routingCutoff(shop: { installedAt: Date }, settings: { autoRoutingChangedAt: Date | null } | null): Date {
  const changed = settings?.autoRoutingChangedAt?.getTime() ?? 0;
  return new Date(Math.max(shop.installedAt.getTime(), changed));
}

/** An order reconciliation may still route: not cancelled, closed or wholly fulfilled (delivered). */
export function stillToFulfil(order: { cancelledAt: Date | null; closedAt: Date | null; fulfillmentStatus: string | null }): boolean {
  return !order.cancelledAt && !order.closedAt && order.fulfillmentStatus !== "fulfilled";
}
