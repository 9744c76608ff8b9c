/**
 * The simulator's state: shops keyed by myshopify domain, each a ShopState. Also the one id
 * source and the event fan-out the webhook dispatcher listens to.
 */
import { randomBytes } from "node:crypto";
import type { CustomerDataApproval } from "../access/customer-data";
import type { SeedData } from "../seed/types";
import type { StoreEvent, StoreListener } from "./events";
import { LARGE_ID_BASE, type GidType } from "./ids";
import { revokeExpiringTokens } from "./access-tokens";
import { SimulatorClock } from "./clock";
import { cancelPendingRouting } from "./order-routing";
import { seedShop, type SeedResult } from "./seed";
import { ShopState, type BucketState } from "./shop-state";

export interface ShopOptions {
  /** Protected customer data approval (default: the store's). */
  customerData?: CustomerDataApproval;
  accessToken?: string;
  scopes?: string;
  name?: string;
  email?: string;
  currencyCode?: string;
  /** Where this shop's webhooks go, instead of the simulator's app URL. */
  appUrl?: string | null;
  /** How long Shopify's background routing takes before a new order's fulfillment orders exist. */
  routingDelayMs?: number;
  bucket?: Partial<Pick<BucketState, "maximumAvailable" | "restoreRate">>;
  /**
   * The shop's records created from now on get ids above 2^53, as in Shopify's example payloads
   * (store/ids.ts; FIDELITY WP-15). Kept across a re-seed of the same domain.
   */
  largeIds?: boolean;
}

/** One Admin GraphQL request as the bucket saw it. */
export interface AdminRequestCost {
  shop: string;
  operationName: string | null;
  operation: "query" | "mutation" | "subscription";
  requested: number;
  /** null when refused (MAX_COST_EXCEEDED) or THROTTLED: nothing ran. */
  actual: number | null;
  outcome: "executed" | "throttled" | "max-cost-exceeded";
}

export class SimulatorStore {
  private readonly shops = new Map<string, ShopState>();
  private readonly sequences = new Map<GidType, number>();
  private readonly listeners = new Set<StoreListener>();
  /** Shopify's time as the simulator tells it (token lifetimes); the control API advances it. */
  readonly clock = new SimulatorClock();
  /**
   * Told the cost of every Admin GraphQL request (in-process instrumentation: `npm run
   * bench:admin-cost` sums what the app spends). Not a Shopify behaviour; nothing reads it otherwise.
   */
  costObserver: ((entry: AdminRequestCost) => void) | null = null;

  /**
   * `scopes`: what a shop grants when the app is installed (Shopify-managed installation grants the
   * scopes the app's configuration requests); startSimulator passes the app toml's.
   */
  constructor(private readonly defaults: { scopes: string; routingDelayMs?: number; customerData?: CustomerDataApproval }) {}

