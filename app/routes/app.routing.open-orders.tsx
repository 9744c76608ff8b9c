import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { adminTitle, menuWord } from "~/components/page-title";
import { adminLocale } from "~/http/admin-locale.server";
import { readFormData } from "~/http/form-data.server";
import { portalT } from "~/portal/i18n";
import { jobDriver } from "~/queue/handle.server";
import { installedShop } from "~/services/installed-shop.server";
import { OPEN_ORDERS_PAGE, previewOpenOrders, requestRouteOpenOrders, routeOpenOrdersForm } from "~/services/route-open-orders.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => adminTitle(data?.text?.title ?? "Route open orders", menuWord(matches, "/app/routing", "Routing"));

async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const user = session.onlineAccessInfo?.associated_user;
  return { shop, admin, staff: user?.email ?? null, locale: adminLocale(request, user?.locale) };
}

/** The open orders routing never decided on, each with what routing would do now (a preview: nothing changes). */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin, locale } = await requireShop(request);
  const t = portalT(locale, "open-orders");
  const queued = Number(new URL(request.url).searchParams.get("queued") ?? "");
  const previews = await previewOpenOrders({ shop, graphql: admin.graphql });
  const placed = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: shop.timezone });
  const list = new Intl.ListFormat(locale, { type: "conjunction" });
  return {
    lang: locale,
    text: {
      title: t("title"),
      subtitle: t("subtitle"),
      back: t("back"),
      heading: t("heading"),
      intro: t("intro"),
      empty: t("empty"),
      order: t("order"),
      wouldDo: t("wouldDo"),
      route: t("route"),
      openLog: t("openLog"),
      confirmTitle: t("confirmTitle"),
      confirmBody: t("confirmBody"),
      confirm: t("confirm"),
      cancel: t("cancel"),
    },
    queued: Number.isInteger(queued) && queued > 0 ? t("queued", { count: queued }) : null,
    orders: previews.map((p) => ({
      orderId: p.orderId,
      name: p.name,
      placed: t("placedAt", { date: placed.format(new Date(p.placedAt)) }),
      choose: t("choose", { order: p.name }),
      routable: p.outcome.kind === "route",
      outcome:
        p.outcome.kind === "route"
          ? [
              t("shipFrom", { locations: list.format(p.outcome.locations) }),
              t("parcels", { count: p.outcome.parcels }),
              ...(p.outcome.unfilledUnits > 0 ? [t("unfilled", { count: p.outcome.unfilledUnits })] : []),
            ].join(" · ")
          : p.outcome.kind === "gone"
            ? t("gone")
            : t("notRoutable"),
    })),
    limit: OPEN_ORDERS_PAGE,
  };
};

/**
 * Two steps, so nothing is routed by one click: "Route the chosen orders" asks to confirm (the
 * chosen orders are named), "Yes, route them" hands them to the job queue.
 */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staff, locale } = await requireShop(request);
  const t = portalT(locale, "open-orders");
  const form = await readFormData(request, undefined, { single: true, repeatable: ["orderIds"] });
  const parsed = routeOpenOrdersForm.safeParse({ orderIds: form.getAll("orderIds").map(String) });
  if (!parsed.success) return data({ error: t("noneChosen"), confirm: null }, { status: 400 });
  if (form.get("intent") !== "route") return { error: null, confirm: parsed.data.orderIds };
  const queued = await requestRouteOpenOrders({ shop, orderIds: parsed.data.orderIds, staff, driver: await jobDriver() });
  if (queued === 0) return data({ error: t("nothingQueued"), confirm: null }, { status: 409 });
  return redirect(`/app/routing/open-orders?queued=${queued}`);
};

/** Asking to confirm changes nothing: the previews (an Admin API read per order) are not read again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "review" ? false : defaultShouldRevalidate;

export default function RouteOpenOrders() {
  const { lang, text, orders, queued } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const confirming = actionData?.confirm ?? null;
  const chosenNames = orders.filter((o) => confirming?.includes(o.orderId)).map((o) => o.name);
  return (
    <div lang={lang}>
      <Page title={text.title} subtitle={text.subtitle} backAction={{ content: text.back, url: "/app/routing" }} secondaryActions={[{ content: text.openLog, url: "/app/routing/log" }]}>
        <BlockStack gap="400">
          {queued ? <Banner tone="success" title={queued} /> : null}
          {actionData?.error ? <Banner tone="critical" title={actionData.error} /> : null}
          {confirming ? (
            <Banner tone="warning" title={text.confirmTitle}>
              <Form method="post">
                <BlockStack gap="200">
                  <Text as="p">{text.confirmBody}</Text>
                  <Text as="p" fontWeight="semibold">
                    {chosenNames.join(", ")}
                  </Text>
                  <input type="hidden" name="intent" value="route" />
                  {confirming.map((id) => (
                    <input key={id} type="hidden" name="orderIds" value={id} />
                  ))}
                  <InlineStack gap="200">
                    <Button submit variant="primary" disabled={busy}>
                      {text.confirm}
                    </Button>
                    <Button url="/app/routing/open-orders">{text.cancel}</Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Banner>
          ) : null}
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {text.heading}
              </Text>
              <Text as="p" tone="subdued">
                {text.intro}
              </Text>
              {orders.length === 0 ? (
                <Text as="p">{text.empty}</Text>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="review" />
                  <BlockStack gap="300">
                    <ul aria-label={text.heading} style={{ listStyle: "none", margin: 0, padding: 0 }}>
                      {orders.map((o) => (
                        <li key={o.orderId} style={{ borderTop: "1px solid var(--p-color-border-secondary)" }}>
                          <Box paddingBlock="300">
                            <label style={{ display: "flex", gap: "12px", alignItems: "flex-start", cursor: o.routable ? "pointer" : "default" }}>
                              <input
                                type="checkbox"
                                name="orderIds"
                                value={o.orderId}
                                disabled={!o.routable}
                                defaultChecked={o.routable && (confirming ? confirming.includes(o.orderId) : false)}
                                aria-label={o.choose}
                                style={{ marginTop: 4, width: 18, height: 18, flex: "none" }}
                              />
                              <BlockStack gap="050">
                                <InlineStack gap="200" blockAlign="center">
                                  <Text as="span" fontWeight="semibold">
                                    {o.name}
                                  </Text>
                                  <Text as="span" tone="subdued" variant="bodySm">
                                    {o.placed}
                                  </Text>
                                </InlineStack>
                                <Text as="span" tone={o.routable ? undefined : "subdued"}>
                                  {o.outcome}
                                </Text>
                              </BlockStack>
                            </label>
                          </Box>
                        </li>
                      ))}
                    </ul>
                    <InlineStack>
                      <Button submit variant="primary" disabled={busy}>
                        {text.route}
                      </Button>
                    </InlineStack>
                  </BlockStack>
                </Form>
              )}
            </BlockStack>
          </Card>
        </BlockStack>
      </Page>
    </div>
  );
}
