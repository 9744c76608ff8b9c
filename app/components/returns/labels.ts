// Words and badge tones for the returns desk's pages (shared by the queue, detail and settings).
import { formatMoney as formatAmount } from "~/domain/returns/money";

export const STATUS_LABELS: Record<string, string> = {
  REQUESTED: "Requested",
  APPROVED: "Approved",
  DECLINED: "Declined",
  IN_TRANSIT: "In transit",
  DELIVERED: "Delivered",
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
  DELIVERED: "attention",
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

export const METHOD_LABELS: Record<string, string> = { MAIL: "By mail", DROP_OFF: "Drop-off at a store" };

/** The returns desk's money, always with its currency, in the staff member's language when the page has it. */
export function formatMoney(amount: string | number, currency: string, lang = "en-US"): string {
  return formatAmount(lang, amount, currency);
}
