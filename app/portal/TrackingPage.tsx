import type { OrderTrackingView } from "~/services/load-order-tracking.server";
import { formatDate, formatDateTime, formatMoney } from "./format";
import { portalT } from "./i18n";
import type { PortalLayoutData } from "./layout-data";
import { PortalLayout } from "./PortalLayout";

export interface TrackingLoaderData {
  title: string;
  layout: PortalLayoutData;
  timeZone: string;
  view: OrderTrackingView;
  /** E2's new-return page, when the order has shipped items; else null. */
  returnHref: string | null;
}

const DONE_STATUSES = new Set(["DELIVERED", "PICKED_UP"]);
const PROBLEM_STATUSES = new Set(["ATTEMPTED_DELIVERY", "FAILURE", "NOT_DELIVERED", "CANCELED", "DELAYED"]);

export function TrackingPage({ data }: { data: TrackingLoaderData }) {
  const { layout, view, timeZone } = data;
  const locale = layout.locale;
  const t = portalT(locale);
  const date = (value: string) => formatDate(locale, value, { timeZone });
  const dateTime = (value: string) => formatDateTime(locale, value, { timeZone });
  return (
    <PortalLayout layout={layout}>
      <h1>{t("tracking.title", { name: view.order.name })}</h1>
      <p className="portal-muted">
        {t("tracking.placedOn", { date: date(view.order.createdAt) })} ·{" "}
        {t("tracking.total")}: {formatMoney(locale, view.order.total.amount, view.order.total.currency)}
      </p>

      <section className="portal-card" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("tracking.timeline")}</h2>
        <ol className="portal-timeline">
          {view.timeline.map((step) => (
            <li
              key={step.key}
              data-state={step.key === "cancelled" ? "problem" : step.state}
              aria-current={step.state === "current" ? "step" : undefined}
            >
              <strong>{t(`timeline.${step.key}`)}</strong>
              {step.state === "upcoming" ? <span className="portal-when">{t("timeline.upcoming")}</span> : null}
              {step.at ? (
                <time className="portal-when" dateTime={step.at}>
                  {dateTime(step.at)}
                </time>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      {view.pickup ? (
        <section className="portal-card" aria-labelledby="pickup-title">
          <h2 id="pickup-title">{t("tracking.pickup.title", { location: view.pickup.locationName })}</h2>
          <dl className="portal-facts">
            <dt>{t("tracking.pickup.address")}</dt>
            <dd>
              <address>
                {view.pickup.addressLines.map((line, index) => (
                  <span key={index}>
                    {line}
                    <br />
                  </span>
                ))}
              </address>
            </dd>
            {view.pickup.pickupTime ? (
              <>
                <dt>{t("tracking.pickup.hours")}</dt>
                <dd>{t(`tracking.pickupTimes.${view.pickup.pickupTime}`, { defaultValue: view.pickup.pickupTime })}</dd>
              </>
            ) : null}
            {view.pickup.instructions ? (
              <>
                <dt>{t("tracking.pickup.instructions")}</dt>
                <dd>{view.pickup.instructions}</dd>
              </>
            ) : null}
            {view.pickup.phone ? (
              <>
                <dt>{t("tracking.pickup.phone")}</dt>
                <dd>
                  <a href={`tel:${view.pickup.phone.replace(/[^+\d]/g, "")}`}>{view.pickup.phone}</a>
                </dd>
              </>
            ) : null}
          </dl>
          <a
            className="portal-button portal-button-secondary"
            href={view.pickup.mapUrl}
            rel="noopener noreferrer"
            target="_blank"
            aria-label={`${t("tracking.pickup.map")} (${t("tracking.pickup.mapLabel", { location: view.pickup.locationName })})`}
          >
            {t("tracking.pickup.map")}
          </a>
        </section>
      ) : null}

      {view.shipments.length > 0 ? (
        <section aria-labelledby="shipments-title">
          <h2 id="shipments-title">{t("tracking.shipments")}</h2>
          {view.shipments.map((shipment, index) => {
            const statusClass = DONE_STATUSES.has(shipment.status)
              ? "portal-status portal-status-done"
              : PROBLEM_STATUSES.has(shipment.status)
                ? "portal-status portal-status-problem"
                : "portal-status";
            return (
              <article className="portal-card" key={shipment.id} aria-labelledby={`shipment-${index}`}>
                <h3 id={`shipment-${index}`}>
                  {t("tracking.shipment", { number: index + 1 })}{" "}
                  <span className={statusClass}>{t(`tracking.shipmentStatus.${shipment.status}`, { defaultValue: shipment.status })}</span>
                </h3>
                <dl className="portal-facts">
                  {shipment.carrier ? (
                    <>
                      <dt>{t("tracking.carrier")}</dt>
                      <dd>{shipment.carrier}</dd>
                    </>
                  ) : null}
                  {shipment.trackingNumber ? (
                    <>
                      <dt>{t("tracking.trackingNumber")}</dt>
                      <dd>{shipment.trackingNumber}</dd>
                    </>
                  ) : null}
                  {shipment.deliveredAt ? (
                    <>
                      <dt>{t("tracking.deliveredOn")}</dt>
                      <dd>{dateTime(shipment.deliveredAt)}</dd>
                    </>
                  ) : shipment.estimatedDeliveryAt ? (
                    <>
                      <dt>{t("tracking.estimatedDelivery")}</dt>
                      <dd>{date(shipment.estimatedDeliveryAt)}</dd>
                    </>
                  ) : null}
                </dl>
                {shipment.issue ? (
                  <p className="portal-alert" role="status">
                    {t(`tracking.issues.${shipment.issue}`)}
                  </p>
                ) : null}
                {shipment.trackingUrl ? (
                  <p>
                    <a
                      className="portal-button"
                      href={shipment.trackingUrl}
                      rel="noopener noreferrer"
                      target="_blank"
                      aria-label={`${shipment.carrier ? t("tracking.track", { carrier: shipment.carrier }) : t("tracking.trackGeneric")} (${t("tracking.trackingLinkLabel")})`}
                    >
                      {shipment.carrier ? t("tracking.track", { carrier: shipment.carrier }) : t("tracking.trackGeneric")}
                    </a>
                  </p>
                ) : null}
                {shipment.events.length > 0 ? (
                  <>
                    <h4 className="portal-muted">{t("tracking.updates")}</h4>
                    <ol className="portal-timeline portal-events">
                      {shipment.events.map((event, i) => (
                        <li key={i} data-state={PROBLEM_STATUSES.has(event.status) ? "problem" : "done"}>
                          <strong>{t(`tracking.shipmentStatus.${event.status}`, { defaultValue: t("tracking.updateGeneric") })}</strong>
                          <time className="portal-when" dateTime={event.at}>
                            {dateTime(event.at)}
                          </time>
                          {event.message ? <p className="portal-event-message">{event.message}</p> : null}
                        </li>
                      ))}
                    </ol>
                  </>
                ) : null}
                <h4 className="portal-muted">{t("tracking.items")}</h4>
                <ul className="portal-items">
                  {shipment.items.map((item, i) => (
                    <li key={i}>
                      <span>{item.name}</span>
                      <span className="portal-muted portal-quantity">{t("tracking.quantity", { count: item.quantity })}</span>
                    </li>
                  ))}
                </ul>
              </article>
            );
          })}
        </section>
      ) : null}

      {view.unshipped.length > 0 ? (
        <section className="portal-card" aria-labelledby="unshipped-title">
          <h2 id="unshipped-title">{t("tracking.notShippedYet")}</h2>
          <ul className="portal-items">
            {view.unshipped.map((item, i) => (
              <li key={i}>
                <span>{item.name}</span>
                <span className="portal-muted portal-quantity">{t("tracking.quantity", { count: item.quantity })}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.returnHref ? (
        <section className="portal-card" aria-labelledby="returns-title">
          <h2 id="returns-title">{t("tracking.returns")}</h2>
          <a className="portal-button" href={data.returnHref}>
            {t("tracking.startReturn")}
          </a>
        </section>
      ) : null}
    </PortalLayout>
  );
}
