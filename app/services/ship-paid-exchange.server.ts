// orders/updated of an order with an exchange waiting to ship: Shopify holds an exchange's new items
// AWAITING_PAYMENT while the order owes the difference, and releases them once it is paid (the
// customer paying the invoice Crossdock had Shopify email, or the merchant recording the payment).
// The payment is announced by orders/updated: the return records that it was paid, and the released
// fulfillment order goes through Crossdock's routing (trigger "exchange"), once.
import { exchangePaymentStage, owes } from "~/domain/returns/exchange-payment";
import { logger } from "~/logger.server";
import { listExchangesAwaitingShipment, recordExchangePaid, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchOrderBalance } from "~/shopify/order-invoices";
import type { RouteOrderResult } from "./route-order.server";
import { routeExchange } from "./ship-exchange.server";

export type ShipPaidExchangeResult =
  /** No return of the order has an exchange waiting: Shopify was not asked anything. */
  | { status: "none" }
  | { status: "order-not-found" }
  /** The order still owes: its exchange stays held. */
  | { status: "owing" }
  | { status: "checked"; paid: number; routed: RouteOrderResult[] };

export async function shipPaidExchange(input: { shop: ShopRef; orderId: string; admin: () => Promise<AdminGraphql>; now?: Date }): Promise<ShipPaidExchangeResult> {
  const { shop } = input;
  // Most orders/updated are of orders without an exchange: one indexed read, no Admin API call.
  const waiting = await listExchangesAwaitingShipment(shop, input.orderId);
  if (waiting.length === 0) return { status: "none" };
  const graphql = await input.admin();
  const balance = await fetchOrderBalance(graphql, input.orderId);
  if (!balance) return { status: "order-not-found" };
  if (owes(balance.outstanding.minor)) return { status: "owing" };
  const now = input.now ?? new Date();
  let paid = 0;
  const routed: RouteOrderResult[] = [];
  for (const ret of waiting) {
    const current = await recordPaid(shop, ret, now);
    if (current !== ret) paid++;
    const result = await routeExchange({ shop, graphql, ret: current, now });
    if (result) routed.push(result);
  }
  logger.info({ shopId: shop.id, orderId: input.orderId, paid, routed: routed.length }, "Paid exchange checked");
  return { status: "checked", paid, routed };
}

/** The exchange's balance is paid: recorded once (the return's exchangePaidAt), with a timeline entry. */
async function recordPaid(shop: ShopRef, ret: ReturnWithDetails, now: Date): Promise<ReturnWithDetails> {
  const stage = exchangePaymentStage({ ...ret, exchangeDue: ret.exchangeDue?.toFixed() ?? null });
  if (stage === "none" || stage === "paid") return ret;
  return (await recordExchangePaid(shop, ret.id, now, { type: "exchange_paid", actor: "shopify", data: { invoiced: stage !== "due" } })) ?? ret;
}
