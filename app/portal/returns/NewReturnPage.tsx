// The new-return form (server-rendered only): per item a checkbox, quantity, reason and note; the
// method (mail or drop-off) with the stores nearest first; the fees; the items that can't be
// returned with the reason why; errors next to the items they concern.
import type { IneligibilityReason } from "~/domain/returns/policy";
import { SHOPPER_RETURN_REASONS } from "~/domain/returns/reasons";
import type { ReturnSelectionError } from "~/domain/returns/request";
import { formatDate, formatMoney, formatNumber } from "../format";
import { portalT } from "../i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import { CsrfField, PortalLayout } from "../PortalLayout";
import type { NewReturnActionData, NewReturnLoaderData } from "./new-return-route.server";

type Translate = ReturnType<typeof portalT>;

/** A validation error in words; ineligibility codes say why, as on the list of items that can't be returned. */
export function selectionErrorMessage(t: Translate, locale: PortalLocale, error: ReturnSelectionError, reason?: IneligibilityReason): string {
  if (reason && reason.code === error.code) return ineligibleMessage(t, locale, reason);
  switch (error.code) {
    case "QUANTITY_EXCEEDS_RETURNABLE":
      return t("errors.QUANTITY_EXCEEDS_RETURNABLE", { count: error.maxQuantity ?? 0 });
    case "WINDOW_EXPIRED":
      return error.lastDay ? ineligibleMessage(t, locale, { code: "WINDOW_EXPIRED", lastDay: error.lastDay }) : t("ineligible.WINDOW_EXPIRED", { date: "" });
    case "NON_RETURNABLE_TYPE":
      return ineligibleMessage(t, locale, { code: "NON_RETURNABLE_TYPE", productType: "" });
    case "ORDER_CANCELLED":
    case "ALREADY_RETURNED":
    case "FINAL_SALE":
    case "NOT_DELIVERED":
      return t(`ineligible.${error.code}`);
    default:
      return t(`errors.${error.code}`);
  }
}

export function ineligibleMessage(t: Translate, locale: PortalLocale, reason: IneligibilityReason): string {
  switch (reason.code) {
    case "WINDOW_EXPIRED":
      return t("ineligible.WINDOW_EXPIRED", { date: formatDate(locale, `${reason.lastDay}T12:00:00Z`, { timeZone: "UTC" }) });
    case "NON_RETURNABLE_TYPE":
      return t("ineligible.NON_RETURNABLE_TYPE", { productType: reason.productType });
    default:
      return t(`ineligible.${reason.code}`);
  }
}

function percent(locale: PortalLocale, value: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(Number(value) / 100);
}

function distance(locale: PortalLocale, km: number): string {
  return new Intl.NumberFormat(locale, { style: "unit", unit: "kilometer", maximumFractionDigits: km < 10 ? 1 : 0 }).format(km);
}

