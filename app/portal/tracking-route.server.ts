// Loader of the tracking page, shared by /portal/:shop/o/:token and /proxy/portal/o/:token.
import { loadOrderTracking } from "~/services/load-order-tracking.server";
import { resolvePortalRequest, shopperFacingRoute } from "./context.server";
import type { TrackingLoaderData } from "./TrackingPage";

export const trackingLoader = shopperFacingRoute(async function trackingLoader({ request, params }: { request: Request; params: { shop?: string; token?: string } }) {
  const portal = await resolvePortalRequest(request, params);
  const token = params.token ?? "";
  const orderId = portal.verifyOrderToken(token);
  const result = await loadOrderTracking({ shop: portal.shop, graphql: await portal.admin(), orderId });
  if (result.status === "not_found") throw portal.errorResponse(404, "not_found");
  const { view } = result;
  const data: TrackingLoaderData = {
    title: portal.t("tracking.title", { name: view.order.name }),
    layout: portal.layout,
    timeZone: view.timeZone,
    view,
    returnHref: !view.order.cancelledAt && view.shipments.length > 0 ? portal.href(`/o/${token}/return`) : null,
  };
  return Response.json(data, { headers: portal.headers });
});
