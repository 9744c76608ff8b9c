import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigate, useNavigation, type MetaFunction } from "@remix-run/react";
import { Badge, BlockStack, Button, Card, DataTable, EmptyState, InlineGrid, InlineStack, Layout, Link, Page, Pagination, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { adminTitle } from "~/components/page-title";
import type { StockStatus } from "~/domain/availability/status";
import { adminLocale } from "~/http/admin-locale.server";
import type englishInventory from "~/locales/en/inventory.json";
import { portalT } from "~/portal/i18n";
import { installedShop } from "~/services/installed-shop.server";
import { INVENTORY_PAGE_SIZE, loadInventory } from "~/services/load-inventory.server";
import { authenticate } from "~/shopify.server";

type Text = typeof englishInventory;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminTitle(data?.text?.title ?? "Inventory");

const paramsSchema = z.object({
  // No control characters (PostgreSQL refuses NUL in text): such a search is a 400 in words, not a 500.
  q: z.string().trim().max(100, "search").regex(/^[^\p{Cc}]*$/u, "search").optional().transform((v) => (v ? v : null)),
  location: z.string().regex(/^[A-Za-z0-9_-]{0,64}$/, "location").optional().transform((v) => (v ? v : null)),
  page: z.string().regex(/^\d{1,6}$/, "page").transform(Number).refine((n) => n >= 1, "page").optional().transform((v) => v ?? 1),
});

const refusal = (message: string, status: number) => new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  const t = portalT(locale, "inventory");
  const url = new URL(request.url);
  const parsed = paramsSchema.safeParse({ q: url.searchParams.get("q") ?? undefined, location: url.searchParams.get("location") ?? undefined, page: url.searchParams.get("page") ?? undefined });
  if (!parsed.success) throw refusal(t(`errors.${parsed.error.issues[0]!.message}`), 400);
  const { q, location, page } = parsed.data;
  const view = await loadInventory(shop, { search: q, locationId: location, page });
  if (!view) throw refusal(t("errors.location"), 404);
  const section = <K extends keyof Text>(key: K) => t(key, { returnObjects: true }) as unknown as Text[K];
  return {
    lang: locale,
    text: {
      title: t("title"),
      subtitle: t("subtitle"),
      columns: section("columns"),
      status: section("status"),
      empty: section("empty"),
      explain: t("explain", { threshold: view.lowStockThreshold }),
      range: view.total ? t("range", { from: (page - 1) * INVENTORY_PAGE_SIZE + 1, to: Math.min(page * INVENTORY_PAGE_SIZE, view.total), total: view.total }) : "",
      locationLinks: Object.fromEntries(view.locations.map((l) => [l.id, t("locationLink", { location: l.name })])),
      search: t("search"),
      searchPlaceholder: t("searchPlaceholder"),
      location: t("location"),
      allLocations: t("allLocations"),
      apply: t("apply"),
      clear: t("clear"),
      noSku: t("noSku"),
      untitled: t("untitled"),
      bufferSettings: t("bufferSettings"),
      previous: t("previous"),
      next: t("next"),
    },
    params: { q: q ?? "", location: location ?? "", page },
    view,
  };
};

/** Below Polaris' md breakpoint (48em) the table becomes a list: eight columns do not fit a phone. */
const NARROW_CSS = `
.cdx-inventory-list { display: none; list-style: none; margin: 0; padding: 0; }
.cdx-inventory-list > li { padding: var(--p-space-300) var(--p-space-400); border-bottom: var(--p-border-width-025) solid var(--p-color-border-secondary); }
@media (max-width: 47.9975em) {
  .cdx-inventory-list { display: block; }
  .cdx-inventory-table { display: none; }
}`;

const tones: Record<StockStatus, "success" | "warning" | "critical"> = { in_stock: "success", low_stock: "warning", out_of_stock: "critical" };

