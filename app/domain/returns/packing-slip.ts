// The packing slip's words in the return's language (the shopper packs the parcel with it; the
// language they used in the portal is on the return). Pure: the words come from
// app/locales/<lng>/packing-slip.json and the return reasons from app/locales/<lng>/returns.json.
import enSlip from "../../locales/en/packing-slip.json";
import viSlip from "../../locales/vi/packing-slip.json";
import zhSlip from "../../locales/zh-CN/packing-slip.json";
import enReturns from "../../locales/en/returns.json";
import viReturns from "../../locales/vi/returns.json";
import zhReturns from "../../locales/zh-CN/returns.json";
import { DEFAULT_LOCALE, matchLocale, type PortalLocale } from "../portal/locale";

export type PackingSlipText = typeof enSlip;

const slips: Record<PortalLocale, PackingSlipText> = { en: enSlip, vi: viSlip, "zh-CN": zhSlip };
const reasons: Record<PortalLocale, Record<string, string>> = { en: enReturns.reasons, vi: viReturns.reasons, "zh-CN": zhReturns.reasons };

/** The slip's headings and the reason words for a return's stored locale ("en", "vi", "zh-CN"; anything else: English). */
export function packingSlipWords(locale: string | null | undefined): { text: PackingSlipText; reason: (code: string) => string | null } {
  const lng = matchLocale(locale) ?? DEFAULT_LOCALE;
  return { text: slips[lng], reason: (code) => reasons[lng][code] ?? reasons[DEFAULT_LOCALE][code] ?? null };
}
