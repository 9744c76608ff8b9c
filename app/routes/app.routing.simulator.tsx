import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigate, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, DataTable, InlineGrid, InlineStack, Layout, Page, Select, Tabs, Text } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { z } from "zod";
import { CustomCartForm, type CustomCartFormView } from "~/components/routing/CustomCartForm";
import { formatNumber, RoutingPreviewResults } from "~/components/routing/RoutingPreviewResults";
import { strategyChoices, strategyLabels } from "~/domain/routing/catalog";
import { customCartFieldsFrom, emptyCustomCartFields, parseCartIntent } from "~/domain/routing/custom-cart";
import { installedShop } from "~/services/installed-shop.server";
import { compareRouting } from "~/services/compare-routing.server";
import { editPreviewCart } from "~/services/preview-cart-items.server";
import { customCartOptions, previewCustomCart, type CustomCartPreview } from "~/services/preview-custom-cart.server";
import { previewRouting } from "~/services/preview-routing.server";
import { fetchOrderSummaries } from "~/shopify/order-summaries";
import { authenticate } from "~/shopify.server";

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
  return { params, orders, preview, comparison, pickupLocations: cartOptions?.pickupLocations ?? [] };
};

type CustomCartActionData = CustomCartFormView & {
  preview: Extract<CustomCartPreview, { status: "previewed" }>["preview"] | null;
  placement: string | null;
};

/** The custom cart's form: search, add, remove, preview. Nothing is written anywhere. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const form = await readFormData(request);
  const entries: Record<string, string[]> = {};
  for (const [key, value] of form) if (typeof value === "string") (entries[key] ??= []).push(value);
  const fields = customCartFieldsFrom(entries);
  const reply = (view: Partial<CustomCartActionData>, status = 200) =>
    data<CustomCartActionData>({ fields, labels: {}, search: null, errors: {}, preview: null, placement: null, ...view }, { status });

  const intent = parseCartIntent(form.get("intent")?.toString());
  if (!intent) return reply({ errors: { form: "That request is not understood. Reload the page and try again." } }, 400);
  if (intent.kind === "preview") {
    const result = await previewCustomCart({ shop, graphql: admin.graphql, fields });
    if (result.status === "invalid") return reply({ labels: result.labels, errors: result.errors }, 422);
    return reply({ labels: result.labels, preview: result.preview, placement: result.placement });
  }
  const edited = await editPreviewCart({ graphql: admin.graphql, fields, ...(intent.kind === "edit" ? { edit: intent.edit } : { search: true }) });
  return reply(edited);
};

// A custom-cart submit changes nothing the loader reads: do not re-run the recent-orders comparison.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod?.toUpperCase() === "POST" ? false : defaultShouldRevalidate;

const strategyOptions = strategyChoices.map((value) => ({ value, label: strategyLabels[value] }));
const tabs = [
  { id: "order", content: "Recent order", panelID: "simulator-panel" },
  { id: "custom", content: "Custom cart", panelID: "simulator-panel" },
];

export default function RoutingSimulator() {
  const { params, orders, preview, comparison, pickupLocations } = useLoaderData<typeof loader>();
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

  return (
    <Page title="Routing simulator" subtitle="What routing would do with an order on today's stock. Nothing is changed in Shopify." backAction={{ content: "Routing", url: "/app/routing" }}>
      <Layout>
        <Layout.Section>
          <Card>
            <Tabs tabs={tabs} selected={custom ? 1 : 0} onSelect={(index) => navigate(index === 1 ? "?mode=custom" : "?mode=order")}>
              <div id="simulator-panel" style={{ paddingTop: "var(--p-space-400)" }}>
                {custom ? (
                  <CustomCartForm view={cartView} pickupLocations={pickupLocations} strategyOptions={strategyOptions} busy={busy} />
                ) : (
                  <Form method="get">
                    <BlockStack gap="300">
                      <input type="hidden" name="mode" value="order" />
                      <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                        <Select
                          label="Order"
                          name="order"
                          options={orders.map((o) => ({ value: o.id, label: `${o.name} · ${o.city ?? "pickup"} ${o.countryCode ?? ""} · ${o.fulfillmentStatus.toLowerCase().replaceAll("_", " ")}` }))}
                          value={order}
                          onChange={setOrder}
                        />
                        <Select label="Strategy A" name="a" options={strategyOptions} value={a} onChange={setA} />
                        <Select label="Strategy B" name="b" options={strategyOptions} value={b} onChange={setB} />
                      </InlineGrid>
                      <InlineStack gap="300" blockAlign="end">
                        <Button submit variant="primary" loading={busy}>
                          Simulate this order
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
            <Banner tone="critical" title="Order not found">This order is not in the shop any more.</Banner>
          </Layout.Section>
        )}
        {!custom && preview?.status === "not-routable" && (
          <Layout.Section>
            <Banner tone="warning" title={`${preview.orderName} cannot be routed`}>{preview.reason}</Banner>
          </Layout.Section>
        )}
        {!custom && preview?.status === "ok" && <RoutingPreviewResults preview={preview} />}

        {cartErrors > 0 && (
          <Layout.Section>
            <Banner tone="critical" title="The cart was not simulated">
              {actionData?.errors.form ?? "Correct the fields marked above."}
            </Banner>
          </Layout.Section>
        )}
        {actionData?.placement && cartPreview && (
          <Layout.Section>
            <Text as="p" tone="subdued">{`Destination: ${actionData.placement}.`}</Text>
          </Layout.Section>
        )}
        {cartPreview?.status === "not-routable" && (
          <Layout.Section>
            <Banner tone="warning" title="This cart cannot be routed">{cartPreview.reason}</Banner>
          </Layout.Section>
        )}
        {cartPreview?.status === "ok" && <RoutingPreviewResults preview={cartPreview} />}

        <Layout.Section>
          <Card>
            <Form method="get">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Compare on recent orders
                </Text>
                <input type="hidden" name="mode" value={params.mode} />
                <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
                  <Select label="Last orders" name="compare" options={["10", "20", "30", "50"]} value={compare} onChange={setCompare} />
                  <Select label="Strategy A" name="a" options={strategyOptions} value={a} onChange={setA} />
                  <Select label="Strategy B" name="b" options={strategyOptions} value={b} onChange={setB} />
                </InlineGrid>
                <InlineStack>
                  <Button submit loading={busy}>
                    Compare
                  </Button>
                </InlineStack>
                {comparison && (
                  <BlockStack gap="200">
                    <Text as="p" tone="subdued">
                      {`${comparison.ordersCompared} orders compared as if they arrived today${comparison.ordersSkipped ? `, ${comparison.ordersSkipped} skipped (cancelled or without coordinates)` : ""}.`}
                    </Text>
                    <DataTable
                      columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric"]}
                      headings={["Strategy", "Parcels", "Km", "Cost", "Units unfilled"]}
                      rows={comparison.columns.map((c) => [c.label, c.totals.parcels, formatNumber(c.totals.km), formatNumber(c.totals.cost, 2), c.totals.unfilledUnits])}
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
