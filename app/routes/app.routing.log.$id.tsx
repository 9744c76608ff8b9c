import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, Modal, Page, Select, Text } from "@shopify/polaris";
import { ActionToast } from "~/components/ActionToast";
import { ShopifyMessage } from "~/components/ShopifyMessage";
import { adminT } from "~/components/admin-i18n";
import { explainer } from "~/components/routing/explain";
import { triggerWords } from "~/components/routing/decision-words";
import { useState } from "react";
import { z } from "zod";
import { decisionStatusTone } from "~/components/decision-status";
import { installedShop } from "~/services/installed-shop.server";
import { rerouteOrder } from "~/services/reroute-order.server";
import { getRoutingDecision } from "~/services/review-routing-decisions.server";
import { portalT } from "~/portal/i18n";
import { adminLocale } from "~/http/admin-locale.server";
import { authenticate } from "~/shopify.server";
import { adminTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => adminTitle(page?.text?.title ?? "Routing decision", page?.text?.back ?? "Routing log");

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const decision = await getRoutingDecision(shop, params.id ?? "");
  if (!decision) throw new Response("Routing decision not found", { status: 404 });
  // What decided, in the staff member's language: Shopify admin's `locale`, their account's, the browser's.
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  const t = portalT(locale, "routing");
  // Routed in part or failed: a warning naming what is left, never a green "applied".
  const a = portalT(locale, "attention");
  const refused = decision.moves.filter((m) => !m.ok).length;
  const attention =
    decision.status === "NEEDS_REVIEW" || decision.status === "FAILED" || decision.unfilledUnits > 0
      ? {
          title: decision.status === "FAILED" ? a("status.FAILED") : decision.status === "NEEDS_REVIEW" ? a("status.NEEDS_REVIEW") : null,
          lines: [decision.unfilledUnits > 0 ? a("unfilled", { count: decision.unfilledUnits }) : null, refused > 0 ? a("refused", { count: refused }) : null].filter((l): l is string => l !== null),
          link: a("holds.open"),
        }
      : null;
  // Reasons are data since issue 14: said in the staff member's words, items by title and SKU.
  const explain = explainer(locale, decision.items);
  const rerouted = new URL(request.url).searchParams.get("rerouted") === "1";
  // Location ids never reach the page: moves name their locations as the explanation does.
  return {
    decision,
    lang: locale,
    attention,
    // A failure is said in words; Shopify's own (English) words for refused moves are listed apart, labelled as Shopify's.
    summary: decision.summaryWhy ? explain.say(decision.summaryWhy) : decision.error ? t("decision.errorSummary") : explain.legacy(decision.summary),
    // Only the engine's English (decisions stored before issue 14) keeps lang="en".
    summaryIsEnglish: !decision.error && !decision.summaryWhy,
    shopifyMessages: decision.status === "SUGGESTED" ? [] : decision.moves.flatMap((m) => (!m.ok && m.message && m.lines.length > 0 ? [m.message] : [])),
    shopifyLabel: adminT(locale, "admin-words")("shopifyMessage"),
    toast: rerouted ? t("decision.change.rerouted", { order: decision.orderName }) : null,
    signals: { heading: t("signals.heading"), lines: decision.signals.map((m) => t(`signals.${m.key}`, m.locations)) },
    text: {
      title: decision.revision > 1 ? t("decision.titleReroute", { order: decision.orderName, n: decision.revision - 1 }) : t("decision.title", { order: decision.orderName }),
      back: t("decision.back"),
      status: t(`decision.status.${decision.status}`),
      meta: [
        triggerWords(t, decision.trigger),
        decision.createdBy ? t("decision.by", { who: decision.createdBy }) : null,
        t("decision.parcels", { count: decision.parcels, km: Math.round(decision.km) }),
      ]
        .filter((part): part is string => part !== null)
        .join(" · "),
      excluded: decision.excluded.length > 0 ? t("decision.excluded", { names: decision.excluded.join(", ") }) : null,
      moves: {
        heading: t("decision.moves.heading"),
        headings: [t("decision.moves.from"), t("decision.moves.to"), t("decision.moves.units"), t("decision.moves.result")],
        rows: decision.moves.map((m) => [
          // Named by the service already (an id only when the location is gone: never shown).
          m.fromLocationId.startsWith("gid://") ? "" : m.fromLocationId,
          m.toLocationId.startsWith("gid://") ? "" : m.toLocationId,
          m.lines.reduce((sum, l) => sum + l.quantity, 0),
          m.ok ? t("decision.moves.moved") : decision.status === "SUGGESTED" ? t("decision.moves.suggested") : t("decision.moves.notMoved"),
        ]),
      },
      considered: {
        heading: t("decision.considered.heading"),
        headings: [t("decision.considered.location"), t("decision.considered.decision"), t("decision.considered.why"), t("decision.considered.units")],
        rows: decision.explanation.map((l) => [
          l.name,
          explain.status(l.status),
          l.why ? l.why.map(explain.say).join(" · ") : explain.legacy(l.reasons.join(" · ")),
          l.units,
        ]),
        english: decision.explanation.some((l) => !l.why),
      },
      change: {
        heading: t("decision.change.heading"),
        routeAgain: decision.status === "SUGGESTED" ? t("decision.change.apply") : t("decision.change.again"),
        unableLabel: t("decision.change.unableLabel"),
        unable: t("decision.change.unable"),
        confirmTitle: t("decision.change.confirmTitle", { order: decision.orderName }),
        confirmAgain: t("decision.change.confirmAgain"),
        confirmUnable: Object.fromEntries(
          decision.explanation.filter((l) => l.status === "chosen").map((l) => [l.locationId, t("decision.change.confirmUnable", { location: l.name })]),
        ) as Record<string, string>,
        cancel: t("decision.change.cancel"),
      },
    },
  };
};

