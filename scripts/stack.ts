/**
 * The whole app on embedded defaults: database migrated, the Shopify Admin simulator seeded with the
 * demo shop, the Remix app in demo mode pointed at it. `npm run demo` and the browser tests use it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { buildDemoShop } from "../simulator/seed/demo-shop";
import { addDemoActivity } from "./demo-activity";
import { startSimulator, type RunningSimulator } from "../simulator/server";
import { startGhnStandIn, type GhnStandIn } from "../tools/ghn-stand-in";
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
  /**
   * Serve this production build (`npm run build`'s output folder) with `npm start`'s server instead
   * of Vite's dev server: what the browser tests use, built once per run. The process runs with
   * NODE_ENV=test, since demo mode never runs with NODE_ENV=production (app/env.server.ts).
   */
  buildDir?: string;
  log?: (line: string) => void;
/** More environment for the app process (e.g. a test's JOBS_MAX_ATTEMPTS / JOBS_BACKOFF_MS). */
  env?: Record<string, string>;
  /** Start the GHN stand-in (tools/ghn-stand-in.ts) and give the app its keys: Vietnamese mail returns get GHN labels. */
  ghn?: boolean;
}

export interface Stack {
  appUrl: string;
  adminUrl: string;
  simulator: RunningSimulator;
  shop: string;
  app: Started;
  /** The GHN stand-in, when started (`ghn: true`). */
  ghn: GhnStandIn | null;
  stop(): Promise<void>;
}

/** The Admin API rate-limit plan of the demo shop (simulator/graphql/throttle.ts PLANS). */
const DEMO_SHOP_PLAN = "advanced";

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
  // Without a URL, the embedded database, even where the environment has a DATABASE_URL (the app
  // process is given none, so it opens the embedded one: migrate that one).
  const database = options.databaseUrl ? { databaseUrl: options.databaseUrl } : { databaseUrl: "", embeddedDir: options.embeddedDir };

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
  // The demo merchant sells from ten locations in the US and Vietnam: a shop on Shopify's Advanced
  // plan, whose Admin API bucket restores 200 points a second (simulator/FIDELITY.md QC-10), so
  // the install's stock sync of its 165 variants at ten locations takes half a minute, not one.
  const plan = await fetch(`${simulator.url}/_control/shops/${seed.shop.domain}/throttle`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ plan: DEMO_SHOP_PLAN }) });
  if (!plan.ok) throw new Error(`The simulator refused the demo shop's plan (${plan.status})`);

  // GHN's callbacks reach the app's webhook (the URL a merchant gives GHN, its last segment the secret).
  const ghnWebhookSecret = "demo-ghn-webhook-secret-0123456789";
  const ghn = options.ghn ? await startGhnStandIn({ callbackUrl: `${appUrl}/carriers/ghn/${ghnWebhookSecret}` }) : null;
  if (ghn) log(`GHN stand-in on ${ghn.baseUrl}`);
  const [command, args] = options.buildDir
    ? [join(REPO_ROOT, "node_modules", ".bin", "tsx"), [join(REPO_ROOT, "scripts", "serve.ts"), join(options.buildDir, "server", "index.js")]]
    : [join(REPO_ROOT, "node_modules", ".bin", "remix"), ["vite:dev"]];
  const app = startProcess(
    command,
    args,
    {
      NODE_ENV: options.buildDir ? "test" : "development",
      HOST: options.buildDir ? "127.0.0.1" : undefined,
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
      ...(ghn && { GHN_TOKEN: ghn.token, GHN_SHOP_ID: String(ghn.shopId), GHN_BASE_URL: ghn.baseUrl, GHN_WEBHOOK_SECRET: ghnWebhookSecret }),
      ...options.env,
    },
    REPO_ROOT,
  );
  try {
    await waitForHttp(`${appUrl}/`, 60_000, app);
  } catch (error) {
    await app.stop();
    await simulator.close();
    await ghn?.close();
    throw error;
  }
  log(`app on ${appUrl}`);

  return {
    appUrl,
    // The landing page, whose "Open the demo admin" button signs in (POST /demo/login), as the README says.
    adminUrl: `${appUrl}/`,
    simulator,
    shop: seed.shop.domain,
    app,
    ghn,
    async stop() {
      await app.stop();
      await simulator.close();
      await ghn?.close();
    },
  };
}

/**
 * The demo as `npm run demo` brings it up, whole on every start: the stack, then the app installed
 * on this run's simulator. The simulator is Shopify for the demo and starts afresh each time, while
 * the database (`.data/`) keeps the previous run's offline session, whose token the new simulator
 * never issued; on a real store the token and the shop live on together. So every start signs in
 * to the new simulator (the authorization-code grant `/demo/login` ends, storing the offline
 * session) before anything answers a shopper, whatever the database holds (first start, second
 * start, after a crash).
 */
export async function startDemo(options: StackOptions = {}): Promise<Stack> {
  // A job gives up after three tries, half a second and a second apart, each sending a request
  // Shopify answers with a 5xx once more, so the demo's failed job (scripts/demo-activity.ts) is in
  // Activity within seconds rather than after eight tries over minutes.
  // Vietnamese mail returns get labels from the GHN stand-in, as a store connected to GHN would.
  const stack = await startStack({ ghn: true, ...options, env: { JOBS_MAX_ATTEMPTS: "3", JOBS_BACKOFF_MS: "500", ADMIN_API_RETRIES: "1", ...options.env } });
  try {
    const signIn = await fetch(`${stack.appUrl}/demo/login`, { method: "POST", redirect: "manual" });
    if (signIn.status !== 302) {
      throw new Error(`The demo could not sign in to the simulated shop (${signIn.status}):\n${stack.app.output().slice(-4000)}`);
    }
    // The storefront harness waits for the shop's stock sync, so the block shows stock at once.
    await fetch(`${stack.appUrl}/demo/storefront/`);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  // A shop in use: orders routed, returns in every state, emails, a failed job. Never fatal.
  try {
    await addDemoActivity(stack, { now: options.now, log: options.log });
  } catch (error) {
    options.log?.(`demo activity skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  return stack;
}
