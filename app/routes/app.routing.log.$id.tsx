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
  return {
    decision,
    signals: { heading: t("signals.heading"), lang: locale, lines: decision.signals.map((m) => t(`signals.${m.key}`, m.locations)) },
  };
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
  const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)));
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
  const { decision, signals } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const chosen = decision.explanation.filter((l) => l.status === "chosen");
  const [unable, setUnable] = useState(chosen[0]?.locationId ?? "");

  return (
    <Page
      title={`${decision.orderName} routing${decision.revision > 1 ? ` (re-route ${decision.revision - 1})` : ""}`}
      titleMetadata={<Badge tone={decisionStatusTone[decision.status]}>{decision.status.replace("_", " ").toLowerCase()}</Badge>}
      backAction={{ content: "Routing log", url: "/app/routing/log" }}
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
              <Text as="p">{decision.error ?? decision.summary}</Text>
              <Text as="p" tone="subdued">
                {`${new Date(decision.createdAt).toLocaleString("en-US")} · ${decision.trigger}${decision.createdBy ? ` by ${decision.createdBy}` : ""} · ${decision.parcels} parcel(s), ${Math.round(decision.km)} km`}
              </Text>
              {decision.excluded.length > 0 && <Text as="p">{`Locations that could not fulfill it: ${decision.excluded.join(", ")}`}</Text>}
            </BlockStack>
          </Card>
        </Layout.Section>
        {signals.lines.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  <span lang={signals.lang}>{signals.heading}</span>
                </Text>
                {signals.lines.map((line) => (
                  <Text as="p" key={line}>
                    <span lang={signals.lang}>{line}</span>
                  </Text>
                ))}
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
        {decision.moves.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Moves in Shopify
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "numeric", "text"]}
                  headings={["From", "To", "Units", "Result"]}
                  rows={decision.moves.map((m) => [m.fromLocationId, m.toLocationId, m.lines.reduce((s, l) => s + l.quantity, 0), m.ok ? "moved" : (m.message ?? "not moved")])}
                />
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
        {decision.explanation.length > 0 && (
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Every location considered
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "text", "numeric"]}
                  headings={["Location", "Decision", "Why", "Units"]}
                  rows={decision.explanation.map((l) => [l.name, l.status, l.reasons.join(" · "), l.units])}
                />
              </BlockStack>
            </Card>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Change the routing
              </Text>
              <InlineStack gap="400" blockAlign="end" wrap>
                <Form method="post">
                  <input type="hidden" name="intent" value="reroute" />
                  <Button submit loading={busy}>
                    {decision.status === "SUGGESTED" ? "Apply this routing" : "Route again on today's stock"}
                  </Button>
                </Form>
                {chosen.length > 0 && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="unable" />
                    <InlineStack gap="200" blockAlign="end">
                      <Select label="Location that cannot fulfill it" name="locationId" options={chosen.map((l) => ({ value: l.locationId, label: l.name }))} value={unable} onChange={setUnable} />
                      <Button submit tone="critical" loading={busy}>
                        Re-route without it
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
  );
}
