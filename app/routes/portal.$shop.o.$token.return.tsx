// New return (GET form, POST submit): /portal/:shop/o/:token/return on the app host and
// /proxy/portal/o/:token/return through the app proxy (app/route-mounts.ts).
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

export default function PortalNewReturn() {
  return <NewReturnPage page={useLoaderData<NewReturnLoaderData>()} submitted={useActionData<NewReturnActionData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
