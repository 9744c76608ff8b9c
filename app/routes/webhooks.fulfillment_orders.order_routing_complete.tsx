import { webhookAction, webhookLoader } from "~/http/webhook-endpoint.server";

// fulfillment_orders/order_routing_complete: verified (HMAC), stored in the webhook inbox once per
// webhook id, answered at once; the job routes the order (its fulfillment orders now exist).
export const action = webhookAction;
// A GET is not a delivery: 405 with Allow: POST.
export const loader = webhookLoader;
