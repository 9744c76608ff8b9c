import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigate, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineGrid, InlineStack, Layout, Page, Select, Tabs, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { z } from "zod";
import { CustomCartForm, type CustomCartFormView } from "~/components/routing/CustomCartForm";
import { formatNumber, RoutingPreviewResults } from "~/components/routing/RoutingPreviewResults";
import { strategyChoices } from "~/domain/routing/catalog";
import { adminT } from "~/components/admin-i18n";
import { cartProblem, notRoutableReason } from "~/components/routing/cart-words";
import { customCartFieldsFrom, emptyCustomCartFields, parseCartIntent } from "~/domain/routing/custom-cart";
import { installedShop } from "~/services/installed-shop.server";
import { compareRouting } from "~/services/compare-routing.server";
import { editPreviewCart } from "~/services/preview-cart-items.server";
import { customCartOptions, previewCustomCart, type CustomCartPreview } from "~/services/preview-custom-cart.server";
import { previewRouting } from "~/services/preview-routing.server";
import { fetchOrderSummaries } from "~/shopify/order-summaries";
import { authenticate } from "~/shopify.server";
import { adminTitle } from "~/components/page-title";
import { adminLocale } from "~/http/admin-locale.server";
import { formatMoney } from "~/domain/returns/money";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => adminTitle(adminT(page?.words?.lang ?? "en", "admin-simulator")("title"));

const modes = ["order", "custom"] as const;

const paramsSchema = z.object({
  mode: z.enum(modes).default("order"),
  order: z.string().startsWith("gid://shopify/Order/").optional(),
  a: z.enum(strategyChoices).default("rules"),
  b: z.enum(strategyChoices).default("cost-optimal"),
  compare: z.coerce.number().int().min(1).max(50).optional(),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const parsed = paramsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), { status: 400 });
  const params = parsed.data;
  const shop = await installedShop(session.shop);
  const recentOrderMode = params.mode === "order";

  const [orders, preview, comparison, cartOptions] = await Promise.all([
    recentOrderMode ? fetchOrderSummaries(admin.graphql, { first: 30, query: "status:open" }) : [],
    recentOrderMode && params.order ? previewRouting({ shop, graphql: admin.graphql, orderId: params.order, choices: [params.a, params.b] }) : null,
    params.compare ? compareRouting({ shop, graphql: admin.graphql, lastOrders: params.compare, choices: [params.a, params.b] }) : null,
    recentOrderMode ? null : customCartOptions(shop),
  ]);
  // Results in the staff member's language, costs in the shop's currency.
  const words = { lang: adminLocale(request, session.onlineAccessInfo?.associated_user?.locale), currency: shop.currency };
  return { params, orders, preview, comparison, pickupLocations: cartOptions?.pickupLocations ?? [], words };
};

type CustomCartActionData = CustomCartFormView & {
  preview: Extract<CustomCartPreview, { status: "previewed" }>["preview"] | null;
  /** Where the destination was placed, in the staff member's words. */
  placement: string | null;
};

