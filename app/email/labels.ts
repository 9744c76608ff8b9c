// How the admin shows emails: the words are app/locales/<lng>/admin-emails.json; here, each
// state's badge tone and the language names.
import type { EmailStatus } from "@prisma/client";
import type { TFunction } from "i18next";
import { LOCALE_NAMES, type PortalLocale } from "~/domain/portal/locale";

export const EMAIL_STATUS_TONES: Record<EmailStatus, "success" | "critical" | "info" | "attention"> = {
  PENDING: "attention",
  SENT: "success",
  FAILED: "critical",
  OUTBOX: "info",
};

const KINDS = new Set([
  "return-requested",
  "return-approved",
  "return-declined",
  "return-delivered",
  "return-received",
  "return-refunded",
  "attention-digest",
  // Shipment notices (app/services/notify-shipment-event.server.ts): the shopper's, then the staff alerts.
  "shipment-in-transit",
  "shipment-out-for-delivery",
  "shipment-ready-for-pickup",
  "shipment-delivered",
  "shipment-attempted-delivery",
  "shipment-delayed",
  "shipment-failure",
  "shipment-alert-attempted-delivery",
  "shipment-alert-delayed",
  "shipment-alert-failure",
  // Staff alerts for a return's parcel (app/services/alert-return-tracking.server.ts).
  "return-alert-delivered",
  "return-alert-failure",
  "return-alert-returned-to-sender",
  "return-alert-cancelled",
]);

/** What an email is, in words (an email kind this version does not know: "Other email", never a code). */
export function emailKindWords(t: TFunction, kind: string): string {
  return t(`kinds.${KINDS.has(kind) ? kind : "unknown"}`);
}

/** A message's language by its own name ("Tiếng Việt"), as a language picker shows it. */
export function emailLanguageName(locale: string): string {
  return LOCALE_NAMES[locale as PortalLocale] ?? locale;
}
