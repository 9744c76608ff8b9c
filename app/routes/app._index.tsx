import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  List,
  Box,
  Button,
  ButtonGroup,
  Card,
  DataTable,
  EmptyState,
  InlineGrid,
  InlineStack,
  Layout,
  Link,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import { createContext, useContext } from "react";
import { BarChart, LineChart, StackedBarChart } from "~/components/charts";
import {
  changeTone,
  formatChange,
  formatCount,
  formatDay,
  formatDayRange,
  formatDecimal,
  formatDuration,
  formatFigure,
  formatPercent,
  parsePeriodDays,
  PERIOD_DAYS,
  type Comparison,
  type FigureKind,
  type GoodWhen,
} from "~/domain/reporting";
import { adminLocale } from "~/http/admin-locale.server";
import { loadedResources, portalT } from "~/portal/i18n";
import { loadDashboard, type DashboardReport } from "~/services/load-dashboard.server";
import { loadCustomerDataWarning, type CustomerDataWarning } from "~/services/observe-customer-data.server";
import type { HomeSummary } from "~/services/load-home.server";
import { authenticate } from "~/shopify.server";
import { adminTitle, menuWord } from "~/components/page-title";
import type englishDashboard from "~/locales/en/dashboard.json";

export const meta: MetaFunction = ({ matches }) => adminTitle(menuWord(matches, "/app", "Home"));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  const days = parsePeriodDays(new URL(request.url).searchParams.get("period"));
  if (days === null) throw new Response(`The period must be one of ${PERIOD_DAYS.join(", ")} days.`, { status: 400 });
  const [dashboard, warning] = await Promise.all([loadDashboard(session.shop, { days, graphql: admin.graphql }), loadCustomerDataWarning(session.shop)]);
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  // The page's words in the staff member's language (app/locales/<lng>/dashboard.json).
  const text = (loadedResources()[locale]?.dashboard ?? loadedResources().en!.dashboard) as unknown as DashboardText;
  return { dashboard, shop: session.shop, lang: locale, text, customerData: warning ? customerDataBanner(warning, locale, dashboard?.report.period.timeZone) : null };
};

type DashboardText = typeof englishDashboard;

/** The page's words and language, for every section. */
const Words = createContext<{ t: DashboardText; lang: string }>({ t: {} as DashboardText, lang: "en" });
const useWords = () => useContext(Words);

/** "{{name}}" placeholders filled (the locale files use i18next's syntax). */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ""));
}

/** "1 unit" / "2 units" by the language's plural rules (keys `<base>_one`, `<base>_other`). */
function plural(t: DashboardText, base: "unit" | "request", n: number, lang: string): string {
  const words = t.returns as Record<string, string>;
  const template = words[`${base}_${new Intl.PluralRules(lang).select(n)}`] ?? words[`${base}_other`]!;
  return fill(template, { count: formatCount(n, lang) });
}

/** The setup warning's text, in the staff member's language (app/locales/<lng>/setup.json). */
function customerDataBanner(warning: CustomerDataWarning, locale: Parameters<typeof portalT>[0], timeZone: string | undefined) {
  const t = portalT(locale, "setup");
  const fields = new Intl.ListFormat(locale, { type: "conjunction" }).format(warning.fields.map((f) => t(`customerData.fields.${f}`)));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", ...(timeZone ? { timeZone } : {}) }).format(new Date(warning.lastSeenAt));
  return {
    lang: locale,
    title: t("customerData.title"),
    intro: t("customerData.intro", { fields }),
    effectsHeading: t("customerData.effectsHeading"),
    effects: warning.fields.map((f) => t(`customerData.effects.${f}`)),
    action: t("customerData.action"),
    lastSeen: t("customerData.lastSeen", { date }),
  };
}

function CustomerDataBanner({ banner }: { banner: NonNullable<ReturnType<typeof customerDataBanner>> }) {
  return (
    <div lang={banner.lang}>
      <Banner tone="warning" title={banner.title}>
        <BlockStack gap="200">
          <Text as="p">{banner.intro}</Text>
          <Text as="p">{banner.effectsHeading}</Text>
          <List type="bullet">
            {banner.effects.map((effect) => (
              <List.Item key={effect}>{effect}</List.Item>
            ))}
          </List>
          <Text as="p">{banner.action}</Text>
          <Text as="p" tone="subdued">
            {banner.lastSeen}
          </Text>
        </BlockStack>
      </Banner>
    </div>
  );
}