/** The custom cart's form: search, add, remove, preview. Nothing is written anywhere. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const form = await readFormData(request);
  const t = adminT(adminLocale(request, session.onlineAccessInfo?.associated_user?.locale), "admin-simulator");
  const entries: Record<string, string[]> = {};
  for (const [key, value] of form) if (typeof value === "string") (entries[key] ??= []).push(value);
  const fields = customCartFieldsFrom(entries);
  // Every field problem in the staff member's words.
  const reply = (view: Partial<CustomCartActionData>, status = 200) =>
    data<CustomCartActionData>(
      { fields, labels: {}, search: null, preview: null, placement: null, ...view, errors: Object.fromEntries(Object.entries(view.errors ?? {}).map(([field, message]) => [field, cartProblem(message, t)])) },
      { status },
    );

  const intent = parseCartIntent(form.get("intent")?.toString());
  if (!intent) return data<CustomCartActionData>({ fields, labels: {}, search: null, preview: null, placement: null, errors: { form: t("notUnderstood") } }, { status: 400 });
  if (intent.kind === "preview") {
    const result = await previewCustomCart({ shop, graphql: admin.graphql, fields });
    if (result.status === "invalid") return reply({ labels: result.labels, errors: result.errors }, 422);
    const placement = result.place.how === "pickup" ? t("placement.pickup", { store: result.place.store }) : t(`placement.${result.place.how}`, { where: result.place.where, at: result.place.at });
    return reply({ labels: result.labels, preview: result.preview, placement });
  }
  const edited = await editPreviewCart({ graphql: admin.graphql, fields, ...(intent.kind === "edit" ? { edit: intent.edit } : { search: true }) });
  return reply(edited);
};

// A custom-cart submit changes nothing the loader reads: do not re-run the recent-orders comparison.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" ? false : defaultShouldRevalidate;


export default function RoutingSimulator() {
  const { params, orders, preview, comparison, pickupLocations, words } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const [order, setOrder] = useState(params.order ?? orders[0]?.id ?? "");
  const [a, setA] = useState<string>(params.a);
  const [b, setB] = useState<string>(params.b);
  const [compare, setCompare] = useState(String(params.compare ?? 20));
  const busy = navigation.state !== "idle";
  const custom = params.mode === "custom";
  const cartView = useMemo<CustomCartFormView>(
    () => actionData ?? { fields: emptyCustomCartFields({ a: params.a, b: params.b }), labels: {}, search: null, errors: {} },
    [actionData, params.a, params.b],
  );
  const cartPreview = custom ? (actionData?.preview ?? null) : null;
  const cartErrors = custom && actionData ? Object.keys(actionData.errors).length : 0;
  const t = adminT(words.lang, "admin-simulator");
  const strategyOptions = strategyChoices.map((value) => ({ value, label: t(`strategies.${value}`) }));
  const tabs = [
    { id: "order", content: t("tabs.order"), panelID: "simulator-panel" },
    { id: "custom", content: t("tabs.custom"), panelID: "simulator-panel" },
  ];

  return (
    <Page title={t("title")} subtitle={t("subtitle")} backAction={{ content: t("back"), url: "/app/routing" }}>
      <Layout>
        <Layout.Section>
          <Card>
            <Tabs tabs={tabs} selected={custom ? 1 : 0} onSelect={(index) => navigate(index === 1 ? "?mode=custom" : "?mode=order")}>
              <div id="simulator-panel" style={{ paddingTop: "var(--p-space-400)" }}>
                {custom ? (
                  <CustomCartForm view={cartView} pickupLocations={pickupLocations} strategyOptions={strategyOptions} busy={busy} lang={words.lang} />
                ) : (
                  <Form method="get">
                    <BlockStack gap="300">
                      <input type="hidden" name="mode" value="order" />
                      <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                        <Select
                          label={t("order")}
                          name="order"
                          options={
                            orders.length
                              ? orders.map((o) => ({
                                  value: o.id,
                                  label: t("orderOption", {
                                    name: o.name,
                                    place: [o.city ?? t("pickup"), o.countryCode].filter(Boolean).join(" "),
                                    status: t(`fulfillment.${o.fulfillmentStatus}`, { defaultValue: t("fulfillment.other") }),
                                  }),
                                }))
                              : [{ value: "", label: t("noOrders") }]
                          }
                          value={order}
                          onChange={setOrder}
                        />
                        <Select label={t("strategyA")} name="a" options={strategyOptions} value={a} onChange={setA} />
                        <Select label={t("strategyB")} name="b" options={strategyOptions} value={b} onChange={setB} />
                      </InlineGrid>
                      <InlineStack gap="300" blockAlign="end">
                        <Button submit variant="primary" loading={busy}>
                          {t("simulate")}
                        </Button>
                        <input type="hidden" name="compare" value={params.compare ?? ""} disabled={!params.compare} />
                      </InlineStack>
                    </BlockStack>
                  </Form>
                )}
              </div>
            </Tabs>
          </Card>
        </Layout.Section>

        {!custom && preview?.status === "not-found" && (
          <Layout.Section>
            <Banner tone="critical" title={t("notFoundTitle")}>
              {t("notFoundBody")}
            </Banner>
          </Layout.Section>
        )}
        {!custom && preview?.status === "not-routable" && (
          <Layout.Section>
            <Banner tone="warning" title={t("notRoutableTitle", { order: preview.orderName })}>
              {notRoutableReason(preview.reason, t)}
            </Banner>
          </Layout.Section>
        )}
        {!custom && preview?.status === "ok" && <RoutingPreviewResults preview={preview} {...words} />}

        {cartErrors > 0 && (
          <Layout.Section>
            <Banner tone="critical" title={t("cartNotSimulated")}>
              {actionData?.errors.form ?? t("correctFields")}
            </Banner>
          </Layout.Section>
        )}
        {actionData?.placement && cartPreview && (
          <Layout.Section>
            <Text as="p" tone="subdued">{t("destination", { place: actionData.placement })}</Text>
          </Layout.Section>
        )}
        {cartPreview?.status === "not-routable" && (
          <Layout.Section>
            <Banner tone="warning" title={t("cartNotRoutable")}>
              {notRoutableReason(cartPreview.reason, t)}
            </Banner>
          </Layout.Section>
        )}
        {cartPreview?.status === "ok" && <RoutingPreviewResults preview={cartPreview} {...words} />}

        <Layout.Section>
          <Card>
            <Form method="get">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("compareTitle")}
                </Text>
                <input type="hidden" name="mode" value={params.mode} />
                <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                  <Select label={t("lastOrders")} name="compare" options={["10", "20", "30", "50"]} value={compare} onChange={setCompare} />
                  <Select label={t("strategyA")} name="a" options={strategyOptions} value={a} onChange={setA} />
                  <Select label={t("strategyB")} name="b" options={strategyOptions} value={b} onChange={setB} />
                </InlineGrid>
                <InlineStack>
                  <Button submit loading={busy}>
                    {t("compare")}
                  </Button>
                </InlineStack>
                {comparison && (
                  <BlockStack gap="200">
                    <Text as="p" tone="subdued">
                      {[t("compared", { count: comparison.ordersCompared }), comparison.ordersSkipped ? t("skipped", { count: comparison.ordersSkipped }) : ""].filter(Boolean).join(" ")}
                    </Text>
                    <DataTable
                      columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
                      headings={[t("headings.strategy"), t("headings.parcels"), t("headings.km"), t("headings.cost"), t("headings.unfilled")]}
                      rows={comparison.columns.map((c) => [t(`strategies.${c.choice}`), c.totals.parcels, formatNumber(c.totals.km, 0, words.lang), formatMoney(words.lang, c.totals.cost, words.currency), c.totals.unfilledUnits])}
                    />
                  </BlockStack>
                )}
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
