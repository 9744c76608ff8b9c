/**
 * Routing figures for the dashboard. An order counts once, by its latest applied routing decision
 * (a re-route replaces the first one), on the day that decision was made in the shop's time zone.
 */
import { compare, ratio, type Comparison } from "./compare";

export interface RoutingTotals {
  /** Orders whose latest applied decision falls in the period. */
  orders: number;
  parcels: number;
  km: number;
  units: number;
  /** Orders with at least one parcel from a store (location kind STORE). */
  storeOrders: number;
  /** Units shipped or handed over from stores. */
  storeUnits: number;
}

export interface RoutingFigures {
  orders: Comparison;
  parcelsPerOrder: Comparison;
  kmPerOrder: Comparison;
  /** Share of routed orders with a parcel from a store. */
  storeOrderShare: Comparison;
  /** Share of routed units that leave from a store. */
  storeUnitShare: Comparison;
}

export function routingFigures(current: RoutingTotals, previous: RoutingTotals): RoutingFigures {
  return {
    orders: compare(current.orders, previous.orders),
    parcelsPerOrder: compare(ratio(current.parcels, current.orders), ratio(previous.parcels, previous.orders)),
    kmPerOrder: compare(ratio(current.km, current.orders), ratio(previous.km, previous.orders)),
    storeOrderShare: compare(ratio(current.storeOrders, current.orders), ratio(previous.storeOrders, previous.orders)),
    storeUnitShare: compare(ratio(current.storeUnits, current.units), ratio(previous.storeUnits, previous.units)),
  };
}

export interface DailyRoutingRow {
  /** Local date "YYYY-MM-DD". */
  day: string;
  orders: number;
  parcels: number;
  km: number;
}

export interface DailyRoutingPoint extends DailyRoutingRow {
  parcelsPerOrder: number | null;
  kmPerOrder: number | null;
}

/** One point per day of the period, zeros on days without routed orders; rows outside are ignored. */
export function dailyRouting(rows: readonly DailyRoutingRow[], dayKeys: readonly string[]): DailyRoutingPoint[] {
  const byDay = new Map<string, DailyRoutingRow>();
  for (const row of rows) {
    const seen = byDay.get(row.day);
    byDay.set(row.day, seen ? { day: row.day, orders: seen.orders + row.orders, parcels: seen.parcels + row.parcels, km: seen.km + row.km } : row);
  }
  return dayKeys.map((day) => {
    const row = byDay.get(day) ?? { day, orders: 0, parcels: 0, km: 0 };
    return { ...row, parcelsPerOrder: ratio(row.parcels, row.orders), kmPerOrder: ratio(row.km, row.orders) };
  });
}

export interface LocationDayRow {
  /** Shopify Location GID. */
  locationId: string;
  day: string;
  orders: number;
  units: number;
}

export interface LocationInfo {
  /** Shopify Location GID. */
  id: string;
  name: string;
  kind: "WAREHOUSE" | "STORE";
  /** Orders per day the location can take; null = unlimited. */
  dailyCapacity: number | null;
}

export interface LocationLoad {
  locationId: string;
  name: string;
  /** Crossdock no longer knows the location (deleted in Shopify): `name` is "Removed location". */
  removed: boolean;
  kind: "WAREHOUSE" | "STORE";
  orders: number;
  units: number;
  /** Share of all order assignments of the period (an order split over two locations counts at both). */
  share: number;
  ordersPerDay: number;
  unitsPerDay: number;
  /** The busiest day (earliest on a tie) and its orders. */
  peakDay: string | null;
  peakOrders: number;
  dailyCapacity: number | null;
  /** Days on which the location got more orders than its daily capacity. */
  daysOverCapacity: number;
  /** Orders per day of the period, aligned with dayKeys. */
  daily: number[];
  dailyUnits: number[];
}

export interface LoadSeries {
  key: string;
  label: string;
  /** Orders per day, aligned with dayKeys. */
  values: number[];
}

export interface LocationLoadReport {
  locations: LocationLoad[];
  /** Stacked-bar series: the busiest `maxSeries` locations, then "Other locations" if any. */
  series: LoadSeries[];
}

/**
 * Orders and units per location per day. Locations Crossdock no longer knows (deleted in Shopify)
 * keep their load under "Removed location"; locations without orders in the period are left out.
 */
export function locationLoad(
  rows: readonly LocationDayRow[],
  locations: readonly LocationInfo[],
  dayKeys: readonly string[],
  maxSeries = 5,
): LocationLoadReport {
  const dayIndex = new Map(dayKeys.map((d, i) => [d, i]));
  const info = new Map(locations.map((l) => [l.id, l]));
  const acc = new Map<string, { daily: number[]; dailyUnits: number[] }>();
  for (const row of rows) {
    const i = dayIndex.get(row.day);
    if (i === undefined) continue;
    let entry = acc.get(row.locationId);
    if (!entry) {
      entry = { daily: dayKeys.map(() => 0), dailyUnits: dayKeys.map(() => 0) };
      acc.set(row.locationId, entry);
    }
    entry.daily[i]! += row.orders;
    entry.dailyUnits[i]! += row.units;
  }
  const totalAssignments = [...acc.values()].reduce((s, e) => s + e.daily.reduce((a, b) => a + b, 0), 0);
  const days = Math.max(1, dayKeys.length);
  const loads: LocationLoad[] = [...acc.entries()].map(([locationId, entry]) => {
    const known = info.get(locationId);
    const orders = entry.daily.reduce((a, b) => a + b, 0);
    const units = entry.dailyUnits.reduce((a, b) => a + b, 0);
    let peakIndex = -1;
    entry.daily.forEach((n, i) => {
      if (n > 0 && (peakIndex < 0 || n > entry.daily[peakIndex]!)) peakIndex = i;
    });
    const capacity = known?.dailyCapacity ?? null;
    return {
      locationId,
      name: known?.name ?? "Removed location",
      removed: !known,
      kind: known?.kind ?? "WAREHOUSE",
      orders,
      units,
      share: totalAssignments === 0 ? 0 : orders / totalAssignments,
      ordersPerDay: orders / days,
      unitsPerDay: units / days,
      peakDay: peakIndex >= 0 ? dayKeys[peakIndex]! : null,
      peakOrders: peakIndex >= 0 ? entry.daily[peakIndex]! : 0,
      dailyCapacity: capacity,
      daysOverCapacity: capacity === null ? 0 : entry.daily.filter((n) => n > capacity).length,
      daily: entry.daily,
      dailyUnits: entry.dailyUnits,
    };
  });
  loads.sort((a, b) => b.orders - a.orders || b.units - a.units || a.name.localeCompare(b.name));

  const head = loads.length > maxSeries ? loads.slice(0, maxSeries - 1) : loads;
  const tail = loads.length > maxSeries ? loads.slice(maxSeries - 1) : [];
  const series: LoadSeries[] = head.map((l) => ({ key: l.locationId, label: l.name, values: l.daily }));
  if (tail.length > 0) {
    series.push({
      key: "other-locations",
      label: `Other locations (${tail.length})`,
      values: dayKeys.map((_, i) => tail.reduce((s, l) => s + l.daily[i]!, 0)),
    });
  }
  return { locations: loads, series };
}
