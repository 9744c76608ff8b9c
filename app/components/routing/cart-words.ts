// The routing simulator's problems in the staff member's language. The custom cart's checks
// (app/domain/routing/custom-cart.ts, place-address.ts) and the order's (order-input.ts) say them
// in English for logs and tests; each known sentence has its key here, anything else becomes
// "Check this field." rather than English on a Vietnamese or Chinese page.
import type { TFunction } from "i18next";

const PROBLEMS: [RegExp, string][] = [
  [/^Choose an item$/, "chooseItem"],
  [/^This item is not in the shop/, "itemGone"],
  [/^Enter a quantity$/, "enterQuantity"],
  [/^Enter a whole number$/, "wholeNumber"],
  [/^Quantity must be at least 1$/, "quantityMin"],
  [/^At most (\d+) per line$/, "perLine"],
  [/^At most (\d+) of one item$/, "oneItem"],
  [/^At most (\d+) lines$/, "lines"],
  [/^Add at least one item/, "addItem"],
  [/^Choose a strategy/, "strategy"],
  [/^Enter the destination country$/, "country"],
  [/^Enter the country as its 2-letter code/, "countryCode"],
  [/^A postal code has at most (\d+) characters$/, "postalLength"],
  [/^Latitude must be/, "latitude"],
  [/^Longitude must be/, "longitude"],
  [/^Enter both coordinates/, "bothCoordinates"],
  [/^Choose the pickup location$/, "choosePickup"],
  [/^This location does not offer pickup$/, "noPickupHere"],
  [/^Choose shipping or pickup$/, "method"],
  [/^This location has no coordinates/, "storeNoCoordinates"],
  [/^Crossdock cannot place this postal code/, "cannotPlacePostal"],
  [/^Enter a postal code or the coordinates/, "needPostal"],
];

/** One field problem of the custom cart, in words. */
export function cartProblem(message: string, t: TFunction): string {
  for (const [pattern, key] of PROBLEMS) {
    const match = pattern.exec(message);
    if (match) return t(`problems.${key}`, { max: match[1] });
  }
  return t("problems.other");
}

const NOT_ROUTABLE: [RegExp, string][] = [
  [/^The order is cancelled/, "cancelled"],
  [/^No open fulfillment order/, "noOpenFulfillmentOrder"],
  [/^The order has no items/, "noItems"],
];

/** Why an order or cart cannot be routed, in words. */
export function notRoutableReason(reason: string, t: TFunction): string {
  const key = NOT_ROUTABLE.find(([pattern]) => pattern.test(reason))?.[1] ?? "other";
  return t(`notRoutable.${key}`);
}
