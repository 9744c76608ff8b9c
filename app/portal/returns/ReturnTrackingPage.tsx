// The built-in carrier's tracking page: the shipment's steps and nothing personal (the number alone
// opens it, as on a carrier's site).
import { formatDateTime } from "../format";
import { portalT } from "../i18n";
import { PortalLayout } from "../PortalLayout";
import { ReturnProgress } from "./ReturnProgress";
import type { ReturnTrackingLoaderData } from "./return-tracking-route.server";

export function ReturnTrackingPage({ page }: { page: ReturnTrackingLoaderData }) {
  const { layout } = page;
  const locale = layout.locale;
  const t = portalT(locale, "returns");
  return (
    <PortalLayout layout={layout}>
      <h1>{page.title}</h1>
      <section className="portal-card">
        <dl className="portal-facts">
          <dt>{t("track.number")}</dt>
          <dd>
            <strong data-tracking-number>{page.trackingNumber}</strong>
          </dd>
          {page.carrier ? (
            <>
              <dt>{t("track.carrier")}</dt>
              <dd>{page.carrier}</dd>
            </>
          ) : null}
          <dt>{t("status.rma")}</dt>
          <dd>{page.rma}</dd>
          <dt>{t("track.lastUpdate")}</dt>
          <dd>{formatDateTime(locale, page.updatedAt, { timeZone: page.timeZone })}</dd>
        </dl>
      </section>
      <section className="portal-card" aria-labelledby="progress-title">
        <ReturnProgress steps={page.steps} t={t} locale={locale} timeZone={page.timeZone} />
        <p className="portal-muted">{t("track.private")}</p>
      </section>
    </PortalLayout>
  );
}
