import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { RoutingMap } from "~/components/RoutingMap";
import { installedShop } from "~/services/installed-shop.server";
import { compareRouting } from "~/services/compare-routing.server";
import { strategyChoices, strategyLabels } from "~/domain/routing/catalog";
import { previewRouting } from "~/services/preview-routing.server";
import { fetchOrderSummaries } from "~/shopify/order-summaries";
import { authenticate } from "~/shopify.server";

const paramsSchema = z.object({
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

  const [orders, preview, comparison] = await Promise.all([
    fetchOrderSummaries(admin.graphql, { first: 30, query: "status:open" }),
    params.order ? previewRouting({ shop, graphql: admin.graphql, orderId: params.order, choices: [params.a, params.b] }) : null,
    params.compare ? compareRouting({ shop, graphql: admin.graphql, lastOrders: params.compare, choices: [params.a, params.b] }) : null,
  ]);
  return { params, orders, preview, comparison };
};

const strategyOptions = strategyChoices.map((value) => ({ value, label: strategyLabels[value] }));
const number = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

export default function RoutingSimulator() {
  const { params, orders, preview, comparison } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const [order, setOrder] = useState(params.order ?? orders[0]?.id ?? "");
  const [a, setA] = useState<string>(params.a);
  const [b, setB] = useState<string>(params.b);
  const [compare, setCompare] = useState(String(params.compare ?? 20));
  const busy = navigation.state !== "idle";

  return (
    <Page title="Routing simulator" subtitle="What routing would do with an order on today's stock. Nothing is changed in Shopify." backAction={{ content: "Routing", url: "/app/routing" }}>
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get">
              <BlockStack gap="300">
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
          </Card>
        </Layout.Section>

        {preview?.status === "not-found" && (
          <Layout.Section>
            <Banner tone="critical" title="Order not found">This order is not in the shop any more.</Banner>
          </Layout.Section>
        )}
        {preview?.status === "not-routable" && (
          <Layout.Section>
            <Banner tone="warning" title={`${preview.orderName} cannot be routed`}>{preview.reason}</Banner>
          </Layout.Section>
        )}
        {preview?.status === "ok" && (
          <Layout.Section>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              {preview.results.map((result) => {
                const byLocation = new Map(preview.input.locations.map((l) => [l.id, l]));
                const unitsAt = new Map<string, number>();
                for (const a of result.plan.assignments) unitsAt.set(a.locationId, (unitsAt.get(a.locationId) ?? 0) + a.quantity);
                return (
                  <Card key={result.choice}>
                    <BlockStack gap="300">
                      <Text as="h2" variant="headingMd">
                        {result.label}
                      </Text>
                      <Text as="p" tone="subdued">
                        {result.plan.summary}
                      </Text>
                      <InlineStack gap="200">
                        <Badge>{`${result.metrics.parcels} parcel(s)`}</Badge>
                        <Badge>{`${number(result.metrics.km)} km`}</Badge>
                        <Badge>{`cost ${number(result.metrics.cost, 2)}`}</Badge>
                        {result.metrics.unfilledUnits > 0 && <Badge tone="critical">{`${result.metrics.unfilledUnits} unit(s) unfilled`}</Badge>}
                      </InlineStack>
                      <RoutingMap
                        title={`Map of ${result.label} for ${preview.orderName}`}
                        destination={preview.input.destination}
                        points={result.plan.locations
                          // The destination's country and whatever ships: a continent apart is not a map.
                          .filter((l) => (unitsAt.get(l.locationId) ?? 0) > 0 || !preview.input.destination.countryCode || byLocation.get(l.locationId)?.countryCode === preview.input.destination.countryCode)
                          .map((l) => ({
                          id: l.locationId,
                          name: l.name,
                          lat: byLocation.get(l.locationId)!.lat,
                          lon: byLocation.get(l.locationId)!.lon,
                          units: unitsAt.get(l.locationId) ?? 0,
                          excluded: l.status === "excluded",
                        }))}
                      />
                      <DataTable
                        columnContentTypes={["text", "text", "numeric"]}
                        headings={["Ships from", "Item", "Units"]}
                        rows={result.plan.assignments.map((a) => [byLocation.get(a.locationId)?.name ?? a.locationId, preview.lineLabels[a.lineId] ?? a.lineId, a.quantity])}
                      />
                    </BlockStack>
                  </Card>
                );
              })}
            </InlineGrid>
          </Layout.Section>
        )}
        {preview?.status === "ok" && preview.results[0] && (
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {`Why: every location under ${preview.results[0].label}`}
                </Text>
                <DataTable
                  columnContentTypes={["text", "text", "text", "text"]}
                  headings={["Location", "Decision", "Reasons", "Scores"]}
                  rows={preview.results[0].plan.locations.map((l) => [
                    l.name,
                    l.status,
                    l.reasons.join(" · "),
                    Object.entries(l.scores)
                      .map(([rule, value]) => `${rule}: ${number(value, 1)}`)
                      .join(", "),
                  ])}
                />
              </BlockStack>
            </Card>
          </Layout.Section>
        )}

        <Layout.Section>
          <Card>
            <Form method="get">
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Compare on recent orders
                </Text>
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
                      rows={comparison.columns.map((c) => [c.label, c.totals.parcels, number(c.totals.km), number(c.totals.cost, 2), c.totals.unfilledUnits])}
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
