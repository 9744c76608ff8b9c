import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { decisionStatusTone } from "~/components/decision-status";
import { installedShop } from "~/services/installed-shop.server";
import { rerouteOrder } from "~/services/reroute-order.server";
import { getRoutingDecision } from "~/services/review-routing-decisions.server";
import { portalT } from "~/portal/i18n";
import { adminLocale } from "~/http/admin-locale.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const decision = await getRoutingDecision(shop, params.id ?? "");
  if (!decision) throw new Response("Routing decision not found", { status: 404 });
  // What decided, in the staff member's language: Shopify admin's `locale`, their account's, the browser's.
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  const t = portalT(locale, "routing");
  const trigger = TRIGGER_KEYS[decision.trigger];
  // Location ids never reach the page: moves name their locations as the explanation does.
  const names = new Map(decision.explanation.map((l) => [l.locationId, l.name]));
  return {
    decision,
    lang: locale,
    signals: { heading: t("signals.heading"), lines: decision.signals.map((m) => t(`signals.${m.key}`, m.locations)) },
    text: {
      title: decision.revision > 1 ? t("decision.titleReroute", { order: decision.orderName, n: decision.revision - 1 }) : t("decision.title", { order: decision.orderName }),
      back: t("decision.back"),
      status: t(`decision.status.${decision.status}`),
      meta: [
        trigger ? t(`decision.trigger.${trigger}`) : null,
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
          names.get(m.fromLocationId) ?? "",
          names.get(m.toLocationId) ?? "",
          m.lines.reduce((sum, l) => sum + l.quantity, 0),
          m.ok ? t("decision.moves.moved") : m.message ?? t("decision.moves.notMoved"),
        ]),
      },
      considered: {
        heading: t("decision.considered.heading"),
        headings: [t("decision.considered.location"), t("decision.considered.decision"), t("decision.considered.why"), t("decision.considered.units")],
        rows: decision.explanation.map((l) => [l.name, t(`decision.considered.status.${l.status}`), l.reasons.join(" · "), l.units]),
      },
      change: {
        heading: t("decision.change.heading"),
        routeAgain: decision.status === "SUGGESTED" ? t("decision.change.apply") : t("decision.change.again"),
        unableLabel: t("decision.change.unableLabel"),
        unable: t("decision.change.unable"),
      },
    },
  };
};

/** What started a routing, as the merchant reads it (never the webhook topic). */
const TRIGGER_KEYS: Record<string, string> = {
  "orders/create": "ordersCreate",
  "fulfillment_orders/order_routing_complete": "routingComplete",
  reconciliation: "reconciliation",
  manual: "manual",
  reallocation: "reallocation",
};

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
  if (!parsed.success) return data({ error: "Choose the location that cannot fulfill the order." }, { status: 400 });
  const result = await rerouteOrder({
    shop,
    graphql: admin.graphql,
    orderId: decision.orderId,
    staff: session.onlineAccessInfo?.associated_user?.email ?? null,
    ...(parsed.data.intent === "unable" ? { unableLocationId: parsed.data.locationId } : {}),
  });
  if (result.status === "order-not-found") return data({ error: "The order no longer exists in Shopify." }, { status: 404 });
  if (result.status === "already-routed") return data({ error: "Another re-route of this order just happened; reload to see it." }, { status: 409 });
  if (result.status === "waiting") return data({ error: "Shopify has not finished assigning this order to locations yet; try again in a moment." }, { status: 409 });
  return redirect(`/app/routing/log/${result.decision.id}`);
};

export default function RoutingDecisionPage() {
  const { decision, lang, signals, text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const chosen = decision.explanation.filter((l) => l.status === "chosen");
  const [unable, setUnable] = useState(chosen[0]?.locationId ?? "");

  return (
    <div lang={lang}>
      <Page
        title={text.title}
        titleMetadata={<Badge tone={decisionStatusTone[decision.status]}>{text.status}</Badge>}
        backAction={{ content: text.back, url: "/app/routing/log" }}
      >
        <Layout>
          {actionData?.error && (
            <Layout.Section>
              <Banner tone="critical">{actionData.error}</Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                {/* The engine's summary and reasons are written in English. */}
                <Text as="p">
                  <span lang="en">{decision.error ?? decision.summary}</span>
                </Text>
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
          <TableSection heading={text.moves.heading} contentTypes={["text", "text", "numeric", "text"]} headings={text.moves.headings} rows={text.moves.rows} />
          <TableSection
            heading={text.considered.heading}
            contentTypes={["text", "text", "text", "numeric"]}
            headings={text.considered.headings}
            rows={text.considered.rows.map(([name, status, why, units]) => [
              name,
              status,
              <span key="why" lang="en">
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
                  <Form method="post">
                    <input type="hidden" name="intent" value="reroute" />
                    <Button submit loading={busy}>
                      {text.change.routeAgain}
                    </Button>
                  </Form>
                  {chosen.length > 0 && (
                    <Form method="post">
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
      </Page>
    </div>
  );
}

/** A card with a heading and a table; nothing when the table has no rows. */
function TableSection(props: { heading: string; contentTypes: ("text" | "numeric")[]; headings: string[]; rows: React.ReactNode[][] }) {
  if (props.rows.length === 0) return null;
  return (
    <Layout.Section>
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            {props.heading}
          </Text>
          <DataTable columnContentTypes={props.contentTypes} headings={props.headings} rows={props.rows} />
        </BlockStack>
      </Card>
    </Layout.Section>
  );
}
