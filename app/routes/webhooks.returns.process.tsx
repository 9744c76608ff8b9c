import { webhookAction, webhookLoader } from "~/http/webhook-endpoint.server";

// returns/process: verified (HMAC), stored in the webhook inbox once per webhook id, answered at once.
// The job syncs the return: processed in Shopify (every unit confirmed) means received in Crossdock.
export const action = webhookAction;
// A GET is not a delivery: 405 with Allow: POST.
export const loader = webhookLoader;
