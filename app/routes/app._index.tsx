import type { LoaderFunctionArgs } from "@remix-run/node";
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
  RETURN_RATE_DEFINITION,
  type Comparison,
  type FigureKind,
  type GoodWhen,
} from "~/domain/reporting";
import { adminLocale } from "~/http/admin-locale.server";
import { portalT } from "~/portal/i18n";
import { loadDashboard, type DashboardReport } from "~/services/load-dashboard.server";
import { loadCustomerDataWarning, type CustomerDataWarning } from "~/services/observe-customer-data.server";
import type { HomeSummary } from "~/services/load-home.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const days = parsePeriodDays(new URL(request.url).searchParams.get("period"));
  if (days === null) throw new Response(`The period must be one of ${PERIOD_DAYS.join(", ")} days.`, { status: 400 });
  const [dashboard, warning] = await Promise.all([loadDashboard(session.shop, { days }), loadCustomerDataWarning(session.shop)]);
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  return { dashboard, shop: session.shop, customerData: warning ? customerDataBanner(warning, locale, dashboard?.report.period.timeZone) : null };
};

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
  const { dashboard, shop, customerData } = useLoaderData<typeof loader>();
  if (!dashboard) {
    return (
      <Page title="Crossdock" subtitle={shop}>
        <Card>
          <EmptyState heading="Crossdock is still being installed" image="">
            <p>Reload this page in a moment: Crossdock is reading your shop and its locations from Shopify.</p>
          </EmptyState>
        </Card>
      </Page>
    );
  }
  const { home, report } = dashboard;
  return (
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
  );
}

function periodName(days: number) {
  return `last ${days} days`;
}

