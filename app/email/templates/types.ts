// What the return emails say: plain data, filled by the enqueue use case from the stored return.

export const EMAIL_LOCALES = ["en", "vi", "zh-CN"] as const;
export type EmailLocale = (typeof EMAIL_LOCALES)[number];

export const RETURN_EMAIL_KINDS = [
  "return-requested",
  "return-approved",
  "return-declined",
  "return-delivered",
  "return-received",
  "return-refunded",
] as const;
export type ReturnEmailKind = (typeof RETURN_EMAIL_KINDS)[number];

export function isEmailLocale(value: string): value is EmailLocale {
  return (EMAIL_LOCALES as readonly string[]).includes(value);
}

/** "vi-VN" → "vi", "zh-Hans" / "zh" → "zh-CN", anything else → "en". */
export function emailLocale(value: string | null | undefined): EmailLocale {
  const v = (value ?? "").trim();
  if (isEmailLocale(v)) return v;
  const lower = v.toLowerCase();
  if (lower.startsWith("vi")) return "vi";
  if (lower.startsWith("zh")) return "zh-CN";
  return "en";
}

export interface EmailBranding {
  /** ShopSettings.portalBrandName, else the shop's name. */
  name: string;
  /** "#RRGGBB" (ShopSettings.portalBrandColor); anything else falls back to the default colour. */
  color: string | null;
  /** An https:// logo (ShopSettings.portalLogoUrl), shown above the heading. */
  logoUrl: string | null;
}

export interface ReturnEmailLine {
  title: string;
  variantTitle: string | null;
  quantity: number;
  /** The variant the shopper swaps this line for (an exchange), e.g. "M / White"; null for money back. */
  exchangeFor?: string | null;
}

export interface ReturnEmailFacts {
  locale: EmailLocale;
  /** IANA zone the dates are shown in (the shop's). */
  timeZone: string;
  brand: EmailBranding;
  customerName: string | null;
  rma: string;
  orderName: string;
  method: "MAIL" | "DROP_OFF";
  /** ISO 4217 */
  currency: string;
  lines: ReturnEmailLine[];
  /** Amounts in the currency's major unit. */
  totalValue: number;
  returnShippingFee: number;
  restockingFee: number;
  requestedAt: Date;
  receivedAt: Date | null;
  /** return-delivered: when the carrier delivered the parcel to the return location. */
  deliveredAt?: Date | null;
  /** Shopify's ReturnDeclineReason: FINAL_SALE, RETURN_PERIOD_ENDED, OTHER. */
  declineReason: string | null;
  /** The merchant's note to the shopper. */
  declineNote: string | null;
  label: {
    /** The (signed) link to the label PDF. */
    url: string | null;
    carrier: string | null;
    trackingNumber: string | null;
    trackingUrl: string | null;
    /**
     * True for a carrier's label with postage paid (EasyPost); false for the built-in sheet, which
     * carries no postage: the shopper sends the parcel with a carrier of their choice.
     */
    postagePaid?: boolean;
  };
  /** DROP_OFF: the store the shopper brings the items to; RECEIVED: where they arrived. */
  location: { name: string; addressLines: string[]; instructions: string | null } | null;
  /** The return's page in the customer portal. */
  statusUrl: string | null;
  /** return-refunded: the amount refunded, if the caller knows it (else items − fees). */
  refundAmount: number | null;
  /** A store-credit return: what goes to the shopper's store credit account (quoted refund + bonus). */
  storeCredit?: { total: number; base: number; bonus: number } | null;
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}
