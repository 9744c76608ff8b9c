// Return status: /portal/:shop/o/:token/returns/:rma.
import { useLoaderData } from "@remix-run/react";
import { PORTAL_HANDLE, PortalErrorBoundary, portalLinks, portalMeta } from "~/portal";
import { portalDocumentHeaders } from "~/portal/returns/headers";
import { ReturnStatusPage } from "~/portal/returns/ReturnStatusPage";
import { returnStatusLoader, type ReturnStatusLoaderData } from "~/portal/returns/return-status-route.server";

export const handle = PORTAL_HANDLE;
export const links = portalLinks;
export const meta = portalMeta;
export const headers = portalDocumentHeaders;

export const loader = returnStatusLoader;

export default function PortalReturnStatus() {
  return <ReturnStatusPage page={useLoaderData<ReturnStatusLoaderData>()} />;
}

export const ErrorBoundary = PortalErrorBoundary;
