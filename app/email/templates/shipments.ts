// Shipment notices (#15): the shopper's email for a carrier event (in transit, out for delivery,
// ready for pickup, delivered, attempted delivery, delayed, failure) with the carrier's message and
// the tracking link, and the staff alert for the problems.
import type { ShipmentEmailStatus } from "~/domain/shipments/notices";
import { emailTranslator, type Translate } from "./i18n";
import { renderHtml, renderText, safeUrl, type Block, type EmailDocument } from "./layout";
import type { EmailBranding, EmailLocale, RenderedEmail } from "./types";

export interface ShipmentEmailFacts {
  locale: EmailLocale;
  /** IANA zone the event's time is shown in (the shop's). */
  timeZone: string;
  brand: EmailBranding;
  status: ShipmentEmailStatus;
  customerName: string | null;
  orderName: string;
  /** The carrier's own words for the event, as Shopify gives them. */
  message: string | null;
  happenedAt: Date;
  estimatedDeliveryAt: Date | null;
  tracking: { company: string | null; number: string | null; url: string | null } | null;
  /** The order's tracking page in the customer portal. */
  orderUrl: string | null;
}

export interface ShipmentAlertFacts {
  locale: EmailLocale;
  timeZone: string;
  shopName: string;
  status: ShipmentEmailStatus;
  orderName: string;
  customerEmail: string | null;
  message: string | null;
  happenedAt: Date;
  tracking: { company: string | null; number: string | null; url: string | null } | null;
  /** The order in Shopify admin. */
  orderAdminUrl: string | null;
}

export function dateTime(locale: EmailLocale, timeZone: string, at: Date, style: "date" | "dateTime" = "dateTime"): string {
  const options: Intl.DateTimeFormatOptions = style === "date" ? { dateStyle: "long" } : { dateStyle: "long", timeStyle: "short" };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(at);
  }
}

function trackingRows(t: Translate, tracking: ShipmentEmailFacts["tracking"]): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (tracking?.company) rows.push([t("shipment.carrier"), tracking.company]);
  if (tracking?.number) rows.push([t("shipment.trackingNumber"), tracking.number]);
  return rows;
}

export function renderShipmentEmail(facts: ShipmentEmailFacts): RenderedEmail {
  const t = emailTranslator(facts.locale);
  const k = (key: string) => `shipment.${facts.status}.${key}`;
  const subject = t(k("subject"), { order: facts.orderName, shop: facts.brand.name });
  const name = facts.customerName?.trim();
  const blocks: Block[] = [
    { type: "p", text: name ? t("common.greeting", { name }) : t("common.greetingNoName") },
    { type: "p", text: t(k("intro"), { order: facts.orderName }) },
  ];
  if (facts.message) blocks.push({ type: "quote", heading: t("shipment.carrierSays"), text: facts.message });
  const rows: Array<[string, string]> = [
    [t("common.order"), facts.orderName],
    [t("shipment.when"), dateTime(facts.locale, facts.timeZone, facts.happenedAt)],
    ...trackingRows(t, facts.tracking),
  ];
  if (facts.estimatedDeliveryAt && facts.status !== "DELIVERED") rows.push([t("shipment.estimatedDelivery"), dateTime(facts.locale, facts.timeZone, facts.estimatedDeliveryAt, "date")]);
  blocks.push({ type: "facts", rows });
  const next = t(k("next"));
  if (next) blocks.push({ type: "p", text: next });
  const trackingUrl = safeUrl(facts.tracking?.url);
  if (trackingUrl) {
    blocks.push({ type: "button", label: facts.tracking?.company ? t("shipment.trackWith", { carrier: facts.tracking.company }) : t("shipment.track"), url: trackingUrl });
  }
  const orderUrl = safeUrl(facts.orderUrl);
  if (orderUrl) {
    const withLang = new URL(orderUrl);
    withLang.searchParams.set("lang", facts.locale);
    blocks.push({ type: trackingUrl ? "link" : "button", label: t("shipment.viewOrder"), url: withLang.toString() });
  }
  blocks.push({ type: "p", text: t("common.questions", { shop: facts.brand.name }) });
  const doc: EmailDocument = {
    locale: facts.locale,
    brand: facts.brand,
    subject,
    preheader: facts.message ?? t(k("intro"), { order: facts.orderName }),
    heading: t(k("heading")),
    blocks,
    footer: t("shipment.footer", { shop: facts.brand.name }),
  };
  return { subject, html: renderHtml(doc), text: renderText(doc) };
}

export function renderShipmentAlert(facts: ShipmentAlertFacts): RenderedEmail {
  const t = emailTranslator(facts.locale);
  const status = t(`shipment-alert.statuses.${facts.status}`);
  const subject = t("shipment-alert.subject", { order: facts.orderName, status });
  const rows: Array<[string, string]> = [
    [t("common.order"), facts.orderName],
    [t("shipment-alert.status"), status],
    [t("shipment.when"), dateTime(facts.locale, facts.timeZone, facts.happenedAt)],
    ...trackingRows(t, facts.tracking),
  ];
  if (facts.customerEmail) rows.push([t("shipment-alert.customer"), facts.customerEmail]);
  const blocks: Block[] = [{ type: "p", text: t("shipment-alert.intro", { order: facts.orderName, status }) }];
  if (facts.message) blocks.push({ type: "quote", heading: t("shipment.carrierSays"), text: facts.message });
  blocks.push({ type: "facts", rows });
  blocks.push({ type: "p", text: t(`shipment-alert.advice.${facts.status}`) });
  const trackingUrl = safeUrl(facts.tracking?.url);
  if (trackingUrl) blocks.push({ type: "link", label: t("shipment.track"), url: trackingUrl });
  const adminUrl = safeUrl(facts.orderAdminUrl);
  if (adminUrl) blocks.push({ type: "button", label: t("shipment-alert.openOrder"), url: adminUrl });
  const doc: EmailDocument = {
    locale: facts.locale,
    brand: { name: facts.shopName, color: null, logoUrl: null },
    subject,
    preheader: facts.message ?? t("shipment-alert.intro", { order: facts.orderName, status }),
    heading: t("shipment-alert.heading", { status }),
    blocks,
    footer: t("shipment-alert.footer"),
  };
  return { subject, html: renderHtml(doc), text: renderText(doc) };
}