/** What started a routing, as the merchant reads it (never the webhook topic). */
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reroute") }),
  z.object({ intent: z.literal("unable"), locationId: z.string().startsWith("gid://shopify/Location/") }),
]);

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const decision = await getRoutingDecision(shop, params.id ?? "");
  if (!decision) throw new Response("Routing decision not found", { status: 404 });
  const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request, undefined, { single: true })));
  const t = portalT(adminLocale(request, session.onlineAccessInfo?.associated_user?.locale), "routing");
  if (!parsed.success) return data({ error: t("decision.change.errors.chooseLocation") }, { status: 400 });
  const result = await rerouteOrder({
    shop,
    graphql: admin.graphql,
    orderId: decision.orderId,
    staff: session.onlineAccessInfo?.associated_user?.email ?? null,
    ...(parsed.data.intent === "unable" ? { unableLocationId: parsed.data.locationId } : {}),
  });
  if (result.status === "order-not-found") return data({ error: t("decision.change.errors.orderGone") }, { status: 404 });
  if (result.status === "already-routed") return data({ error: t("decision.change.errors.alreadyRouted") }, { status: 409 });
  if (result.status === "waiting") return data({ error: t("decision.change.errors.waiting") }, { status: 409 });
  // The new decision's page confirms it (a toast): ?rerouted=1.
  return redirect(`/app/routing/log/${result.decision.id}?rerouted=1`);
};

