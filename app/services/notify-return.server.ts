// The shopper's email for a return event, with the links it needs: the return's status page in the
// customer portal and, for an approved mail return, the signed label. Idempotent (one message per
// event and return, whatever the retries) and never fails the action that triggered it.
import type { ReturnEmailKind } from "~/email/templates/types";
import { env } from "~/env.server";
import { logger } from "~/logger.server";
import type { ShopRef } from "~/models/scope.server";
import { issueOrderAccessToken } from "~/security/tokens.server";
import { returnLabelFileUrl } from "./download-return-label.server";
import { enqueueReturnEmail, type ReturnEmailResult } from "./enqueue-email.server";

export interface NotifiableReturn {
  id: string;
  rma: string;
  orderId: string;
  method: "MAIL" | "DROP_OFF";
  reverseDeliveryId: string | null;
  customerEmail: string | null;
}

/** The return's page in the portal on the app's host, with a fresh order token. */
export function returnStatusUrl(shop: ShopRef & { domain: string }, ret: Pick<NotifiableReturn, "orderId" | "rma">, now?: Date): string {
  const token = issueOrderAccessToken({ shopId: shop.id, orderId: ret.orderId, now });
  return new URL(`/portal/${shop.domain}/o/${token}/returns/${encodeURIComponent(ret.rma)}`, env().SHOPIFY_APP_URL).toString();
}

export async function notifyReturn(
  shop: ShopRef & { domain: string },
  ret: NotifiableReturn,
  kind: ReturnEmailKind,
  options: { now?: Date; refundAmount?: number; deliveredAt?: Date } = {},
): Promise<ReturnEmailResult | { status: "error"; message: string }> {
  try {
    const labelUrl = kind === "return-approved" && ret.method === "MAIL" && ret.reverseDeliveryId ? returnLabelFileUrl(shop, ret, { now: options.now }) : undefined;
    const result = await enqueueReturnEmail(shop, {
      returnId: ret.id,
      kind,
      statusUrl: returnStatusUrl(shop, ret, options.now),
      ...(labelUrl && { labelUrl }),
      ...(options.refundAmount !== undefined && { refundAmount: options.refundAmount }),
      ...(options.deliveredAt && { deliveredAt: options.deliveredAt }),
    });
    return result;
  } catch (error) {
    logger.error({ err: error, shopId: shop.id, returnId: ret.id, kind }, "return email could not be queued");
    return { status: "error", message: error instanceof Error ? error.message : String(error) };
  }
}
