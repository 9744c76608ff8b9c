import { useActionData, useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalHeaders, portalLinks, portalMeta } from "~/portal";
import { LookupPage, type LookupActionData, type LookupLoaderData } from "~/portal/LookupPage";
import { lookupAction, lookupLoader } from "~/portal/lookup-route.server";

// Customer portal, app host: /portal/<shop>: look up an order by number and email or phone.

export const handle = PORTAL_HANDLE;
export const links = portalLinks;
export const meta = portalMeta;
export const headers = portalHeaders;

export const loader = lookupLoader;

export const action = lookupAction;

export default function PortalLookup() {
  return <LookupPage data={useLoaderData<LookupLoaderData>()} actionData={useActionData<LookupActionData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
