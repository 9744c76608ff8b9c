import { useActionData, useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalHeaders, portalMeta } from "~/portal";
import { LookupPage, type LookupActionData, type LookupLoaderData } from "~/portal/LookupPage";
import { lookupAction, lookupLoader } from "~/portal/lookup-route.server";

// Customer portal through the app proxy: https://{shop}/apps/crossdock/portal → /proxy/portal,
// signed by Shopify. Same page as /portal/<shop>; a signed-in customer also sees their orders.
// (The stylesheet comes from PortalLayout with an absolute URL: `links` would point at the shop.)

export const handle = PORTAL_HANDLE;
export const meta = portalMeta;
export const headers = portalHeaders;

export const loader = lookupLoader;

export const action = lookupAction;

export default function ProxyPortalLookup() {
  return <LookupPage data={useLoaderData<LookupLoaderData>()} actionData={useActionData<LookupActionData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
