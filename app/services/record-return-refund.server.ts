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
import { findReturnById, findReturnByShopifyId, recordReturnRefund as storeRefund, type ReturnWithDetails } from "~/models/returns.server";
import { fromMinor, money, moneyAmount, toMinor, toPresentment } from "~/domain/returns/money";
import type { ShopRef } from "~/models/scope.server";
import { notifyReturn } from "./notify-return.server";

const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const reference = z.looseObject({ id: id.optional(), admin_graphql_api_id: z.string().startsWith("gid://").optional() });
/** An optional field read leniently: a value of another shape counts as absent, never fails the job. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null);

const currencyCode = z.string().regex(/^[A-Z]{3}$/);
/** A REST money set's presentment currency (`presentment_money.currency_code`, or `currency` as a transaction's sets have it). */
const presentmentCurrency = z
  .looseObject({ presentment_money: z.looseObject({ currency_code: optional(currencyCode), currency: optional(currencyCode) }) })
  .transform((set) => set.presentment_money.currency_code ?? set.presentment_money.currency ?? null)
  .nullish()
  .catch(null);

/**
 * One transaction of the refund, as Shopify's example payload has it: `amount` a string in the
 * transaction's currency, which is the order's presentment currency (the REST Transaction shows
 * amounts in the shop currency only when asked, `in_shop_currency`); `currency` may be null (both
 * transactions of the example have `"currency": null`), its `total_unsettled_set` still names the
 * presentment currency. A transaction of another shape is left out of the sum (logged), it does not
 * fail the refund.
 */
const transaction = z.looseObject({
  kind: optional(z.string()),
  status: optional(z.string()),
  amount: optional(z.union([z.string().regex(/^-?\d+(\.\d+)?$/), z.number().transform(String)])),
  currency: optional(currencyCode),
  total_unsettled_set: presentmentCurrency,
});

/** The money sets of a refund's parts, each in the order's two currencies (example: `subtotal_set`, `amount_set`, `total_duties_set`). */
const sets = (key: string) => optional(z.array(z.looseObject({ [key]: presentmentCurrency }).catch({ [key]: null })));

/** The parts of Shopify's refunds/create payload Crossdock reads: strict on the refund's id, lenient on the rest. */
export const refundPayloadSchema = z.looseObject({
  id,
  admin_graphql_api_id: optional(z.string().startsWith("gid://shopify/Refund/")),
  created_at: optional(z.string()),
  processed_at: optional(z.string()),
  return: optional(reference),
  transactions: optional(z.array(z.unknown())).transform((list) => list ?? []),
  refund_line_items: sets("subtotal_set"),
  order_adjustments: sets("amount_set"),
  refund_shipping_lines: sets("subtotal_amount_set"),
  total_duties_set: presentmentCurrency,
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
  const currency = refundCurrency(payload, transactions);
  if (!currency) logger.warn({ shopId: input.shop.id, refundId: payload.id, rma: ret.rma }, "refunds/create names no currency: taken as the return's");
  const refundedAt = [payload.processed_at, payload.created_at].map((t) => (t ? new Date(t) : null)).find((d) => d && !Number.isNaN(d.getTime())) ?? input.receivedAt ?? new Date();
  return recordRefundOfReturn(input.shop, ret, { refundId, amount, currency: currency ?? ret.currency, refundedAt, actor: "shopify", message: `Refunded in Shopify` });
}

/**
 * The currency the refund's money is in: a transaction's `currency` when Shopify sends one, else the
 * presentment currency its money sets name (the transaction's `total_unsettled_set`, the refunded
 * lines', adjustments', shipping lines', duties'): the order's presentment currency, never the
 * shop's. Null when the payload names none.
 */
export function refundCurrency(payload: z.infer<typeof refundPayloadSchema>, transactions: z.infer<typeof transaction>[]): string | null {
  const named = [
    ...transactions.map((t) => t.currency),
    ...transactions.map((t) => t.total_unsettled_set),
    ...(payload.refund_line_items ?? []).map((l) => l.subtotal_set),
    ...(payload.order_adjustments ?? []).map((a) => a.amount_set),
    ...(payload.refund_shipping_lines ?? []).map((l) => l.subtotal_amount_set),
    payload.total_duties_set,
  ];
  return named.find((c): c is string => typeof c === "string") ?? null;
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
  // The return's refunded total is in its own currency; a refund in another can only be added at the return's rate.
  const inReturnCurrency = amountInReturnCurrency(ret, refund.amount, refund.currency);
  if (!inReturnCurrency) logger.warn({ shopId: shop.id, rma: ret.rma, refundId: refund.refundId, currency: refund.currency, returnCurrency: ret.currency }, "A refund in another currency than the return's, with no rate between them: on the timeline, not in the refunded total");
  const recorded = await storeRefund(
    shop,
    ret.id,
    { refundId: refund.refundId, amount: inReturnCurrency ?? new Prisma.Decimal(0), refundedAt: refund.refundedAt },
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

/**
 * A refund's amount in the return's currency: as it is when the currencies agree; converted at the
 * return's own rate (its value in both currencies) when the refund is in the shop's currency; null
 * when there is no rate (a return recorded before its value in the shop's currency was kept).
 */
function amountInReturnCurrency(ret: ReturnWithDetails, amount: Prisma.Decimal, currency: string): Prisma.Decimal | null {
  if (currency === ret.currency) return amount;
  if (currency !== ret.shopCurrency || ret.shopValue == null) return null;
  try {
    const rate = { shop: money(ret.shopValue.toFixed(), currency), presentment: money(ret.totalValue.toFixed(), ret.currency) };
    const converted = toPresentment(money(amount.toFixed(), currency), rate);
    return converted ? new Prisma.Decimal(moneyAmount(converted)) : null;
  } catch {
    return null;
  }
}

/** The amount with its currency's decimals ("1144050" VND, "43.50" USD). */
function formatAmount(amount: Prisma.Decimal, currency: string): string {
  try {
    return fromMinor(toMinor(amount.toFixed(), currency), currency);
  } catch {
    return amount.toFixed(2);
  }
}
