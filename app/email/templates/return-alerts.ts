// The staff alert for a return's parcel (services/record-carrier-tracking.server.ts): the carrier
// delivered it to the return location (someone should check it in), or it did not get there (a
// failed delivery, sent back to the shopper, the shipment cancelled). In the shop's language.
import { emailTranslator } from "./i18n";
import { renderHtml, renderText, safeUrl, type Block, type EmailDocument } from "./layout";
import { dateTime } from "./shipments";
import type { EmailLocale, RenderedEmail } from "./types";

export const RETURN_ALERT_NEWS = ["delivered", "failure", "returned_to_sender", "cancelled"] as const;
export type ReturnAlertNews = (typeof RETURN_ALERT_NEWS)[number];

export interface ReturnTrackingAlertFacts {
  locale: EmailLocale;
  timeZone: string;
  shopName: string;
  news: ReturnAlertNews;
  rma: string;
  orderName: string;
  /** Where the parcel goes (the return location's name), when known. */
  location: string | null;
  carrier: string;
  trackingNumber: string | null;
  /** The carrier's own words. */
  message: string | null;
  at: Date;
  /** The return on Crossdock's desk. */
  returnUrl: string | null;
}

export function renderReturnTrackingAlert(facts: ReturnTrackingAlertFacts): RenderedEmail {
  const t = emailTranslator(facts.locale);
  const k = (key: string) => `return-alert.${facts.news}.${key}`;
  const values = { rma: facts.rma, order: facts.orderName, location: facts.location ?? "", carrier: facts.carrier };
  const subject = t(k("subject"), values);
  const rows: Array<[string, string]> = [
    [t("common.returnNumber"), facts.rma],
    [t("common.order"), facts.orderName],
    [t("shipment.when"), dateTime(facts.locale, facts.timeZone, facts.at)],
    [t("shipment.carrier"), facts.carrier],
  ];
  if (facts.trackingNumber) rows.push([t("shipment.trackingNumber"), facts.trackingNumber]);
  const blocks: Block[] = [{ type: "p", text: t(facts.location ? k("introAt") : k("intro"), values) }];
  if (facts.message) blocks.push({ type: "quote", heading: t("shipment.carrierSays"), text: facts.message });
  blocks.push({ type: "facts", rows }, { type: "p", text: t(k("advice")) });
  const url = safeUrl(facts.returnUrl);
  if (url) blocks.push({ type: "button", label: t("return-alert.openReturn"), url });
  const doc: EmailDocument = {
    locale: facts.locale,
    brand: { name: facts.shopName, color: null, logoUrl: null },
    subject,
    preheader: t(facts.location ? k("introAt") : k("intro"), values),
    heading: t(k("heading")),
    blocks,
    footer: t("return-alert.footer"),
  };
  return { subject, html: renderHtml(doc), text: renderText(doc) };
}
