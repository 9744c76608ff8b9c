import { useActionData, useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalHeaders, portalMeta } from "~/portal";
import { LookupPage, type LookupActionData, type LookupLoaderData } from "~/portal/LookupPage";
import { lookupAction, lookupLoader } from "~/portal/lookup-route.server";

// Customer portal: look up an order by number and email or phone. One module, two mounts
// (app/route-mounts.ts): the app host's /portal/<shop>, and the app proxy's /proxy/portal
// (https://<shop>/apps/crossdock/portal, signed by Shopify), where a signed-in customer also sees
// their orders.

export const handle = PORTAL_HANDLE;
export const meta = portalMeta;
export const headers = portalHeaders;

export const loader = lookupLoader;

export const action = lookupAction;

export default function PortalLookup() {
  return <LookupPage data={useLoaderData<LookupLoaderData>()} actionData={useActionData<LookupActionData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
