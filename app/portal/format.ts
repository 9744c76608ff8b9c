// Dates, numbers and money for portal pages, formatted with Intl in the page's language. Pure.
import { formatMoney as formatAmount } from "~/domain/returns/money";
import type { PortalLocale } from "~/domain/portal/locale";

export interface FormatOptions {
  /** IANA time zone the dates are shown in (the shopper's, see domain/portal/time-zone.ts). */
  timeZone?: string;
}

function safeTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

function toDate(value: Date | string): Date | null {
  const date = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "12 March 2026" / "12 tháng 3, 2026" / "2026年3月12日". */
export function formatDate(locale: PortalLocale, value: Date | string, options: FormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return "";
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: safeTimeZone(options.timeZone) }).format(date);
}

/**
 * Date and time with its zone named, in the page's language: "Dec 7, 2026, 3:05 AM GMT+7",
 * "03:05 GMT+7 7 thg 12, 2026", "2026年12月7日 GMT+7 03:05". A time is never shown without the zone
 * it is in (a shopper elsewhere would read it as their own).
 */
export function formatDateTime(locale: PortalLocale, value: Date | string, options: FormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return "";
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
    timeZone: safeTimeZone(options.timeZone),
  }).format(date);
}

/** Money in its currency: "$12.50", "250.000 ₫", "US$12.50" (zh-CN). Unknown currency codes fall back to "12.50 XYZ". */
export function formatMoney(locale: PortalLocale, amount: string | number, currency: string): string {
  return formatAmount(locale, amount, currency);
}

export function formatNumber(locale: PortalLocale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}
