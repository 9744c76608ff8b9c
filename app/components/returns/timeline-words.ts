// A return's timeline entry in the staff member's language: its name, who did it, and its text,
// said from the entry's data where Crossdock or Shopify wrote it (what a person typed stays as typed).
import type { TFunction } from "i18next";
import { formatMoney } from "~/domain/returns/money";
import { eventTextKey } from "~/domain/returns/event-text";
import { readFlagReason } from "~/domain/returns/flag-reason";
import { flagReasonText, legacyRulesText } from "./rule-words";

export interface TimelineEntry {
  type: string;
  actor: string;
  message: string | null;
  data: unknown;
}

const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** The entry's name: "Approved", "Label created"; an unknown type is an update, never its code. */
export function eventName(type: string, t: TFunction): string {
  return t(`events.${type}`, { defaultValue: t("events.other") });
}

/** Who did it: staff by their email, a return rule as such (never its id), Shopify, the shopper, a carrier by its name. */
export function actorName(actor: string, t: TFunction): string {
  if (actor.startsWith("rule:")) return t("actors.rule");
  if (actor.startsWith("carrier:")) return actor.slice("carrier:".length);
  if (actor === "system") return "Crossdock";
  if (actor === "shopper" || actor === "shopify") return t(`actors.${actor}`);
  return actor;
}

/**
 * Entries whose text Crossdock or Shopify wrote (in English, before it was kept as data): when the
 * data cannot say it, the page says it was recorded earlier rather than show the English.
 */
const WRITTEN_BY_CROSSDOCK = new Set(["requested", "approved", "label_created", "received", "refunded", "store_credited", "closed", "canceled", "reopened"]);

export function eventText(entry: TimelineEntry, words: { t: TFunction; returns: TFunction; rules: TFunction; lang: string; locationName: (id: string) => string | null }): string | null {
  const { t } = words;
  const data = record(entry.data);
  const fixed = entry.message ? eventTextKey(entry.message) : null;
  if (fixed) return t(`eventText.${fixed}`);
  const said = entryText(entry, data, words);
  return said !== null && said === entry.message && WRITTEN_BY_CROSSDOCK.has(entry.type) ? t("eventText.recordedEarlier") : said;
}

function entryText(entry: TimelineEntry, data: Record<string, unknown>, words: Parameters<typeof eventText>[1]): string | null {
  const { t, returns, lang } = words;
  switch (entry.type) {
    case "requested": {
      const name = text(data.shopifyReturnName);
      return entry.actor === "shopify" && name ? t("eventText.createdInShopify", { name }) : entry.message;
    }
    case "label_created": {
      const number = text(data.trackingNumber) ?? /^Tracking (.+)$/.exec(entry.message ?? "")?.[1] ?? null;
      const carrier = text(data.carrier);
      if (number) return carrier ? t("eventText.labelWithTracking", { carrier, number }) : t("eventText.tracking", { number });
      return entry.message;
    }
    case "received": {
      const location = text(data.locationId) ? words.locationName(String(data.locationId)) : null;
      const lines = Array.isArray(data.lines) ? data.lines.map(record) : [];
      if (!location || lines.length === 0) return entry.message;
      const said = lines.map((l) =>
        t("eventText.receivedLine", { quantity: l.quantity, title: l.title, disposition: t(`dispositions.${String(l.disposition)}`, { defaultValue: t("events.other") }) }),
      );
      return t("eventText.receivedAt", { location, lines: said.join(t("eventText.lineSeparator")) });
    }
    case "refunded": {
      const amount = text(data.amount);
      const currency = text(data.currency);
      if (!amount || !currency) return entry.message;
      const money = formatMoney(lang, amount, currency);
      return entry.actor === "shopify" ? t("eventText.refundedInShopify", { amount: money }) : t("eventText.refundedWithProcessing", { amount: money });
    }
    case "store_credited": {
      const [total, base, bonus, currency] = [text(data.amount), text(data.base), text(data.bonus), text(data.currency)];
      if (!total || !base || !bonus || !currency) return entry.message;
      return t("eventText.storeCredited", { total: formatMoney(lang, total, currency), base: formatMoney(lang, base, currency), bonus: formatMoney(lang, bonus, currency) });
    }
    case "exchange_processed": {
      const units = data.units;
      return typeof units === "number" ? t("eventText.exchangeProcessed", { units }) : entry.message;
    }
    case "exchange_invoice_sent":
    case "exchange_invoice_unconfirmed": {
      const [amount, currency] = [text(data.amount), text(data.currency)];
      if (!amount || !currency) return entry.message;
      return t(entry.type === "exchange_invoice_sent" ? "eventText.exchangeInvoiceSent" : "eventText.exchangeInvoiceUnconfirmed", { amount: formatMoney(lang, amount, currency) });
    }
    case "exchange_invoice_refused": {
      const messages = Array.isArray(data.shopifyMessages) ? data.shopifyMessages.filter((m): m is string => typeof m === "string") : [];
      return t("eventText.exchangeInvoiceRefused", { messages: messages.join("; ") });
    }
    case "exchange_paid":
      return t(data.invoiced === false ? "eventText.exchangeNothingOwed" : "eventText.exchangePaid");
    case "declined": {
      const reason = text(data.reason);
      if (!reason) return entry.message;
      const word = returns(`declineReasons.${reason}`, { defaultValue: returns("declineReasons.OTHER") });
      return entry.message ? t("eventText.declineReasonWithNote", { reason: word, note: entry.message }) : t("eventText.declineReason", { reason: word });
    }
    case "self_ship_tracking":
    case "in_transit":
    case "delivered":
    case "tracking": {
      // The shopper's own tracking number (a parcel they send themselves), as they typed it.
      const number = text(data.selfShipTrackingNumber);
      if (number) {
        const carrier = text(data.selfShipCarrier);
        return carrier ? t("eventText.selfShipTracking", { carrier, number }) : t("eventText.selfShipTrackingNoCarrier", { number });
      }
      // A carrier's update: its status in the staff member's words, then the carrier's own (as given).
      const status = text(data.trackingStatus);
      if (!status) return entry.message;
      const said = t(`trackingStatuses.${status}`, { defaultValue: t("trackingStatuses.unknown") });
      const carrierSays = text(data.carrierMessage);
      return carrierSays ? t("eventText.carrierStatusSays", { status: said, message: carrierSays }) : t("eventText.carrierStatus", { status: said });
    }
    case "rules":
      return legacyRulesText(entry.message, words.rules);
    case "flagged":
      // A flag rule's reason as the merchant typed it, or a rule that could not be applied, in words.
      return entry.message ? flagReasonText(readFlagReason(entry.message), words.rules, returns) : null;
    default:
      return entry.message;
  }
}
