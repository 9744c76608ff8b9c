/** Badge tones of routing decision statuses (log, detail and Needs attention pages). */
export const decisionStatusTone = {
  APPLIED: "success",
  SUGGESTED: "attention",
  NOT_ROUTABLE: undefined,
  FAILED: "critical",
  // Applied in part (units unfilled, a pickup or a move refused): a warning, never a green "applied".
  NEEDS_REVIEW: "warning",
  PENDING: "info",
} as const;
