import { webhookAction, webhookLoader } from "~/http/webhook-endpoint.server";

// customers/redact: verified (HMAC), stored in the webhook inbox once per webhook id, answered at once.
export const action = webhookAction;
// A GET is not a delivery: 405 with Allow: POST.
export const loader = webhookLoader;
