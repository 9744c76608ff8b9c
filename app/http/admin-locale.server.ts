import { DEFAULT_LOCALE, matchLocale, parseAcceptLanguage, type PortalLocale } from "~/domain/portal/locale";

/** The staff member's language: Shopify admin's `locale` parameter, their account's, the browser's. */
export function adminLocale(request: Request, accountLocale: string | undefined): PortalLocale {
  const candidates = [new URL(request.url).searchParams.get("locale"), accountLocale, ...parseAcceptLanguage(request.headers.get("Accept-Language"))];
  for (const candidate of candidates) {
    const matched = matchLocale(candidate);
    if (matched) return matched;
  }
  return DEFAULT_LOCALE;
}
