// The admin's words on both sides of hydration: admin pages render on the server and in the browser,
// so their own namespaces (app/locales/<lng>/admin-*.json) are bundled here and read with i18next,
// plurals included (`key_one` / `key_other`, by each language's plural rules). The loader says which
// language (the staff member's, app/http/admin-locale.server.ts); the page calls `adminT(lang, ns)`.
import i18next, { type TFunction } from "i18next";
import { DEFAULT_LOCALE, PORTAL_LOCALES, type PortalLocale } from "~/domain/portal/locale";

const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/admin-*.json", { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const match = /\/locales\/([^/]+)\/(admin-[^/]+)\.json$/.exec(path);
  if (match) (resources[match[1]!] ??= {})[match[2]!] = module.default;
}

const instance = i18next.createInstance();
void instance.init({
  resources,
  supportedLngs: [...PORTAL_LOCALES],
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  ns: Object.keys(resources[DEFAULT_LOCALE] ?? {}),
  initAsync: false,
  returnNull: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/** A t for one admin namespace in the staff member's language; keys fall back to English. */
export function adminT(lang: PortalLocale, ns: `admin-${string}`): TFunction {
  return instance.getFixedT(lang, ns) as TFunction;
}