export default function RoutingDecisionPage() {
  const { decision, lang, attention, signals, text, summary, summaryIsEnglish, shopifyMessages, shopifyLabel, toast } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const submit = useSubmit();
  const chosen = decision.explanation.filter((l) => l.status === "chosen");
  const [unable, setUnable] = useState(chosen[0]?.locationId ?? "");
  // A re-route moves the order in Shopify: the staff member confirms it first.
  const [confirming, setConfirming] = useState<"reroute" | "unable" | null>(null);

  return (
    <div lang={lang}>
      <Page
        title={text.title}
        titleMetadata={<Badge tone={decisionStatusTone[decision.status]}>{text.status}</Badge>}
        backAction={{ content: text.back, url: "/app/routing/log" }}
      >
        <ActionToast event={toast} message={toast} />
        <Layout>
          {attention && (
            <Layout.Section>
              <Banner tone={decision.status === "FAILED" ? "critical" : "warning"} {...(attention.title ? { title: attention.title } : {})} action={decision.status === "SUGGESTED" ? undefined : { content: attention.link, url: "/app/routing/attention" }}>
                {attention.lines.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </Banner>
            </Layout.Section>
          )}
          {actionData?.error && (
            <Layout.Section>
              <Banner tone="critical">{actionData.error}</Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="p">{summaryIsEnglish ? <span lang="en">{summary}</span> : summary}</Text>
                <Text as="p" tone="subdued">
                  {`${new Date(decision.createdAt).toLocaleString(lang)} · ${text.meta}`}
                </Text>
                {text.excluded && <Text as="p">{text.excluded}</Text>}
              </BlockStack>
            </Card>
          </Layout.Section>
          {signals.lines.length > 0 && (
            <Layout.Section>
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    {signals.heading}
                  </Text>
                  {signals.lines.map((line) => (
                    <Text as="p" key={line}>
                      {line}
                    </Text>
                  ))}
                </BlockStack>
              </Card>
            </Layout.Section>
          )}
          <TableSection heading={text.moves.heading} contentTypes={["text", "text", "numeric", "text"]} headings={text.moves.headings} rows={text.moves.rows}>
            <ShopifyMessage messages={shopifyMessages} label={shopifyLabel} />
          </TableSection>
          <TableSection
            heading={text.considered.heading}
            contentTypes={["text", "text", "text", "numeric"]}
            headings={text.considered.headings}
            rows={text.considered.rows.map(([name, status, why, units]) => [
              name,
              status,
              // Wrapped, not one long line: on a phone the reason stays readable without scrolling sideways.
              <span key="why" lang={text.considered.english ? "en" : lang} style={{ display: "block", whiteSpace: "normal", minWidth: "14rem", maxWidth: "36rem" }}>
                {why}
              </span>,
              units,
            ])}
          />
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {text.change.heading}
                </Text>
                <InlineStack gap="400" blockAlign="end" wrap>
                  <Button onClick={() => setConfirming("reroute")} loading={busy}>
                    {text.change.routeAgain}
                  </Button>
                  {chosen.length > 0 && (
                    <Form
                      method="post"
                      onSubmit={(event) => {
                        event.preventDefault();
                        setConfirming("unable");
                      }}
                    >
                      <input type="hidden" name="intent" value="unable" />
                      <InlineStack gap="200" blockAlign="end">
                        <Select
                          label={text.change.unableLabel}
                          name="locationId"
                          options={chosen.map((l) => ({
                            value: l.locationId,
                            label: l.name,
                          }))}
                          value={unable}
                          onChange={setUnable}
                        />
                        <Button submit tone="critical" loading={busy}>
                          {text.change.unable}
                        </Button>
                      </InlineStack>
                    </Form>
                  )}
                </InlineStack>
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
        <Modal
          open={confirming !== null}
          onClose={() => setConfirming(null)}
          title={text.change.confirmTitle}
          primaryAction={{
            content: confirming === "unable" ? text.change.unable : text.change.routeAgain,
            destructive: confirming === "unable",
            loading: busy,
            onAction: () => {
              const form = new FormData();
              form.set("intent", confirming === "unable" ? "unable" : "reroute");
              if (confirming === "unable") form.set("locationId", unable);
              setConfirming(null);
              submit(form, { method: "post" });
            },
          }}
          secondaryActions={[{ content: text.change.cancel, onAction: () => setConfirming(null) }]}
        >
          <Modal.Section>
            <Text as="p">{confirming === "unable" ? text.change.confirmUnable[unable] : text.change.confirmAgain}</Text>
          </Modal.Section>
        </Modal>
      </Page>
    </div>
  );
}

/** A card with a heading and a table; nothing when the table has no rows. */
function TableSection(props: { heading: string; contentTypes: ("text" | "numeric")[]; headings: string[]; rows: React.ReactNode[][]; children?: React.ReactNode }) {
  if (props.rows.length === 0) return null;
  return (
    <Layout.Section>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {props.heading}
          </Text>
          <DataTable columnContentTypes={props.contentTypes} headings={props.headings} rows={props.rows} />
          {props.children}
        </BlockStack>
      </Card>
    </Layout.Section>
  );
}
