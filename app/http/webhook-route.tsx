import { webhookAction, webhookLoader } from "~/http/webhook-endpoint.server";

// Every webhook topic's route, mounted at each subscription's uri in shopify.app.toml
// (app/route-mounts.ts): verified (HMAC), stored in the webhook inbox once per webhook id, answered
// at once; the topic's processor (app/jobs/webhook-topics.server.ts) runs in the worker.
export const action = webhookAction;
// A GET is not a delivery: 405 with Allow: POST.
export const loader = webhookLoader;
