// A return's steps as the shopper sees them, on its status page and on the carrier tracking page.
import type { ReturnStep } from "~/domain/returns/status";
import { formatDateTime } from "../format";
import type { PortalT } from "../i18n";
import type { PortalLocale } from "~/domain/portal/locale";

export function ReturnProgress({ steps, t, locale, timeZone }: { steps: readonly ReturnStep[]; t: PortalT; locale: PortalLocale; timeZone: string }) {
  return (
    <>
      <h2 id="progress-title">{t("status.progress")}</h2>
      <ol className="portal-timeline">
        {steps.map((step) => (
          <li key={step.key} data-state={step.key === "declined" || step.key === "canceled" ? "problem" : step.state} aria-current={step.state === "current" ? "step" : undefined}>
            <strong>{t(`status.steps.${step.key}`)}</strong>
            {step.at ? <span className="portal-when"> {formatDateTime(locale, step.at, { timeZone })}</span> : null}
            {step.state === "upcoming" ? <span className="portal-muted"> ({t("status.upcoming")})</span> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
