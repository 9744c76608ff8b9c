/**
 * Hold before routing: an order not yet paid, or assessed as high risk, waits before its first
 * routing and is routed when that changes (its payment arrives, a new risk assessment). Pure: the
 * order's financial status and risk as the Admin API reports them (Order.displayFinancialStatus,
 * Order.risk) and the shop's two settings.
 */
export type PaymentHoldSetting = "OFF" | "PENDING" | "PENDING_OR_AUTHORIZED";
export type RoutingHoldReason = "AWAITING_PAYMENT" | "HIGH_RISK";

export interface HoldFacts {
  /** OrderDisplayFinancialStatus (PENDING, AUTHORIZED, PAID …); null when Shopify has none. */
  financialStatus: string | null;
  /** Every assessment's riskLevel (RiskAssessmentResult: HIGH, MEDIUM, LOW, NONE, PENDING). */
  riskLevels: readonly string[];
  /** OrderRiskSummary.recommendation (ACCEPT, CANCEL, INVESTIGATE, NONE). */
  riskRecommendation: string | null;
}

/**
 * Not paid yet: PENDING (the payment provider needs time, or a manual payment method), and
 * PARTIALLY_PAID and EXPIRED (less than the order's value was captured); AUTHORIZED only when the
 * merchant wants captured payments (an authorization is not money received).
 */
const UNPAID: Record<PaymentHoldSetting, ReadonlySet<string>> = {
  OFF: new Set(),
  PENDING: new Set(["PENDING", "PARTIALLY_PAID", "EXPIRED"]),
  PENDING_OR_AUTHORIZED: new Set(["PENDING", "PARTIALLY_PAID", "EXPIRED", "AUTHORIZED"]),
};

export function routingHoldOf(facts: HoldFacts, settings: { holdUnpaid: PaymentHoldSetting; holdHighRisk: boolean }): RoutingHoldReason | null {
  if (settings.holdHighRisk && (facts.riskRecommendation === "CANCEL" || facts.riskLevels.includes("HIGH"))) return "HIGH_RISK";
  if (facts.financialStatus !== null && UNPAID[settings.holdUnpaid].has(facts.financialStatus)) return "AWAITING_PAYMENT";
  return null;
}
