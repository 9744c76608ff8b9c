/**
 * Delivers webhooks as Shopify does: one POST per subscription, signed with the app secret,
 * retried with exponential back-off on non-2xx or network errors, every attempt recorded.
 */
import { randomUUID } from "node:crypto";
import { NOT_APPROVED_FOR_TOPIC, redactPayload, topicCarriesCustomerData } from "../access/customer-data";
import { loadSchemaAccess, unmetClauses } from "../access/schema-access";
import { grantedScopes } from "../access/visibility";
import type { StoreEvent } from "../store/events";
import type { ShopState } from "../store/shop-state";
import type { SimulatorStore } from "../store/store";
import { webhookUrl, type WebhookAppConfig, type WebhookSubscription } from "./app-config";
import { webhookHmac } from "./hmac";
import { externalizeIds, toJson } from "./json";
import { payloadFor } from "./payloads";

export interface WebhookAttempt {
  at: string;
  status: number | null; // null: no HTTP response (network error, timeout)
  durationMs: number;
  error?: string;
}

export interface WebhookDelivery {
  webhookId: string;
  eventId: string;
  shop: string;
  topic: string;
  url: string;
  triggeredAt: string;
  state: "pending" | "delivered" | "failed";
  attempts: WebhookAttempt[];
  payload: unknown;
}

export interface DispatcherOptions {
  store: SimulatorStore;
  apiSecret: string;
  appUrl: string | null;
  config: WebhookAppConfig;
  /** Attempts in all (Shopify: 8 over 4 hours). */
  maxAttempts?: number;
  /** Delay before the first retry; doubles each time. */
  retryDelayMs?: number;
  /** Per-attempt timeout (Shopify: 5 s). */
  timeoutMs?: number;
  log?: (message: string) => void;
}

export class WebhookDispatcher {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Map<NodeJS.Timeout, () => void>();
  private unsubscribe: (() => void) | null = null;
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {}

  start(): void {
    this.unsubscribe = this.options.store.onEvent((event) => this.onEvent(event));
  }

  get config(): WebhookAppConfig {
    return this.options.config;
  }

  set config(config: WebhookAppConfig) {
    this.options.config = config;
  }

  /**
   * The app's subscriptions as they stand for one shop: a topic whose required scope the
   * installation lacks cannot be subscribed (schema: `WebhookSubscriptionTopic` values, "Requires
   * …"; shopify.dev: "Each topic you subscribe to requires a corresponding access scope").
   */
  subscriptionsFor(shop: ShopState): { active: WebhookSubscription[]; refused: (WebhookSubscription & { requiredAccess: string })[] } {
    const access = loadSchemaAccess();
    const scopes = grantedScopes(shop);
    const active: WebhookSubscription[] = [];
    const refused: (WebhookSubscription & { requiredAccess: string })[] = [];
    for (const subscription of this.options.config.subscriptions) {
      const requirement = access.webhookTopics.get(subscription.topic);
      if (requirement && unmetClauses(requirement, scopes).length) refused.push({ ...subscription, requiredAccess: requirement.text });
      else if (shop.customerData.level === 0 && topicCarriesCustomerData(subscription.topic)) {
        refused.push({ ...subscription, requiredAccess: NOT_APPROVED_FOR_TOPIC });
      } else active.push(subscription);
    }
    return { active, refused };
  }

  /**
   * Sends `topic` with an explicit payload (control API: compliance topics, tests). Large internal
   * ids become the 64-bit ids Shopify shows, written digit for digit (webhooks/json.ts).
   */
  send(shopDomain: string, topic: string, built: unknown): WebhookDelivery[] {
    const shop = this.options.store.shop(shopDomain);
    const appUrl = shop?.appUrl ?? this.options.appUrl;
    if (!appUrl) return [];
    const subscriptions = shop ? this.subscriptionsFor(shop).active : this.options.config.subscriptions;
    // Unapproved protected customer fields are redacted (null) in payloads too.
    const visible = shop && topicCarriesCustomerData(topic) ? redactPayload(built, shop.customerData) : built;
    const eventId = randomUUID();
    const triggeredAt = new Date().toISOString();
    const payload = externalizeIds(visible);
    const body = toJson(payload);
    return subscriptions
      .filter((s) => s.topic === topic)
      .map((subscription) => {
        const delivery: WebhookDelivery = {
          webhookId: randomUUID(),
          eventId,
          shop: shopDomain,
          topic,
          url: webhookUrl(appUrl, subscription.uri),
          triggeredAt,
          state: "pending",
          attempts: [],
          payload,
        };
        this.deliveries.push(delivery);
        this.track(this.attempt(delivery, body));
        return delivery;
      });
  }

  private onEvent(event: StoreEvent): void {
    if (this.closed || !this.options.config.subscriptions.some((s) => s.topic === event.topic)) return;
    const shop = this.options.store.shop(event.shop);
    if (!shop) return;
    const payload = payloadFor(shop, event);
    if (payload) this.send(event.shop, event.topic, payload);
  }

  private track(promise: Promise<void>): void {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise));
  }

  private async attempt(delivery: WebhookDelivery, body: string): Promise<void> {
    if (this.closed) {
      if (delivery.state === "pending") delivery.state = "failed";
      return;
    }
    const started = Date.now();
    const attempt: WebhookAttempt = { at: new Date(started).toISOString(), status: null, durationMs: 0 };
    try {
      const response = await fetch(delivery.url, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Shopify-Captain-Hook",
          "X-Shopify-Topic": delivery.topic,
          "X-Shopify-Hmac-Sha256": webhookHmac(body, this.options.apiSecret),
          "X-Shopify-Shop-Domain": delivery.shop,
          "X-Shopify-API-Version": this.options.config.apiVersion,
          "X-Shopify-Webhook-Id": delivery.webhookId,
          "X-Shopify-Event-Id": delivery.eventId,
          "X-Shopify-Triggered-At": delivery.triggeredAt,
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await response.arrayBuffer().catch(() => undefined);
      attempt.status = response.status;
    } catch (error) {
      attempt.error = (error as Error).message;
    }
    attempt.durationMs = Date.now() - started;
    delivery.attempts.push(attempt);
    if (attempt.status != null && attempt.status >= 200 && attempt.status < 300) {
      delivery.state = "delivered";
      return;
    }
    const maxAttempts = this.options.maxAttempts ?? 4;
    if (delivery.attempts.length >= maxAttempts || this.closed) {
      delivery.state = "failed";
      this.options.log?.(`webhook ${delivery.topic} to ${delivery.url} failed after ${delivery.attempts.length} attempts`);
      return;
    }
    const delay = (this.options.retryDelayMs ?? 1000) * 2 ** (delivery.attempts.length - 1);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, delay);
      this.timers.set(timer, resolve);
    });
    await this.attempt(delivery, body);
  }

  /** Resolves when no delivery is pending (retries included). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    for (const [timer, resolve] of this.timers) {
      clearTimeout(timer);
      resolve();
    }
    this.timers.clear();
  }
}
