/**
 * The cart attribute (an order note attribute once the order is placed) that carries the pickup
 * store a shopper chose in Crossdock's product-page block. The leading underscore keeps it out of
 * Shopify's checkout and order-status pages. The block's script writes the same name
 * (extensions/crossdock-availability/assets/crossdock-availability.js; a test checks they agree), and
 * routing reads it as the shopper's hint (app/domain/routing/order-input.ts `pickupSignalOf`).
 *
 * Value: the location's Shopify GID, e.g. "gid://shopify/Location/123".
 */
export const PICKUP_LOCATION_ATTRIBUTE = "_crossdock_pickup_location";

const LOCATION_GID = /^gid:\/\/shopify\/Location\/(\d+)$/;

/**
 * The location GID carried by the attribute's value, or null when the value names no location.
 * Accepts the GID the block writes and, for robustness with hand-made orders, a bare legacy id.
 */
export function parsePickupLocation(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  if (LOCATION_GID.test(trimmed)) return trimmed;
  if (/^\d+$/.test(trimmed) && trimmed.length <= 20) return `gid://shopify/Location/${trimmed}`;
  return null;
}
