// Which language a portal page speaks: ?lang= (explicit, carried on by every link), else the app
// proxy's `locale` (the storefront's language), else Accept-Language, else the shop's default.
// Pure: no Remix, no I/O.

export const PORTAL_LOCALES = ["en", "vi", "zh-CN"] as const;
export type PortalLocale = (typeof PORTAL_LOCALES)[number];
export const DEFAULT_LOCALE: PortalLocale = "en";

/** Native names for the language switcher. */
export const LOCALE_NAMES: Record<PortalLocale, string> = { en: "English", vi: "Tiếng Việt", "zh-CN": "简体中文" };

/** The supported locale a BCP 47 tag maps to, or null. "zh", "zh-Hans", "zh-SG"… → zh-CN; "vi-VN" → vi. */
export function matchLocale(tag: string | null | undefined): PortalLocale | null {
  if (!tag) return null;
  const lower = tag.trim().replace(/_/g, "-").toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(lower)) return null;
  const [language] = lower.split("-");
  if (language === "en") return "en";
  if (language === "vi") return "vi";
  // Only Simplified Chinese is translated; it serves every Chinese variant better than English.
  if (language === "zh") return "zh-CN";
  return null;
}

/** Accept-Language entries by descending q (ties keep their order); q=0 entries dropped. */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      const quality = q ? Number(q[1]) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((e) => e.tag && e.tag !== "*" && e.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((e) => e.tag);
}

export interface LocaleSources {
  /** ?lang= */
  query?: string | null;
  /** The app proxy's `locale` parameter. */
  proxyLocale?: string | null;
  acceptLanguage?: string | null;
  /** ShopSettings.defaultLocale */
  shopDefault?: string | null;
}

export interface NegotiatedLocale {
  locale: PortalLocale;
  /** True when ?lang= chose it: links then carry lang= on. */
  explicit: boolean;
}

export function negotiateLocale(sources: LocaleSources): NegotiatedLocale {
  const fromQuery = matchLocale(sources.query);
  if (fromQuery) return { locale: fromQuery, explicit: true };
  const fromProxy = matchLocale(sources.proxyLocale);
  if (fromProxy) return { locale: fromProxy, explicit: false };
  for (const tag of parseAcceptLanguage(sources.acceptLanguage)) {
    const match = matchLocale(tag);
    if (match) return { locale: match, explicit: false };
  }
  return { locale: matchLocale(sources.shopDefault) ?? DEFAULT_LOCALE, explicit: false };
}

/** The `lang` attribute of <html>. */
export function htmlLang(locale: PortalLocale): string {
  return locale === "zh-CN" ? "zh-Hans-CN" : locale;
}
