// How a routing decision is named to staff, on the routing log and on the decision's page: what
// set it off (a stored trigger: a webhook topic, "manual" …) as words in their language.
import type { TFunction } from "i18next";

/** Stored trigger → key of app/locales/<lng>/routing.json `decision.trigger`. */
const TRIGGER_KEYS: Readonly<Record<string, string>> = {
  "orders/create": "ordersCreate",
  "hold-ended": "holdEnded",
  "fulfillment_orders/order_routing_complete": "routingComplete",
  reconciliation: "reconciliation",
  manual: "manual",
  reallocation: "reallocation",
  exchange: "exchange",
};

/** What set a decision off, in words; null for a trigger this version does not know (never shown as a code). */
export function triggerWords(t: TFunction, trigger: string): string | null {
  const key = TRIGGER_KEYS[trigger];
  return key ? t(`decision.trigger.${key}`) : null;
}
