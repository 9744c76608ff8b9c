import { shippingFeeIn, type ReturnMoneyContext } from "./fees";
import { toPresentment, type Minor, type Money } from "./money";
import type { ReturnMethod } from "./policy";

/**
 * Who pays the postage of a mail return (Settings → Returns):
 * - MERCHANT: nobody is charged (free returns);
 * - FLAT: the policy's flat return shipping fee, whatever the label cost;
 * - LABEL: what the label's postage actually cost, at most `postageCap` when one is set.
 * Carrier-neutral: LABEL reads the postage the label provider reports (EasyPost's rate, GHN's fee …);
 * a provider that sells no postage (the built-in "ship it yourself" sheet) leaves nothing to charge.
 */
export const POSTAGE_PAYERS = ["MERCHANT", "FLAT", "LABEL"] as const;
export type PostagePayer = (typeof POSTAGE_PAYERS)[number];

export interface PostagePolicy {
  postagePayer: PostagePayer;
  /** FLAT: the fee, in the shop's currency, e.g. "5.00". */
  returnShippingFee: string;
  /** LABEL: the most a shopper pays, in the shop's currency; null = the postage as it is. */
  postageCap: string | null;
  /** Return reasons (Shopify's ReturnReason values) for which the shopper pays no postage, e.g. DEFECTIVE, WRONG_ITEM. */
  freePostageReasons: string[];
}

/** The postage a label provider reported for a label (its currency is the carrier's: USD for EasyPost, VND for GHN). */
export type Postage = Money;

/** Why a return's postage charge is what it is (for the timeline and the desk). */
export type PostageBasis =
  | "drop-off"
  | "merchant"
  | "free-reason"
  | "flat"
  | "label"
  | "capped"
  /** LABEL, but no postage to read: the built-in sheet, a carrier that gave no price, or one in a currency the order has no rate for. */
  | "no-postage";

export interface PostageCharge {
  /** In minor units of the return's (presentment) currency; what Shopify gets as the return shipping fee. */
  minor: Minor;
  basis: PostageBasis;
}

/** Whether a return with these reasons ships free: one item the merchant got wrong is enough (the parcel must travel anyway). */
export function postageIsFree(policy: Pick<PostagePolicy, "freePostageReasons">, reasons: readonly string[]): boolean {
  return reasons.some((r) => policy.freePostageReasons.includes(r));
}

/**
 * What the shopper is told before they submit, in the return's currency:
 * - none: mail returns ship free (or no mail return is offered);
 * - flat: exactly `amount`;
 * - label: the label's postage, at most `upTo` (the cap at the order's rate), or with no upper bound but
 *   the refund itself when the merchant set no cap (a return's fees never take more than its value).
 * `freeReasons` ship free in every case.
 *
 * Why "at most", not a price: the postage is only known once a carrier has rated the parcel, and the
 * fee must reach Shopify with the return request (`returnRequest`'s `returnShippingFee`; no later
 * mutation changes a return's fees). So the carrier rates the parcel when the shopper submits, the
 * fee sent is that rate (capped), and the status page shows it at once. The carrier's label is bought
 * at approval from the same rated shipment (EasyPost: found again by its reference, the same cheapest
 * rate), so the amount charged is the label's postage and never more than the quote.
 */
export type PostageQuote =
  | { kind: "none" }
  | { kind: "flat"; amount: Minor; freeReasons: string[] }
  | { kind: "label"; upTo: Minor | null; freeReasons: string[] };

export function postageQuote(policy: PostagePolicy, money?: ReturnMoneyContext): PostageQuote {
  const freeReasons = [...policy.freePostageReasons];
  if (policy.postagePayer === "MERCHANT") return { kind: "none" };
  if (policy.postagePayer === "FLAT") {
    const amount = shippingFeeIn(policy.returnShippingFee, money);
    return amount > 0 ? { kind: "flat", amount, freeReasons } : { kind: "none" };
  }
  const upTo = policy.postageCap === null ? null : shippingFeeIn(policy.postageCap, money);
  return upTo === 0 ? { kind: "none" } : { kind: "label", upTo, freeReasons };
}

/**
 * The postage charged for a return, in its (presentment) currency, as Shopify's return shipping fee
 * takes it. `postage` is what the label provider reported for the label (LABEL only; null when it
 * reported none). Postage in the shop's currency is converted at the order's own rate and rounded
 * half away from zero (`toPresentment`); the cap is converted the same way, and the lower of the two
 * is charged, so a rounding never makes the charge exceed the quote.
 */
export function postageCharge(
  policy: PostagePolicy,
  input: { method: ReturnMethod; reasons: readonly string[]; postage?: Postage | null },
  money?: ReturnMoneyContext,
): PostageCharge {
  if (input.method !== "MAIL") return { minor: 0, basis: "drop-off" };
  if (policy.postagePayer === "MERCHANT") return { minor: 0, basis: "merchant" };
  if (postageIsFree(policy, input.reasons)) return { minor: 0, basis: "free-reason" };
  if (policy.postagePayer === "FLAT") return { minor: shippingFeeIn(policy.returnShippingFee, money), basis: "flat" };
  const postage = input.postage ? postageIn(input.postage, money) : null;
  if (postage === null) return { minor: 0, basis: "no-postage" };
  if (policy.postageCap === null) return { minor: postage, basis: "label" };
  const cap = shippingFeeIn(policy.postageCap, money);
  return postage > cap ? { minor: cap, basis: "capped" } : { minor: postage, basis: "label" };
}

/** The provider's postage in the return's currency; null when the order gives no rate for its currency. */
function postageIn(postage: Postage, money?: ReturnMoneyContext): Minor | null {
  if (postage.minor < 0) return null;
  if (!money) return postage.minor;
  if (postage.currency === money.currency) return postage.minor;
  if (postage.currency !== money.rate.shop.currency) return null;
  return toPresentment(postage, money.rate)?.minor ?? null;
}
