// Receiving a return at a location is processing it in Shopify (returnProcess, 2025-07+): the
// returned units are confirmed with each item's disposition (restocked, not restocked, missing), so
// restocked units go back into stock where the goods arrived; with "refund", the refund Shopify
// suggests (the items less the return's fees: the amount the shopper was quoted) is issued in the
// same call, in the shopper's currency. Then the record (RECEIVED, dispositions, timeline; REFUNDED
// with the refund, both through the lifecycle table) and the shopper's emails.
// Idempotent: units Shopify already processed are never processed again (a retry after a failure
// processes only what is left, a repeat processes nothing), so stock is never raised twice; a refund
// is recorded once per Shopify refund id.
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { logger } from "~/logger.server";
import { changeReturn, findLocationByShopifyId, findReturnById, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { fetchReturnForSync, type DispositionType } from "~/shopify/return-sync";
import { fetchSuggestedOutcome, processReturn, type ProcessedReturn, type ProcessLineInput } from "~/shopify/return-processing";
import { moneyAmount, type Money } from "~/domain/returns/money";
import { canStaffTransition, statusInWords } from "~/domain/returns/status";
import { notifyReturn } from "./notify-return.server";
import { issueStoreCredit } from "./issue-store-credit.server";
import { recordRefundOfReturn } from "./record-return-refund.server";
import { sendExchangeInvoice } from "./send-exchange-invoice.server";
import { processExchange, routeExchange } from "./ship-exchange.server";

export const RECEIVE_DISPOSITIONS = ["RESTOCKED", "NOT_RESTOCKED", "MISSING"] as const satisfies readonly DispositionType[];

export const receiveReturnSchema = z.object({
  /** Where the goods arrived (Location GID); restocked items go back into stock there. */
  locationId: z.string().trim().min(1, "choose the location where the goods arrived"),
  lines: z
    .array(z.object({ lineId: z.string().min(1), disposition: z.enum(RECEIVE_DISPOSITIONS, "choose what happens to this item") }))
    .min(1, "choose a disposition for every item"),
  /** Issue the refund Shopify suggests with the processing (a form checkbox: "on"). */
  refund: z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).optional().transform((v) => v === true || v === "on" || v === "true"),
});
export type ReceiveReturnRequest = z.input<typeof receiveReturnSchema>;

export interface ReceiveReturnInput {
  shop: ShopRef & { domain: string };
  graphql: AdminGraphql;
  returnId: string;
  request: ReceiveReturnRequest;
  actor: string;
  now?: Date;
}

export type ReceiveReturnResult =
  /** `creditRefused`: a store-credit return was received but its credit was refused (Shopify's words when it was Shopify). */
  | { status: "received" | "unchanged"; ret: ReturnWithDetails; creditRefused?: CreditRefusal }
  | { status: "not-found" }
  | { status: "invalid"; errors: Record<string, string> }
  /** English, for the log; Shopify's own words, when it refused, in `shopifyMessages`. */
  | { status: "refused"; message: string; shopifyMessages?: string[] };

