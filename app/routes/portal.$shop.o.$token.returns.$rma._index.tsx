// Return status: /portal/:shop/o/:token/returns/:rma and, through the app proxy,
// /proxy/portal/o/:token/returns/:rma (app/route-mounts.ts).
import { useActionData, useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalMeta } from "~/portal";
import { portalDocumentHeaders } from "~/portal/returns/headers";
import { ReturnStatusPage } from "~/portal/returns/ReturnStatusPage";
import { returnStatusAction, returnStatusLoader, type ReturnStatusActionData, type ReturnStatusLoaderData } from "~/portal/returns/return-status-route.server";

export const handle = PORTAL_HANDLE;
export const meta = portalMeta;
export const headers = portalDocumentHeaders;

export const loader = returnStatusLoader;

export const action = returnStatusAction;

export default function PortalReturnStatus() {
  return <ReturnStatusPage page={useLoaderData<ReturnStatusLoaderData>()} submitted={useActionData<ReturnStatusActionData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
