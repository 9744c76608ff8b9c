import { CsrfField, PortalLayout } from "./PortalLayout";
import { formatDate } from "./format";
import { portalT } from "./i18n";
import type { PortalLayoutData } from "./layout-data";

export interface LookupLoaderData {
  title: string;
  layout: PortalLayoutData;
  csrfToken: string;
  /** Where the form posts (the page itself, as the browser sees it). */
  action: string;
  timeZone: string;
  /** Through the app proxy with a signed-in customer: their recent orders (else null). */
  customerOrders: { name: string; createdAt: string; href: string }[] | null;
}

/** What the shopper typed, shown again in the form after an error. */
export interface LookupTypedValues {
  orderNumber: string;
  contact: string;
}

export type LookupActionData = (
  | { error: "no_match"; unmatchable?: { contact: "email" | "phone"; otherUsable: boolean } }
  | { error: "invalid" }
  | { error: "rate_limited"; retryAfterMinutes: number }
) & { values: LookupTypedValues };

export function LookupPage({ data, actionData }: { data: LookupLoaderData; actionData?: LookupActionData }) {
  const { layout } = data;
  const t = portalT(layout.locale);
  const error = actionData
    ? actionData.error === "rate_limited"
      ? t("lookup.rateLimited", { minutes: actionData.retryAfterMinutes })
      : actionData.error === "invalid"
        ? t("lookup.invalid")
        : actionData.unmatchable
          ? t(`lookup.cannotMatch.${actionData.unmatchable.contact}.${actionData.unmatchable.otherUsable ? "tryOther" : "contactStore"}`)
          : t("lookup.notFound")
    : null;
  return (
    <PortalLayout layout={layout}>
      <h1>{t("lookup.title")}</h1>
      {data.customerOrders ? (
        <section className="portal-card" aria-labelledby="your-orders">
          <h2 id="your-orders">{t("lookup.yourOrders")}</h2>
          {data.customerOrders.length === 0 ? (
            <p className="portal-muted">{t("lookup.noOrders")}</p>
          ) : (
            <>
              <p className="portal-muted">{t("lookup.yourOrdersIntro")}</p>
              <ul className="portal-orders">
                {data.customerOrders.map((order) => (
                  <li key={order.href}>
                    <a href={order.href}>{order.name}</a>{" "}
                    <span className="portal-muted">
                      {t("lookup.placedOn", { date: formatDate(layout.locale, order.createdAt, { timeZone: data.timeZone }) })}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
      <section className="portal-card" aria-label={t("lookup.title")}>
        <p>{t("lookup.intro")}</p>
        {error ? (
          <div className="portal-alert" role="alert" id="lookup-error">
            {error}
          </div>
        ) : null}
        <form method="post" action={data.action}>
          <CsrfField token={data.csrfToken} />
          <div className="portal-field">
            <label htmlFor="orderNumber">{t("lookup.orderNumber")}</label>
            <span className="portal-hint" id="orderNumber-hint">
              {t("lookup.orderNumberHint")}
            </span>
            <input
              id="orderNumber"
              name="orderNumber"
              type="text"
              required
              maxLength={40}
              defaultValue={actionData?.values.orderNumber}
              autoComplete="off"
              inputMode="text"
              aria-describedby={error ? "orderNumber-hint lookup-error" : "orderNumber-hint"}
            />
          </div>
          <div className="portal-field">
            <label htmlFor="contact">{t("lookup.contact")}</label>
            <span className="portal-hint" id="contact-hint">
              {t("lookup.contactHint")}
            </span>
            <input
              id="contact"
              name="contact"
              type="text"
              required
              maxLength={254}
              defaultValue={actionData?.values.contact}
              autoComplete="email"
              aria-describedby={error ? "contact-hint lookup-error" : "contact-hint"}
            />
          </div>
          <button type="submit">{t("lookup.submit")}</button>
        </form>
      </section>
    </PortalLayout>
  );
}
