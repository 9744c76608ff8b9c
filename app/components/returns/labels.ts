// Words and badge tones for the returns desk's pages (shared by the queue, detail and settings).
export const STATUS_LABELS: Record<string, string> = {
  REQUESTED: "Requested",
  APPROVED: "Approved",
  DECLINED: "Declined",
  IN_TRANSIT: "In transit",
  RECEIVED: "Received",
  REFUNDED: "Refunded",
  CLOSED: "Closed",
  CANCELED: "Canceled",
};

export type Tone = "info" | "success" | "warning" | "critical" | "attention" | undefined;

export const STATUS_TONES: Record<string, Tone> = {
  REQUESTED: "attention",
  APPROVED: "info",
  IN_TRANSIT: "info",
  RECEIVED: "success",
  REFUNDED: "success",
  DECLINED: "critical",
  CLOSED: undefined,
  CANCELED: undefined,
};

export const REASON_LABELS: Record<string, string> = {
  COLOR: "Color",
  DEFECTIVE: "Defective",
  NOT_AS_DESCRIBED: "Not as described",
  OTHER: "Other",
  SIZE_TOO_LARGE: "Too large",
  SIZE_TOO_SMALL: "Too small",
  STYLE: "Style",
  UNKNOWN: "Unknown",
  UNWANTED: "Unwanted",
  WRONG_ITEM: "Wrong item",
};

export const DECLINE_REASON_LABELS: Record<string, string> = {
  FINAL_SALE: "Final sale",
  RETURN_PERIOD_ENDED: "Return period ended",
  OTHER: "Other",
};

export const METHOD_LABELS: Record<string, string> = { MAIL: "By mail", DROP_OFF: "Drop-off at a store" };

/** A timeline event's name (the stored event types). */
export const EVENT_LABELS: Record<string, string> = {
  requested: "Requested",
  rules: "Rules checked",
  flagged: "Flagged",
  approved: "Approved",
  declined: "Declined",
  label_created: "Label created",
  received: "Received",
  refunded: "Refunded",
  closed: "Closed",
  canceled: "Canceled",
  reopened: "Reopened",
  note: "Note",
};

const ACTOR_LABELS: Record<string, string> = { shopper: "the shopper", shopify: "in Shopify", system: "Crossdock" };

/** Who did it, in words: staff appear by their email, a return rule as such (never its id). */
export function actorLabel(actor: string): string {
  if (actor.startsWith("rule:")) return "a return rule";
  return ACTOR_LABELS[actor] ?? actor;
}

export const DISPOSITION_LABELS: Record<string, string> = {
  RESTOCKED: "Restocked",
  NOT_RESTOCKED: "Not restocked",
  MISSING: "Missing",
  PROCESSING_REQUIRED: "Processing required",
};

export function formatMoney(amount: string | number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

/** The queue's age filter: requested this many days ago (inclusive), the last one open-ended. */
export const AGE_BUCKETS = { "0-2": [0, 2], "3-7": [3, 7], "8-30": [8, 30], "31+": [31, null] } as const satisfies Record<string, readonly [number, number | null]>;