export default function Inventory() {
  const { lang, text, params, view } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const busy = useNavigation().state !== "idle";
  const [q, setQ] = useState(params.q);
  const [location, setLocation] = useState(params.location);
  const number = new Intl.NumberFormat(lang);
  const pageUrl = (page: number) => {
    const search = new URLSearchParams();
    if (params.q) search.set("q", params.q);
    if (params.location) search.set("location", params.location);
    if (page > 1) search.set("page", String(page));
    const query = search.toString();
    return `/app/inventory${query ? `?${query}` : ""}`;
  };

  const rows = view.rows.map((row) => [
    <Text as="span" fontWeight="semibold" key="product">
      {row.title ?? text.untitled}
    </Text>,
    row.sku ?? text.noSku,
    <Link key="location" url={`/app/locations/${row.locationId}`} accessibilityLabel={text.locationLinks[row.locationId]}>
      {row.locationName}
    </Link>,
    number.format(row.onHand),
    number.format(row.available),
    number.format(row.buffer),
    <Text as="span" fontWeight="semibold" numeric key="promisable">
      {number.format(row.promisable)}
    </Text>,
    <Badge key="status" tone={tones[row.status]}>
      {text.status[row.status]}
    </Badge>,
  ]);

  return (
    <div lang={lang}>
      <Page title={text.title} subtitle={text.subtitle}>
        <Layout>
          <Layout.Section>
            <Card>
              <Form method="get">
                <BlockStack gap="300">
                  <InlineGrid columns={{ xs: 1, md: ["twoThirds", "oneThird"] }} gap="300">
                    <TextField label={text.search} name="q" value={q} onChange={setQ} placeholder={text.searchPlaceholder} autoComplete="off" clearButton onClearButtonClick={() => setQ("")} />
                    <Select
                      label={text.location}
                      name="location"
                      options={[{ value: "", label: text.allLocations }, ...view.locations.map((l) => ({ value: l.id, label: l.name }))]}
                      value={location}
                      onChange={setLocation}
                    />
                  </InlineGrid>
                  <InlineStack gap="200">
                    <Button submit variant="primary" loading={busy}>
                      {text.apply}
                    </Button>
                    {(params.q || params.location) && (
                      <Button
                        onClick={() => {
                          setQ("");
                          setLocation("");
                          navigate("/app/inventory");
                        }}
                      >
                        {text.clear}
                      </Button>
                    )}
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <Card padding="0">
              {view.rows.length ? (
                <>
                  <style>{NARROW_CSS}</style>
                  <ul className="cdx-inventory-list" aria-label={text.title}>
                    {view.rows.map((row) => (
                      <li key={`${row.locationId}:${row.sku ?? ""}:${row.title ?? ""}`} data-inventory-row="">
                        <BlockStack gap="100">
                          <InlineStack align="space-between" blockAlign="start" gap="200" wrap={false}>
                            <Text as="span" fontWeight="semibold">
                              {row.title ?? text.untitled}
                            </Text>
                            <Badge tone={tones[row.status]}>{text.status[row.status]}</Badge>
                          </InlineStack>
                          <Text as="span" tone="subdued" variant="bodySm">
                            {row.sku ?? text.noSku} ·{" "}
                            <Link url={`/app/locations/${row.locationId}`} accessibilityLabel={text.locationLinks[row.locationId]}>
                              {row.locationName}
                            </Link>
                          </Text>
                          <Text as="span" variant="bodySm">
                            {text.columns.onHand} {number.format(row.onHand)} · {text.columns.available} {number.format(row.available)} · {text.columns.buffer} {number.format(row.buffer)} ·{" "}
                            <Text as="span" fontWeight="semibold" variant="bodySm">
                              {text.columns.promisable} {number.format(row.promisable)}
                            </Text>
                          </Text>
                        </BlockStack>
                      </li>
                    ))}
                  </ul>
                  <div className="cdx-inventory-table">
                  <DataTable
                    columnContentTypes={["text", "text", "text", "numeric", "numeric", "numeric", "numeric", "text"]}
                    headings={[text.columns.product, text.columns.sku, text.columns.location, text.columns.onHand, text.columns.available, text.columns.buffer, text.columns.promisable, text.columns.status]}
                    rows={rows}
                    truncate={false}
                  />
                  </div>
                  <InlineStack align="space-between" blockAlign="center" gap="200">
                    <div style={{ padding: "var(--p-space-300) var(--p-space-400)" }}>
                      <Text as="p" tone="subdued">
                        {text.range}
                      </Text>
                    </div>
                    <div style={{ padding: "var(--p-space-300) var(--p-space-400)" }}>
                      <Pagination
                        hasPrevious={view.page > 1}
                        previousTooltip={text.previous}
                        accessibilityLabels={{ previous: text.previous, next: text.next }}
                        onPrevious={() => navigate(pageUrl(view.page - 1))}
                        hasNext={view.page < view.pages}
                        nextTooltip={text.next}
                        onNext={() => navigate(pageUrl(view.page + 1))}
                      />
                    </div>
                  </InlineStack>
                </>
              ) : (
                <EmptyState heading={text.empty.heading} image="">
                  <p>{view.synced ? text.empty.search : text.empty.notSynced}</p>
                </EmptyState>
              )}
            </Card>
          </Layout.Section>
          <Layout.Section>
            <BlockStack gap="200">
              <Text as="p" tone="subdued">
                {text.explain}
              </Text>
              <Link url="/app/settings#buffer">{text.bufferSettings}</Link>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Page>
    </div>
  );
}
