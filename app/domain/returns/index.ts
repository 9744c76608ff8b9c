/**
 * The returns domain: pure TypeScript used by the customer portal (#6) and the returns desk (#7).
 *
 * - policy: `evaluateEligibility(policy, {lines, now, cancelledAt, timeZone})` per line
 * - request: `validateReturnSelection(selection, {eligibility, policy, dropOffLocationIds})`
 * - fees: `computeReturnTotals(lines, method, policy)` (money in integer minor units)
 * - rma: `generateRma(orderName, random)`
 * - status: the lifecycle table, `checkTransition`, `returnTimeline` for the shopper
 * - rules: `parseReturnRules(json)`, `evaluateReturnRules(rules, facts)`
 */
export * from "./dates";
export * from "./fees";
export * from "./money";
export * from "./policy";
export * from "./reasons";
export * from "./request";
export * from "./rma";
export * from "./rules";
export * from "./status";
