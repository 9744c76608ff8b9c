// Loader and action of the new-return form, shared by /portal/:shop/o/:token/return and
// /proxy/portal/o/:token/return. Parse, authenticate (shop, order token, CSRF), call one service,
// respond: 303 to the status page on success, 422/503 with the errors otherwise.
import { readFormData } from "~/http/form-data.server";
import { redirect } from "@remix-run/node";
import { dropOffInstructionsFor } from "~/domain/returns/destination";
import { fromMinor, moneyAmount, toMinor } from "~/domain/returns/money";
import { storeCreditAmounts } from "~/domain/returns/store-credit";
import type { ReturnSelection, ReturnSelectionError } from "~/domain/returns/request";
import { loadReturnOptions, type ReturnOptions } from "~/services/load-return-options.server";
import { submitPortalReturn } from "~/services/submit-portal-return.server";
import { resolvePortalRequest, type PortalContext, shopperFacingRoute } from "../context.server";
import { portalT } from "../i18n";

type Args = { request: Request; params: { shop?: string; token?: string } };

function view(portal: PortalContext, token: string, options: ReturnOptions) {
  const t = portalT(portal.locale, "returns");
  const order = options.order;
  return {
    layout: portal.layout,
    title: t("form.title", { name: order.name }),
    csrfToken: portal.csrfToken,
    orderName: order.name,
    // Everything in the currency the shopper paid in: the fee as Shopify will take it from them.
    currency: options.money.currency,
    timeZone: options.timeZone,
    policy: {
      windowDays: options.policy.windowDays,
      postage: postageView(options),
      restockingFeePercent: options.policy.restockingFeePercent,
    },
    eligible: options.items
      .filter((e) => e.eligible)
      .map((e) => ({
        id: e.line.fulfillmentLineItemId,
        title: e.line.title,
        variantTitle: e.line.variantTitle ?? null,
        quantity: e.line.quantity,
        maxQuantity: e.maxQuantity,
        unitPrice: e.line.unitPrice,
        lastDay: e.lastDay,
      })),
    ineligible: options.items
      .filter((e) => !e.eligible)
      .map((e) => ({ id: e.line.fulfillmentLineItemId, title: e.line.title, variantTitle: e.line.variantTitle ?? null, quantity: e.line.quantity, reason: e.reason! })),
    methods: options.methods,
    // The outcomes offered, and the store-credit bonus: a percentage, or an amount in the shopper's currency.
    outcomes: options.outcomes.outcomes,
    bonus: bonusView(options),
    stores: options.dropOffStores.map((s) => ({
      id: s.id,
      name: s.name,
      address: [s.address1, s.address2, [s.zip, s.city].filter(Boolean).join(" "), s.province].filter(Boolean).join(", "),
      distanceKm: s.distanceKm,
    })),
    // The merchant's drop-off words in the shopper's language, else the default; and why drop-off is missing.
    dropOffInstructions: dropOffInstructionsFor(options.dropOffInstructions, portal.locale) ?? portalT(portal.locale, "return-destinations")("portal.defaultInstructions"),
    noDropOffStores: options.policy.allowedMethods.includes("DROP_OFF") && options.dropOffStores.length === 0,
    returns: options.returns.map((r) => ({ rma: r.rma, status: r.status, href: portal.href(`/o/${token}/returns/${encodeURIComponent(r.rma)}`) })),
    backHref: portal.href(`/o/${token}`),
  };
}

/** The postage quote as the page shows it: amounts as decimal strings of the shopper's currency. */
function postageView(options: ReturnOptions): { kind: "none" } | { kind: "flat"; amount: string; freeReasons: string[] } | { kind: "label"; upTo: string | null; freeReasons: string[] } {
  const q = options.postage;
  const currency = options.money.currency;
  if (q.kind === "none" || !options.methods.includes("MAIL")) return { kind: "none" };
  if (q.kind === "flat") return { kind: "flat", amount: fromMinor(q.amount, currency), freeReasons: q.freeReasons };
  return { kind: "label", upTo: q.upTo === null ? null : fromMinor(q.upTo, currency), freeReasons: q.freeReasons };
}

