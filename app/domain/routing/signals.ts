/**
 * What decided a routing, as messages for the merchant (the routing log): which signal chose
 * pickup or shipping and the store, and how a destination without coordinates was placed.
 * Pure: message keys of the `routing` namespace (app/locales/<lng>/routing.json) with location ids;
 * the page names the locations and translates.
 */
import type { DestinationPlacement, PickupSignal } from "./order-input";

export interface SignalMessage {
  key: "checkoutPickup" | "hintSame" | "hintOther" | "shippingHintIgnored" | "placementExact" | "placementArea" | "placementProvince";
  /** Location GIDs to name: `store` (the deciding store), `hint` (the product page's). */
  locations: { store?: string; hint?: string };
}

export function decisionSignals(pickup: PickupSignal | null | undefined, placement: DestinationPlacement | null | undefined): SignalMessage[] {
  const messages: SignalMessage[] = [];
  if (pickup?.decidedBy === "checkout-pickup") {
    messages.push({ key: "checkoutPickup", locations: { store: pickup.locationId } });
    if (pickup.hintLocationId === pickup.locationId) messages.push({ key: "hintSame", locations: {} });
    else if (pickup.hintLocationId) messages.push({ key: "hintOther", locations: { hint: pickup.hintLocationId } });
  } else if (pickup?.decidedBy === "checkout-shipping" && pickup.hintLocationId) {
    messages.push({ key: "shippingHintIgnored", locations: { hint: pickup.hintLocationId } });
  }
  if (placement?.source === "postal-code") messages.push({ key: placement.precision === "exact" ? "placementExact" : "placementArea", locations: {} });
  if (placement?.source === "province") messages.push({ key: "placementProvince", locations: {} });
  return messages;
}
