import { z } from "zod";
import { decimalInput } from "./policy";
import { currencyExponent, fromMinor, isAmount, percentOf, toMinor, toPresentment, type Minor, type Money, type OrderRate } from "./money";

/**
 * How a return ends for the shopper: money back to how they paid (REFUND) or the same money, plus
 * the merchant's bonus, on their store credit account (STORE_CREDIT, Shopify's
 * `storeCreditAccountCredit`). An exchange is chosen per item on top of this (`exchange` below,
 * app/domain/returns/exchange.ts for its money): whatever money the return still gives back goes
 * this way.
 */
export const RETURN_OUTCOMES = ["REFUND", "STORE_CREDIT"] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

export const BONUS_KINDS = ["PERCENT", "FIXED"] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];

/**
 * The outcome part of a shop's return policy, as stored on `ReturnPolicy` (`return_outcomes`,
 * `store_credit_bonus_kind`, `store_credit_bonus_value`): which outcomes shoppers may choose, and
 * the bonus for choosing store credit: a percentage of the credited amount ("10.00" = 10 %), or a
 * fixed amount in the shop's currency.
 */
export interface OutcomePolicy {
  outcomes: ReturnOutcome[];
  bonusKind: BonusKind;
  /** Decimal string with 2 decimals: a percentage 0–100, or an amount of the shop's currency. */
  bonusValue: string;
  exchange: ExchangePolicy;
}

/**
 * When the exchange's new items ship: once the returned items are received (AFTER_RECEIPT), or as
 * soon as the return is approved (BEFORE_RECEIPT, the merchant trusting the shopper to send theirs).
 */
export const EXCHANGE_TIMINGS = ["AFTER_RECEIPT", "BEFORE_RECEIPT"] as const;
export type ExchangeTiming = (typeof EXCHANGE_TIMINGS)[number];

/**
 * Exchanges in the policy (`exchange_*` columns of `ReturnPolicy`): whether a shopper may swap an
 * item for another variant of the same product, whether an exchange that costs more may be chosen
 * (the shopper pays the difference), the bonus for exchanging (a percentage off the new items, or a
 * fixed amount of the shop's currency off them), and when the new items ship.
 */
export interface ExchangePolicy {
  allowed: boolean;
  payDifference: boolean;
  bonusKind: BonusKind;
  bonusValue: string;
  timing: ExchangeTiming;
}

export const DEFAULT_EXCHANGE_POLICY: ExchangePolicy = { allowed: false, payDifference: false, bonusKind: "PERCENT", bonusValue: "0.00", timing: "AFTER_RECEIPT" };

export const DEFAULT_OUTCOME_POLICY: OutcomePolicy = { outcomes: ["REFUND"], bonusKind: "PERCENT", bonusValue: "0.00", exchange: DEFAULT_EXCHANGE_POLICY };

/** A bonus amount: a decimal with at most 2 decimals, not negative, normalised to 2 decimals. */
const bonusAmount = decimalInput
  .transform((v) => String(v).trim() || "0")
  .refine((v) => isAmount(v), { message: "bonusNotAmount", abort: true })
  .refine((v) => !v.startsWith("-"), "bonusNegative")
  .transform((v) => fromMinor(toMinor(v)));

/** A percentage bonus is at most 100 %, a fixed one at most 1,000,000.00. */
function bonusInRange(bonus: { bonusKind: BonusKind; bonusValue: string }, ctx: z.RefinementCtx, path: (string | number)[]) {
  if (bonus.bonusKind === "PERCENT" && toMinor(bonus.bonusValue) > 10_000) ctx.addIssue({ code: "custom", path, message: "bonusPercentTooHigh" });
  if (bonus.bonusKind === "FIXED" && toMinor(bonus.bonusValue) > 100_000_000) ctx.addIssue({ code: "custom", path, message: "bonusTooHigh" });
}

const exchangePolicySchema = z.object({
  allowed: z.boolean().default(false),
  payDifference: z.boolean().default(false),
  bonusKind: z.enum(BONUS_KINDS, "bonusKindUnknown").default("PERCENT"),
  bonusValue: bonusAmount,
  timing: z.enum(EXCHANGE_TIMINGS, "timingUnknown").default("AFTER_RECEIPT"),
});

/**
 * Validates the outcome policy from the settings form or a stored row. Messages are keys of the
 * settings page's words (`returns.outcomes.errors.*`), never shown as they are.
 */
export const outcomePolicySchema = z
  .object({
    outcomes: z
      .array(z.enum(RETURN_OUTCOMES, "outcomeUnknown"))
      .min(1, "outcomeRequired")
      .transform((list) => RETURN_OUTCOMES.filter((o) => list.includes(o))),
    bonusKind: z.enum(BONUS_KINDS, "bonusKindUnknown").default("PERCENT"),
    bonusValue: bonusAmount,
    exchange: exchangePolicySchema.default(DEFAULT_EXCHANGE_POLICY),
  })
  .superRefine((policy, ctx) => {
    bonusInRange(policy, ctx, ["bonusValue"]);
    bonusInRange(policy.exchange, ctx, ["exchange", "bonusValue"]);
  }) satisfies z.ZodType<OutcomePolicy, unknown>;

