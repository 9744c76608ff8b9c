import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveWebhook } from "~/services/receive-webhook.server";

// returns/reopen: verified (HMAC), stored in the webhook inbox once per webhook id, answered at once.
export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request);
