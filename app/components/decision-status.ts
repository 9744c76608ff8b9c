/** Badge tones of routing decision statuses (log and detail pages). */
export const decisionStatusTone = {
  APPLIED: "success",
  SUGGESTED: "attention",
  NOT_ROUTABLE: undefined,
  FAILED: "critical",
  PENDING: "info",
} as const;
