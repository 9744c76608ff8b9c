// The `email` i18next namespace (app/locales/<lng>/email.json) in an instance of its own, so the
// emails never depend on the language a request set elsewhere.
import { createInstance, type i18n } from "i18next";
import en from "../../locales/en/email.json";
import vi from "../../locales/vi/email.json";
import zhCN from "../../locales/zh-CN/email.json";
import { EMAIL_LOCALES, type EmailLocale } from "./types";

export const EMAIL_NAMESPACE = "email";

let instance: i18n | undefined;

function emailI18n(): i18n {
  if (instance) return instance;
  const created = createInstance();
  void created.init({
    resources: { en: { email: en }, vi: { email: vi }, "zh-CN": { email: zhCN } },
    supportedLngs: [...EMAIL_LOCALES],
    lng: "en",
    fallbackLng: "en",
    ns: [EMAIL_NAMESPACE],
    defaultNS: EMAIL_NAMESPACE,
    // Values are escaped by the layout (HTML) and must stay raw in the plain-text part.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  instance = created;
  return created;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A translate function for one language; a missing key fails loudly instead of mailing "a.b.c". */
export function emailTranslator(locale: EmailLocale): Translate {
  const t = emailI18n().getFixedT(locale, EMAIL_NAMESPACE) as unknown as (key: string, options?: object) => string;
  const exists = (key: string) => emailI18n().exists(key, { lng: locale, ns: EMAIL_NAMESPACE });
  return (key, values) => {
    if (!exists(key)) throw new Error(`Email text "${key}" is missing`);
    return t(key, values);
  };
}
