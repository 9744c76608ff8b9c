import { readFormData } from "~/http/form-data.server";
import { isRowId } from "~/models/scope.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, Divider, InlineStack, Layout, Link as PolarisLink, List, Page, Select, Text } from "@shopify/polaris";
import type { TFunction } from "i18next";
import { useState } from "react";
import { z } from "zod";
import { DeclineFields } from "~/components/returns/DeclineFields";
import { STATUS_TONES } from "~/components/returns/labels";
import { actorName, eventName, eventText } from "~/components/returns/timeline-words";
import { explainDecision, flagReasonText, legacyRulesText } from "~/components/returns/rule-words";
import { ShopifyMessage } from "~/components/ShopifyMessage";
import { adminT } from "~/components/admin-i18n";
import { formatMoney as formatAmount } from "~/domain/returns/money";
import type { PortalLocale } from "~/domain/portal/locale";
import { RETURN_DECLINE_REASONS } from "~/domain/returns/reasons";
import { typedTextProblem } from "~/domain/text/typed-text";
import { closeReturn } from "~/services/close-return.server";
import { decideReturn } from "~/services/decide-return.server";
import { MAX_DECLINE_NOTE_LENGTH } from "~/services/decline-return.server";
import { installedShop } from "~/services/installed-shop.server";
import { loadReturnDetail } from "~/services/load-return-detail.server";
import { receiveReturn } from "~/services/receive-return.server";
import { authenticate } from "~/shopify.server";
import { adminTitle } from "~/components/page-title";
import { ReturnDestinationCard, type DestinationText } from "~/components/returns/ReturnDestinationCard";
import { adminLocale } from "~/http/admin-locale.server";
import { portalT } from "~/portal/i18n";
import { changeReturnDestination } from "~/services/change-return-destination.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  const t = adminT(page?.lang ?? "en", "admin-return-detail");
  return adminTitle(page?.rma ?? t("pageTitle"), t("back"));
};

async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const actor = session.onlineAccessInfo?.associated_user?.email ?? `staff@${session.shop}`;
  return { shop, admin, actor, locale: adminLocale(request, session.onlineAccessInfo?.associated_user?.locale) };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, admin, locale } = await requireShop(request);
  if (!isRowId(params.id ?? "")) throw new Response("Return not found", { status: 404 });
  const detail = await loadReturnDetail({ shop, graphql: admin.graphql, returnId: params.id ?? "" });
  if (!detail) throw new Response("Return not found", { status: 404 });
  const words = portalT(locale, "return-destinations");
  return { ...detail, lang: locale, destinationText: words("detail", { returnObjects: true }) as unknown as DestinationText };
};

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({
    intent: z.literal("decline"),
    reason: z.enum(RETURN_DECLINE_REASONS, "chooseDeclineReason"),
    note: z
      .string()
      .trim()
      .max(MAX_DECLINE_NOTE_LENGTH, "noteTooLong")
      .refine((note) => typedTextProblem(note, MAX_DECLINE_NOTE_LENGTH) == null, "noteInvalid")
      .optional(),
  }),
  z.object({ intent: z.literal("receive"), locationId: z.string().default(""), refund: z.literal("on").optional() }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("destination"), locationId: z.string().trim().default("") }),
]);

