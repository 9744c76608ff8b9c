/**
 * refunds/create for a return Crossdock knows: staff refunded it in Shopify (the refund names the
 * return). Crossdock records the money given back, moves the return to REFUNDED (an approved, in
 * transit or received one; a closed return keeps its status and gains the refund), adds it to the
 * timeline, and sends the shopper the "refunded" email in their language with the amount. Once
 * per refund, whatever the redeliveries. A refund that names no return, or one Crossdock does not
 * hold, is not Crossdock's to record.
 */
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { logger } from "~/logger.server";
import { recordReturnRefund as storeRefund } from "~/models/returns-queue.server";
import { findReturnById, findReturnByShopifyId, type ReturnWithDetails } from "~/models/returns.server";
import { fromMinor, toMinor } from "~/domain/returns/money";
import type { ShopRef } from "~/models/scope.server";
import { notifyReturn } from "./notify-return.server";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const reference = z.looseObject({ id: id.optional(), admin_graphql_api_id: z.string().startsWith("gid://").optional() });
/** An optional field read leniently: a value of another shape counts as absent, never fails the job. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

/**
 * One transaction of the refund, as Shopify's example payload has it: `currency` may be null (the
 * refund's money is then in the order's currency), `amount` a string. A transaction of another
 * shape is left out of the sum (logged), it does not fail the refund.
 */
const transaction = z.looseObject({
  kind: optional(z.string()),
  status: optional(z.string()),
  amount: optional(z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number().transform(String)])),
  currency: optional(z.string().regex(/^[A-Z]{3}$/)),
});

/** The parts of Shopify's refunds/create payload Crossdock reads: strict on the refund's id, lenient on the rest. */
export const refundPayloadSchema = z.looseObject({
  id,
  admin_graphql_api_id: optional(z.string().startsWith("gid://shopify/Refund/")),
  created_at: optional(z.string()),
  processed_at: optional(z.string()),
  return: optional(reference),
  transactions: optional(z.array(z.unknown())).transform((list) => list ?? []),
});

export type RecordReturnRefundResult =
  | { status: "ignored"; reason: string }
  | { status: "recorded" | "unchanged"; ret: ReturnWithDetails; amount: string };

const gidOf = (ref: z.infer<typeof reference> | null | undefined, type: string) =>
  ref?.admin_graphql_api_id ?? (ref?.id !== undefined ? `gid://shopify/${type}/${ref.id}` : null);

export async function recordReturnRefundFromShopify(input: {
  shop: ShopRef & { domain: string };
  payload: unknown;
  receivedAt?: Date;
}): Promise<RecordReturnRefundResult> {
  const payload = refundPayloadSchema.parse(input.payload);
  const returnId = gidOf(payload.return, "Return");
  if (!returnId) return { status: "ignored", reason: "The refund is not for a return" };
  const ret = await findReturnByShopifyId(input.shop, returnId);
  if (!ret) return { status: "ignored", reason: "The refund is for a return Crossdock does not hold" };

  const refundId = payload.admin_graphql_api_id ?? `gid://shopify/Refund/${payload.id}`;
  // The money that went back: successful refund transactions (a failed one gave nothing back).
  const transactions = payload.transactions.flatMap((raw) => {
    const parsed = transaction.safeParse(raw);
    if (parsed.success) return [parsed.data];
    logger.warn({ shopId: input.shop.id, refundId: payload.id }, "refunds/create: a transaction Crossdock cannot read was left out");
    return [];
  });
  const amount = transactions
    .filter((t) => t.kind?.toLowerCase() === "refund" && t.status?.toLowerCase() === "success" && t.amount != null)
    .reduce((sum, t) => sum.add(new Prisma.Decimal(t.amount!)), new Prisma.Decimal(0));
  // Shopify may send `currency: null`: the refund is then in the order's currency (the return's).
  const currency = transactions.find((t) => t.currency)?.currency ?? ret.currency;
  const refundedAt = [payload.processed_at, payload.created_at].map((t) => (t ? new Date(t) : null)).find((d) => d && !Number.isNaN(d.getTime())) ?? input.receivedAt ?? new Date();
  return recordRefundOfReturn(input.shop, ret, { refundId, amount, currency, refundedAt, actor: "shopify", message: `Refunded in Shopify` });
}

/**
 * Records one refund of a return (from refunds/create, or the refund Crossdock's own processing
 * issued): once per refund id, the amount added, an open return moved to REFUNDED through the
 * lifecycle table, the timeline, and the shopper's "refunded" email with the amount.
 */
export async function recordRefundOfReturn(
  shop: ShopRef & { domain: string },
  ret: ReturnWithDetails,
  refund: { refundId: string; amount: Prisma.Decimal; currency: string; refundedAt: Date; actor: string; message: string },
): Promise<Extract<RecordReturnRefundResult, { ret: ReturnWithDetails }>> {
  const amountText = formatAmount(refund.amount, refund.currency);
  const recorded = await storeRefund(
    shop,
    ret.id,
    { refundId: refund.refundId, amount: refund.amount, refundedAt: refund.refundedAt },
    {
      type: "refunded",
      actor: refund.actor,
      message: `${refund.message}: ${amountText} ${refund.currency}`,
      data: { refundId: refund.refundId, amount: amountText, currency: refund.currency },
    },
  );
  const after = (await findReturnById(shop, ret.id))!;
  if (!recorded) return { status: "unchanged", ret: after, amount: amountText };
  logger.info({ shopId: shop.id, rma: ret.rma, refundId: refund.refundId, amount: amountText, currency: refund.currency }, "Return refunded");
  if (refund.amount.gt(0)) await notifyReturn(shop, after, "return-refunded", { refundAmount: Number(after.refundedAmount ?? refund.amount) });
  return { status: "recorded", ret: after, amount: amountText };
}

/** The amount with its currency's decimals ("1144050" VND, "43.50" USD). */
function formatAmount(amount: Prisma.Decimal, currency: string): string {
  try {
    return fromMinor(toMinor(amount.toFixed(), currency), currency);
  } catch {
    return amount.toFixed(2);
  }
}
