import { useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalHeaders, portalMeta } from "~/portal";
import { TrackingPage, type TrackingLoaderData } from "~/portal/TrackingPage";
import { trackingLoader } from "~/portal/tracking-route.server";

// Customer portal through the app proxy: https://{shop}/apps/crossdock/portal/o/<token> →
// /proxy/portal/o/<token>. Same page as /portal/<shop>/o/<token>.

export const handle = PORTAL_HANDLE;
export const meta = portalMeta;
export const headers = portalHeaders;

export const loader = trackingLoader;

export default function ProxyPortalTracking() {
  return <TrackingPage data={useLoaderData<TrackingLoaderData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