/** A refusal is said in words; Shopify's own (English) words, when it refused, are folded away and labelled as Shopify's. */
type ActionResult = { ok: true; message: string } | { ok: false; message: string; errors?: Record<string, string>; shopifyMessages?: string[] };

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop, admin, actor, locale } = await requireShop(request);
  const returnId = params.id ?? "";
  if (!isRowId(returnId)) throw new Response("Return not found", { status: 404 });
  const t = adminT(locale, "admin-return-detail");
  const form = await readFormData(request, undefined, { single: true });
  const parsed = intentSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) {
    const said = (message: string) => (["chooseDeclineReason", "noteTooLong", "noteInvalid"].includes(message) ? t(`messages.${message}`, { max: MAX_DECLINE_NOTE_LENGTH }) : t("messages.checkFields"));
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_form"), said(i.message)]));
    return data<ActionResult>({ ok: false, message: t("messages.checkFields"), errors }, { status: 422 });
  }
  const intent = parsed.data;
  const fail = (message: string, errors?: Record<string, string>) => data<ActionResult>({ ok: false, message, errors }, { status: 422 });
  const refused = (shopifyMessages?: string[]) => data<ActionResult>({ ok: false, message: t("refused"), ...(shopifyMessages?.length && { shopifyMessages }) }, { status: 422 });
  switch (intent.intent) {
    case "approve":
    case "decline": {
      const result = await decideReturn({
        shop,
        graphql: admin.graphql,
        returnId,
        actor,
        decision: intent.intent === "approve" ? { type: "approve" } : { type: "decline", reason: intent.reason, note: intent.note ?? null },
      });
      if (result.status === "not-found") throw new Response("Return not found", { status: 404 });
      if (result.status === "invalid") return refused();
      if (result.status === "refused") return refused(result.shopifyMessages);
      if (result.status === "carrier-error") return data<ActionResult>({ ok: false, message: t(`carrierError.${result.problem}`) }, { status: 422 });
      return data<ActionResult>({ ok: true, message: t(result.status === "unchanged" ? "messages.unchanged" : `messages.${result.status}`) });
    }
    case "receive": {
      const lines = [...form.entries()]
        .filter(([k]) => k.startsWith("disposition:"))
        .map(([k, v]) => ({ lineId: k.slice("disposition:".length), disposition: String(v) as "RESTOCKED" }));
      const result = await receiveReturn({ shop, graphql: admin.graphql, returnId, actor, request: { locationId: intent.locationId, lines, refund: intent.refund === "on" } });
      if (result.status === "not-found") throw new Response("Return not found", { status: 404 });
      if (result.status === "invalid") {
        const errors = Object.fromEntries(Object.keys(result.errors).map((field) => [field, t(field === "locationId" ? "messages.chooseLocation" : "messages.chooseDisposition")]));
        return fail(t("messages.notReceived"), errors);
      }
      if (result.status === "refused") return refused(result.shopifyMessages);
      const refunded =
        result.ret.refundedAmount != null && intent.refund === "on" ? ` ${t("messages.refundedAmount", { amount: formatAmount(locale, result.ret.refundedAmount.toFixed(2), result.ret.currency) })}` : "";
      // Received, but the store credit was refused: staff must know, or the shopper is owed it silently.
      if (result.creditRefused) {
        const { shopifyMessages } = result.creditRefused;
        return data<ActionResult>({ ok: false, message: t(shopifyMessages ? "messages.receivedCreditRefused" : "messages.receivedCreditNoCustomer"), ...(shopifyMessages ? { detail: shopifyMessages } : {}) });
      }
      return data<ActionResult>({ ok: true, message: t(result.status === "unchanged" ? "messages.receivedUnchanged" : "messages.received") + refunded });
    }
    case "destination": {
      const words = portalT(locale, "return-destinations");
      const result = await changeReturnDestination({ shop, returnId, locationId: intent.locationId, actor });
      if (result.status === "not-found") throw new Response("Return not found", { status: 404 });
      if (result.status === "invalid") return fail(words("detail.invalid"), { destination: words("detail.invalid") });
      if (result.status === "refused") return fail(words("detail.refused"));
      if (result.status === "unchanged") return data<ActionResult>({ ok: true, message: words("detail.unchanged") });
      return data<ActionResult>({ ok: true, message: words("detail.changed", { name: result.locationName }) });
    }
    case "close": {
      const result = await closeReturn({ shop, graphql: admin.graphql, returnId, actor });
      if (result.status === "not-found") throw new Response("Return not found", { status: 404 });
      if (result.status === "refused") return refused(result.shopifyMessages);
      return data<ActionResult>({ ok: true, message: t(result.status === "unchanged" ? "messages.closedUnchanged" : "messages.closed") });
    }
  }
};

/** The outcome the shopper chose (an exchange when nothing else comes back); for store credit its money, promised or credited. */
function OutcomeRows({ outcome, exchangeOnly, lang, currency }: { outcome: ReturnType<typeof useLoaderData<typeof loader>>["outcome"]; exchangeOnly: boolean; lang: PortalLocale; currency: string }) {
  const o = adminT(lang, "admin-return-outcomes");
  // An exchange that takes everything the items are worth: no money goes back by either way.
  if (outcome.kind !== "STORE_CREDIT") return <AmountRow label={o("desk.outcome")} amount={o(exchangeOnly ? "desk.exchange" : "desk.refund")} />;
  const money = { total: formatAmount(lang, outcome.total, currency), base: formatAmount(lang, outcome.base, currency), bonus: formatAmount(lang, outcome.bonus, currency) };
  const date = outcome.creditedAt ? new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(outcome.creditedAt)) : "";
  return (
    <BlockStack gap="100">
      <AmountRow label={o("desk.outcome")} amount={`${o("desk.storeCredit")} · ${money.total}`} />
      <Text as="p" tone={outcome.pending ? "caution" : "subdued"}>
        {outcome.creditedAt ? o("desk.credited", { ...money, date }) : outcome.pending ? o("desk.waiting", money) : o("desk.promised", money)}
      </Text>
    </BlockStack>
  );
}

