/**
 * Why a carrier sold no label, as the label providers report it (app/labels/provider.ts
 * `CarrierLabelProblem`) and the label_failed event stores it; each has words for staff
 * (admin-return-detail carrierError.*) and for the shopper (returns status.labelProblem.*).
 */
export const CARRIER_LABEL_PROBLEMS = ["invalid-address", "no-rates", "unavailable", "timeout"] as const;
export type CarrierProblem = (typeof CARRIER_LABEL_PROBLEMS)[number];

/**
 * Why a requested mail return has no label yet: the carrier refused or failed on the last try (a
 * label_failed event after any label_created). Null once a label exists or the return moved on. A
 * stored problem this version does not know counts as "unavailable" (the store tries again).
 */
export function pendingLabelProblem(ret: { status: string; method: string; events: ReadonlyArray<{ type: string; data: unknown }> }): CarrierProblem | null {
  if (ret.status !== "REQUESTED" || ret.method !== "MAIL") return null;
  const last = [...ret.events].reverse().find((e) => e.type === "label_failed" || e.type === "label_created");
  if (last?.type !== "label_failed") return null;
  const problem = (last.data as { problem?: unknown } | null)?.problem;
  return CARRIER_LABEL_PROBLEMS.find((p) => p === problem) ?? "unavailable";
}
