/**
 * The whole app on embedded defaults: database migrated, the Shopify Admin simulator seeded with the
 * demo shop, the Remix app in demo mode pointed at it. `npm run demo` and the browser tests use it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { buildDemoShop } from "../simulator/seed/demo-shop";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { freePort, startProcess, waitForHttp, type Started } from "./lib/processes";
import { migrateDatabase, REPO_ROOT } from "./db/migrate";

export interface StackOptions {
  appPort?: number;
  simulatorPort?: number;
  /** Real PostgreSQL; without it the embedded PGlite in `embeddedDir`. */
  databaseUrl?: string;
  embeddedDir?: string;
  /** The demo shop's clock (orders are dated relative to it). */
  now?: Date;
  /** Hot module reload for developers; off in tests. */
  hmr?: boolean;
  log?: (line: string) => void;
  /** More environment for the app process (e.g. a test's JOBS_MAX_ATTEMPTS / JOBS_BACKOFF_MS). */
  env?: Record<string, string>;
}

export interface Stack {
  appUrl: string;
  adminUrl: string;
  simulator: RunningSimulator;
  shop: string;
  app: Started;
  stop(): Promise<void>;
}

// Local-only credentials: the simulator accepts whatever the app is configured with.
export const DEMO_API_KEY = "crossdock-demo-key";
export const DEMO_API_SECRET = "crossdock-demo-secret";

function tomlScopes(): string {
  const toml = parse(readFileSync(join(REPO_ROOT, "shopify.app.toml"), "utf8")) as unknown as {
    access_scopes: { scopes: string };
  };
  return toml.access_scopes.scopes;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => undefined);
  const appPort = options.appPort ?? (await freePort());
  const appUrl = `http://127.0.0.1:${appPort}`;
  const database = options.databaseUrl ? { databaseUrl: options.databaseUrl } : { embeddedDir: options.embeddedDir };

  const migrated = await migrateDatabase(database);
  log(`database ready (${migrated.target}, ${Math.round(migrated.durationMs)} ms)`);

  const seed = buildDemoShop({ now: options.now });
  const scopes = tomlScopes();
  const simulator = await startSimulator({
    port: options.simulatorPort ?? 0,
    apiKey: DEMO_API_KEY,
    apiSecret: DEMO_API_SECRET,
    appUrl,
    scopes,
    seed,
    webhooks: { retryDelayMs: 1_000 },
    log: (line) => log(`simulator: ${line}`),
  });
  log(`simulator on ${simulator.url}: ${seed.shop.domain} with ${seed.locations.length} locations, ${seed.products.length} products, ${seed.orders.length} orders`);

  const app = startProcess(
    join(REPO_ROOT, "node_modules", ".bin", "remix"),
    ["vite:dev"],
    {
      NODE_ENV: "development",
      PORT: String(appPort),
      CI: options.hmr ? undefined : "true",
      CROSSDOCK_DEMO: "1",
      CROSSDOCK_DEMO_SHOP: seed.shop.domain,
      SHOPIFY_API_KEY: DEMO_API_KEY,
      SHOPIFY_API_SECRET: DEMO_API_SECRET,
      SHOPIFY_APP_URL: appUrl,
      SHOPIFY_ADMIN_API_ORIGIN: simulator.url,
      SCOPES: scopes,
      DATABASE_URL: options.databaseUrl,
      EMBEDDED_DB_DIR: options.embeddedDir,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      ...options.env,
    },
    REPO_ROOT,
  );
  try {
    await waitForHttp(`${appUrl}/`, 60_000, app);
  } catch (error) {
    await app.stop();
    await simulator.close();
    throw error;
  }
  log(`app on ${appUrl}`);

  return {
    appUrl,
    adminUrl: `${appUrl}/demo/login`,
    simulator,
    shop: seed.shop.domain,
    app,
    async stop() {
      await app.stop();
      await simulator.close();
    },
  };
}
