import { useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalHeaders, portalMeta } from "~/portal";
import { TrackingPage, type TrackingLoaderData } from "~/portal/TrackingPage";
import { trackingLoader } from "~/portal/tracking-route.server";

// Customer portal: the order's tracking page, at /portal/<shop>/o/<token> (app host) and
// /proxy/portal/o/<token> (app proxy; app/route-mounts.ts). The token is an order access token
// (lookup, emails); a tampered, foreign or expired one answers 403.

export const handle = PORTAL_HANDLE;
export const meta = portalMeta;
export const headers = portalHeaders;

export const loader = trackingLoader;

export default function PortalTracking() {
  return <TrackingPage data={useLoaderData<TrackingLoaderData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
