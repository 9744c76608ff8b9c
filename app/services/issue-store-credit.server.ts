/**
 * A store-credit return, once its goods are received: the customer's store credit account (in the
 * currency they paid in) is credited with what a refund would have given (the items less the
 * return's fees, as quoted) plus the bonus the shopper was promised for choosing credit, through
 * Shopify's `storeCreditAccountCredit`; the credit is recorded on the return and its timeline.
 *
 * Never twice: the mutation documents no idempotency key, so Crossdock (1) claims the credit in its
 * own database before asking Shopify (the claim's time kept), (2) on any later attempt that finds a
 * claim without a recorded credit (the answer was lost: a 502 after Shopify did the work, a crash),
 * reads the customer's credits in that currency first and records a credit of exactly that amount
 * made since the claim (and not recorded by another return) instead of crediting again, and (3)
 * records the transaction id once (a conditional update). Shopify's userErrors change nothing
 * (schema: the mutation validates first), so the claim is given back and the message shown.
 */
import { Prisma } from "@prisma/client";
import { formatMoney, moneyAmount } from "~/domain/returns/money";
import { exchangeChargedOf } from "~/domain/returns/exchange";
import { storeCreditOfReturn } from "~/domain/returns/store-credit";
import { logger } from "~/logger.server";
import {
  claimStoreCredit,
  findReturnById,
  recordStoreCredit,
  releaseStoreCredit,
  storeCreditTransactionTaken,
  type ReturnWithDetails,
} from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { creditStoreCredit, listStoreCredits, type StoreCreditTransaction } from "~/shopify/store-credit";

export type IssueStoreCreditResult =
  | { status: "credited" | "unchanged"; ret: ReturnWithDetails }
  /** Not a store-credit return, or nothing to credit. */
  | { status: "not-applicable"; ret: ReturnWithDetails }
  /** `shopifyMessages`: Shopify's own words when Shopify refused; null when Crossdock could not ask (no customer). */
  | { status: "refused"; ret: ReturnWithDetails; message: string; shopifyMessages: string | null };

/** What a store-credit return credits: the quoted refund, its bonus, and both together, in the return's currency. */
export function storeCreditOf(ret: Pick<ReturnWithDetails, "currency" | "totalValue" | "returnShippingFee" | "restockingFee" | "storeCreditBonus" | "exchangeBonus" | "lines">) {
  return storeCreditOfReturn({ currency: ret.currency, value: ret.totalValue.toFixed(), returnShippingFee: ret.returnShippingFee.toFixed(), restockingFee: ret.restockingFee.toFixed(), bonus: ret.storeCreditBonus?.toFixed() ?? null, exchangeCharged: exchangeChargedOf(ret) });
}

export async function issueStoreCredit(input: { shop: ShopRef; graphql: AdminGraphql; ret: ReturnWithDetails; actor: string; now?: Date }): Promise<IssueStoreCreditResult> {
  const { shop, graphql } = input;
  const ret = input.ret;
  if (ret.outcome !== "STORE_CREDIT") return { status: "not-applicable", ret };
  if (ret.storeCreditTransactionId) return { status: "unchanged", ret };
  const amounts = storeCreditOf(ret);
  if (amounts.total.minor <= 0) return { status: "not-applicable", ret };
  if (!ret.customerId) return { status: "refused", ret, message: "The order has no customer account to credit.", shopifyMessages: null };
  const now = input.now ?? new Date();

  let credit: StoreCreditTransaction | null = null;
  if (ret.storeCreditRequestedAt) {
    // An earlier attempt asked Shopify and did not hear back: find its credit before making another.
    const since = ret.storeCreditRequestedAt.getTime();
    const credits = (await listStoreCredits(graphql, { customerId: ret.customerId, currency: amounts.total.currency })) ?? [];
    for (const c of credits) {
      if (c.amount.minor !== amounts.total.minor || c.amount.currency !== amounts.total.currency || Date.parse(c.createdAt) < since - 1000) continue;
      if (await storeCreditTransactionTaken(shop, c.id)) continue;
      credit = c;
      break;
    }
    if (credit) logger.warn({ shopId: shop.id, rma: ret.rma, transactionId: credit.id }, "Store credit: an earlier attempt's credit was found in Shopify and recorded, not made again");
  } else if (!(await claimStoreCredit(shop, ret.id, now))) {
    return { status: "unchanged", ret: (await findReturnById(shop, ret.id))! };
  }
  const claimedAt = ret.storeCreditRequestedAt ?? now;

  if (!credit) {
    try {
      credit = await creditStoreCredit(graphql, { customerId: ret.customerId, amount: amounts.total });
    } catch (error) {
      if (error instanceof AdminUserError) {
        await releaseStoreCredit(shop, ret.id, claimedAt);
        const shopifyMessages = error.userErrors.map((e) => e.message).join("; ");
        const message = `Shopify refused the store credit: ${shopifyMessages}`;
        logger.warn({ shopId: shop.id, rma: ret.rma, userErrors: error.userErrors }, "Store credit refused");
        return { status: "refused", ret: (await findReturnById(shop, ret.id))!, message, shopifyMessages };
      }
      throw error; // outcome unknown: the claim stays, the next attempt reads before crediting
    }
  }

  const amountText = moneyAmount(amounts.total);
  const recorded = await recordStoreCredit(
    shop,
    ret.id,
    { transactionId: credit.id, amount: new Prisma.Decimal(amountText), creditedAt: now },
    {
      type: "store_credited",
      actor: input.actor,
      message: `Store credit of ${formatMoney("en", amountText, amounts.total.currency)} issued (${formatMoney("en", moneyAmount(amounts.base), amounts.base.currency)} + ${formatMoney("en", moneyAmount(amounts.bonus), amounts.bonus.currency)} bonus)`,
      data: { transactionId: credit.id, amount: amountText, base: moneyAmount(amounts.base), bonus: moneyAmount(amounts.bonus), currency: amounts.total.currency },
    },
  );
  const after = (await findReturnById(shop, ret.id))!;
  if (!recorded) return { status: "unchanged", ret: after };
  logger.info({ shopId: shop.id, rma: ret.rma, transactionId: credit.id, amount: amountText, currency: amounts.total.currency }, "Return credited to store credit");
  return { status: "credited", ret: after };
}
