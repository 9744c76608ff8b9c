// Loader of the return status page, shared by /portal/:shop/o/:token/returns/:rma and
// /proxy/portal/o/:token/returns/:rma.
import { pendingLabelProblem } from "~/domain/returns/label-problem";
import { shopperTimeZone } from "~/domain/portal/time-zone";
import { quotedRefund } from "~/domain/returns/fees";
import { fromMinor, moneyAmount, toMinor } from "~/domain/returns/money";
import { exchangeChargedOf, moneyBackOf } from "~/domain/returns/exchange";
import { exchangePaymentStage } from "~/domain/returns/exchange-payment";
import { storeCreditOfReturn } from "~/domain/returns/store-credit";
import { dropOffInstructionsFor } from "~/domain/returns/destination";
import { normaliseRma } from "~/domain/returns/rma";
import { LABEL_PAGE_URL_TTL_SECONDS, labelHasPostage, returnLabelPath } from "~/services/download-return-label.server";
import { loadReturnStatus } from "~/services/load-return-status.server";
import { recordSelfShipTracking, selfShipTrackingAllowed } from "~/services/record-self-ship-tracking.server";
import type { SelfShipError } from "~/domain/returns/self-ship";
import { readFormData } from "~/http/form-data.server";
import { redirect } from "@remix-run/node";
import { resolvePortalRequest, type PortalContext, shopperFacingRoute } from "../context.server";
import { portalT } from "../i18n";

type Args = { request: Request; params: { shop?: string; token?: string; rma?: string } };

/** The return's amounts in its currency's decimals (whole đồng for VND), and the refund they quote. */
function storedTotals(ret: { currency: string; totalValue: Decimalish; returnShippingFee: Decimalish; restockingFee: Decimalish }) {
  const amounts = { value: ret.totalValue.toFixed(2), returnShippingFee: ret.returnShippingFee.toFixed(2), restockingFee: ret.restockingFee.toFixed(2) };
  const inCurrency = (amount: string) => fromMinor(toMinor(amount, ret.currency), ret.currency);
  return {
    value: inCurrency(amounts.value),
    returnShippingFee: inCurrency(amounts.returnShippingFee),
    restockingFee: inCurrency(amounts.restockingFee),
    refund: quotedRefund(amounts, ret.currency),
  };
}

type Decimalish = { toFixed(digits: number): string };

/** What the shopper chose; for store credit the amount (quoted refund + bonus) and when it was credited. */
function outcomeView(ret: Parameters<typeof storeCreditOf>[0] & { outcome: string; storeCreditAmount: Decimalish | null; storeCreditedAt: Date | null }) {
  if (ret.outcome !== "STORE_CREDIT") return { kind: "REFUND" as const };
  const credit = storeCreditOf(ret);
  return {
    kind: "STORE_CREDIT" as const,
    base: moneyAmount(credit.base),
    bonus: moneyAmount(credit.bonus),
    total: ret.storeCreditAmount ? fromMinor(toMinor(ret.storeCreditAmount.toFixed(2), ret.currency), ret.currency) : moneyAmount(credit.total),
    creditedAt: ret.storeCreditedAt?.toISOString() ?? null,
  };
}

const storeCreditOf = (ret: { currency: string; totalValue: Decimalish; returnShippingFee: Decimalish; restockingFee: Decimalish; storeCreditBonus: Decimalish | null; exchangeBonus: Decimalish | null; lines: readonly { quantity: number; exchangeUnitPrice: Decimalish | null }[] }) =>
  storeCreditOfReturn({ currency: ret.currency, value: ret.totalValue.toFixed(2), returnShippingFee: ret.returnShippingFee.toFixed(2), restockingFee: ret.restockingFee.toFixed(2), bonus: ret.storeCreditBonus?.toFixed(2) ?? null, exchangeCharged: exchangeChargedOf(ret) });

/** The exchanged lines and their money: what the new items cost, what the shopper pays or gets back, when they ship. */
function exchangeView(ret: {
  currency: string;
  totalValue: Decimalish;
  returnShippingFee: Decimalish;
  restockingFee: Decimalish;
  exchangeBonus: Decimalish | null;
  exchangeDue: Decimalish | null;
  exchangeTiming: string | null;
  exchangeInvoiceRequestedAt: Date | null;
  exchangeInvoiceSentAt: Date | null;
  exchangeInvoiceAmount: Decimalish | null;
  exchangeInvoiceCurrency: string | null;
  exchangePaidAt: Date | null;
  lines: readonly { id: string; title: string; quantity: number; exchangeVariantTitle: string | null; exchangeUnitPrice: Decimalish | null }[];
}) {
  if (exchangeChargedOf(ret) === null) return null;
  const due = ret.exchangeDue ? fromMinor(toMinor(ret.exchangeDue.toFixed(2), ret.currency), ret.currency) : fromMinor(0, ret.currency);
  return {
    lines: ret.lines.flatMap((l) => (l.exchangeVariantTitle ? [{ id: l.id, title: l.title, variant: l.exchangeVariantTitle, quantity: l.quantity }] : [])),
    due,
    // The difference: quoted, then invoiced by Shopify (what its order had outstanding), then paid.
    payment: exchangePaymentStage({ ...ret, exchangeDue: ret.exchangeDue?.toFixed(2) ?? null }),
    invoiced: ret.exchangeInvoiceAmount && ret.exchangeInvoiceCurrency === ret.currency ? fromMinor(toMinor(ret.exchangeInvoiceAmount.toFixed(2), ret.currency), ret.currency) : due,
    moneyBack: moneyBackOf(ret),
    shipsBeforeReceipt: ret.exchangeTiming === "BEFORE_RECEIPT",
  };
}

