import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { portalT } from "./i18n";
import type { PortalErrorBody } from "./layout-data";
import { PortalLayout } from "./PortalLayout";

function isPortalError(data: unknown): data is PortalErrorBody {
  return typeof data === "object" && data !== null && "portalError" in data && "layout" in data;
}

/**
 * Every portal route's ErrorBoundary: a branded page in the shopper's language for the errors the
 * portal raises on purpose (PortalContext.errorResponse: bad/expired link, CSRF, rate limit), a
 * plain page for anything else (unknown shop, unexpected failures).
 */
export function PortalErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && isPortalError(error.data)) {
    const { layout, portalError } = error.data;
    const t = portalT(layout.locale);
    return (
      <PortalLayout layout={layout}>
        <section className="portal-card" aria-labelledby="error-title">
          <h1 id="error-title">{t(`errors.${portalError}.title`)}</h1>
          <p>{t(`errors.${portalError}.body`)}</p>
          <p>
            <a className="portal-button" href={layout.homeHref}>
              {t("errors.backToLookup")}
            </a>
          </p>
        </section>
      </PortalLayout>
    );
  }
  const t = portalT("en");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <div className="portal">
      <main id="main" className="portal-main">
        <section className="portal-card">
          <h1>{status === 404 ? t("errors.not_found.title") : t("errors.unavailable.title")}</h1>
          <p>{status === 404 ? t("errors.not_found.body") : t("errors.unavailable.body")}</p>
        </section>
      </main>
    </div>
  );
}