function bonusView(options: ReturnOptions): { kind: "PERCENT"; percent: string; upTo: string } | { kind: "FIXED"; amount: string } | null {
  const o = options.outcomes;
  if (!o.outcomes.includes("STORE_CREDIT") || toMinor(o.bonusValue) === 0) return null;
  if (o.bonusKind === "PERCENT") {
    // As money: the bonus on every returnable unit of the order (the most a return of it can get).
    const currency = options.money.currency;
    const value = options.items.filter((e) => e.eligible).reduce((sum, e) => sum + toMinor(e.line.unitPrice, currency) * e.maxQuantity, 0);
    return { kind: "PERCENT", percent: o.bonusValue, upTo: moneyAmount(storeCreditAmounts(o, { minor: value, currency }).bonus) };
  }
  // The fixed bonus (shop currency) at the order's own rate: what a return of anything adds.
  const fixed = storeCreditAmounts(o, { minor: 1, currency: options.money.currency }, options.money.rate).bonus;
  return { kind: "FIXED", amount: moneyAmount(fixed) };
}

async function load(portal: PortalContext, token: string) {
  const orderId = portal.verifyOrderToken(token);
  const result = await loadReturnOptions({ shop: portal.shop, graphql: await portal.admin(), orderId });
  if (result.status === "not-found") throw portal.errorResponse(404, "not_found");
  return view(portal, token, result.options);
}

export const newReturnLoader = shopperFacingRoute(async function newReturnLoader({ request, params }: Args) {
  const portal = await resolvePortalRequest(request, params);
  return Response.json(await load(portal, params.token ?? ""), { headers: portal.headers });
});

/** The submitted form as the domain's selection: one entry per ticked item. */
export function parseReturnForm(form: FormData): ReturnSelection & { values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && key !== "_csrf") values[key] = value;
  const selected = form.getAll("item").filter((v): v is string => typeof v === "string");
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    items: [...new Set(selected)].map((id) => ({ fulfillmentLineItemId: id, quantity: text(`quantity:${id}`) || "1", reason: text(`reason:${id}`), note: text(`note:${id}`) })),
    method: text("method"),
    dropOffLocationId: text("store") || null,
    outcome: text("outcome") || null,
    values: { ...values, item: selected.join("\n") },
  };
}

export const newReturnAction = shopperFacingRoute(async function newReturnAction({ request, params }: Args) {
  const portal = await resolvePortalRequest(request, params);
  const token = params.token ?? "";
  const orderId = portal.verifyOrderToken(token);
  const form = await readFormData(request, () => portal.errorResponse(400, "bad_request"), { single: true, repeatable: ["item"] });
  portal.verifyCsrf(form);
  const selection = parseReturnForm(form);
  const result = await submitPortalReturn({ shop: portal.shop, graphql: await portal.admin(), orderId, selection, locale: portal.locale, actor: "shopper" });
  switch (result.status) {
    case "created":
      return redirect(portal.href(`/o/${token}/returns/${encodeURIComponent(result.ret.rma)}`), { status: 303, headers: portal.headers });
    case "order-not-found":
      throw portal.errorResponse(404, "not_found");
    case "invalid":
      return Response.json({ errors: result.errors, formError: null, messages: [] as string[], values: selection.values }, { status: 422, headers: portal.headers });
    case "rejected":
      return Response.json({ errors: [] as ReturnSelectionError[], formError: "rejected" as const, messages: result.messages, values: selection.values }, { status: 422, headers: portal.headers });
    case "failed":
      return Response.json({ errors: [] as ReturnSelectionError[], formError: "failed" as const, messages: [] as string[], values: selection.values }, { status: 503, headers: portal.headers });
  }
});


export type NewReturnLoaderData = Awaited<ReturnType<typeof load>>;
export type NewReturnActionData = {
  errors: ReturnSelectionError[];
  formError: "rejected" | "failed" | null;
  messages: string[];
  values: Record<string, string>;
};
