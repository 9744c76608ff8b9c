import type { PortalLocale } from "~/domain/portal/locale";

/** What PortalLayout needs, returned by loaders (serializable). Built by resolvePortalRequest. */
export interface PortalLayoutData {
  locale: PortalLocale;
  htmlLang: string;
  brandName: string;
  logoUrl: string | null;
  /** "#rrggbb" (the shop's, else Crossdock's default). */
  brandColor: string;
  homeHref: string;
  /** Through the app proxy: the stylesheet's absolute URL on the app's host (else null: `links` loads it). */
  stylesheetHref: string | null;
  languages: { code: PortalLocale; name: string; href: string; current: boolean }[];
}

/** Errors the portal pages render in the shopper's language (keys under `errors.` in portal.json). */
export type PortalErrorCode = "bad_request" | "csrf" | "link_invalid" | "link_expired" | "not_found" | "rate_limited" | "unavailable";

/** The JSON body of a branded error Response (PortalContext.errorResponse). */
export interface PortalErrorBody {
  portalError: PortalErrorCode;
  layout: PortalLayoutData;
}
