// An exchange that costs the customer more: once Shopify has processed the new items and the
// returned ones, the order has the difference outstanding and Shopify holds the new items until it is
// paid. Crossdock asks Shopify to email the customer its invoice (`orderInvoiceSend`, whose email
// carries Shopify's payment link), once; the payment's orders/updated then routes the new items
// (ship-paid-exchange.server.ts).
import { exchangePaymentStage, owes, shouldInvoiceExchange } from "~/domain/returns/exchange-payment";
import { moneyAmount } from "~/domain/returns/money";
import { Prisma } from "@prisma/client";
import { logger } from "~/logger.server";
import { changeReturn, claimExchangeInvoice, findReturnById, recordExchangePaid, releaseExchangeInvoice, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminApiError, AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { fetchOrderBalance, sendOrderInvoice } from "~/shopify/order-invoices";
import { hasExchange } from "./ship-exchange.server";

export type SendExchangeInvoiceResult =
  /** Not now: no exchange, not processed yet, or the returned items not received yet. */
  | { status: "not-yet"; ret: ReturnWithDetails }
  /** Asked before (sent, or asked without an answer): never a second email. */
  | { status: "unchanged"; ret: ReturnWithDetails }
  /** Shopify's order owes nothing: nothing to invoice (the new items are not held for payment). */
  | { status: "nothing-owed"; ret: ReturnWithDetails }
  | { status: "sent"; ret: ReturnWithDetails }
  /** Shopify refused (its words): nothing was sent, nothing is claimed; the timeline says so. */
  | { status: "refused"; ret: ReturnWithDetails; shopifyMessages: string[] }
  /** Shopify did not answer: the invoice may have gone. It is not asked again; the desk says to check in Shopify admin. */
  | { status: "unconfirmed"; ret: ReturnWithDetails };

/**
 * Invoices what the order has outstanding, at most once: the claim (`exchangeInvoiceRequestedAt`)
 * is written before Shopify is asked, so a retry after a lost answer finds it and sends nothing (a
 * customer asked twice to pay is worse than a desk that says "check in Shopify"); a refusal gives the
 * claim back with Shopify's words on the timeline.
 */
export async function sendExchangeInvoice(input: { shop: ShopRef; graphql: AdminGraphql; ret: ReturnWithDetails; actor: string; now?: Date }): Promise<SendExchangeInvoiceResult> {
  const { shop, graphql, ret } = input;
  const facts = { differenceQuoted: ret.exchangeDue != null && Number(ret.exchangeDue.toFixed(2)) > 0, exchangeProcessed: hasExchange(ret) && ret.exchangeProcessedAt != null, returnedItemsProcessed: ret.receivedAt != null, invoiceAsked: ret.exchangeInvoiceRequestedAt != null };
  if (!shouldInvoiceExchange(facts)) return { status: facts.invoiceAsked ? "unchanged" : "not-yet", ret };
  const balance = await fetchOrderBalance(graphql, ret.orderId);
  if (!balance) return { status: "refused", ret, shopifyMessages: ["Shopify has no such order any more."] };
  const now = input.now ?? new Date();
  if (!owes(balance.outstanding.minor)) {
    // Quoted a difference, but Shopify's order owes nothing after all: nothing holds the new items.
    if (exchangePaymentStage({ ...ret, exchangeDue: ret.exchangeDue?.toFixed() ?? null }) !== "due") return { status: "nothing-owed", ret };
    const changed = await recordExchangePaid(shop, ret.id, now, { type: "exchange_paid", actor: "shopify", data: { invoiced: false } });
    return { status: "nothing-owed", ret: changed ?? ret };
  }
  if (!(await claimExchangeInvoice(shop, ret.id, now))) return { status: "unchanged", ret: (await findReturnById(shop, ret.id)) ?? ret };
  const amount = moneyAmount(balance.outstanding);
  try {
    await sendOrderInvoice(graphql, { orderId: ret.orderId, to: ret.customerEmail });
  } catch (error) {
    const refusal = refusedBy(error);
    if (refusal) {
      const shopifyMessages = refusal;
      await releaseExchangeInvoice(shop, ret.id, now, { type: "exchange_invoice_refused", actor: input.actor, data: { shopifyMessages } });
      logger.warn({ shopId: shop.id, rma: ret.rma, shopifyMessages }, "Shopify refused to email the exchange's invoice");
      return { status: "refused", ret: (await findReturnById(shop, ret.id)) ?? ret, shopifyMessages };
    }
    // No answer (a 5xx, a lost connection): it may have been sent. The claim stays.
    logger.error({ err: error, shopId: shop.id, rma: ret.rma }, "No answer from Shopify to the exchange's invoice; it is not asked again");
    const changed = await changeReturn(shop, ret.id, { events: [{ type: "exchange_invoice_unconfirmed", actor: input.actor, data: { amount, currency: balance.outstanding.currency } }] });
    return { status: "unconfirmed", ret: changed ?? ret };
  }
  const changed = await changeReturn(shop, ret.id, {
    fields: { exchangeInvoiceSentAt: now, exchangeInvoiceAmount: new Prisma.Decimal(amount), exchangeInvoiceCurrency: balance.outstanding.currency },
    events: [{ type: "exchange_invoice_sent", actor: input.actor, data: { amount, currency: balance.outstanding.currency } }],
  });
  logger.info({ shopId: shop.id, rma: ret.rma, amount, currency: balance.outstanding.currency }, "Shopify emailed the exchange's invoice");
  return { status: "sent", ret: changed ?? ret };
}

/**
 * Shopify's words when it certainly sent nothing: the mutation's userErrors, or a GraphQL error with
 * its code on an answer that is not a 5xx (ACCESS_DENIED without `write_orders`: the document did not
 * run). Anything else (a 5xx, a lost connection) may have run: null.
 */
function refusedBy(error: unknown): string[] | null {
  if (error instanceof AdminUserError) return error.userErrors.map((e) => e.message);
  if (error instanceof AdminApiError && error.code && !(error.status && error.status >= 500)) return error.errors.map((e) => e.message);
  return null;
}