export default function Home() {
  const { dashboard, shop, customerData, text: t, lang } = useLoaderData<typeof loader>();
  if (!dashboard) {
    return (
      <div lang={lang}>
        <Page title="Crossdock" subtitle={shop}>
          <Card>
            <EmptyState heading={t.installing.heading} image="">
              <p>{t.installing.body}</p>
            </EmptyState>
          </Card>
        </Page>
      </div>
    );
  }
  const { home, report } = dashboard;
  return (
    <Words.Provider value={{ t, lang }}>
      <div lang={lang}>
        <Page title={home.shopName} subtitle={shop}>
          <BlockStack gap="500">
            {customerData ? <CustomerDataBanner banner={customerData} /> : null}
            <SetupChecklist home={home} />
            <LocationsSummary home={home} />
            <PeriodBar report={report} />
            <RoutingSection report={report} />
            <ReturnsSection report={report} />
          </BlockStack>
        </Page>
      </div>
    </Words.Provider>
  );
}

function PeriodBar({ report }: { report: DashboardReport }) {
  const { t, lang } = useWords();
  const { period } = report;
  return (
    <InlineStack align="space-between" blockAlign="center" gap="300">
      <BlockStack gap="050">
        <Text as="h2" variant="headingLg">
          {t.period.heading}
        </Text>
        <Text as="p" tone="subdued">
          {fill(t.period.compared, {
            current: formatDayRange(period.currentLabel.first, period.currentLabel.last, lang),
            previous: formatDayRange(period.previousLabel.first, period.previousLabel.last, lang),
            timeZone: period.timeZone,
          })}
        </Text>
      </BlockStack>
      <nav aria-label={t.period.label}>
        <ButtonGroup variant="segmented">
          {PERIOD_DAYS.map((days) => (
            <Button
              key={days}
              url={`?period=${days}`}
              variant={days === period.days ? "primary" : undefined}
              accessibilityLabel={fill(days === period.days ? t.period.lastShown : t.period.last, { days })}
            >
              {fill(t.period.days, { days })}
            </Button>
          ))}
        </ButtonGroup>
      </nav>
    </InlineStack>
  );
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

const toneBadge = { good: "success", bad: "critical", unchanged: undefined, neutral: undefined } as const;

/**
 * One figure with its change and its definition: for a rate, "= numerator ÷ denominator" in
 * words (`definition`), for a count, what is counted (`help`).
 */
function Figure({
  label,
  comparison,
  kind,
  goodWhen,
  help,
  definition,
  days,
}: {
  label: string;
  comparison: Comparison;
  kind: FigureKind;
  goodWhen: GoodWhen;
  help?: string;
  definition?: { numerator: string; denominator: string };
  days: number;
}) {
  const { t, lang } = useWords();
  const change = formatChange(comparison, kind, lang, { noChange: t.figure.noChange, points: t.figure.points });
  const tone = changeTone(comparison, goodWhen);
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {formatFigure(comparison.current, kind, lang)}
        </Text>
        <InlineStack gap="100" blockAlign="center">
          {change ? <Badge tone={toneBadge[tone]}>{change}</Badge> : null}
          <Text as="p" variant="bodySm" tone="subdued">
            {comparison.previous !== null
              ? fill(t.figure.previous, { days, value: formatFigure(comparison.previous, kind, lang) })
              : comparison.current === null
                ? t.figure.nothingYet
                : fill(t.figure.nothingToCompare, { days })}
          </Text>
        </InlineStack>
        {definition ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {fill(t.figure.definition, { label, ...definition })}
          </Text>
        ) : (
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

function RoutingSection({ report }: { report: DashboardReport }) {
  const { t, lang } = useWords();
  const r = t.routing;
  const { routing, period } = report;
  const f = routing.figures;
  const days = period.days;
  const inPeriod = fill(t.period.inLast, { days });
  const empty = routing.totals.current.orders === 0;
  const categories = period.dayKeys.map((key) => ({ key, label: formatDay(key, lang) }));
  const count = (n: number | null) => formatCount(n, lang);
  const shown = routing.load.series.length - (routing.load.series.some((x) => x.key === "other-locations") ? 1 : 0);
  const series = routing.load.series.map((x) =>
    x.key === "other-locations" ? { ...x, label: fill(r.otherLocations, { count: routing.load.locations.length - shown }) } : { ...x, label: locationName(x.key, x.label) },
  );
  function locationName(id: string, name: string) {
    return routing.load.locations.find((l) => l.locationId === id)?.removed ? r.removedLocation : name;
  }
  return (
    <section aria-labelledby="routing-heading">
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd" id="routing-heading">
          {r.heading}
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="300">
          <Figure label={r.ordersRouted} comparison={f.orders} kind="count" goodWhen="neutral" days={days} help={r.ordersRoutedHelp} />
          <Figure label={r.parcelsPerOrder} comparison={f.parcelsPerOrder} kind="decimal" goodWhen="lower" days={days} definition={{ numerator: r.parcelsNumerator, denominator: r.ordersDenominator }} />
          <Figure label={r.kmPerOrder} comparison={f.kmPerOrder} kind="km" goodWhen="lower" days={days} definition={{ numerator: r.kmNumerator, denominator: r.ordersDenominator }} />
          <Figure label={r.routedToStores} comparison={f.storeOrderShare} kind="percent" goodWhen="neutral" days={days} definition={{ numerator: r.storesNumerator, denominator: r.ordersDenominator }} />
        </InlineGrid>
        {empty ? (
          <Card>
            <EmptyState heading={r.emptyHeading} action={{ content: r.openRules, url: "/app/routing" }} secondaryAction={{ content: r.trySimulator, url: "/app/routing/simulator" }} image="">
              <p>{r.emptyBody}</p>
            </EmptyState>
          </Card>
        ) : (
          <Layout>
            <Layout.Section variant="oneHalf">
              <Card>
                <LineChart
                  title={r.perDayTitle}
                  description={fill(r.perDayDescription, { period: inPeriod })}
                  points={routing.daily.map((d) => ({ key: d.day, label: formatDay(d.day, lang), value: d.orders }))}
                  formatValue={count}
                  valueHeading={r.orders}
                  integer
                  words={t.chart}
                  table={{
                    headings: [r.day, r.orders, r.parcels, r.parcelsPerOrder, r.kmPerOrder],
                    rows: routing.daily.map((d) => [formatDay(d.day, lang), count(d.orders), count(d.parcels), formatDecimal(d.parcelsPerOrder, 2, lang), formatDecimal(d.kmPerOrder, 1, lang)]),
                  }}
                />
              </Card>
            </Layout.Section>
            <Layout.Section variant="oneHalf">
              <Card>
                <BlockStack gap="300">
                  <StackedBarChart
                    title={r.perLocationTitle}
                    description={r.perLocationDescription}
                    categories={categories}
                    series={series}
                    formatValue={count}
                    categoryHeading={r.day}
                    integer
                    words={t.chart}
                  />
                  <Text as="p" variant="bodySm" tone="subdued">
                    {fill(r.storeUnits, { share: formatPercent(f.storeUnitShare.current, 1, lang) })}
                  </Text>
                </BlockStack>
              </Card>
            </Layout.Section>
            <Layout.Section>
              <LocationLoadTable report={report} locationName={locationName} />
            </Layout.Section>
          </Layout>
        )}
      </BlockStack>
    </section>
  );
}

function LocationLoadTable({ report, locationName }: { report: DashboardReport; locationName: (id: string, name: string) => string }) {
  const { t, lang } = useWords();
  const r = t.routing;
  const locations = report.routing.load.locations;
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            {r.loadTitle}
          </Text>
          <Text as="p" variant="bodySm" tone="subdued">
            {fill(r.loadDescription, { period: fill(t.period.inLast, { days: report.period.days }) })}
          </Text>
        </BlockStack>
      </Box>
      <DataTable
        columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "numeric", "text", "numeric"]}
        headings={[r.location, r.kind, r.orders, r.units, r.shareOfOrders, r.ordersPerDay, r.busiestDay, r.daysOverCapacity]}
        rows={locations.map((l) => [
          locationName(l.locationId, l.name),
          l.kind === "STORE" ? r.store : r.warehouse,
          formatCount(l.orders, lang),
          formatCount(l.units, lang),
          formatPercent(l.share, 1, lang),
          formatDecimal(l.ordersPerDay, 1, lang),
          l.peakDay
            ? l.dailyCapacity === null
              ? fill(r.peak, { day: formatDay(l.peakDay, lang), orders: l.peakOrders })
              : fill(r.peakOf, { day: formatDay(l.peakDay, lang), orders: l.peakOrders, capacity: l.dailyCapacity })
            : "—",
          l.dailyCapacity === null ? r.noLimit : formatCount(l.daysOverCapacity, lang),
        ])}
      />
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Returns
// ---------------------------------------------------------------------------------------------

function ReturnsSection({ report }: { report: DashboardReport }) {
  const { t, lang } = useWords();
  const w = t.returns;
  const { returns, period } = report;
  const days = period.days;
  const inPeriod = fill(t.period.inLast, { days });
  const count = (n: number | null) => formatCount(n, lang);
  const units = (v: number) => plural(t, "unit", v, lang);
  const reasonName = (code: string, label: string) => (code === "OTHERS" ? w.allOtherReasons : ((t.reasons as Record<string, string>)[code] ?? label));
  const noRequests = returns.requests.current === 0 && returns.open.total === 0;
  return (
    <section aria-labelledby="returns-heading">
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd" id="returns-heading">
          {w.heading}
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="300">
          <Figure label={w.rate} comparison={returns.rate.orderRate} kind="percent" goodWhen="lower" days={days} definition={{ numerator: w.rateNumerator, denominator: w.rateDenominator }} />
          <Figure label={w.requests} comparison={returns.requests} kind="count" goodWhen="neutral" days={days} help={w.requestsHelp} />
          <Figure label={w.median} comparison={returns.approval.median} kind="duration" goodWhen="lower" days={days} help={w.medianHelp} />
          <Figure label={w.p90} comparison={returns.approval.p90} kind="duration" goodWhen="lower" days={days} help={w.p90Help} />
        </InlineGrid>
        <Card>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {w.definitionHeading}
            </Text>
            <Text as="p" variant="bodySm">
              {fill(w.definition, { numerator: w.rateNumerator, denominator: w.rateDenominator })}
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              {fill(w.thisPeriod, { returned: count(returns.rate.current.ordersWithReturns), fulfilled: count(returns.rate.current.fulfilledOrders), approved: count(returns.approval.current.approved) })}
            </Text>
            <Text as="p" variant="bodySm" tone={returns.rate.fulfilledOrdersFrom === "shopify" ? "subdued" : "caution"}>
              {returns.rate.fulfilledOrdersFrom === "shopify" ? w.fromShopify : w.fromCrossdock}
            </Text>
          </BlockStack>
        </Card>
        {noRequests ? (
          <Card>
            <EmptyState heading={w.emptyHeading} action={{ content: w.setPolicy, url: "/app/settings/returns" }} secondaryAction={{ content: w.openDesk, url: "/app/returns" }} image="">
              <p>{w.emptyBody}</p>
            </EmptyState>
          </Card>
        ) : (
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <Card>
              {returns.reasons.length ? (
                <BarChart
                  title={w.reasonsTitle}
                  description={fill(w.reasonsDescription, { period: inPeriod })}
                  bars={returns.reasons.map((r) => ({ key: r.reason, label: fill(w.reasonShare, { label: reasonName(r.reason, r.label), share: formatPercent(r.share, 0, lang) }), value: r.units }))}
                  formatValue={units}
                  valueHeading={w.units}
                  words={t.chart}
                  table={{
                    headings: [w.reason, w.units, w.requestsColumn, w.shareOfUnits],
                    rows: returns.reasons.map((r) => [reasonName(r.reason, r.label), count(r.units), count(r.requests), formatPercent(r.share, 1, lang)]),
                  }}
                />
              ) : (
                <NothingInPeriod title={w.reasonsTitle} days={days} />
              )}
            </Card>
            <Card>
              {returns.products.length ? (
                <BarChart
                  title={w.productsTitle}
                  description={fill(w.productsDescription, { period: inPeriod })}
                  bars={returns.products.map((p) => ({ key: p.title, label: p.title, value: p.units }))}
                  formatValue={units}
                  valueHeading={w.units}
                  color="var(--p-color-bg-fill-magic)"
                  words={t.chart}
                  table={{
                    headings: [w.product, w.units, w.requestsColumn, w.valueReturned, w.shareOfUnits],
                    rows: returns.products.map((p) => [p.title, count(p.units), count(p.requests), formatDecimal(p.value, 2, lang), formatPercent(p.share, 1, lang)]),
                  }}
                />
              ) : (
                <NothingInPeriod title={w.productsTitle} days={days} />
              )}
            </Card>
            <Card>
              <BarChart
                title={w.openTitle}
                description={w.openDescription}
                bars={returns.open.buckets.map((b) => ({ key: b.key, label: t.ages[b.key], value: b.count }))}
                formatValue={(v) => plural(t, "request", v, lang)}
                valueHeading={w.requestsColumn}
                color={returns.open.buckets[3]!.count > 0 ? "var(--p-color-bg-fill-warning)" : undefined}
                words={t.chart}
              />
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {w.approveTitle}
                </Text>
                <DataTable
                  columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                  headings={[w.period, w.approved, w.medianColumn, w.p90Column]}
                  rows={[
                    [formatDayRange(period.currentLabel.first, period.currentLabel.last, lang), count(returns.approval.current.approved), formatDuration(returns.approval.current.median, lang), formatDuration(returns.approval.current.p90, lang)],
                    [formatDayRange(period.previousLabel.first, period.previousLabel.last, lang), count(returns.approval.previous.approved), formatDuration(returns.approval.previous.median, lang), formatDuration(returns.approval.previous.p90, lang)],
                  ]}
                />
              </BlockStack>
            </Card>
          </InlineGrid>
        )}
      </BlockStack>
    </section>
  );
}

function NothingInPeriod({ title, days }: { title: string; days: number }) {
  const { t } = useWords();
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <Text as="p" tone="subdued">
        {fill(t.returns.nothingInPeriod, { period: fill(t.period.inLast, { days }) })}
      </Text>
    </BlockStack>
  );
}

// ---------------------------------------------------------------------------------------------
// Setup and locations (what the home showed before the dashboard)
// ---------------------------------------------------------------------------------------------

function stepWords(t: DashboardText, home: HomeSummary, key: HomeSummary["setup"][number]["key"]): { title: string; description: string; action: string } {
  if (key === "first-routed-order") {
    const s = t.setup.steps[key];
    return home.autoRouting ? { title: s.title, description: s.descriptionOn, action: s.actionOn } : { title: s.title, description: s.descriptionOff, action: s.actionOff };
  }
  return t.setup.steps[key];
}

function SetupChecklist({ home }: { home: HomeSummary }) {
  const { t } = useWords();
  const done = home.setup.filter((s) => s.done).length;
  if (done === home.setup.length) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {t.setup.heading}
          </Text>
          <Text as="p" tone="subdued">
            {fill(t.setup.progress, { done, total: home.setup.length })}
          </Text>
          <ProgressBar progress={(done / home.setup.length) * 100} size="small" tone="primary" />
        </BlockStack>
        <BlockStack gap="200" as="ul">
          {home.setup.map((step) => {
            const words = stepWords(t, home, step.key);
            return (
              <Box as="li" key={step.key}>
                <InlineStack gap="200" blockAlign="start" wrap={false}>
                  <Box minWidth="56px">{step.done ? <Badge tone="success">{t.setup.done}</Badge> : <Badge>{t.setup.toDo}</Badge>}</Box>
                  <BlockStack gap="050">
                    <Text as="p" fontWeight="semibold">
                      {words.title}
                    </Text>
                    <Text as="p" variant="bodySm" tone="subdued">
                      {words.description} {step.done ? null : <Link url={step.action.url}>{words.action}</Link>}
                    </Text>
                  </BlockStack>
                </InlineStack>
              </Box>
            );
          })}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

function LocationsSummary({ home }: { home: HomeSummary }) {
  const { t, lang } = useWords();
  const regions = new Intl.DisplayNames([lang], { type: "region" });
  const countries = home.countries.map((c) => regions.of(c) ?? c);
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
      <Metric label={t.summary.locations} value={home.locations} detail={fill(t.summary.active, { count: home.activeLocations })} />
      <Metric label={t.summary.pickup} value={home.pickupLocations} detail={t.summary.pickupDetail} />
      <Metric label={t.summary.countries} value={home.countries.length} detail={countries.length ? new Intl.ListFormat(lang, { type: "conjunction" }).format(countries) : t.summary.noCountries} />
    </InlineGrid>
  );
}

function Metric({ label, value, detail }: { label: string; value: number; detail: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {detail}
        </Text>
      </BlockStack>
    </Card>
  );
}
