import type { AdminFaultState } from "./admin-faults";
import type { CustomerDataApproval } from "../access/customer-data";
import type { StoreEvent } from "./events";
import type { GidType } from "./ids";
import type { MoveOutcomeMode } from "./fulfillment-orders";
import { DEFAULT_ROUTING_DELAY_MS, type PendingRouting } from "./order-routing";
import type {
  CustomerRecord,
  FulfillmentEventRecord,
  FulfillmentLineItemRecord,
  FulfillmentOrderRecord,
  FulfillmentRecord,
  InventoryAdjustmentGroupRecord,
  InventoryItemRecord,
  InventoryLevelRecord,
  LineItemRecord,
  LocationRecord,
  MarketRecord,
  OrderRecord,
  ProductRecord,
  OrderTransactionRecord,
  RefundRecord,
  ReturnRecord,
  ReverseDeliveryRecord,
  ReverseFulfillmentOrderLineItemRecord,
  ReverseFulfillmentOrderRecord,
  ShopRecord,
  VariantRecord,
} from "./records";

/** Hands out ids; one source for the whole simulator, so ids are unique across shops like Shopify's. */
export type IdSource = (type: GidType) => number;

export interface BucketState {
  maximumAvailable: number;
  restoreRate: number;
  currentlyAvailable: number;
  updatedAtMs: number;
}

/** A Standard-plan shop's bucket (simulator/graphql/throttle.ts, PLANS.standard). */
export const DEFAULT_BUCKET = { maximumAvailable: 2000, restoreRate: 100 } as const;

export function levelKey(inventoryItemId: number, locationId: number): string {
  return `${inventoryItemId}:${locationId}`;
}

/** All state of one shop. Store modules (orders.ts, inventory.ts, …) operate on it. */
export class ShopState {
  readonly locations = new Map<number, LocationRecord>();
  readonly markets = new Map<number, MarketRecord>();
  readonly products = new Map<number, ProductRecord>();
  readonly variants = new Map<number, VariantRecord>();
  readonly inventoryItems = new Map<number, InventoryItemRecord>();
  readonly levels = new Map<string, InventoryLevelRecord>();
  readonly customers = new Map<number, CustomerRecord>();
  readonly orders = new Map<number, OrderRecord>();
  readonly fulfillmentOrders = new Map<number, FulfillmentOrderRecord>();
  readonly fulfillments = new Map<number, FulfillmentRecord>();
  readonly adjustmentGroups = new Map<number, InventoryAdjustmentGroupRecord>();
  readonly fulfillmentEvents = new Map<number, FulfillmentEventRecord>();
  readonly returns = new Map<number, ReturnRecord>();
  readonly refunds = new Map<number, RefundRecord>();
  readonly transactions = new Map<number, OrderTransactionRecord>();
  readonly reverseFulfillmentOrders = new Map<number, ReverseFulfillmentOrderRecord>();
  readonly reverseDeliveries = new Map<number, ReverseDeliveryRecord>();
  readonly tokens = new Set<string>();
  /** Idempotency keys (`@idempotent`) of inventory mutations: key → fingerprint and payload. */
  readonly idempotency = new Map<string, { fingerprint: string; payload: unknown }>();
  scopes: string;
  /**
   * The app's protected customer data approval on this shop (simulator/access/customer-data.ts);
   * the store sets it from its default or the control API. Level 0 until then.
   */
  customerData: CustomerDataApproval = { level: 0, fields: [] };
  /** Overrides the simulator's app URL for this shop's webhooks. */
  appUrl: string | null = null;
  installed = true;
  bucket: BucketState;
  /** How long Shopify's background routing takes before an order's fulfillment orders exist. */
  routingDelayMs: number = DEFAULT_ROUTING_DELAY_MS;
  /** Which documented outcome a partial fulfillmentOrderMove has (store/fulfillment-orders.ts). */
  moveOutcome: MoveOutcomeMode = "documented";
  /** An injected Admin API outage (store/admin-faults.ts; control `PUT /_control/shops/:shop/faults`). */
  adminFault: AdminFaultState | null = null;
  /**
   * Every Admin GraphQL request the shop received (a test aid, not Shopify behaviour): how many, and
   * the operation of the latest 500 (its name, or "query"/"mutation" for an anonymous one).
   * Control `GET /_control/shops/:shop/admin-requests`.
   */
  readonly adminRequests: { count: number; operations: string[] } = { count: 0, operations: [] };
  /** Orders whose fulfillment orders are still being created, by order id. */
  readonly pendingRouting = new Map<number, PendingRouting>();
  private mutedDepth = 0;
  private readonly caches = new Map<string, unknown>();

  constructor(
    public shop: ShopRecord,
    private readonly ids: IdSource,
    private readonly emitter: (event: StoreEvent) => void,
    options: { scopes: string; bucket?: Partial<Pick<BucketState, "maximumAvailable" | "restoreRate">>; routingDelayMs?: number },
  ) {
    this.scopes = options.scopes;
    if (options.routingDelayMs !== undefined) this.routingDelayMs = options.routingDelayMs;
    const maximumAvailable = options.bucket?.maximumAvailable ?? DEFAULT_BUCKET.maximumAvailable;
    this.bucket = {
      maximumAvailable,
      restoreRate: options.bucket?.restoreRate ?? DEFAULT_BUCKET.restoreRate,
      currentlyAvailable: maximumAvailable,
      updatedAtMs: Date.now(),
    };
  }

  get domain(): string {
    return this.shop.domain;
  }

