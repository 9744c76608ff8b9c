import {
  approvalFigures,
  buildPeriod,
  compare,
  dailyRouting,
  locationLoad,
  openRequestsByAge,
  returnRateFigures,
  routingFigures,
  topProducts,
  topReasons,
  type AgeBucket,
  type ApprovalFigures,
  type Comparison,
  type DailyRoutingPoint,
  type LocationLoadReport,
  type PeriodDays,
  type RankedProduct,
  type RankedReason,
  type ReturnRateFigures,
  type RoutingFigures,
  type RoutingTotals,
  type CohortSource,
  type ReturnCohortTotals,
  type Window,
} from "~/domain/reporting";
import { logger } from "~/logger.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchFulfilledOrderCounts } from "~/shopify/order-counts";
import { listLocations } from "~/models/locations.server";
import {
  approvalDurations,
  dailyRoutingRows,
  locationDayRows,
  openRequestAges,
  returnCohorts,
  returnedProducts,
  returnReasons,
  returnRequestCounts,
  routingTotals,
  type ByWindow,
} from "~/models/reporting.server";
import { getShop, type Shop } from "~/models/shops.server";
import { loadHome, type HomeSummary } from "./load-home.server";

export interface DashboardPeriodView {
  days: PeriodDays;
  timeZone: string;
  dayKeys: string[];
  currentLabel: { first: string; last: string };
  previousLabel: { first: string; last: string };
}

export interface DashboardReport {
  period: DashboardPeriodView;
  routing: {
    figures: RoutingFigures;
    totals: ByWindow<RoutingTotals>;
    daily: DailyRoutingPoint[];
    load: LocationLoadReport;
  };
  returns: {
    rate: ReturnRateFigures;
    requests: Comparison;
    reasons: RankedReason[];
    products: RankedProduct[];
    approval: ApprovalFigures;
    open: { buckets: AgeBucket[]; total: number };
  };
}

/**
 * The return rate's denominator: Shopify's count of the fulfilled orders placed in each window
 * (every order, whether Crossdock saw it or not); when Shopify cannot be asked (no client, an
 * error, throttling), the orders Crossdock holds, and the page says so.
 */
async function fulfilledOrderCounts(
  graphql: AdminGraphql | undefined,
  windows: { current: Window; previous: Window },
  mirror: ByWindow<ReturnCohortTotals>,
): Promise<{ counts: ByWindow<number>; from: CohortSource }> {
  if (graphql) {
    try {
      const counted = await fetchFulfilledOrderCounts(graphql, windows);
      return { counts: { current: counted.current.count, previous: counted.previous.count }, from: "shopify" };
    } catch (error) {
      logger.warn({ err: error }, "dashboard: Shopify's order count failed; the return rate uses the orders Crossdock holds");
    }
  }
  return { counts: { current: mirror.current.fulfilledOrders, previous: mirror.previous.fulfilledOrders }, from: "crossdock" };
}

/** The dashboard's figures for one shop over the last `days` days, beside the days before. */
export async function loadReport(shop: Shop, options: { days: PeriodDays; now?: Date; graphql?: AdminGraphql }): Promise<DashboardReport> {
  const now = options.now ?? new Date();
  const period = buildPeriod(now, options.days, shop.timezone);
  const windows = { current: period.current, previous: period.previous };
  const [totals, dailyRows, loadRows, locations, cohorts, requests, reasons, products, durations, ages] = await Promise.all([
    routingTotals(shop, windows),
    dailyRoutingRows(shop, period.current, period.timeZone),
    locationDayRows(shop, period.current, period.timeZone),
    listLocations(shop),
    returnCohorts(shop, windows),
    returnRequestCounts(shop, windows),
    returnReasons(shop, period.current),
    returnedProducts(shop, period.current),
    approvalDurations(shop, windows),
    openRequestAges(shop, now),
  ]);
  const fulfilled = await fulfilledOrderCounts(options.graphql, windows, cohorts);
  const locationInfo = locations.map((l) => ({ id: l.shopifyId, name: l.name, kind: l.kind, dailyCapacity: l.dailyCapacity }));
  return {
    period: { days: period.days, timeZone: period.timeZone, dayKeys: period.dayKeys, currentLabel: period.currentLabel, previousLabel: period.previousLabel },
    routing: {
      figures: routingFigures(totals.current, totals.previous),
      totals,
      daily: dailyRouting(dailyRows, period.dayKeys),
      load: locationLoad(loadRows, locationInfo, period.dayKeys),
    },
    returns: {
      rate: returnRateFigures({ current: cohorts.current.ordersWithReturns, previous: cohorts.previous.ordersWithReturns }, fulfilled.counts, fulfilled.from),
      requests: compare(requests.current, requests.previous),
      reasons: topReasons(reasons),
      products: topProducts(products),
      approval: approvalFigures(durations.current, durations.previous),
      open: openRequestsByAge(ages),
    },
  };
}

/** The admin home: setup and locations, and the dashboard. null when the shop is not installed. */
export async function loadDashboard(
  shopDomain: string,
  options: { days: PeriodDays; now?: Date; graphql?: AdminGraphql },
): Promise<{ home: HomeSummary; report: DashboardReport } | null> {
  const shop = await getShop(shopDomain);
  if (!shop) return null;
  const [home, report] = await Promise.all([loadHome(shop), loadReport(shop, options)]);
  return { home, report };
}
