// i18next for the portal: one instance with every namespace of app/locales/<lng>/<ns>.json loaded
// at build time (E1 owns `portal`, E2 `returns`; a new file there is picked up without code).
// Pages render on the server only (no hydration), so none of this reaches the browser.
import i18next, { type TFunction } from "i18next";
import { ruleRegistry } from "~/domain/routing/registry";
import type { RuleLocale } from "~/domain/routing/rule-definition";
import { DEFAULT_LOCALE, PORTAL_LOCALES, type PortalLocale } from "~/domain/portal/locale";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

const files = import.meta.glob<{ default: Record<string, unknown> }>("../locales/*/*.json", { eager: true });

function collect(): Resources {
  const resources: Resources = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng, ns] = match;
    (resources[lng!] ??= {})[ns!] = module.default;
  }
  // Each routing rule carries its own words (app/domain/routing/rules/*): `routing:rules.<type>.…`.
  for (const lng of PORTAL_LOCALES satisfies readonly RuleLocale[]) {
    const routing = ((resources[lng] ??= {}).routing ??= {});
    routing.rules = ruleRegistry.messages(lng);
  }
  return resources;
}

const resources = collect();

export const portalI18n = i18next.createInstance();
void portalI18n.init({
  resources,
  supportedLngs: [...PORTAL_LOCALES],
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  ns: Object.keys(resources[DEFAULT_LOCALE] ?? { portal: {} }),
  defaultNS: "portal",
  initAsync: false,
  returnNull: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

export type PortalT = TFunction;

/** A t bound to one locale and namespace (default `portal`); keys fall back to English. */
export function portalT(locale: PortalLocale, ns: string = "portal"): PortalT {
  return portalI18n.getFixedT(locale, ns) as PortalT;
}

/** Namespaces found in app/locales (tests check every locale has every key). */
export function loadedResources(): Resources {
  return resources;
}
