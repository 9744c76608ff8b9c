import { webhookAction } from "~/http/webhook-endpoint.server";

// inventory_levels/update: verified (HMAC), stored in the webhook inbox once per webhook id, answered at once.
export const action = webhookAction;
