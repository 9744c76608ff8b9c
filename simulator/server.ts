/**
 * The simulator's HTTP server (node:http): Shopify's Admin endpoints under /shops/:shop/admin/…
 * and the control API under /_control. `startSimulator` runs it in-process (tests, demo).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { REQUESTED_CUSTOMER_DATA } from "../app/config/customer-data";
import { ADMIN_API_VERSION } from "../app/shopify/api-version";
import type { CustomerDataApproval } from "./access/customer-data";
import { loadAdminSchema } from "./admin-schema";
import { adminRoutes } from "./http/admin-routes";
import { controlRoutes } from "./http/control-routes";
import { HttpError, matchRoute, parseBody, readBody, send, type Route } from "./http/util";
import type { SeedData } from "./seed/types";
import { SimulatorStore } from "./store/store";
import { loadAppConfig, type WebhookAppConfig } from "./webhooks/app-config";
import { WebhookDispatcher } from "./webhooks/dispatcher";

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  apiKey: string;
  apiSecret: string;
  /** Where webhooks go (the app's URL); none are sent without it. */
  appUrl?: string | null;
  /** The app's shopify.app.toml (default: ./shopify.app.toml); ignored when `webhookConfig` is given. */
  appTomlPath?: string;
  webhookConfig?: WebhookAppConfig;
  webhooks?: { maxAttempts?: number; retryDelayMs?: number; timeoutMs?: number };
  /**
   * Scopes granted to shops (default: the `[access_scopes]` of `webhookConfig`, else of the app
   * toml, else of Crossdock's own shopify.app.toml): Shopify-managed installation grants what the
   * app's configuration requests.
   */
  scopes?: string;
  /**
   * The app's protected customer data approval on every shop (default: what Crossdock requests,
   * app/config/customer-data.ts: a development store gives an app the fields selected in its
   * Partner Dashboard request without review). Per shop: control `PUT /_control/shops/:shop/customer-data`.
   */
  customerData?: CustomerDataApproval;
  /**
   * Shopify's background order routing: how long until a new order's fulfillment orders exist
   * (default 3 s, as on a busy store; per shop through the control API). Never 0.
   */
  orderRouting?: { delayMs?: number };
  /** Seeds this shop at start-up, accepting `accessToken` for it. */
  seed?: SeedData;
  accessToken?: string;
  log?: (message: string) => void;
}

export interface RunningSimulator {
  url: string;
  port: number;
  store: SimulatorStore;
  webhooks: WebhookDispatcher;
  server: Server;
  close(): Promise<void>;
}

/** The scopes Crossdock's own shopify.app.toml requests. */
function crossdockScopes(): string {
  const toml = join(dirname(fileURLToPath(import.meta.url)), "..", "shopify.app.toml");
  const scopes = loadAppConfig(toml, ADMIN_API_VERSION).scopes;
  if (!scopes) throw new Error(`${toml} declares no [access_scopes]`);
  return scopes;
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const log = options.log ?? (() => undefined);
  const config =
    options.webhookConfig ?? loadAppConfig(options.appTomlPath ?? join(process.cwd(), "shopify.app.toml"), ADMIN_API_VERSION);
  const routingDelayMs = options.orderRouting?.delayMs;
  if (routingDelayMs !== undefined && !(Number.isInteger(routingDelayMs) && routingDelayMs > 0)) {
    throw new Error(`orderRouting.delayMs must be a positive integer (Shopify routes orders asynchronously), got ${routingDelayMs}`);
  }
  const store = new SimulatorStore({
    scopes: options.scopes ?? config.scopes ?? crossdockScopes(),
    routingDelayMs,
    customerData: options.customerData ?? { level: REQUESTED_CUSTOMER_DATA.level, fields: [...REQUESTED_CUSTOMER_DATA.fields] },
  });
  const schema = loadAdminSchema(ADMIN_API_VERSION);
  const webhooks = new WebhookDispatcher({
    store,
    apiSecret: options.apiSecret,
    appUrl: options.appUrl ?? null,
    config,
    ...options.webhooks,
    log,
  });
  webhooks.start();

  if (options.seed) {
    const result = store.seed(options.seed, { accessToken: options.accessToken });
    for (const warning of result.warnings) log(`seed: ${warning}`);
  }

  const routes: Route[] = [
    ...adminRoutes({ store, schema, app: { apiKey: options.apiKey, apiSecret: options.apiSecret } }),
    ...controlRoutes({ store, webhooks }),
  ];

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? "/", "http://simulator.local");
        const matched = matchRoute(routes, req.method ?? "GET", url.pathname);
        if (!matched) return send(res, { status: 404, body: { errors: "Not Found" } });
        const rawBody = await readBody(req);
        const body = parseBody(rawBody, req.headers["content-type"]);
        send(res, await matched.route.handle({ req, params: matched.params, query: url.searchParams, rawBody, body }));
      } catch (error) {
        if (error instanceof HttpError) return send(res, { status: error.status, body: error.body });
        log(`simulator error: ${(error as Error).stack ?? String(error)}`);
        send(res, { status: 500, body: { errors: "Internal Server Error" } });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}`,
    port,
    store,
    webhooks,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        store.close();
        webhooks.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
