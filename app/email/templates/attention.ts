// The staff digest: the orders routing could not finish on its own, in one email per batch.
import { emailTranslator } from "./i18n";
import { renderHtml, renderText, type EmailDocument } from "./layout";
import type { EmailLocale, RenderedEmail } from "./types";

export interface AttentionDigestFacts {
  locale: EmailLocale;
  /** The shop's name (the digest goes to its staff, not to shoppers: no portal branding). */
  shopName: string;
  orders: { orderName: string; status: "NEEDS_REVIEW" | "FAILED" }[];
  /** The Needs attention page. */
  url: string;
}

export function renderAttentionDigest(facts: AttentionDigestFacts): RenderedEmail {
  const t = emailTranslator(facts.locale);
  const k = (key: string) => `attention-digest.${key}`;
  // The form by hand (the translator checks the key exists): one order, or several.
  const subject = t(k(facts.orders.length === 1 ? "subject_one" : "subject_other"), { count: facts.orders.length });
  const doc: EmailDocument = {
    locale: facts.locale,
    brand: { name: facts.shopName, color: null, logoUrl: null },
    subject,
    preheader: t(k("intro")),
    heading: t(k("heading")),
    blocks: [
      { type: "p", text: t(k("intro")) },
      { type: "list", heading: t(k("listHeading")), items: facts.orders.map((o) => t(k(o.status === "FAILED" ? "failed" : "needsReview"), { order: o.orderName })) },
      { type: "button", label: t(k("open")), url: facts.url },
    ],
    footer: t(k("footer")),
  };
  return { subject, html: renderHtml(doc), text: renderText(doc) };
}
