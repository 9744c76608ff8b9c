// Dates, numbers and money for portal pages, formatted with Intl in the page's language. Pure.
import type { PortalLocale } from "./locale";

export interface FormatOptions {
  /** IANA time zone the dates are shown in (the shop's). */
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

/** Date and time, e.g. "12 Mar 2026, 14:05". */
export function formatDateTime(locale: PortalLocale, value: Date | string, options: FormatOptions = {}): string {
  const date = toDate(value);
  if (!date) return "";
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: safeTimeZone(options.timeZone),
  }).format(date);
}

/** Money in its currency: "$12.50", "250.000 ₫", "US$12.50" (zh-CN). Unknown currency codes fall back to "12.50 XYZ". */
export function formatMoney(locale: PortalLocale, amount: string | number, currency: string): string {
  const value = typeof amount === "number" ? amount : Number(amount);
  if (!Number.isFinite(value)) return "";
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
  } catch {
    return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

export function formatNumber(locale: PortalLocale, value: number): string {
  return new Intl.NumberFormat(locale).format(value);
}
