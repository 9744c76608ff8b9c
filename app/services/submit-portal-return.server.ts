import { logger } from "~/logger.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { approveReturn } from "./approve-return.server";
import { evaluateReturnRulesFor } from "./evaluate-return-rules.server";
import { hasExchange } from "./ship-exchange.server";
import { notifyReturn } from "./notify-return.server";
import { requestReturn, type RequestReturnInput, type RequestReturnResult } from "./request-return.server";

/**
 * A shopper submits a return in the portal: the request (Shopify's returnRequest + Crossdock's
 * record), the "we received your request" email, then the merchant's return rules at once, so an
 * auto-approved return shows its label on the very next page. The rules are also run by the
 * returns/request webhook; they run once per return whichever comes first, and a failure here only
 * leaves the decision to the webhook (or to staff): the shopper's request is already safe.
 */
export async function submitPortalReturn(
  input: RequestReturnInput & { shop: ShopRef & { domain: string; name: string; timezone: string; currency: string }; graphql: AdminGraphql },
): Promise<RequestReturnResult> {
  const result = await requestReturn(input);
  if (result.status !== "created") return result;
  const { ret } = result;
  await notifyReturn(input.shop, ret, "return-requested");
  if (hasExchange(ret)) {
    // Shopify opened the return with its exchange (returnCreate: "assumes that the return request
    // from the customer has already been approved"): Crossdock approves it too, with its label. Should
    // that fail (a carrier selling no label), it waits on the desk, where approving finishes it.
    try {
      const approved = await approveReturn({ shop: input.shop, graphql: input.graphql, returnId: ret.id, actor: "system" });
      if (approved.status !== "approved") logger.warn({ shopId: input.shop.id, rma: ret.rma, status: approved.status }, "an exchange was not approved at once; it waits on the desk");
    } catch (error) {
      logger.error({ err: error, shopId: input.shop.id, rma: ret.rma }, "approving an exchange failed; it waits on the desk");
    }
    return result;
  }
  try {
    await evaluateReturnRulesFor({ shop: input.shop, graphql: input.graphql, returnId: ret.id });
  } catch (error) {
    logger.error({ err: error, shopId: input.shop.id, rma: ret.rma }, "return rules failed after a portal request; the returns/request webhook will run them");
  }
  return result;
}