export function NewReturnPage({ page, submitted }: { page: NewReturnLoaderData; submitted?: NewReturnActionData }) {
  const { layout } = page;
  const locale = layout.locale;
  const t = portalT(locale, "returns");
  const values = submitted?.values ?? {};
  const chosen = new Set((values.item ?? "").split("\n").filter(Boolean));
  const errors = submitted?.errors ?? [];
  const errorsFor = (id: string) => errors.filter((e) => e.item === id);
  const general = errors.filter((e) => !e.item);
  const method = values.method ?? (page.methods.length === 1 ? page.methods[0] : "");
  const postage = page.policy.postage;
  const reasons = (codes: string[]) => codes.map((c) => t(`reasons.${c}`)).join(", ");
  const restocking = Number(page.policy.restockingFeePercent);

  return (
    <PortalLayout layout={layout}>
      <h1>{page.title}</h1>
      <p>{t("form.intro")}</p>
      <p className="portal-muted">{t("form.window", { count: page.policy.windowDays })}</p>

      {submitted && (errors.length > 0 || submitted.formError) ? (
        <div className="portal-alert" role="alert" id="form-errors">
          {submitted.formError === "rejected" ? (
            <p>{t("form.rejected", { message: submitted.messages.join(" ") })}</p>
          ) : submitted.formError === "failed" ? (
            <p>{t("form.failed")}</p>
          ) : (
            <>
              <p>{t("form.errorSummary")}</p>
              {general.length ? (
                <ul>
                  {general.map((e) => (
                    <li key={`${e.code}-${e.field}`}>{selectionErrorMessage(t, locale, e)}</li>
                  ))}
                </ul>
              ) : null}
              {errors
                .filter((e) => e.item && !page.eligible.some((i) => i.id === e.item) && !page.ineligible.some((i) => i.id === e.item))
                .map((e) => (
                  <p key={`${e.item}-${e.code}`}>{selectionErrorMessage(t, locale, e)}</p>
                ))}
            </>
          )}
        </div>
      ) : null}

      {page.returns.length ? (
        <section className="portal-card" aria-labelledby="existing-returns">
          <h2 id="existing-returns">{t("form.yourReturns")}</h2>
          <ul>
            {page.returns.map((r) => (
              <li key={r.rma}>
                <a href={r.href}>{t("form.viewReturn", { rma: r.rma, status: t(`status.names.${r.status}`) })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.eligible.length === 0 ? (
        <p className="portal-card">{t("form.nothingEligible")}</p>
      ) : (
        <form method="post" className="portal-card" noValidate>
          <CsrfField token={page.csrfToken} />
          <fieldset>
            <legend>
              <h2>{t("form.itemsLegend")}</h2>
            </legend>
            <ul className="portal-items portal-return-items">
              {page.eligible.map((item, index) => {
                const itemErrors = errorsFor(item.id);
                const errorId = `item-${index}-errors`;
                const describedBy = itemErrors.length ? errorId : undefined;
                return (
                  <li key={item.id} data-item={item.id}>
                    <div className="portal-field portal-choice">
                      <input
                        type="checkbox"
                        id={`item-${index}`}
                        name="item"
                        value={item.id}
                        defaultChecked={chosen.has(item.id)}
                        aria-describedby={describedBy}
                        aria-invalid={itemErrors.length ? true : undefined}
                      />{" "}
                      <label htmlFor={`item-${index}`}>
                        <strong>{item.title}</strong>
                        {item.variantTitle ? ` — ${item.variantTitle}` : ""}
                      </label>
                      <p className="portal-hint portal-muted">
                        {formatMoney(locale, item.unitPrice, page.currency)} · {t("form.ofBought", { count: item.quantity })}
                        {item.lastDay ? ` · ${t("form.returnableUntil", { date: formatDate(locale, `${item.lastDay}T12:00:00Z`, { timeZone: "UTC" }) })}` : ""}
                      </p>
                    </div>
                    {itemErrors.length ? (
                      <ul id={errorId} className="portal-alert" role="alert">
                        {itemErrors.map((e) => (
                          <li key={e.code}>{selectionErrorMessage(t, locale, e)}</li>
                        ))}
                      </ul>
                    ) : null}
                    <div className="portal-field">
                      <label htmlFor={`item-${index}-quantity`}>{t("form.quantity")}</label>
                      <select id={`item-${index}-quantity`} name={`quantity:${item.id}`} defaultValue={values[`quantity:${item.id}`] ?? "1"} aria-describedby={describedBy}>
                        {Array.from({ length: item.maxQuantity }, (_, i) => i + 1).map((n) => (
                          <option key={n} value={n}>
                            {formatNumber(locale, n)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="portal-field">
                      <label htmlFor={`item-${index}-reason`}>{t("form.reason")}</label>
                      <select id={`item-${index}-reason`} name={`reason:${item.id}`} defaultValue={values[`reason:${item.id}`] ?? ""} aria-describedby={describedBy}>
                        <option value="">{t("form.chooseReason")}</option>
                        {SHOPPER_RETURN_REASONS.map((reason) => (
                          <option key={reason} value={reason}>
                            {t(`reasons.${reason}`)}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="portal-field">
                      <label htmlFor={`item-${index}-note`}>{t("form.note")}</label>
                      <span className="portal-hint" id={`item-${index}-note-hint`}>
                        {t("form.noteHint")}
                      </span>
                      <textarea id={`item-${index}-note`} name={`note:${item.id}`} maxLength={300} rows={2} defaultValue={values[`note:${item.id}`] ?? ""} aria-describedby={`item-${index}-note-hint`} />
                    </div>
                  </li>
                );
              })}
            </ul>
          </fieldset>

          <fieldset aria-describedby={errors.some((e) => e.field === "method") ? "form-errors" : undefined}>
            <legend>
              <h2>{t("form.methodLegend")}</h2>
            </legend>
            {page.methods.map((m) => (
              <div className="portal-field portal-choice" key={m}>
                <input type="radio" id={`method-${m}`} name="method" value={m} defaultChecked={method === m} aria-describedby={`method-${m}-hint`} />{" "}
                <label htmlFor={`method-${m}`}>{t(`methods.${m}`)}</label>
                <p className="portal-hint portal-muted" id={`method-${m}-hint`}>
                  {t(`methods.${m}_hint`)}
                </p>
              </div>
            ))}
            {page.noDropOffStores ? <p className="portal-hint portal-muted">{portalT(locale, "return-destinations")("portal.noStores")}</p> : null}
          </fieldset>

          {page.outcomes.length > 1 || page.outcomes[0] === "STORE_CREDIT" ? (
            <fieldset aria-describedby={errors.some((e) => e.field === "outcome") ? "form-errors" : undefined}>
              <legend>
                <h2>{t("outcomes.legend")}</h2>
              </legend>
              {page.outcomes.map((o) => (
                <div className="portal-field portal-choice" key={o}>
                  <input type="radio" id={`outcome-${o}`} name="outcome" value={o} defaultChecked={(values.outcome ?? page.outcomes[0]) === o} aria-describedby={`outcome-${o}-hint`} />{" "}
                  <label htmlFor={`outcome-${o}`}>{t(`outcomes.${o}`)}</label>
                  <p className="portal-hint portal-muted" id={`outcome-${o}-hint`}>
                    {t(`outcomes.${o}_hint`)}
                    {o === "STORE_CREDIT" && page.bonus ? (
                      <>
                        {" "}
                        <strong data-bonus>
                          {page.bonus.kind === "PERCENT"
                            ? t("outcomes.bonusPercent", { percent: percent(locale, page.bonus.percent), amount: formatMoney(locale, page.bonus.upTo, page.currency) })
                            : t("outcomes.bonusFixed", { amount: formatMoney(locale, page.bonus.amount, page.currency) })}
                        </strong>
                      </>
                    ) : null}
                  </p>
                </div>
              ))}
            </fieldset>
          ) : null}

          {page.methods.includes("DROP_OFF") && page.stores.length ? (
            <fieldset aria-describedby={errors.some((e) => e.field === "dropOffLocationId") ? "form-errors" : undefined}>
              <legend>
                <h2>{t("form.storeLegend")}</h2>
              </legend>
              {page.stores.map((store, index) => (
                <div className="portal-field portal-choice" key={store.id}>
                  <input
                    type="radio"
                    id={`store-${index}`}
                    name="store"
                    value={store.id}
                    defaultChecked={values.store ? values.store === store.id : false}
                    aria-describedby={`store-${index}-address`}
                  />{" "}
                  <label htmlFor={`store-${index}`}>
                    {store.name}
                    {store.distanceKm != null ? ` (${t("form.distance", { distance: distance(locale, store.distanceKm) })})` : ""}
                  </label>
                  <p className="portal-hint portal-muted" id={`store-${index}-address`}>
                    {store.address}
                  </p>
                </div>
              ))}
              <p className="portal-hint" data-drop-off-instructions>
                <strong>{portalT(locale, "return-destinations")("portal.instructionsTitle")}</strong>
                <br />
                {page.dropOffInstructions}
              </p>
            </fieldset>
          ) : null}

          <section aria-labelledby="fees-title">
            <h2 id="fees-title">{t("fees.title")}</h2>
            {postage.kind !== "none" || restocking > 0 ? (
              <>
                <dl className="portal-facts">
                  {postage.kind !== "none" ? (
                    <>
                      <dt>{t("fees.returnShipping")}</dt>
                      <dd data-postage-quote>
                        {postage.kind === "flat"
                          ? formatMoney(locale, postage.amount, page.currency)
                          : postage.upTo !== null
                            ? t("fees.labelPostageUpTo", { amount: formatMoney(locale, postage.upTo, page.currency) })
                            : t("fees.labelPostage")}
                        {postage.freeReasons.length > 0 ? (
                          <>
                            <br />
                            <span className="portal-muted">{t("fees.postageFreeFor", { reasons: reasons(postage.freeReasons) })}</span>
                          </>
                        ) : null}
                      </dd>
                    </>
                  ) : null}
                  {restocking > 0 ? (
                    <>
                      <dt>{t("fees.restocking")}</dt>
                      <dd>{t("fees.restockingValue", { percent: percent(locale, page.policy.restockingFeePercent) })}</dd>
                    </>
                  ) : null}
                </dl>
                <p className="portal-muted">{t("fees.deducted")}</p>
              </>
            ) : (
              <p>{t("fees.none")}</p>
            )}
          </section>

          <p>
            <button type="submit">{t("form.submit")}</button>
          </p>
        </form>
      )}

      {page.ineligible.length ? (
        <section className="portal-card" aria-labelledby="ineligible-title">
          <h2 id="ineligible-title">{t("form.ineligibleTitle")}</h2>
          <ul className="portal-items">
            {page.ineligible.map((item) => (
              <li key={item.id} data-item={item.id}>
                <strong>{item.title}</strong>
                {item.variantTitle ? ` — ${item.variantTitle}` : ""}
                {errorsFor(item.id).length ? (
                  <p className="portal-alert" role="alert">
                    {errorsFor(item.id).map((e) => selectionErrorMessage(t, locale, e, item.reason)).join(" ")}
                  </p>
                ) : (
                  <p className="portal-muted">{ineligibleMessage(t, locale, item.reason)}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <p>
        <a href={page.backHref}>{t("form.back")}</a>
      </p>
    </PortalLayout>
  );
}
