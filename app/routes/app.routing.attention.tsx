import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { decisionStatusTone } from "~/components/decision-status";
import { adminTitle, menuWord } from "~/components/page-title";
import { shopifyMessageText } from "~/domain/text/shopify-message";
import { adminLocale } from "~/http/admin-locale.server";
import { readFormData } from "~/http/form-data.server";
import { portalT } from "~/portal/i18n";
import { installedShop } from "~/services/installed-shop.server";
import { loadAttention } from "~/services/load-attention.server";
import { releaseAttention } from "~/services/release-attention.server";
import { rerouteOrder } from "~/services/reroute-order.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction = ({ matches }) => adminTitle(menuWord(matches, "/app/routing/attention", "Needs attention"), menuWord(matches, "/app/routing", "Routing"));

async function requireStaff(request: Request) {
  const { admin, session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const user = session.onlineAccessInfo?.associated_user;
  return { admin, shop, staff: user?.email ?? null, locale: adminLocale(request, user?.locale) };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, locale } = await requireStaff(request);
  const t = portalT(locale, "attention");
  const { rows, held, locations } = await loadAttention(shop);
  const when = (iso: string) => new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: shop.timezone });
  return {
    lang: locale,
    locations,
    rows: rows.map((row) => ({
      decisionId: row.decisionId,
      orderName: row.orderName,
      status: row.status,
      // The location picked by hand starts at the one routing chose first.
      pick: row.locationIds.find((id) => locations.some((l) => l.id === id)) ?? locations[0]?.id ?? "",
      badge: t(`status.${row.status}`),
      lines: [
        row.unfilledUnits > 0 ? t("unfilled", { count: row.unfilledUnits }) : null,
        row.refusedMoves > 0 ? t("refused", { count: row.refusedMoves }) : null,
        row.locations.length > 0 ? t("shipsFrom", { names: row.locations.join(", ") }) : null,
        t("decided", { when: when(row.decidedAt) }),
      ].filter((line): line is string => line !== null),
      // Shopify's own words (English): shown as its answer, marked as English.
      shopifySaid: row.error ? shopifyMessageText(row.error) : null,
    })),
    held: held.map((order) => ({
      orderId: order.orderId,
      orderName: order.orderName,
      badge: t(`hold.${order.hold}`),
      help: t(`heldHelp.${order.hold}`),
      since: order.since ? t("heldSince", { when: when(order.since) }) : null,
    })),
    text: {
      title: t("title"),
      subtitle: t("subtitle"),
      back: t("back"),
      reviewHeading: t("reviewHeading"),
      reviewEmpty: t("reviewEmpty"),
      heldHeading: t("heldHeading"),
      heldEmpty: t("heldEmpty"),
      shopifySaid: t("shopifySaid"),
      details: t("details"),
      routeAgain: t("routeAgain"),
      pickLabel: t("pickLabel"),
      moveHere: t("moveHere"),
      release: t("release"),
      routeNow: t("routeNow"),
    },
  };
};

const decisionId = z.string().regex(/^[a-z0-9]{10,40}$/);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("reroute"), decisionId }),
  z.object({ intent: z.literal("assign"), decisionId, locationId: z.string().startsWith("gid://shopify/Location/") }),
  z.object({ intent: z.literal("release"), decisionId }),
  z.object({ intent: z.literal("route-now"), orderId: z.string().regex(/^gid:\/\/shopify\/Order\/[0-9]{1,20}$/) }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, shop, staff, locale } = await requireStaff(request);
  const t = portalT(locale, "attention");
  const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request, undefined, { single: true })));
  if (!parsed.success) return data({ ok: false as const, message: t("errors.invalid") }, { status: 400 });
  const intent = parsed.data;
  const { rows, held, locations } = await loadAttention(shop);

  if (intent.intent === "route-now") {
    const order = held.find((o) => o.orderId === intent.orderId);
    if (!order) return data({ ok: false as const, message: t("errors.notFound") }, { status: 404 });
    const result = await rerouteOrder({ shop, graphql: admin.graphql, orderId: order.orderId, staff });
    return answer(result, t, "routeNow", { order: order.orderName });
  }
  const row = rows.find((r) => r.decisionId === intent.decisionId);
  if (!row) return data({ ok: false as const, message: t("errors.notFound") }, { status: 404 });
  if (intent.intent === "release") {
    if (!(await releaseAttention({ shop, decisionId: row.decisionId, staff }))) return data({ ok: false as const, message: t("errors.notFound") }, { status: 404 });
    return { ok: true as const, message: t("done.release", { order: row.orderName }) };
  }
  if (intent.intent === "assign") {
    const location = locations.find((l) => l.id === intent.locationId);
    if (!location) return data({ ok: false as const, message: t("errors.invalid") }, { status: 400 });
    const result = await rerouteOrder({ shop, graphql: admin.graphql, orderId: row.orderId, staff, toLocationId: location.id });
    return answer(result, t, "assign", { order: row.orderName, location: location.name });
  }
  const result = await rerouteOrder({ shop, graphql: admin.graphql, orderId: row.orderId, staff });
  return answer(result, t, "reroute", { order: row.orderName });
};