/** Whether the policy lets the shopper choose `outcome`. */
export function offersOutcome(policy: Pick<OutcomePolicy, "outcomes">, outcome: ReturnOutcome): boolean {
  return policy.outcomes.includes(outcome);
}

/** The outcome a return gets when the shopper named none: refund when offered, else the first offered. */
export function defaultOutcome(policy: Pick<OutcomePolicy, "outcomes">): ReturnOutcome {
  return policy.outcomes.includes("REFUND") ? "REFUND" : (policy.outcomes[0] ?? "REFUND");
}

export interface StoreCreditAmounts {
  /** What a refund would have given (the items less the return's fees). */
  base: Money;
  /** The merchant's bonus for choosing credit, in the same currency. */
  bonus: Money;
  /** base + bonus: what the store credit account is credited. */
  total: Money;
}

/**
 * The credit for a return whose refund would be `base` (in the shopper's currency): a percentage
 * bonus is taken of `base`, rounded half away from zero to the currency's minor unit; a fixed bonus
 * is an amount of the shop's currency, converted at the order's own rate when the shopper paid in
 * another (no rate to be had: no bonus rather than a guessed one). Integer arithmetic throughout.
 * Nothing to refund (base 0): no bonus either, credit for nothing is not a return outcome.
 */
export function storeCreditAmounts(policy: Pick<OutcomePolicy, "bonusKind" | "bonusValue">, base: Money, rate?: OrderRate): StoreCreditAmounts {
  const currency = base.currency;
  let bonusMinor = 0;
  if (base.minor > 0) {
    if (policy.bonusKind === "PERCENT") bonusMinor = percentOf(base.minor, policy.bonusValue);
    else bonusMinor = fixedBonusIn(policy.bonusValue, currency, rate);
  }
  const bonus = { minor: bonusMinor, currency };
  return { base, bonus, total: { minor: base.minor + bonusMinor, currency } };
}

/**
 * A fixed bonus (an amount of the shop's currency, 2 decimals) in minor units of the shopper's
 * `currency`, at the order's own rate when they differ; no rate to be had: 0 rather than a guess.
 */
export function fixedBonusIn(bonusValue: string, currency: string, rate?: OrderRate): Minor {
  const shopCurrency = rate?.shop.currency ?? currency;
  const fixed: Money = { minor: hundredthsIn(toMinor(bonusValue), shopCurrency), currency: shopCurrency };
  return shopCurrency === currency ? fixed.minor : rate ? (toPresentment(fixed, rate)?.minor ?? 0) : 0;
}

/** Hundredths (the policy's 2-decimal amount) in minor units of `currency`, rounded half away from zero ("0.50" VND → 1 đồng). */
function hundredthsIn(hundredths: Minor, currency: string): Minor {
  const exponent = currencyExponent(currency);
  if (exponent >= 2) return hundredths * 10 ** (exponent - 2);
  const scale = 10 ** (2 - exponent);
  const whole = Math.trunc(hundredths / scale);
  return (hundredths % scale) * 2 >= scale ? whole + 1 : whole;
}

/**
 * What a stored store-credit return credits, in its currency: the refund it was quoted (items less
 * fees, never below 0) and the bonus promised when the shopper chose credit (none on nothing).
 */
export function storeCreditOfReturn(ret: { currency: string; value: string; returnShippingFee: string; restockingFee: string; bonus: string | null }): StoreCreditAmounts {
  const base: Money = { minor: Math.max(0, toMinor(ret.value, ret.currency) - toMinor(ret.returnShippingFee, ret.currency) - toMinor(ret.restockingFee, ret.currency)), currency: ret.currency };
  const bonus: Money = { minor: base.minor > 0 && ret.bonus ? toMinor(ret.bonus, ret.currency) : 0, currency: ret.currency };
  return { base, bonus, total: { minor: base.minor + bonus.minor, currency: ret.currency } };
}

/** The outcome policy of a stored policy row (none, or one that no longer validates: refunds only). */
export function outcomePolicyOf(
  row: {
    returnOutcomes: string[];
    storeCreditBonusKind: string;
    storeCreditBonusValue: { toString(): string };
    exchangeAllowed: boolean;
    exchangePayDifference: boolean;
    exchangeBonusKind: string;
    exchangeBonusValue: { toString(): string };
    exchangeTiming: string;
  } | null,
): OutcomePolicy {
  if (!row) return DEFAULT_OUTCOME_POLICY;
  const parsed = outcomePolicySchema.safeParse({
    outcomes: row.returnOutcomes,
    bonusKind: row.storeCreditBonusKind,
    bonusValue: String(row.storeCreditBonusValue),
    exchange: { allowed: row.exchangeAllowed, payDifference: row.exchangePayDifference, bonusKind: row.exchangeBonusKind, bonusValue: String(row.exchangeBonusValue), timing: row.exchangeTiming },
  });
  return parsed.success ? parsed.data : DEFAULT_OUTCOME_POLICY;
}