function PeriodBar({ report }: { report: DashboardReport }) {
  const { period } = report;
  return (
    <InlineStack align="space-between" blockAlign="center" gap="300">
      <BlockStack gap="050">
        <Text as="h2" variant="headingLg">
          Performance
        </Text>
        <Text as="p" tone="subdued">
          {formatDayRange(period.currentLabel.first, period.currentLabel.last)}, compared with{" "}
          {formatDayRange(period.previousLabel.first, period.previousLabel.last)} (days in {period.timeZone}).
        </Text>
      </BlockStack>
      <nav aria-label="Period">
        <ButtonGroup variant="segmented">
          {PERIOD_DAYS.map((days) => (
            <Button
              key={days}
              url={`?period=${days}`}
              variant={days === period.days ? "primary" : undefined}
              accessibilityLabel={`Last ${days} days${days === period.days ? " (shown)" : ""}`}
            >
              {`${days} days`}
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

function Figure({
  label,
  comparison,
  kind,
  goodWhen,
  help,
  days,
}: {
  label: string;
  comparison: Comparison;
  kind: FigureKind;
  goodWhen: GoodWhen;
  help: string;
  days: number;
}) {
  const change = formatChange(comparison, kind);
  const tone = changeTone(comparison, goodWhen);
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {formatFigure(comparison.current, kind)}
        </Text>
        <InlineStack gap="100" blockAlign="center">
          {change ? <Badge tone={toneBadge[tone]}>{change}</Badge> : null}
          <Text as="p" variant="bodySm" tone="subdued">
            {comparison.previous !== null
              ? `previous ${days} days: ${formatFigure(comparison.previous, kind)}`
              : comparison.current === null
                ? "nothing to measure yet"
                : `nothing to compare with in the previous ${days} days`}
          </Text>
        </InlineStack>
        <Text as="p" variant="bodySm" tone="subdued">
          {help}
        </Text>
      </BlockStack>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

function RoutingSection({ report }: { report: DashboardReport }) {
  const { routing, period } = report;
  const f = routing.figures;
  const days = period.days;
  const empty = routing.totals.current.orders === 0;
  const categories = period.dayKeys.map((key) => ({ key, label: formatDay(key) }));
  return (
    <section aria-labelledby="routing-heading">
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd" id="routing-heading">
          Order routing
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="300">
          <Figure label="Orders routed" comparison={f.orders} kind="count" goodWhen="neutral" days={days} help="Orders whose fulfillment locations Crossdock set in the period (the latest routing of each order counts once)." />
          <Figure label="Parcels per order" comparison={f.parcelsPerOrder} kind="decimal" goodWhen="lower" days={days} help="Locations shipping each routed order, on average: 1.00 means every order leaves in one parcel." />
          <Figure label="Km per order" comparison={f.kmPerOrder} kind="km" goodWhen="lower" days={days} help="Straight-line distance from each shipping location to the customer, summed per order, on average." />
          <Figure label="Routed to stores" comparison={f.storeOrderShare} kind="percent" goodWhen="neutral" days={days} help="Share of routed orders with at least one parcel from a location of kind Store." />
        </InlineGrid>
        {empty ? (
          <Card>
            <EmptyState
              heading="No routed orders in this period yet"
              action={{ content: "Open routing rules", url: "/app/routing" }}
              secondaryAction={{ content: "Try the routing simulator", url: "/app/routing/simulator" }}
              image=""
            >
              <p>
                When Crossdock routes an order, this is where you will see how many parcels and kilometres each order takes, how much your stores
                ship and how busy every location is per day. Orders are routed as they arrive while auto-routing is on (Routing page).
              </p>
            </EmptyState>
          </Card>
        ) : (
          <Layout>
            <Layout.Section variant="oneHalf">
              <Card>
                <LineChart
                  title="Orders routed per day"
                  description={`Orders routed each day of the ${periodName(days)}.`}
                  points={routing.daily.map((d) => ({ key: d.day, label: formatDay(d.day), value: d.orders }))}
                  formatValue={formatCount}
                  valueHeading="Orders"
                  integer
                  table={{
                    headings: ["Day", "Orders", "Parcels", "Parcels per order", "Km per order"],
                    rows: routing.daily.map((d) => [formatDay(d.day), formatCount(d.orders), formatCount(d.parcels), formatDecimal(d.parcelsPerOrder), formatDecimal(d.kmPerOrder, 1)]),
                  }}
                />
              </Card>
            </Layout.Section>
            <Layout.Section variant="oneHalf">
              <Card>
                <BlockStack gap="300">
                  <StackedBarChart
                    title="Orders per location per day"
                    description="Orders each location was given per day; an order split over two locations counts at both."
                    categories={categories}
                    series={routing.load.series}
                    formatValue={formatCount}
                    categoryHeading="Day"
                    integer
                  />
                  <Text as="p" variant="bodySm" tone="subdued">
                    Units from stores: {formatPercent(f.storeUnitShare.current)} of routed units.
                  </Text>
                </BlockStack>
              </Card>
            </Layout.Section>
            <Layout.Section>
              <LocationLoadTable report={report} />
            </Layout.Section>
          </Layout>
        )}
      </BlockStack>
    </section>
  );
}

function LocationLoadTable({ report }: { report: DashboardReport }) {
  const locations = report.routing.load.locations;
  return (
    <Card padding="0">
      <Box padding="400">
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Load per location
          </Text>
          <Text as="p" variant="bodySm" tone="subdued">
            Orders and units routed to each location in the {periodName(report.period.days)}, the busiest day, and the days it got more orders than its daily
            capacity (set on each location&apos;s page).
          </Text>
        </BlockStack>
      </Box>
      <DataTable
        columnContentTypes={["text", "text", "numeric", "numeric", "numeric", "numeric", "text", "numeric"]}
        headings={["Location", "Kind", "Orders", "Units", "Share of orders", "Orders per day", "Busiest day", "Days over capacity"]}
        rows={locations.map((l) => [
          l.name,
          l.kind === "STORE" ? "Store" : "Warehouse",
          formatCount(l.orders),
          formatCount(l.units),
          formatPercent(l.share),
          formatDecimal(l.ordersPerDay, 1),
          l.peakDay ? `${formatDay(l.peakDay)} (${l.peakOrders}${l.dailyCapacity === null ? "" : ` of ${l.dailyCapacity}`})` : "—",
          l.dailyCapacity === null ? "no limit" : formatCount(l.daysOverCapacity),
        ])}
      />
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------
// Returns
// ---------------------------------------------------------------------------------------------

function ReturnsSection({ report }: { report: DashboardReport }) {
  const { returns, period } = report;
  const days = period.days;
  const noRequests = returns.requests.current === 0 && returns.open.total === 0;
  return (
    <section aria-labelledby="returns-heading">
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd" id="returns-heading">
          Returns
        </Text>
        <InlineGrid columns={{ xs: 1, sm: 2, lg: 4 }} gap="300">
          <Figure label="Return rate" comparison={returns.rate.orderRate} kind="percent" goodWhen="lower" days={days} help="Share of fulfilled orders placed in the period with a return request (see below)." />
          <Figure label="Return requests" comparison={returns.requests} kind="count" goodWhen="neutral" days={days} help="Return requests opened in the period, whatever became of them." />
          <Figure label="Median time to approve" comparison={returns.approval.median} kind="duration" goodWhen="lower" days={days} help="Half of the returns approved in the period were approved faster, from request to approval (by a rule or a person)." />
          <Figure label="90th percentile time to approve" comparison={returns.approval.p90} kind="duration" goodWhen="lower" days={days} help="Nine in ten returns approved in the period were approved faster than this." />
        </InlineGrid>
        <Card>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              How the return rate is measured
            </Text>
            <Text as="p" variant="bodySm">
              {RETURN_RATE_DEFINITION}
            </Text>
            <Text as="p" variant="bodySm" tone="subdued">
              {`This period: ${formatCount(returns.rate.current.ordersWithReturns)} of ${formatCount(returns.rate.current.fulfilledOrders)} fulfilled orders; unit rate ${formatPercent(returns.rate.unitRate.current)} (${formatCount(returns.rate.current.returnedUnits)} of ${formatCount(returns.rate.current.fulfilledUnits)} units). ${formatCount(returns.approval.current.approved)} returns approved.`}
            </Text>
          </BlockStack>
        </Card>
        {noRequests ? (
          <Card>
            <EmptyState
              heading="No return requests yet"
              action={{ content: "Set the return policy", url: "/app/settings" }}
              secondaryAction={{ content: "Open the returns desk", url: "/app/returns" }}
              image=""
            >
              <p>
                Once shoppers request returns from the customer portal (or you create them in Shopify), this is where you will see why they return, which
                products come back most, how fast requests are approved and how long open requests have waited.
              </p>
            </EmptyState>
          </Card>
        ) : (
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
            <Card>
              {returns.reasons.length ? (
                <BarChart
                  title="Top return reasons"
                  description={`Returned units by the reason the shopper gave, requests opened in the ${periodName(days)}.`}
                  bars={returns.reasons.map((r) => ({ key: r.reason, label: `${r.label} (${formatPercent(r.share, 0)})`, value: r.units }))}
                  formatValue={units}
                  valueHeading="Units"
                  table={{ headings: ["Reason", "Units", "Requests", "Share of units"], rows: returns.reasons.map((r) => [r.label, formatCount(r.units), formatCount(r.requests), formatPercent(r.share)]) }}
                />
              ) : (
                <NothingInPeriod title="Top return reasons" days={days} />
              )}
            </Card>
            <Card>
              {returns.products.length ? (
                <BarChart
                  title="Top returned products"
                  description={`Products with the most returned units, requests opened in the ${periodName(days)}.`}
                  bars={returns.products.map((p) => ({ key: p.title, label: p.title, value: p.units }))}
                  formatValue={units}
                  valueHeading="Units"
                  color="var(--p-color-bg-fill-magic)"
                  table={{
                    headings: ["Product", "Units", "Requests", "Value returned", "Share of units"],
                    rows: returns.products.map((p) => [p.title, formatCount(p.units), formatCount(p.requests), formatDecimal(p.value), formatPercent(p.share)]),
                  }}
                />
              ) : (
                <NothingInPeriod title="Top returned products" days={days} />
              )}
            </Card>
            <Card>
              <BarChart
                title="Open requests by age"
                description="Requests waiting for a decision now, by how long they have waited."
                bars={returns.open.buckets.map((b) => ({ key: b.key, label: b.label, value: b.count }))}
                formatValue={(v) => `${formatCount(v)} ${v === 1 ? "request" : "requests"}`}
                valueHeading="Requests"
                color={returns.open.buckets[3]!.count > 0 ? "var(--p-color-bg-fill-warning)" : undefined}
              />
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  Time to approve
                </Text>
                <DataTable
                  columnContentTypes={["text", "numeric", "numeric", "numeric"]}
                  headings={["Period", "Approved", "Median", "90th percentile"]}
                  rows={[
                    [`${formatDayRange(period.currentLabel.first, period.currentLabel.last)}`, formatCount(returns.approval.current.approved), formatDuration(returns.approval.current.median), formatDuration(returns.approval.current.p90)],
                    [`${formatDayRange(period.previousLabel.first, period.previousLabel.last)}`, formatCount(returns.approval.previous.approved), formatDuration(returns.approval.previous.median), formatDuration(returns.approval.previous.p90)],
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

const units = (v: number) => `${formatCount(v)} ${v === 1 ? "unit" : "units"}`;

function NothingInPeriod({ title, days }: { title: string; days: number }) {
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        {title}
      </Text>
      <Text as="p" tone="subdued">
        No return requests were opened in the {periodName(days)}. Choose a longer period to see earlier ones.
      </Text>
    </BlockStack>
  );
}

// ---------------------------------------------------------------------------------------------
// Setup and locations (what the home showed before the dashboard)
// ---------------------------------------------------------------------------------------------

function SetupChecklist({ home }: { home: HomeSummary }) {
  const done = home.setup.filter((s) => s.done).length;
  if (done === home.setup.length) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            Set up Crossdock
          </Text>
          <Text as="p" tone="subdued">
            {done} of {home.setup.length} steps done
          </Text>
          <ProgressBar progress={(done / home.setup.length) * 100} size="small" tone="primary" />
        </BlockStack>
        <BlockStack gap="200" as="ul">
          {home.setup.map((step) => (
            <Box as="li" key={step.key}>
              <InlineStack gap="200" blockAlign="start" wrap={false}>
                <Box minWidth="56px">{step.done ? <Badge tone="success">Done</Badge> : <Badge>To do</Badge>}</Box>
                <BlockStack gap="050">
                  <Text as="p" fontWeight="semibold">
                    {step.title}
                  </Text>
                  <Text as="p" variant="bodySm" tone="subdued">
                    {step.description} {step.done ? null : <Link url={step.action.url}>{step.action.label}</Link>}
                  </Text>
                </BlockStack>
              </InlineStack>
            </Box>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

function LocationsSummary({ home }: { home: HomeSummary }) {
  return (
    <InlineGrid columns={{ xs: 1, md: 3 }} gap="300">
      <Metric label="Locations" value={home.locations} detail={`${home.activeLocations} active`} />
      <Metric label="Offer local pickup" value={home.pickupLocations} detail="active locations" />
      <Metric label="Countries" value={home.countries.length} detail={home.countries.join(", ") || "none yet"} />
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