export async function receiveReturn(input: ReceiveReturnInput): Promise<ReceiveReturnResult> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return { status: "not-found" };
  // Received once already (RECEIVED, or refunded or closed after the goods came back): nothing to do.
  // A return refunded or closed before its goods arrived is not "already received": the table says
  // whether it may be received now.
  if (ret.receivedAt) {
    // …but what a refusal or an outage left undone is finished: the store credit, the exchange's invoice.
    const credited = await creditIfStoreCredit(input, graphql, ret);
    return { status: "unchanged", ...credited, ret: await finishExchange(input, graphql, credited.ret) };
  }
  if (!canStaffTransition(ret.status, "RECEIVED")) return { status: "refused", message: `A return that is ${statusInWords(ret.status)} cannot be received.` };
  if (!ret.shopifyReturnId) return { status: "refused", message: "The return is not in Shopify." };

  const parsed = receiveReturnSchema.safeParse(input.request);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const [head, index] = issue.path;
      const key = head === "lines" && typeof index === "number" ? (input.request.lines?.[index]?.lineId ?? "_form") : head === "locationId" ? "locationId" : "_form";
      errors[key] ??= issue.message;
    }
    return { status: "invalid", errors };
  }
  const request = parsed.data;
  const byLine = new Map(request.lines.map((l) => [l.lineId, l.disposition]));
  const errors: Record<string, string> = {};
  for (const line of ret.lines) if (!byLine.has(line.id)) errors[line.id] = "choose what happens to this item";
  for (const id of byLine.keys()) if (!ret.lines.some((l) => l.id === id)) errors._form = "An item does not belong to this return.";
  const location = await findLocationByShopifyId(shop, request.locationId);
  if (!location || !location.isActive) errors.locationId = "choose an active location of this shop";
  if (Object.keys(errors).length) return { status: "invalid", errors };

  const now = input.now ?? new Date();
  const inShopify = await fetchReturnForSync(graphql, ret.shopifyReturnId);
  if (!inShopify) return { status: "refused", message: "Shopify has no such return any more." };
  if (inShopify.status !== "OPEN") return { status: "refused", message: `The return is ${statusInWords(inShopify.status)} in Shopify.` };

  const rfoLines = inShopify.reverseFulfillmentOrders.filter((r) => r.status !== "CANCELED").flatMap((rfo) => rfo.lines.map((l) => ({ ...l, rfoId: rfo.id })));
  const processLines: ProcessLineInput[] = [];
  const summary: { lineId: string; title: string; quantity: number; disposition: string; alreadyProcessed: number }[] = [];
  for (const line of ret.lines) {
    const disposition = byLine.get(line.id)!;
    const shopifyLine = inShopify.lines.find((l) => (line.shopifyReturnLineItemId ? l.id === line.shopifyReturnLineItemId : l.fulfillmentLineItemId === line.fulfillmentLineItemId));
    const rfoLine = rfoLines.find((l) => l.fulfillmentLineItemId === line.fulfillmentLineItemId);
    if (!shopifyLine || !rfoLine) return { status: "refused", message: `Shopify's return has no item "${line.title}" to receive.` };
    const left = Math.max(0, shopifyLine.quantity - shopifyLine.processedQuantity);
    const undisposed = Math.max(0, rfoLine.totalQuantity - rfoLine.dispositions.reduce((sum, d) => sum + d.quantity, 0));
    if (left > 0) {
      const disposed = Math.min(left, undisposed);
      processLines.push({
        returnLineItemId: shopifyLine.id,
        quantity: left,
        dispositions: disposed > 0 ? [{ reverseFulfillmentOrderLineItemId: rfoLine.id, quantity: disposed, dispositionType: disposition, locationId: disposition === "RESTOCKED" ? location!.shopifyId : null }] : [],
      });
    }
    summary.push({ lineId: line.id, title: line.title, quantity: line.quantity, disposition, alreadyProcessed: shopifyLine.processedQuantity });
  }

  // An exchange's new items first: Shopify then suggests refunding only what the return gives back
  // after them. Refused: nothing was processed, the receipt is refused in Shopify's words.
  const exchange = await processExchange({ shop, graphql, ret, actor: input.actor, now });
  if (exchange.status === "refused") return { status: "refused", message: `Shopify refused the exchange items: ${exchange.shopifyMessages.join("; ")}`, shopifyMessages: exchange.shopifyMessages };

  let processed: ProcessedReturn | null = null;
  let refundIssued: { id: string; amount: Money } | null = null;
  try {
    if (processLines.length) {
      // The refund Shopify suggests for exactly these units: their price less their restocking fees and the return shipping fee.
      // A store-credit return is never refunded as well: its money goes to the store credit account below.
      const suggested = request.refund && ret.outcome !== "STORE_CREDIT" ? await fetchSuggestedOutcome(graphql, inShopify.id, processLines.map((l) => ({ returnLineItemId: l.returnLineItemId, quantity: l.quantity }))) : null;
      const transactions = suggested?.kind === "refund" ? suggested.transactions : [];
      const before = new Set(inShopify.refundIds);
      processed = await processReturn(graphql, { returnId: inShopify.id, lines: processLines, refund: transactions.length ? { transactions } : null });
      const fresh = processed.refunds.find((r) => !before.has(r.id));
      if (fresh) refundIssued = { id: fresh.id, amount: fresh.amount };
    }
  } catch (error) {
    if (error instanceof AdminUserError) {
      const shopifyMessages = error.userErrors.map((e) => e.message);
      return { status: "refused", message: `Shopify refused to process the return: ${shopifyMessages.join("; ")}`, shopifyMessages };
    }
    throw error;
  }

  const reverseFulfillmentOrderId = ret.reverseFulfillmentOrderId ?? rfoLines[0]?.rfoId ?? null;
  const recorded = await changeReturn(shop, ret.id, {
    to: "RECEIVED",
    fields: { receivedAt: now, ...(reverseFulfillmentOrderId && { reverseFulfillmentOrderId }) },
    lines: summary.map((s) => ({ lineId: s.lineId, disposition: s.disposition, dispositionLocationId: location!.shopifyId })),
    events: [
      {
        type: "received",
        actor: input.actor,
        message: `Received at ${location!.name}: ${summary.map((s) => `${s.quantity} × ${s.title} ${s.disposition.toLowerCase().replace("_", " ")}`).join("; ")}`,
        data: {
          locationId: location!.shopifyId,
          lines: summary,
          processedNow: processLines.map((l) => ({ id: l.returnLineItemId, quantity: l.quantity, dispositions: l.dispositions.map((d) => ({ quantity: d.quantity, type: d.dispositionType })) })),
        },
      },
    ],
  });
  let current = recorded ?? (await findReturnById(shop, ret.id))!;
  if (recorded) {
    logger.info({ shopId: shop.id, rma: ret.rma, actor: input.actor, location: location!.shopifyId, processed: processed != null }, "Return received (processed in Shopify)");
    await notifyReturn(shop, current, "return-received", { now });
  }
  if (refundIssued) {
    const refunded = await recordRefundOfReturn(shop, current, {
      refundId: refundIssued.id,
      amount: new Prisma.Decimal(moneyAmount(refundIssued.amount)),
      currency: refundIssued.amount.currency,
      refundedAt: now,
      actor: input.actor,
      message: "Refunded with the return's processing",
    });
    current = refunded.ret;
  }
  const credited = await creditIfStoreCredit(input, graphql, current);
  return { status: recorded ? "received" : "unchanged", ...credited, ret: await finishExchange(input, graphql, credited.ret) };
}

