import { webhookAction } from "~/http/webhook-endpoint.server";

// locations/delete: verified (HMAC), stored in the webhook inbox once per webhook id, answered at once.
export const action = webhookAction;
