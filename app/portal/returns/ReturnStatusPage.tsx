// A return's status page (server-rendered only): the lifecycle steps, the items, the merchant's
// decline note, 'Print label' for an approved mail return, the store for a drop-off.
import { isOpenReturn } from "~/domain/returns/status";
import { formatDate, formatMoney, formatNumber } from "../format";
import { portalT } from "../i18n";
import { CsrfField, PortalLayout } from "../PortalLayout";
import { ReturnProgress } from "./ReturnProgress";
import type { ReturnStatusActionData, ReturnStatusLoaderData } from "./return-status-route.server";

export function ReturnStatusPage({ page, submitted }: { page: ReturnStatusLoaderData; submitted?: ReturnStatusActionData }) {
  const { layout } = page;
  const locale = layout.locale;
  const t = portalT(locale, "returns");
  const words = portalT(locale, "return-destinations");
  const money = (amount: string) => formatMoney(locale, amount, page.currency);
  const fees = Number(page.totals.returnShippingFee) > 0 || Number(page.totals.restockingFee) > 0;
  return (
    <PortalLayout layout={layout}>
      <h1>{page.title}</h1>
      <section className="portal-card" aria-label={t("status.rma")}>
        <dl className="portal-facts">
          <dt>{t("status.rma")}</dt>
          <dd>
            <strong data-rma>{page.rma}</strong>
          </dd>
          <dt>{t("status.order")}</dt>
          <dd>{page.orderName}</dd>
          <dt>{t("status.requestedOn")}</dt>
          <dd>{formatDate(locale, page.createdAt, { timeZone: page.timeZone })}</dd>
          <dt>{t("status.method")}</dt>
          <dd>{t(`methods.${page.method}`)}</dd>
        </dl>
        {page.status === "REQUESTED" ? <p className="portal-note">{t("status.created")}</p> : null}
        {page.labelProblem ? (
          <p className="portal-note" role="status" data-label-problem>
            {t(`status.labelProblem.${page.labelProblem}`)}
          </p>
        ) : null}
      </section>

      <section className="portal-card" aria-labelledby="progress-title">
        <ReturnProgress steps={page.steps} t={t} locale={locale} timeZone={page.timeZone} />
      </section>

      {page.decline ? (
        <section className="portal-card portal-alert" aria-labelledby="decline-title">
          <h2 id="decline-title">{t("status.declinedTitle")}</h2>
          {page.decline.reason ? <p>{t(`status.declineReasons.${page.decline.reason}`, { defaultValue: t("status.declineReasons.OTHER") })}</p> : null}
          {page.decline.note ? (
            <>
              <h3>{t("status.declineNote")}</h3>
              <p data-decline-note>{page.decline.note}</p>
            </>
          ) : null}
        </section>
      ) : null}

      {page.label ? (
        <section className="portal-card" aria-labelledby="label-title">
          <h2 id="label-title">{t("status.labelTitle")}</h2>
          <p>{t(page.label.postagePaid ? "status.labelHint" : "status.selfShipHint")}</p>
          <p>
            <a className="portal-button" href={page.label.href} data-label-link>
              {t("status.printLabel")}
            </a>
          </p>
          {page.label.trackingNumber ? (
            <dl className="portal-facts">
              <dt>{t("status.trackingNumber")}</dt>
              <dd>
                {page.label.trackingNumber}
                {page.label.carrier ? ` (${page.label.carrier})` : ""}
              </dd>
            </dl>
          ) : null}
        </section>
      ) : page.method === "MAIL" && page.status === "APPROVED" ? (
        <p className="portal-card">{t("status.labelPending")}</p>
      ) : null}

      {page.selfShip ? (
        <section className="portal-card" aria-labelledby="self-ship-title" data-self-ship>
          <h2 id="self-ship-title">{t("status.selfShip.title")}</h2>
          {page.selfShip.trackingNumber ? (
            <dl className="portal-facts">
              <dt>{t("status.selfShip.yourTracking")}</dt>
              <dd data-self-ship-tracking>
                {page.selfShip.trackingNumber}
                {page.selfShip.carrier ? ` (${page.selfShip.carrier})` : ""}
              </dd>
            </dl>
          ) : null}
          {page.selfShip.canEdit ? (
            <form method="post" noValidate>
              <CsrfField token={page.selfShip.csrfToken} />
              <p className="portal-hint">{t(page.selfShip.trackingNumber ? "status.selfShip.changeHint" : "status.selfShip.hint")}</p>
              {submitted?.errors && Object.keys(submitted.errors).length ? (
                <ul className="portal-alert" role="alert" id="self-ship-errors">
                  {Object.values(submitted.errors).map((code) => (
                    <li key={code}>{t(`status.selfShip.errors.${code}`, { min: 4, max: code === "carrierTooLong" ? 60 : 40 })}</li>
                  ))}
                </ul>
              ) : null}
              <div className="portal-field">
                <label htmlFor="self-ship-carrier">{t("status.selfShip.carrier")}</label>
                <span className="portal-hint" id="self-ship-carrier-hint">
                  {t("status.selfShip.carrierHint")}
                </span>
                <input id="self-ship-carrier" name="carrier" maxLength={60} autoComplete="off" defaultValue={submitted?.values.carrier ?? page.selfShip.carrier ?? ""} aria-describedby="self-ship-carrier-hint" aria-invalid={submitted?.errors.carrier ? true : undefined} />
              </div>
              <div className="portal-field">
                <label htmlFor="self-ship-number">{t("status.selfShip.trackingNumber")}</label>
                <input id="self-ship-number" name="trackingNumber" maxLength={60} autoComplete="off" inputMode="text" defaultValue={submitted?.values.trackingNumber ?? page.selfShip.trackingNumber ?? ""} aria-describedby={submitted?.errors.trackingNumber ? "self-ship-errors" : undefined} aria-invalid={submitted?.errors.trackingNumber ? true : undefined} />
              </div>
              <button type="submit" className="portal-button">
                {t("status.selfShip.submit")}
              </button>
            </form>
          ) : null}
        </section>
      ) : null}

      {page.received ? (
        <section className="portal-card" aria-labelledby="received-title" data-received>
          <h2 id="received-title">{words("portal.receivedTitle")}</h2>
          <p>
            {page.received.store
              ? words("portal.receivedAt", { store: page.received.store, date: formatDate(locale, page.received.at, { timeZone: page.timeZone }) })
              : words("portal.received", { date: formatDate(locale, page.received.at, { timeZone: page.timeZone }) })}
          </p>
        </section>
      ) : null}

      {page.store ? (
        <section className="portal-card" aria-labelledby="store-title">
          <h2 id="store-title">{t("status.dropOffTitle")}</h2>
          <p>{t("status.dropOffHint", { rma: page.rma })}</p>
          <address>
            <strong>{page.store.name}</strong>
            {page.store.lines.map((line) => (
              <span key={line}>
                <br />
                {line}
              </span>
            ))}
          </address>
          {page.store.phone ? (
            <dl className="portal-facts">
              <dt>{t("status.phone")}</dt>
              <dd>
                <a href={`tel:${page.store.phone.replace(/[^+\d]/g, "")}`}>{page.store.phone}</a>
              </dd>
            </dl>
          ) : null}
          <h3>{words("portal.instructionsTitle")}</h3>
          <p data-drop-off-instructions>{page.store.instructions}</p>
        </section>
      ) : null}

      <section className="portal-card" aria-labelledby="items-title">
        <h2 id="items-title">{t("status.items")}</h2>
        <ul className="portal-items">
          {page.lines.map((line) => (
            <li key={line.id}>
              <strong>{t("status.itemLine", { title: line.variantTitle ? `${line.title} — ${line.variantTitle}` : line.title, quantity: formatNumber(locale, line.quantity) })}</strong>
              <p className="portal-muted">{t("status.reasonLine", { reason: t(`reasons.${line.reason}`, { defaultValue: line.reason }) })}</p>
              {line.note ? <p className="portal-muted">{line.note}</p> : null}
            </li>
          ))}
        </ul>
        <dl className="portal-facts">
          <dt>{t("fees.value")}</dt>
          <dd>{money(page.totals.value)}</dd>
          {Number(page.totals.returnShippingFee) > 0 ? (
            <>
              <dt>{t("fees.returnShipping")}</dt>
              <dd>−{money(page.totals.returnShippingFee)}</dd>
            </>
          ) : null}
          {Number(page.totals.restockingFee) > 0 ? (
            <>
              <dt>{t("fees.restocking")}</dt>
              <dd>−{money(page.totals.restockingFee)}</dd>
            </>
          ) : null}
          {/* An exchange that takes everything the items are worth gives no money back: its section below says what comes instead. */}
          {page.outcome.kind === "REFUND" && page.exchange && Number(page.exchange.moneyBack) === 0 ? null : (
            <>
              {isOpenReturn(page.status) && page.outcome.kind === "REFUND" ? (
                <>
                  <dt>{t("fees.refund")}</dt>
                  <dd>{money(page.totals.refund)}</dd>
                </>
              ) : null}
              <dt>{t("outcomes.title")}</dt>
              <dd data-outcome={page.outcome.kind}>
                {page.outcome.kind === "STORE_CREDIT"
                  ? Number(page.outcome.bonus) > 0
                    ? t("outcomes.chosenCredit", { total: money(page.outcome.total), base: money(page.outcome.base), bonus: money(page.outcome.bonus) })
                    : t("outcomes.chosenCreditNoBonus", { total: money(page.outcome.total) })
                  : t("outcomes.chosenRefund")}
              </dd>
            </>
          )}
        </dl>
        {page.exchange ? (
          <section aria-labelledby="exchange-title" data-exchange>
            <h3 id="exchange-title">{t("exchange.title")}</h3>
            <ul>
              {page.exchange.lines.map((l) => (
                <li key={l.id}>{t("exchange.line", { item: l.title, variant: l.variant, quantity: formatNumber(locale, l.quantity) })}</li>
              ))}
            </ul>
            {page.exchange.payment !== "none" ? <p data-exchange-payment={page.exchange.payment}>{t(`exchange.payment.${page.exchange.payment}`, { amount: money(page.exchange.payment === "due" ? page.exchange.due : page.exchange.invoiced) })}</p> : null}
            {Number(page.exchange.moneyBack) > 0 ? <p>{t("exchange.moneyBackAmount", { amount: money(page.exchange.moneyBack) })}</p> : null}
            {page.exchange.payment === "none" ? <p className="portal-muted">{t(page.exchange.shipsBeforeReceipt ? "exchange.shipsBefore" : "exchange.shipsAfter")}</p> : null}
          </section>
        ) : null}
        {page.outcome.kind === "STORE_CREDIT" && page.outcome.creditedAt ? (
          <p>{t("outcomes.credited", { total: money(page.outcome.total), date: formatDate(locale, page.outcome.creditedAt, { timeZone: page.timeZone }) })}</p>
        ) : null}
        {fees ? <p className="portal-muted">{t("fees.deducted")}</p> : null}
      </section>

      <p>
        <a href={page.backHref}>{t("status.backToOrder")}</a>
      </p>
    </PortalLayout>
  );
}
