// Loader and action of the lookup page, shared by /portal/:shop and the app proxy's /proxy/portal.
import { readFormData } from "~/http/form-data.server";
import { redirect } from "@remix-run/node";
import { env } from "~/env.server";
import { clientAddress } from "~/http/client-address.server";
import { lookupPortalOrder } from "~/services/lookup-portal-order.server";
import { listPortalCustomerOrders } from "~/services/list-portal-customer-orders.server";
import { resolvePortalRequest, shopperFacingRoute } from "./context.server";
import { lookupRateLimiter } from "~/security/rate-limit.server";
import type { LookupActionData, LookupLoaderData } from "./LookupPage";

export const lookupLoader = shopperFacingRoute(async function lookupLoader({ request, params }: { request: Request; params: { shop?: string } }) {
  const portal = await resolvePortalRequest(request, params);
  let customerOrders: LookupLoaderData["customerOrders"] = null;
  if (portal.customerId) {
    const orders = await listPortalCustomerOrders({ graphql: await portal.admin(), customerId: portal.customerId });
    customerOrders = orders.map((o) => ({
      name: o.name,
      createdAt: o.createdAt,
      href: portal.href(`/o/${portal.issueOrderToken(o.id, 3600)}`),
    }));
  }
  const data: LookupLoaderData = {
    title: portal.t("lookup.title"),
    layout: portal.layout,
    csrfToken: portal.csrfToken,
    action: portal.href("/"),
    timeZone: portal.shop.timezone,
    customerOrders,
  };
  return Response.json(data, { headers: portal.headers });
});

export const lookupAction = shopperFacingRoute(async function lookupAction({ request, params }: { request: Request; params: { shop?: string } }) {
  const portal = await resolvePortalRequest(request, params);
  const form = await readFormData(request, () => portal.errorResponse(400, "bad_request"), { single: true });
  portal.verifyCsrf(form);
  // What the shopper typed goes back with every error, so the form shows it again for a correction.
  const values = { orderNumber: typedValue(form.get("orderNumber"), 40), contact: typedValue(form.get("contact"), 254) };
  const outcome = await lookupPortalOrder({
    shop: portal.shop,
    graphql: await portal.admin(),
    form: { orderNumber: form.get("orderNumber"), contact: form.get("contact") },
    ip: clientAddress(request, { trustedProxies: env().TRUSTED_PROXY_COUNT, viaShopifyAppProxy: portal.mode === "proxy" }),
    limiter: lookupRateLimiter(),
  });
  switch (outcome.status) {
    case "found":
      return redirect(portal.href(`/o/${outcome.token}`), { status: 303, headers: portal.headers });
    case "rate_limited": {
      const headers = new Headers(portal.headers);
      headers.set("Retry-After", String(outcome.retryAfterSeconds));
      const body: LookupActionData = { error: "rate_limited", retryAfterMinutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)), values };
      return Response.json(body, { status: 429, headers });
    }
    case "invalid":
      return Response.json({ error: "invalid", values } satisfies LookupActionData, { status: 422, headers: portal.headers });
    case "no_match":
      // The same answer for an unknown order and a wrong email or phone; where Shopify hides the
      // shop's order emails (or phones), the same explanation for both.
      return Response.json(
        (outcome.unmatchable ? { error: "no_match", unmatchable: outcome.unmatchable, values } : { error: "no_match", values }) satisfies LookupActionData,
        { status: 422, headers: portal.headers },
      );
  }
});

/** A text field as typed, without control characters (a file or a missing field reads as empty), cut to the input's maxLength. */
function typedValue(value: FormDataEntryValue | null, maxLength: number): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  return typeof value === "string" ? value.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").slice(0, maxLength) : "";
}