async function load(portal: PortalContext, token: string, rmaParam: string) {
  const orderId = portal.verifyOrderToken(token);
  const rma = normaliseRma(rmaParam);
  if (!rma) throw portal.errorResponse(404, "not_found");
  const result = await loadReturnStatus({ shop: portal.shop, orderId, rma });
  if (result.status === "not-found") throw portal.errorResponse(404, "not_found");
  const { ret, steps, location } = result;
  const t = portalT(portal.locale, "returns");
  const words = portalT(portal.locale, "return-destinations");
  // Received (and refunded or closed after it): the page says the items are in, not where to bring them.
  const receivedAt = ret.receivedAt ?? (ret.status === "RECEIVED" || ret.status === "REFUNDED" ? ret.updatedAt : null);
  return {
    layout: portal.layout,
    title: t("status.title", { rma: ret.rma }),
    timeZone: shopperTimeZone(portal.shop.timezone, result.place),
    rma: ret.rma,
    orderName: ret.orderName,
    status: ret.status,
    method: ret.method,
    createdAt: ret.createdAt.toISOString(),
    currency: ret.currency,
    totals: { ...storedTotals(ret), refund: exchangeView(ret)?.moneyBack ?? storedTotals(ret).refund },
    exchange: exchangeView(ret),
    outcome: outcomeView(ret),
    steps,
    lines: ret.lines.map((l) => ({ id: l.id, title: l.title, variantTitle: l.variantTitle, quantity: l.quantity, reason: l.reason, note: l.customerNote })),
    decline: ret.status === "DECLINED" ? { reason: ret.declineReason, note: ret.declineNote } : null,
    labelProblem: labelProblem(ret),
    label: result.hasLabel
      ? { href: portal.signUrl(returnLabelPath(token, ret.rma), LABEL_PAGE_URL_TTL_SECONDS), trackingNumber: ret.labelTrackingNumber, carrier: labelHasPostage(ret.labelCarrier) ? ret.labelCarrier : null, postagePaid: labelHasPostage(ret.labelCarrier) }
      : null,
    store:
      location && ret.method === "DROP_OFF" && receivedAt == null && (ret.status === "REQUESTED" || result.awaitingGoods)
        ? {
            name: location.name,
            lines: [location.address1, location.address2, [location.zip, location.city].filter(Boolean).join(" "), location.province].filter((v): v is string => Boolean(v)),
            phone: location.phone,
            // The merchant's drop-off words in the shopper's language (never the store's pickup instructions).
            instructions: dropOffInstructionsFor(result.dropOffInstructions, portal.locale) ?? words("portal.defaultInstructions"),
          }
        : null,
    received: receivedAt ? { at: receivedAt.toISOString(), store: ret.method === "DROP_OFF" ? (location?.name ?? null) : null } : null,
    // A parcel the shopper sends themselves: the tracking number they typed, and the form while it may change.
    selfShip:
      ret.method === "MAIL" && !labelHasPostage(ret.labelCarrier) && (ret.selfShipTrackingNumber || selfShipTrackingAllowed(ret))
        ? { trackingNumber: ret.selfShipTrackingNumber, carrier: ret.selfShipCarrier, canEdit: selfShipTrackingAllowed(ret), csrfToken: portal.csrfToken }
        : null,
    backHref: portal.href(`/o/${token}`),
  };
}

export type ReturnStatusLoaderData = Awaited<ReturnType<typeof load>>;

export type ReturnStatusActionData = { errors: Partial<Record<"trackingNumber" | "carrier", SelfShipError>>; values: { trackingNumber: string; carrier: string } };

/** The shopper types the tracking of a parcel they send themselves (services/record-self-ship-tracking). */
export const returnStatusAction = shopperFacingRoute(async function returnStatusAction({ request, params }: Args) {
  const portal = await resolvePortalRequest(request, params);
  const token = params.token ?? "";
  const orderId = portal.verifyOrderToken(token);
  const rma = normaliseRma(params.rma ?? "");
  if (!rma) throw portal.errorResponse(404, "not_found");
  const form = await readFormData(request, () => portal.errorResponse(400, "bad_request"), { single: true });
  portal.verifyCsrf(form);
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : "";
  };
  const values = { trackingNumber: text("trackingNumber").slice(0, 200), carrier: text("carrier").slice(0, 200) };
  const result = await recordSelfShipTracking({ shop: portal.shop, graphql: await portal.admin(), orderId, rma, trackingNumber: text("trackingNumber"), carrier: text("carrier") });
  switch (result.status) {
    case "recorded":
      return redirect(portal.href(`/o/${token}/returns/${encodeURIComponent(result.rma)}`), { status: 303, headers: portal.headers });
    case "invalid":
      return Response.json({ errors: result.errors, values } satisfies ReturnStatusActionData, { status: 422, headers: portal.headers });
    case "not-allowed":
      return Response.json({ errors: { trackingNumber: "notAllowed" }, values } satisfies ReturnStatusActionData, { status: 409, headers: portal.headers });
    case "not-found":
      throw portal.errorResponse(404, "not_found");
  }
});

export const returnStatusLoader = shopperFacingRoute(async function returnStatusLoader({ request, params }: Args) {
  const portal = await resolvePortalRequest(request, params);
  return Response.json(await load(portal, params.token ?? "", params.rma ?? ""), { headers: portal.headers });
});

/** The shopper is told an address problem apart (they may be asked to correct it); anything else the store retries. */
function labelProblem(ret: Parameters<typeof pendingLabelProblem>[0]): "invalid-address" | "other" | null {
  const problem = pendingLabelProblem(ret);
  return problem === null ? null : problem === "invalid-address" ? "invalid-address" : "other";
}
