import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalHeaders, portalLinks, portalMeta } from "~/portal";
import { LookupPage, type LookupActionData, type LookupLoaderData } from "~/portal/LookupPage";
import { lookupAction, lookupLoader } from "~/portal/lookup-route.server";

// Customer portal, app host: /portal/<shop>: look up an order by number and email or phone.

export const handle = PORTAL_HANDLE;
export const links = portalLinks;
export const meta = portalMeta;
export const headers = portalHeaders;

export async function loader(args: LoaderFunctionArgs) {
  return lookupLoader(args);
}

export async function action(args: ActionFunctionArgs) {
  return lookupAction(args);
}

export default function PortalLookup() {
  return <LookupPage data={useLoaderData<LookupLoaderData>()} actionData={useActionData<LookupActionData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