/** What a re-route came to, in words: done, done but still needing attention, or why not. */
function answer(result: Awaited<ReturnType<typeof rerouteOrder>>, t: ReturnType<typeof portalT>, done: "reroute" | "assign" | "routeNow", values: Record<string, string>) {
  if (result.status === "order-not-found") return data({ ok: false as const, message: t("errors.orderGone") }, { status: 404 });
  if (result.status === "already-routed") return data({ ok: false as const, message: t("errors.busy") }, { status: 409 });
  if (result.status === "waiting") return data({ ok: false as const, message: t("errors.waiting") }, { status: 409 });
  const still = result.decision.status === "NEEDS_REVIEW" || result.decision.status === "FAILED";
  const key = still && done !== "routeNow" ? `done.${done}Still` : `done.${done}`;
  return { ok: !still, message: t(key, values) };
}

export default function NeedsAttention() {
  const { lang, rows, held, locations, text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";

  return (
    <div lang={lang}>
      <Page title={text.title} subtitle={text.subtitle} backAction={{ content: text.back, url: "/app/routing" }}>
        <Layout>
          {actionData && (
            <Layout.Section>
              <Banner tone={actionData.ok ? "success" : "warning"}>{actionData.message}</Banner>
            </Layout.Section>
          )}
          <AttentionSection heading={text.reviewHeading} empty={text.reviewEmpty} items={rows} keyOf={(row) => row.decisionId}>
            {(row) => (
              <>
                <OrderHeading name={row.orderName} badge={<Badge tone={decisionStatusTone[row.status]}>{row.badge}</Badge>} />
                {row.lines.map((line) => (
                  <Text as="p" key={line}>
                    {line}
                  </Text>
                ))}
                {row.shopifySaid && (
                  <Text as="p" tone="subdued">
                    {`${text.shopifySaid} `}
                    <span lang="en" style={{ overflowWrap: "anywhere" }}>
                      {row.shopifySaid}
                    </span>
                  </Text>
                )}
                <Link to={`/app/routing/log/${row.decisionId}`}>{text.details}</Link>
                <RowActions decisionId={row.decisionId} orderName={row.orderName} pick={row.pick} locations={locations} text={text} busy={busy} />
              </>
            )}
          </AttentionSection>
          <AttentionSection heading={text.heldHeading} empty={text.heldEmpty} items={held} keyOf={(order) => order.orderId}>
            {(order) => (
              <>
                <OrderHeading name={order.orderName} badge={<Badge tone="attention">{order.badge}</Badge>} />
                <Text as="p">{order.help}</Text>
                {order.since && (
                  <Text as="p" tone="subdued">
                    {order.since}
                  </Text>
                )}
                <Form method="post">
                  <input type="hidden" name="intent" value="route-now" />
                  <input type="hidden" name="orderId" value={order.orderId} />
                  <Button submit disabled={busy} accessibilityLabel={`${text.routeNow}: ${order.orderName}`}>
                    {text.routeNow}
                  </Button>
                </Form>
              </>
            )}
          </AttentionSection>
        </Layout>
      </Page>
    </div>
  );
}

/** One of the page's two lists: a heading, then an item a row, or a sentence when there is none. */
function AttentionSection<T>(props: { heading: string; empty: string; items: T[]; keyOf: (item: T) => string; children: (item: T) => ReactNode }) {
  return (
    <Layout.Section>
      <Card padding="0">
        <Box padding="400">
          <Text as="h2" variant="headingMd">
            {props.heading}
          </Text>
        </Box>
        {props.items.length === 0 ? (
          <Box padding="400" paddingBlockStart="0">
            <Text as="p" tone="subdued">
              {props.empty}
            </Text>
          </Box>
        ) : (
          <ul aria-label={props.heading} style={{ listStyle: "none", margin: 0, padding: 0 }}>
            {props.items.map((item) => (
              <li key={props.keyOf(item)} style={{ borderTop: "1px solid var(--p-color-border-secondary)" }}>
                <Box padding="400">
                  <BlockStack gap="200">{props.children(item)}</BlockStack>
                </Box>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </Layout.Section>
  );
}

function OrderHeading(props: { name: string; badge: ReactNode }) {
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="h3" variant="headingSm">
        {props.name}
      </Text>
      {props.badge}
    </InlineStack>
  );
}

/** Route again, move everything to a location picked by hand, or release: plain forms (work without JavaScript). */
function RowActions(props: {
  decisionId: string;
  orderName: string;
  pick: string;
  locations: { id: string; name: string }[];
  text: { routeAgain: string; pickLabel: string; moveHere: string; release: string };
  busy: boolean;
}) {
  const [location, setLocation] = useState(props.pick);
  const label = (action: string) => `${action}: ${props.orderName}`;
  return (
    <InlineStack gap="300" blockAlign="end" wrap>
      <Form method="post">
        <input type="hidden" name="intent" value="reroute" />
        <input type="hidden" name="decisionId" value={props.decisionId} />
        <Button submit disabled={props.busy} accessibilityLabel={label(props.text.routeAgain)}>
          {props.text.routeAgain}
        </Button>
      </Form>
      {props.locations.length > 0 && (
        <Form method="post">
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="decisionId" value={props.decisionId} />
          <InlineStack gap="200" blockAlign="end" wrap>
            <Select label={props.text.pickLabel} name="locationId" options={props.locations.map((l) => ({ value: l.id, label: l.name }))} value={location} onChange={setLocation} />
            <Button submit disabled={props.busy} accessibilityLabel={label(props.text.moveHere)}>
              {props.text.moveHere}
            </Button>
          </InlineStack>
        </Form>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="release" />
        <input type="hidden" name="decisionId" value={props.decisionId} />
        <Button submit variant="plain" disabled={props.busy} accessibilityLabel={label(props.text.release)}>
          {props.text.release}
        </Button>
      </Form>
    </InlineStack>
  );
}
