import { webhookAction } from "~/http/webhook-endpoint.server";

// refunds/create: verified (HMAC), stored in the webhook inbox once per webhook id, answered at once.
export const action = webhookAction;