/** An exchange: each item with its new variant and price, what the new items cost, and what is owed either way. */
function ExchangeRows({ exchange, lang, currency }: { exchange: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["exchange"]>; lang: PortalLocale; currency: string }) {
  const o = adminT(lang, "admin-return-outcomes");
  const money = (amount: string) => formatAmount(lang, amount, currency);
  const date = (at: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(at));
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {o("desk.exchange")}
      </Text>
      {exchange.lines.map((l) => (
        <Text as="p" key={l.id}>
          {o("desk.exchangeLine", { item: l.title, variant: l.variant, quantity: l.quantity, price: money(l.unitPrice) })}
        </Text>
      ))}
      <Text as="p" tone="subdued">
        {o("desk.exchangeCharged", { charged: money(exchange.charged), bonus: money(exchange.bonus) })}
      </Text>
      <ExchangePayment exchange={exchange} lang={lang} currency={currency} />
      {Number(exchange.back) > 0 ? <Text as="p">{o("desk.exchangeBack", { amount: money(exchange.back) })}</Text> : null}
      <Text as="p" tone="subdued">
        {exchange.processedAt
          ? o(exchange.payment === "due" || exchange.payment === "invoiced" || exchange.payment === "unconfirmed" ? "desk.heldForPayment" : "desk.shipped", { date: date(exchange.processedAt) })
          : exchange.payment === "none"
            ? o(exchange.shipsBeforeReceipt ? "desk.shipsBefore" : "desk.shipsAfter")
            : o("desk.shipsAfter")}
      </Text>
    </BlockStack>
  );
}

/** What the customer pays for the exchange and where that stands: quoted, invoiced by Shopify (or refused, or unanswered), paid. */
function ExchangePayment({ exchange, lang, currency }: { exchange: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["exchange"]>; lang: PortalLocale; currency: string }) {
  const o = adminT(lang, "admin-return-outcomes");
  const date = (at: string) => new Intl.DateTimeFormat(lang, { dateStyle: "medium" }).format(new Date(at));
  const invoiced = exchange.invoice ? formatAmount(lang, exchange.invoice.amount, exchange.invoice.currency) : "";
  switch (exchange.payment) {
    case "none":
      return null;
    case "due":
      return (
        <>
          <Text as="p" tone="caution">
            {o("desk.exchangeDue", { due: formatAmount(lang, exchange.due, currency) })}
          </Text>
          {exchange.invoiceRefused ? (
            <Text as="p" tone="critical">
              {o("desk.exchangeInvoiceRefused", { messages: exchange.invoiceRefused.join("; ") })}
            </Text>
          ) : null}
        </>
      );
    case "invoiced":
      return (
        <Text as="p" tone="caution">
          {o("desk.exchangeInvoiced", { amount: invoiced, date: date(exchange.invoice!.at) })}
        </Text>
      );
    case "unconfirmed":
      return (
        <Text as="p" tone="critical">
          {o("desk.exchangeInvoiceUnconfirmed", { amount: invoiced, date: date(exchange.invoice!.at) })}
        </Text>
      );
    case "paid":
      return <Text as="p">{o("desk.exchangePaid", { date: date(exchange.paidAt!) })}</Text>;
  }
}

function AmountRow({ label, amount }: { label: string; amount: string }) {
  return (
    <InlineStack align="space-between" gap="200" wrap={false}>
      <Text as="span">{label}</Text>
      <Text as="span" fontWeight="semibold" alignment="end">
        {amount}
      </Text>
    </InlineStack>
  );
}

type PolicyCheckView = ReturnType<typeof useLoaderData<typeof loader>>["checks"][number];

