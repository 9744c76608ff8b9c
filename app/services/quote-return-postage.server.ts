import type { ReturnMoneyContext } from "~/domain/returns/fees";
import { money as moneyOf, type Money } from "~/domain/returns/money";
import { postageCharge, type PostageCharge, type PostagePolicy } from "~/domain/returns/postage";
import type { ReturnMethod } from "~/domain/returns/policy";
import { CarrierLabelError, type CarrierLabelProblem, type LabelProvider, type PostageQuote } from "~/labels/provider";
import { logger } from "~/logger.server";
import { findDefaultReturnLocation, findLocationByShopifyId } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import type { ReturnAddress } from "~/shopify/returns";
import { buildReturnLabelInput, labelProviderFor, type LabelSource } from "./download-return-label.server";

export interface ReturnPostage {
  charge: PostageCharge;
  /** What the carrier quoted (LABEL policy, a provider that sells postage); null otherwise. */
  quote: PostageQuote | null;
  /** Why the carrier gave no quote, when it failed (the return is still requested; nothing is charged). */
  problem: CarrierLabelProblem | null;
}

/**
 * The postage a return about to be requested is charged, by the shop's policy (see
 * app/domain/returns/postage.ts). Only LABEL asks the carrier: the provider that will sell the label
 * (the same choice approval makes) rates the parcel now, since the fee must go to Shopify with the
 * request. A carrier that cannot quote (address not verified, no rate, down) charges nothing rather
 * than more than the shopper was told; staff see the carrier's problem again when they approve.
 */
export async function quoteReturnPostage(input: {
  shop: ShopRef & { domain: string; name: string };
  graphql: AdminGraphql;
  policy: PostagePolicy;
  method: ReturnMethod;
  money: ReturnMoneyContext;
  ret: LabelSource;
  returnLocationId: string | null;
  shippingAddress: ReturnAddress | null;
  labelProvider?: LabelProvider;
}): Promise<ReturnPostage> {
  const { shop, policy, method, money } = input;
  const reasons = input.ret.lines.map((l) => l.reason);
  const without = postageCharge(policy, { method, reasons, postage: null }, money);
  if (without.basis !== "no-postage") return { charge: without, quote: null, problem: null };

  const location = (input.returnLocationId ? await findLocationByShopifyId(shop, input.returnLocationId) : null) ?? (await findDefaultReturnLocation(shop));
  if (!location) return { charge: without, quote: null, problem: null };
  const labelInput = await buildReturnLabelInput({ shop, graphql: input.graphql, ret: input.ret, returnLocation: location, shippingAddress: input.shippingAddress });
  const provider = input.labelProvider ?? labelProviderFor(labelInput);
  if (!provider.quotePostage) return { charge: without, quote: null, problem: null };
  try {
    const quote = await provider.quotePostage(labelInput);
    let postage: Money | null = null;
    try {
      postage = moneyOf(quote.amount, quote.currency);
    } catch {
      logger.warn({ shopId: shop.id, rma: input.ret.rma, quote }, "The carrier's postage is not an amount; nothing charged");
    }
    return { charge: postageCharge(policy, { method, reasons, postage }, money), quote, problem: null };
  } catch (error) {
    if (!(error instanceof CarrierLabelError)) throw error;
    logger.warn({ shopId: shop.id, rma: input.ret.rma, problem: error.problem, details: error.details, err: error.message }, "The carrier gave no postage quote; nothing charged");
    return { charge: without, quote: null, problem: error.problem };
  }
}
