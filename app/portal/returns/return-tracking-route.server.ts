// Loader of the built-in carrier's tracking page, /portal/:shop/track/:number: the link registered
// with Shopify (reverseDeliveryCreateWithShipping) and printed on the label.
import type { ReturnStep } from "~/domain/returns/status";
import type { PortalLayoutData } from "~/portal/layout-data";
import { loadReturnByTrackingNumber } from "~/services/load-return-status.server";
import { resolvePortalRequest, shopperFacingRoute } from "../context.server";
import { portalT } from "../i18n";

type Args = { request: Request; params: { shop?: string; number?: string } };

export const returnTrackingLoader = shopperFacingRoute(async function returnTrackingLoader({ request, params }: Args) {
  const portal = await resolvePortalRequest(request, params);
  const number = (params.number ?? "").trim().toUpperCase();
  if (!/^[A-Z0-9]{6,40}$/.test(number)) throw portal.errorResponse(404, "not_found");
  const result = await loadReturnByTrackingNumber({ shop: portal.shop, trackingNumber: number });
  if (result.status === "not-found") throw portal.errorResponse(404, "not_found");
  const { ret, steps } = result;
  return Response.json(
    {
      layout: portal.layout,
      title: portalT(portal.locale, "returns")("track.title", { number }),
      // The number alone opens this page: the shop's zone (named beside each time), never a hint of where the shopper is.
      timeZone: portal.shop.timezone,
      trackingNumber: number,
      carrier: ret.labelCarrier,
      rma: ret.rma,
      steps,
      updatedAt: ret.updatedAt.toISOString(),
    },
    { headers: portal.headers },
  );
});

export type ReturnTrackingLoaderData = {
  layout: PortalLayoutData;
  title: string;
  timeZone: string;
  trackingNumber: string;
  carrier: string | null;
  rma: string;
  steps: ReturnStep[];
  updatedAt: string;
};