  onEvent(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  private nextId = (type: GidType): number => {
    const next = (this.sequences.get(type) ?? 1000) + 1;
    this.sequences.set(type, next);
    return next;
  };

  /** Shops whose new records get ids above 2^53 (ShopOptions.largeIds). */
  private readonly largeIdShops = new Set<string>();
  private readonly largeSequences = new Map<GidType, number>();

  /** Odd numbers from LARGE_ID_BASE + 1001 on: shown as 2^53 + 1001, 2^53 + 1003 … none of which a double holds exactly. */
  private nextLargeId = (type: GidType): number => {
    const next = (this.largeSequences.get(type) ?? LARGE_ID_BASE + 999) + 2;
    this.largeSequences.set(type, next);
    return next;
  };

  private idsFor(domain: string): (type: GidType) => number {
    return (type) => (this.largeIdShops.has(domain) ? this.nextLargeId(type) : this.nextId(type));
  }

  shop(domain: string): ShopState | undefined {
    return this.shops.get(normalizeDomain(domain));
  }

  requireShop(domain: string): ShopState {
    const shop = this.shop(domain);
    if (!shop) throw new Error(`Unknown shop ${domain}`);
    return shop;
  }

  domains(): string[] {
    return [...this.shops.keys()];
  }

  /** Creates the shop, or updates its settings (and adds the token) when it exists. */
  createShop(domain: string, options: ShopOptions = {}): ShopState {
    const key = normalizeDomain(domain);
    if (options.largeIds !== undefined) {
      if (options.largeIds) this.largeIdShops.add(key);
      else this.largeIdShops.delete(key);
    }
    let shop = this.shops.get(key);
    if (!shop) {
      const ids = this.idsFor(key);
      const now = new Date().toISOString();
      shop = new ShopState(
        {
          __typename: "Shop",
          id: ids("Shop"),
          domain: key,
          name: options.name ?? key.replace(/\.myshopify\.com$/, ""),
          email: options.email ?? `owner@${key}`,
          currencyCode: options.currencyCode ?? "USD",
          ianaTimezone: "UTC",
          countryCode: "US",
          createdAt: now,
          updatedAt: now,
        },
        ids,
        (event) => this.emit(event),
        {
          scopes: options.scopes ?? this.defaults.scopes,
          bucket: options.bucket,
          routingDelayMs: options.routingDelayMs ?? this.defaults.routingDelayMs,
        },
      );
      shop.customerData = options.customerData ?? this.defaults.customerData ?? shop.customerData;
      this.shops.set(key, shop);
    } else {
      if (options.customerData) shop.customerData = options.customerData;
      if (options.scopes && options.scopes !== shop.scopes) {
        const previous = shop.scopes.split(",");
        shop.scopes = options.scopes;
        shop.emit({ topic: "app/scopes_update", shop: shop.domain, previous, current: options.scopes.split(",") });
      }
      if (options.name) shop.shop.name = options.name;
      if (options.bucket) Object.assign(shop.bucket, options.bucket);
      if (options.routingDelayMs !== undefined) shop.routingDelayMs = options.routingDelayMs;
    }
    if (options.appUrl !== undefined) shop.appUrl = options.appUrl;
    if (options.accessToken) shop.tokens.add(options.accessToken);
    shop.installed = true;
    return shop;
  }

  /**
   * Loads seed data into a fresh shop (replacing one with the same domain, keeping its tokens
   * and settings). The domain defaults to the seed's own.
   */
  seed(data: SeedData, options: ShopOptions & { domain?: string } = {}): SeedResult & { shop: ShopState } {
    const domain = normalizeDomain(options.domain ?? data.shop.domain);
    const previous = this.shops.get(domain);
    if (previous) cancelPendingRouting(previous);
    this.shops.delete(domain);
    const shop = this.createShop(domain, {
      scopes: previous?.scopes,
      customerData: previous?.customerData,
      appUrl: previous?.appUrl,
      routingDelayMs: previous?.routingDelayMs,
      ...options,
    });
    if (previous) {
      shop.moveOutcome = previous.moveOutcome;
      for (const token of previous.tokens) shop.tokens.add(token);
      Object.assign(shop.bucket, { maximumAvailable: previous.bucket.maximumAvailable, restoreRate: previous.bucket.restoreRate });
    }
    const { keys: _keys, ...result } = seedShop(shop, data);
    return { ...result, shop };
  }

  /** Issues a fresh offline access token for the shop (OAuth / token exchange). */
  issueToken(domain: string): string {
    const shop = this.requireShop(domain);
    const token = `shpat_${randomBytes(16).toString("hex")}`;
    shop.tokens.add(token);
    shop.installed = true;
    return token;
  }

  /** Uninstalls the app: tokens revoked, app/uninstalled announced. */
  uninstall(domain: string): void {
    const shop = this.requireShop(domain);
    shop.tokens.clear();
    revokeExpiringTokens(shop);
    shop.emit({ topic: "app/uninstalled", shop: shop.domain });
    shop.installed = false;
  }

  deleteShop(domain: string): boolean {
    const shop = this.shops.get(normalizeDomain(domain));
    if (shop) cancelPendingRouting(shop);
    this.largeIdShops.delete(normalizeDomain(domain));
    return this.shops.delete(normalizeDomain(domain));
  }

  reset(): void {
    for (const shop of this.shops.values()) cancelPendingRouting(shop);
    this.shops.clear();
    this.largeIdShops.clear();
    this.clock.reset();
  }

  /** Stops every background job (the simulator is shutting down). */
  close(): void {
    for (const shop of this.shops.values()) cancelPendingRouting(shop);
  }
}

export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase();
}