  nextId(type: GidType): number {
    return this.ids(type);
  }

  now(): string {
    return new Date().toISOString();
  }

  /** Events are announced only while the app is installed, as Shopify does. */
  emit(event: StoreEvent): void {
    if (this.mutedDepth > 0) return;
    if (this.installed || event.topic === "app/uninstalled" || event.topic === "shop/redact") this.emitter(event);
  }

  /** Runs a change without announcing it (seeding builds history, not news). */
  silently<T>(change: () => T): T {
    this.mutedDepth += 1;
    try {
      return change();
    } finally {
      this.mutedDepth -= 1;
    }
  }

  get muted(): boolean {
    return this.mutedDepth > 0;
  }

  /** Every mutation calls this; derived values cached with `cached()` are recomputed afterwards. */
  bump(): void {
    this.caches.clear();
  }

  cached<T>(name: string, compute: () => T): T {
    if (this.caches.has(name)) return this.caches.get(name) as T;
    const value = compute();
    this.caches.set(name, value);
    return value;
  }

  level(inventoryItemId: number, locationId: number): InventoryLevelRecord | undefined {
    return this.levels.get(levelKey(inventoryItemId, locationId));
  }

  lineItem(lineItemId: number): { order: OrderRecord; line: LineItemRecord } | undefined {
    const index = this.cached("lineItems", () => {
      const map = new Map<number, { order: OrderRecord; line: LineItemRecord }>();
      for (const order of this.orders.values()) for (const line of order.lineItems) map.set(line.id, { order, line });
      return map;
    });
    return index.get(lineItemId);
  }

  fulfillmentOrdersOf(orderId: number): FulfillmentOrderRecord[] {
    const index = this.cached("fosByOrder", () => groupBy([...this.fulfillmentOrders.values()], (fo) => fo.orderId));
    return index.get(orderId) ?? [];
  }

  fulfillmentsOf(orderId: number): FulfillmentRecord[] {
    const index = this.cached("fulfillmentsByOrder", () => groupBy([...this.fulfillments.values()], (f) => f.orderId));
    return index.get(orderId) ?? [];
  }

  /** A fulfillment line item with its fulfillment. */
  fulfillmentLineItem(id: number): { fulfillment: FulfillmentRecord; line: FulfillmentLineItemRecord } | undefined {
    const index = this.cached("fulfillmentLineItems", () => {
      const map = new Map<number, { fulfillment: FulfillmentRecord; line: FulfillmentLineItemRecord }>();
      for (const fulfillment of this.fulfillments.values()) for (const line of fulfillment.lines) map.set(line.id, { fulfillment, line });
      return map;
    });
    return index.get(id);
  }

  /** Fulfillment events of a fulfillment, oldest first (by happenedAt, then id). */
  eventsOf(fulfillmentId: number): FulfillmentEventRecord[] {
    const index = this.cached("eventsByFulfillment", () => {
      const map = groupBy([...this.fulfillmentEvents.values()], (e) => e.fulfillmentId);
      for (const list of map.values()) list.sort((a, b) => a.happenedAt.localeCompare(b.happenedAt) || a.id - b.id);
      return map;
    });
    return index.get(fulfillmentId) ?? [];
  }

  transactionsOf(orderId: number): OrderTransactionRecord[] {
    const index = this.cached("transactionsByOrder", () => groupBy([...this.transactions.values()], (t) => t.orderId));
    return index.get(orderId) ?? [];
  }

  refundsOf(orderId: number): RefundRecord[] {
    const index = this.cached("refundsByOrder", () => groupBy([...this.refunds.values()], (r) => r.orderId));
    return index.get(orderId) ?? [];
  }

  returnsOf(orderId: number): ReturnRecord[] {
    const index = this.cached("returnsByOrder", () => groupBy([...this.returns.values()], (r) => r.orderId));
    return index.get(orderId) ?? [];
  }

  reverseFulfillmentOrdersOf(returnId: number): ReverseFulfillmentOrderRecord[] {
    const index = this.cached("rfosByReturn", () => groupBy([...this.reverseFulfillmentOrders.values()], (r) => r.returnId));
    return index.get(returnId) ?? [];
  }

  reverseDeliveriesOf(reverseFulfillmentOrderId: number): ReverseDeliveryRecord[] {
    const index = this.cached("deliveriesByRfo", () => groupBy([...this.reverseDeliveries.values()], (d) => d.reverseFulfillmentOrderId));
    return index.get(reverseFulfillmentOrderId) ?? [];
  }

  reverseFulfillmentOrderLineItem(id: number): { rfo: ReverseFulfillmentOrderRecord; line: ReverseFulfillmentOrderLineItemRecord } | undefined {
    const index = this.cached("rfoLineItems", () => {
      const map = new Map<number, { rfo: ReverseFulfillmentOrderRecord; line: ReverseFulfillmentOrderLineItemRecord }>();
      for (const rfo of this.reverseFulfillmentOrders.values()) for (const line of rfo.lineItems) map.set(line.id, { rfo, line });
      return map;
    });
    return index.get(id);
  }

  variantBySku(sku: string): VariantRecord | undefined {
    for (const variant of this.variants.values()) if (variant.sku === sku) return variant;
    return undefined;
  }

  /** Locations in Shopify's default order for routing: creation order. */
  locationsInOrder(): LocationRecord[] {
    return [...this.locations.values()].sort((a, b) => a.id - b.id);
  }
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items.sort((a, b) => (a as { id: number }).id - (b as { id: number }).id)) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
