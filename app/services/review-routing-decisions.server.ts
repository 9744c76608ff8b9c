import type { RoutingDecisionStatus } from "@prisma/client";
import type { DestinationPlacement, PickupSignal } from "~/domain/routing/order-input";
import { decisionSignals, type SignalMessage } from "~/domain/routing/signals";
import type { LocationExplanation, RoutingPlan, Why } from "~/domain/routing/types";
import { listLocations } from "~/models/locations.server";
import { getDecision, listDecisions, type RoutingDecision } from "~/models/routing.server";
import { isRowId, type ShopRef } from "~/models/scope.server";
import type { MoveResult } from "./route-order.server";

export interface DecisionRow {
  id: string;
  orderId: string;
  orderName: string;
  revision: number;
  trigger: string;
  status: RoutingDecisionStatus;
  summary: string;
  locations: string[];
  parcels: number;
  km: number;
  /** Units the plan could not place (a refused pickup leaves them all). */
  unfilledUnits: number;
  createdAt: string;
  createdBy: string | null;
  error: string | null;
}

/** A decision's summary as data, and its items by title and SKU (absent in decisions stored before they were). */
interface ExplainedSummary {
  summaryWhy: Why | null;
  items: Record<string, { title: string; sku: string | null }>;
}

function toRow(d: RoutingDecision, names: Map<string, string>): DecisionRow {
  return {
    id: d.id,
    orderId: d.orderId,
    orderName: d.orderName,
    revision: d.revision,
    trigger: d.trigger,
    status: d.status,
    summary: d.summary,
    locations: d.shippingLocationIds.map((id) => names.get(id) ?? id),
    parcels: d.parcels,
    km: d.km,
    unfilledUnits: d.unfilledUnits,
    createdAt: d.createdAt.toISOString(),
    createdBy: d.createdBy,
    error: d.error,
  };
}

/** The routing log: every decision, newest first, filtered. */
export async function listRoutingLog(
  shop: ShopRef,
  filters: {
    status?: RoutingDecisionStatus;
    orderName?: string;
    locationId?: string;
  },
  page: number
): Promise<{
  rows: (DecisionRow & ExplainedSummary)[];
  total: number;
  pageSize: number;
  locations: { id: string; name: string }[];
}> {
  const pageSize = 25;
  const [{ rows, total }, locations] = await Promise.all([
    listDecisions(shop, filters, {
      take: pageSize,
      skip: (page - 1) * pageSize,
    }),
    listLocations(shop),
  ]);
  const names = new Map(locations.map((l) => [l.shopifyId, l.name]));
  return {
    rows: rows.map((d) => {
      const plan = d.plan as unknown as
        | (RoutingPlan & {
            items?: Record<string, { title: string; sku: string | null }>;
          })
        | null;
      return {
        ...toRow(d, names),
        summaryWhy: plan?.summaryWhy ?? null,
        items: plan?.items ?? {},
      };
    }),
    total,
    pageSize,
    locations: locations.map((l) => ({ id: l.shopifyId, name: l.name })),
  };
}

/** One decision with its explanation and the moves Shopify was asked for. */
export async function getRoutingDecision(
  shop: ShopRef,
  id: string
): Promise<
  | (DecisionRow &
      ExplainedSummary & {
        explanation: LocationExplanation[];
        moves: MoveResult[];
        excluded: string[];
        /** What decided (pickup or shipping, the store, the destination's placement), locations named. */
        signals: (Omit<SignalMessage, "locations"> & {
          locations: { store?: string; hint?: string };
        })[];
      })
  | null
> {
  if (!isRowId(id)) return null; // typed into the URL: a NUL would be refused by PostgreSQL
  const [decision, locations] = await Promise.all([getDecision(shop, id), listLocations(shop)]);
  if (!decision) return null;
  const names = new Map(locations.map((l) => [l.shopifyId, l.name]));
  const plan = decision.plan as unknown as
    | (RoutingPlan & {
        pickup?: PickupSignal;
        placement?: DestinationPlacement;
        items?: Record<string, { title: string; sku: string | null }>;
      })
    | null;
  const name = (id: string | undefined) => (id === undefined ? undefined : names.get(id) ?? id);
  return {
    ...toRow(decision, names),
    explanation: plan?.locations ?? [],
    summaryWhy: plan?.summaryWhy ?? null,
    items: plan?.items ?? {},
    signals: decisionSignals(plan?.pickup, plan?.placement).map((m) => ({
      key: m.key,
      locations: Object.fromEntries(Object.entries(m.locations).map(([k, v]) => [k, name(v)])),
    })),
    moves: (decision.moves as unknown as MoveResult[]).map((m) => ({
      ...m,
      fromLocationId: names.get(m.fromLocationId) ?? m.fromLocationId,
      toLocationId: names.get(m.toLocationId) ?? m.toLocationId,
    })),
    excluded: decision.excludedLocationIds.map((l) => names.get(l) ?? l),
  };
}
