// New return through the app proxy: https://{shop}/apps/crossdock/portal/o/<token>/return →
// /proxy/portal/o/<token>/return. Same page as /portal/<shop>/o/<token>/return (the stylesheet
// comes from PortalLayout's absolute link there).
import { useActionData, useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalMeta } from "~/portal";
import { portalDocumentHeaders } from "~/portal/returns/headers";
import { NewReturnPage } from "~/portal/returns/NewReturnPage";
import { newReturnAction, newReturnLoader, type NewReturnActionData, type NewReturnLoaderData } from "~/portal/returns/new-return-route.server";

export const handle = PORTAL_HANDLE;
export const meta = portalMeta;
export const headers = portalDocumentHeaders;

export const loader = newReturnLoader;

export const action = newReturnAction;

export default function ProxyPortalNewReturn() {
  return <NewReturnPage page={useLoaderData<NewReturnLoaderData>()} submitted={useActionData<NewReturnActionData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