/**
 * The exchange after the receipt: its fulfillment order, open now that the returned items paid for
 * it, goes through the routing rules; when the customer owes a difference it stays held and Shopify
 * emails them the invoice (once). The receipt stands whatever happens here: a routing failure is on
 * the routing log (a FAILED decision), a refused invoice on the timeline (receiving again retries it).
 */
async function finishExchange(input: ReceiveReturnInput, graphql: AdminGraphql, ret: ReturnWithDetails): Promise<ReturnWithDetails> {
  await routeExchangeAfterReceipt(input, graphql, ret);
  try {
    return (await sendExchangeInvoice({ shop: input.shop, graphql, ret, actor: input.actor, ...(input.now ? { now: input.now } : {}) })).ret;
  } catch (error) {
    logger.error({ err: error, shopId: input.shop.id, rma: ret.rma }, "Invoicing the exchange's balance failed");
    return ret;
  }
}

async function routeExchangeAfterReceipt(input: ReceiveReturnInput, graphql: AdminGraphql, ret: ReturnWithDetails): Promise<void> {
  try {
    await routeExchange({ shop: input.shop, graphql, ret, ...(input.now ? { now: input.now } : {}) });
  } catch (error) {
    logger.error({ err: error, shopId: input.shop.id, rma: ret.rma }, "Routing the exchange's fulfillment order failed");
  }
}

/** Why a received store-credit return was not credited: Crossdock's words, and Shopify's when Shopify refused. */
interface CreditRefusal {
  message: string;
  shopifyMessages: string | null;
}

/** A store-credit return's credit, made (or found) once its goods are received; a retry finishes it. */
async function creditIfStoreCredit(input: ReceiveReturnInput, graphql: AdminGraphql, ret: ReturnWithDetails): Promise<{ ret: ReturnWithDetails; creditRefused?: CreditRefusal }> {
  if (ret.outcome !== "STORE_CREDIT" || !ret.receivedAt) return { ret };
  const result = await issueStoreCredit({ shop: input.shop, graphql, ret, actor: input.actor, now: input.now });
  return result.status === "refused" ? { ret: result.ret, creditRefused: { message: result.message, shopifyMessages: result.shopifyMessages } } : { ret: result.ret };
}
