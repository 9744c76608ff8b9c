// The built-in return carrier's tracking page: /portal/:shop/track/:number.
import { useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalMeta } from "~/portal";
import { portalDocumentHeaders } from "~/portal/returns/headers";
import { ReturnTrackingPage } from "~/portal/returns/ReturnTrackingPage";
import { returnTrackingLoader, type ReturnTrackingLoaderData } from "~/portal/returns/return-tracking-route.server";

export const handle = PORTAL_HANDLE;
export const meta = portalMeta;
export const headers = portalDocumentHeaders;

export const loader = returnTrackingLoader;

export default function PortalReturnTracking() {
  return <ReturnTrackingPage page={useLoaderData<ReturnTrackingLoaderData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