/** A policy check's name and what it found, in the staff member's words. */
function checkWords(c: PolicyCheckView, t: TFunction, returns: TFunction): { label: string; detail: string } {
  switch (c.kind) {
    case "window":
      return { label: t("checks.window"), detail: c.days === null ? t("checks.deliveryUnknown") : t("checks.windowDetail", { count: c.days, window: c.windowDays }) };
    case "returnable":
      return {
        label: t("checks.returnable", { title: c.title }),
        detail: c.finalSaleTag ? t("checks.finalSale", { tag: c.finalSaleTag }) : c.productType ? t("checks.typeNotReturnable", { type: c.productType }) : t("checks.returnableOk"),
      };
    case "method":
      return {
        label: t("checks.method"),
        detail: t("checks.methodDetail", { method: returns(`methods.${c.method}`), allowed: c.allowed.map((m) => returns(`methods.${m}`).toLocaleLowerCase()).join(t("checks.and")) }),
      };
  }
}

function formatDateTime(iso: string, lang: PortalLocale): string {
  return new Date(iso).toLocaleString(lang, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

export default function ReturnDetail() {
  const ret = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  const [location, setLocation] = useState(ret.returnLocationId ?? ret.locations[0]?.id ?? "");
  const [dispositions, setDispositions] = useState<Record<string, string>>(Object.fromEntries(ret.lines.map((l) => [l.id, "RESTOCKED"])));
  const [refundNow, setRefundNow] = useState(false);
  const lang = ret.lang;
  const t = adminT(lang, "admin-return-detail");
  const returns = adminT(lang, "admin-returns");
  const ruleWords = adminT(lang, "admin-return-rules");
  const money = (amount: string, currency: string) => formatAmount(lang, amount, currency);
  const shop = ret.inShopCurrency;
  /** The shopper's amount, and the shop's equivalent beside it when they paid in another currency. */
  const both = (amount: string, inShop?: string | null) => (inShop != null && shop ? `${money(amount, ret.currency)} (≈ ${money(inShop, shop.currency)})` : money(amount, ret.currency));
  const locationNames = new Map(ret.locations.map((l) => [l.id, l.name]));
  const shopifyLabel = adminT(lang, "admin-words")("shopifyMessage");
  const eventWords = { t, returns, rules: ruleWords, lang, locationName: (id: string) => locationNames.get(id) ?? null };
  // What the rules decided, said from what they saw; an older check's English text is never shown.
  const rulesSaid = ret.rules ? (ret.rules.decision ? explainDecision(ret.rules.decision, ruleWords, returns) : legacyRulesText(ret.rules.explanation, ruleWords)) : null;

  return (
    <Page
      title={ret.rma}
      titleMetadata={
        <InlineStack gap="100">
          <Badge tone={STATUS_TONES[ret.status]}>{returns(`status.${ret.status}`)}</Badge>
          {ret.flagged && <Badge tone="warning">{t("flagged")}</Badge>}
        </InlineStack>
      }
      subtitle={`${ret.orderName} · ${returns(`methods.${ret.method}`)} · ${ret.source === "SHOPIFY" ? t("madeInShopify") : t("fromPortal")}`}
      backAction={{ content: t("back"), url: "/app/returns" }}
    >
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"} title={result.ok ? result.message : t("notDone")}>
              {!result.ok && <p>{result.message}</p>}
              {!result.ok && result.shopifyMessages && <ShopifyMessage messages={result.shopifyMessages} label={shopifyLabel} />}
            </Banner>
          </Layout.Section>
        )}
        {ret.labelProblem && !(result && !result.ok) && (
          <Layout.Section>
            <Banner tone="warning" title={t("labelProblemTitle")}>
              <p data-label-problem={ret.labelProblem}>{t(`carrierError.${ret.labelProblem}`)}</p>
            </Banner>
          </Layout.Section>
        )}
        {ret.flagged && (
          <Layout.Section>
            <Banner tone="warning" title={t("flaggedTitle")}>
              <List>
                {ret.flags.map((f, i) => (
                  <List.Item key={i}>
                    {flagReasonText(f, ruleWords, returns)}
                    {f.kind === "ruleFailed" && <ShopifyMessage messages={f.shopifyMessages} label={shopifyLabel} />}
                  </List.Item>
                ))}
              </List>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("items")}
                </Text>
                {ret.lines.map((l) => (
                  <BlockStack key={l.id} gap="100">
                    <InlineStack align="space-between" gap="200">
                      <Text as="span" fontWeight="semibold">{`${l.quantity} × ${l.title}${l.variantTitle ? ` (${l.variantTitle})` : ""}`}</Text>
                      <Text as="span">{l.quantity > 1 ? t("each", { price: money(l.unitPrice, ret.currency) }) : money(l.unitPrice, ret.currency)}</Text>
                    </InlineStack>
                    <Text as="p" tone="subdued">{`${t("reason", { reason: returns(`reasons.${l.reason}`, { defaultValue: returns("reasons.OTHER") }) })}${l.sku ? ` · ${t("sku", { sku: l.sku })}` : ""}`}</Text>
                    {l.customerNote && <Text as="p">{t("customerNote", { note: l.customerNote })}</Text>}
                    {l.disposition && (
                      <Text as="p">
                        {l.dispositionLocation
                          ? t("dispositionAt", { disposition: t(`dispositions.${l.disposition}`), location: l.dispositionLocation })
                          : t(`dispositions.${l.disposition}`)}
                      </Text>
                    )}
                  </BlockStack>
                ))}
                <Divider />
                {shop && <Text as="p" tone="subdued">{t("otherCurrency", { currency: ret.currency, shopCurrency: shop.currency })}</Text>}
                <AmountRow label={t("amounts.value")} amount={both(ret.totalValue, shop?.totalValue)} />
                <AmountRow label={t("amounts.returnShippingFee")} amount={both(ret.returnShippingFee, shop?.returnShippingFee)} />
                <AmountRow label={t("amounts.restockingFee")} amount={both(ret.restockingFee, shop?.restockingFee)} />
                <AmountRow label={t("amounts.quotedRefund")} amount={both(ret.quotedRefund, shop?.quotedRefund)} />
                {ret.refundedAmount !== null && <AmountRow label={t("amounts.refunded")} amount={both(ret.refundedAmount, shop?.refundedAmount)} />}
                <OutcomeRows outcome={ret.outcome} exchangeOnly={ret.exchange !== null && Number(ret.exchange.back) === 0} lang={lang} currency={ret.currency} />
                {ret.exchange ? <ExchangeRows exchange={ret.exchange} lang={lang} currency={ret.currency} /> : null}
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("actions")}
                </Text>
                {ret.actions.approve && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <Button submit variant="primary" loading={busy}>
                      {ret.status === "APPROVED" ? t("createLabel") : ret.method === "MAIL" ? t("approveAndLabel") : t("approve")}
                    </Button>
                  </Form>
                )}
                {ret.actions.decline && (
                  <Form method="post" aria-label={t("declineForm")}>
                    <input type="hidden" name="intent" value="decline" />
                    <BlockStack gap="200">
                      <DeclineFields lang={lang} errors={{ reason: errors.reason, note: errors.note }} />
                      <InlineStack>
                        <Button submit tone="critical" disabled={busy}>
                          {t("decline")}
                        </Button>
                      </InlineStack>
                    </BlockStack>
                  </Form>
                )}
                {ret.actions.receive && (
                  <Form method="post" aria-label={t("receiveForm")}>
                    <input type="hidden" name="intent" value="receive" />
                    <BlockStack gap="200">
                      <Select
                        label={t("receivedAt")}
                        name="locationId"
                        options={ret.locations.map((l) => ({ value: l.id, label: l.name }))}
                        value={location}
                        onChange={setLocation}
                        error={errors.locationId}
                        helpText={t("receivedAtHelp")}
                      />
                      {ret.lines.map((l) => (
                        <Select
                          key={l.id}
                          label={t("whatHappens", { title: l.title })}
                          name={`disposition:${l.id}`}
                          options={["RESTOCKED", "NOT_RESTOCKED", "MISSING"].map((value) => ({ value, label: t(`dispositions.${value}`) }))}
                          value={dispositions[l.id]}
                          onChange={(value) => setDispositions((d) => ({ ...d, [l.id]: value }))}
                          error={errors[l.id]}
                        />
                      ))}
                      <Checkbox label={t("refundNow", { amount: both(ret.quotedRefund, shop?.quotedRefund) })} helpText={t("refundHelp")} checked={refundNow} onChange={setRefundNow} />
                      {refundNow && <input type="hidden" name="refund" value="on" />}
                      <InlineStack>
                        <Button submit disabled={busy}>
                          {t("receive")}
                        </Button>
                      </InlineStack>
                    </BlockStack>
                  </Form>
                )}
                {ret.actions.close && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="close" />
                    <Button submit disabled={busy}>
                      {t("close")}
                    </Button>
                  </Form>
                )}
                {!ret.actions.approve && !ret.actions.decline && !ret.actions.receive && !ret.actions.close && (
                  <Text as="p" tone="subdued">
                    {t("nothingLeft")}
                  </Text>
                )}
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("timeline")}
                </Text>
                <ol aria-label={t("timeline")} style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
                  {ret.timeline.map((e) => {
                    const said = e.id === ret.rules?.eventId && rulesSaid ? rulesSaid : eventText(e, eventWords);
                    return (
                      <li key={e.id}>
                        <Text as="span" fontWeight="semibold">
                          {eventName(e.type, t)}
                        </Text>
                        <Text as="span" tone="subdued">{` · ${actorName(e.actor, t)} · ${formatDateTime(e.at, lang)}`}</Text>
                        {said && <Text as="p">{said}</Text>}
                      </li>
                    );
                  })}
                </ol>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ReturnDestinationCard lang={lang} text={ret.destinationText} method={ret.method} destination={ret.destination} locations={ret.locations} busy={busy} error={errors.destination} />
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("orderAndCustomer")}
                </Text>
                <PolarisLink url={ret.orderUrl} target="_blank">
                  {t("order", { name: ret.orderName })}
                </PolarisLink>
                {ret.orderUnread && <Text as="p" tone="caution">{t("orderUnread")}</Text>}
                <Text as="p">{ret.customerName ?? "—"}</Text>
                <Text as="p" tone="subdued">{ret.customerEmail ?? t("noEmail")}</Text>
                {ret.label && <Text as="p">{t("label", { carrier: ret.label.carrier ?? t("carrier"), tracking: ret.label.trackingNumber ?? "" })}</Text>}
                {ret.selfShip && (
                  <Text as="p">
                    {ret.selfShip.carrier
                      ? t("eventText.selfShipTracking", { carrier: ret.selfShip.carrier, number: ret.selfShip.trackingNumber })
                      : t("eventText.selfShipTrackingNoCarrier", { number: ret.selfShip.trackingNumber })}
                  </Text>
                )}
                {ret.decidedBy && ret.decidedAt && <Text as="p" tone="subdued">{t("decidedBy", { actor: actorName(ret.decidedBy, t) })}</Text>}
                {ret.declineReason && (
                  <Text as="p">
                    {t(ret.declineNote ? "declinedWithNote" : "declined", { reason: returns(`declineReasons.${ret.declineReason}`, { defaultValue: returns("declineReasons.OTHER") }), note: ret.declineNote })}
                  </Text>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("policyChecks")}
                </Text>
                <ul aria-label={t("policyChecks")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {ret.checks.map((c, i) => {
                    const words = checkWords(c, t, returns);
                    return (
                      <li key={i} style={{ marginBottom: "0.5rem" }}>
                        <InlineStack gap="200" blockAlign="center" wrap={false}>
                          <Badge tone={c.passed ? "success" : "critical"}>{c.passed ? t("passed") : t("failed")}</Badge>
                          <Text as="span" fontWeight="semibold">
                            {words.label}
                          </Text>
                        </InlineStack>
                        <Text as="p" tone="subdued">
                          {words.detail}
                        </Text>
                      </li>
                    );
                  })}
                </ul>
                {rulesSaid && (
                  <Box paddingBlockStart="200">
                    <Text as="p" tone="subdued">
                      {t("rules", { explanation: rulesSaid })}
                    </Text>
                  </Box>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  {t("risk")}
                </Text>
                <Text as="p">{t("otherReturns", { count: ret.risk.returnsLast90Days, value: money(ret.risk.valueLast90Days, ret.risk.valueCurrency) })}</Text>
                <Text as="p">{t("thisReturn", { value: both(ret.totalValue, shop?.totalValue) })}</Text>
                {ret.risk.reasonsLast90Days.length > 0 && (
                  <Text as="p" tone="subdued">
                    {t("earlierReasons", {
                      reasons: ret.risk.reasonsLast90Days.map((r) => t("reasonCount", { reason: returns(`reasons.${r.reason}`, { defaultValue: returns("reasons.OTHER") }), count: r.count })).join(t("listSeparator")),
                    })}
                  </Text>
                )}
                {ret.risk.recent.map((r) => (
                  <PolarisLink key={r.id} url={`/app/returns/${r.id}`}>
                    {t("recent", { rma: r.rma, status: returns(`status.${r.status}`) })}
                  </PolarisLink>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
