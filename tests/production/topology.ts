// What a host runs, as the README's "Running it for a real store" says: the production build
// (`npm run build`), two `npm start` web processes behind a load balancer, two `npm run worker`
// processes, one PostgreSQL and one Redis; Shopify is the simulator (strict: it sends real signed
// webhooks to the load balancer and executes the 2026-10 schema), email goes to the Resend stand-in.
//
// The load balancer is the test's own: round robin per request over the web processes that are up,
// as a host's would be with health checks; a request to a process that refuses the connection goes to
// the next one, a request cut off mid-way answers 502 (Shopify then resends the webhook).
import { randomUUID } from "node:crypto";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { prisma } from "~/db.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { freePort, startProcess, waitForHttp, type Started } from "../../scripts/lib/processes";
import { loadAppConfig } from "../../simulator/webhooks/app-config";
import { startResendStandIn, type ResendStandIn } from "../../tools/resend-stand-in";
import { createTestShop, resetDatabase } from "../setup/db";
import { API_KEY, API_SECRET, SHOP, startTestSimulator, TOKEN, type TestSimulator } from "../simulator/helpers";
import { BROWSER_USER_AGENT } from "../support/browser";
import { productionBuild, ROOT } from "../support/production-build";
import { simulatorAdminGraphql } from "../support/simulator-admin";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy";

export { SHOP, TOKEN };
export const PORTAL_SECRET = "prod-portal-secret-0123456789abcdef";

export interface TopologyOptions {
  webs?: number;
  workers?: number;
  /** More environment for every process (e.g. JOBS_BACKOFF_MS for a fault test). */
  env?: Record<string, string>;
  /** The simulator's webhook retry delay (Shopify's is minutes; tests shorten it). */
  webhookRetryDelayMs?: number;
  /** Start the worker processes (default true); a test may start them later with `startWorker`. */
  startWorkers?: boolean;
  /** How many times the simulator sends a webhook before giving up (Shopify: 8; the simulator's default: 4). */
  webhookMaxAttempts?: number;
  /**
   * The processes reach PostgreSQL through a TCP proxy the test can cut (`topology.database`), so a
   * fault test takes the database away from the app without stopping the machine's PostgreSQL.
   */
  cuttableDatabase?: boolean;
}

export interface Topology {
  sim: TestSimulator;
  resend: ResendStandIn;
  /** The load balancer's origin: what Shopify (the simulator) and shoppers reach. */
  url: string;
  webs: WebProcess[];
  workers: Started[];
  env: Record<string, string>;
  /** With `cuttableDatabase`: the proxy between the processes and PostgreSQL (cut() = PostgreSQL down for them). */
  database: TcpProxy | null;
  /** Starts one more `npm run worker` with the topology's environment (or `extra` on top). */
  startWorker(extra?: Record<string, string>): Started;
  /** Starts (again) the web process at index `i` on its port, and waits for it to answer. */
  startWeb(i: number): Promise<WebProcess>;
  /** Every process's output, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

export interface WebProcess {
  port: number;
  url: string;
  process: Started;
}

export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const buildDir = await productionBuild();
  await resetDatabase();
  const webPorts = await Promise.all(Array.from({ length: options.webs ?? 2 }, () => freePort()));
  const balancer = await startBalancer(webPorts);
  const sim = await startTestSimulator({
    appUrl: balancer.url,
    webhookConfig: loadAppConfig(join(ROOT, "shopify.app.toml"), ADMIN_API_VERSION),
    webhooks: { retryDelayMs: options.webhookRetryDelayMs ?? 500, ...(options.webhookMaxAttempts ? { maxAttempts: options.webhookMaxAttempts } : {}) },
  });
  const resend = await startResendStandIn();
  const scopes = loadAppConfig(join(ROOT, "shopify.app.toml"), ADMIN_API_VERSION).scopes ?? "";
  await createTestShop({ domain: SHOP });
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: scopes } });

  const database = options.cuttableDatabase ? await proxyDatabase(process.env.DATABASE_URL!) : null;
  const env: Record<string, string> = {
    NODE_ENV: "production",
    CROSSDOCK_BUILD_DIR: buildDir,
    DATABASE_URL: database?.url ?? process.env.DATABASE_URL!,
    REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    JOBS_QUEUE_PREFIX: `crossdock-test-prod-${randomUUID().slice(0, 8)}`,
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: "https://crossdock.example.com",
    SHOPIFY_ADMIN_API_ORIGIN: sim.sim.url,
    PORTAL_SECRET,
    RESEND_API_KEY: resend.apiKey,
    RESEND_BASE_URL: resend.url,
    EMAIL_FROM: "Crossdock <returns@crossdock.example.com>",
    RECONCILE_INTERVAL_MINUTES: "0",
    // One proxy of ours (the load balancer) appends the client to X-Forwarded-For.
    TRUSTED_PROXY_COUNT: "1",
    LOG_LEVEL: "warn",
    ...options.env,
  };

  const webs: WebProcess[] = [];
  const workers: Started[] = [];
  const startWeb = async (i: number): Promise<WebProcess> => {
    const port = webPorts[i]!;
    const started = startProcess("npm", ["start"], { ...env, PORT: String(port) }, ROOT);
    const web = { port, url: `http://127.0.0.1:${port}`, process: started };
    webs[i] = web;
    await waitForHttp(`${web.url}/`, 90_000, started);
    return web;
  };
  const startWorker = (extra: Record<string, string> = {}) => {
    const started = startProcess("npm", ["run", "worker"], { ...env, ...extra }, ROOT);
    workers.push(started);
    return started;
  };
  await Promise.all(webPorts.map((_, i) => startWeb(i)));
  if (options.startWorkers !== false) for (let i = 0; i < (options.workers ?? 2); i++) startWorker();

  const output = () =>
    [...webs.map((w, i) => `--- web ${i} (${w.port}):\n${w.process.output()}`), ...workers.map((w, i) => `--- worker ${i}:\n${w.output()}`)].join("\n");
  return {
    sim,
    resend,
    url: balancer.url,
    webs,
    workers,
    env,
    database: database?.proxy ?? null,
    startWorker,
    startWeb,
    output,
    async stop() {
      await Promise.all([...webs.map((w) => w.process.stop()), ...workers.map((w) => w.stop())]);
      await Promise.all([sim.close(), resend.close(), balancer.close(), database?.proxy.close()]);
    },
  };
}

/** A TCP proxy to the test database's server, and the database URL through it. */
async function proxyDatabase(databaseUrl: string): Promise<{ url: string; proxy: TcpProxy }> {
  const url = new URL(databaseUrl);
  const proxy = await startTcpProxy({ host: url.hostname || "127.0.0.1", port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  return { url: url.toString(), proxy };
}

/** Round robin over the web ports, per request; a refused connection tries the next port. */
async function startBalancer(ports: number[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
      const attempt = (tries: number) => {
        const port = ports[next++ % ports.length]!;
        const upstream = http.request(
          { host: "127.0.0.1", port, method: req.method, path: req.url, headers: { ...req.headers, "x-forwarded-for": forwardedFor } },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.on("error", () => res.destroy());
          },
        );
        upstream.on("error", (error: NodeJS.ErrnoException) => {
          if (res.headersSent) return res.destroy();
          if (error.code === "ECONNREFUSED" && tries < ports.length) return attempt(tries + 1);
          res.writeHead(502, { "Content-Type": "text/plain" }).end("Bad gateway");
        });
        upstream.end(body);
      };
      attempt(1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `probe` answers something (not null), or fails naming what it waited for. */
export async function waitFor<T>(topology: Topology | null, what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null && found !== undefined && found !== false) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${topology ? `\n${topology.output()}` : ""}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Webhook deliveries Shopify (the simulator) sent, and what Crossdock stored and processed of them. */
export async function deliveryCounts(
  topology: Topology,
  topics?: string[],
  /** Only deliveries sent from this index of the simulator's log on (`topology.sim.sim.webhooks.deliveries.length` before a test). */
  from = 0,
): Promise<{ sent: number; stored: number; processed: number; lost: number }> {
  const sentIds = new Set(
    topology.sim.sim.webhooks.deliveries
      .slice(from)
      .filter((d) => !topics || topics.includes(d.topic))
      .map((d) => d.webhookId),
  );
  const rows = await prisma.webhookDelivery.findMany({ where: { shop: SHOP, ...(topics ? { topic: { in: topics } } : {}) }, select: { webhookId: true, status: true } });
  const stored = rows.filter((r) => sentIds.has(r.webhookId));
  const processed = stored.filter((r) => r.status === "PROCESSED" || r.status === "SKIPPED");
  return { sent: sentIds.size, stored: stored.length, processed: processed.length, lost: sentIds.size - processed.length };
}

/**
 * A request from Crossdock's page in Shopify admin, through the load balancer: App Bridge sends every
 * fetch and form submission of an embedded app with `Authorization: Bearer <session token>`, a JWT
 * Shopify signs with the app's API secret (here Shopify's own test helper signs it). Staff steps go
 * through this: the embedded admin cannot be loaded in a browser outside Shopify admin.
 */
export async function adminFetch(topology: Topology, path: string, init: RequestInit = {}): Promise<Response> {
  const signed = await setUpValidRequest(
    { type: RequestType.Bearer, store: SHOP.replace(".myshopify.com", ""), apiKey: API_KEY, apiSecretKey: API_SECRET },
    new Request(`${topology.url}${path}`),
  );
  const headers = new Headers(init.headers);
  headers.set("Authorization", signed.headers.get("Authorization")!);
  // Shopify's library answers requests that look like bots with 410: this one comes from staff's browser.
  headers.set("User-Agent", BROWSER_USER_AGENT);
  return fetch(`${topology.url}${path}`, { ...init, headers, redirect: "manual" });
}

/** The Admin API as the test process reaches the simulator (for what a test runs in-process). */
export function topologyAdminGraphql(topology: Topology): AdminGraphql {
  return simulatorAdminGraphql(() => topology.sim.sim.url, SHOP, TOKEN);
}

/** As after install: Crossdock mirrors the shop's locations and stock (webhooks keep them current). */
export async function syncAsInstalled(topology: Topology): Promise<void> {
  const shop = await prisma.shop.findFirstOrThrow({ where: { domain: SHOP } });
  const { syncLocations } = await import("~/services/sync-locations.server");
  const { syncInventory } = await import("~/services/sync-inventory.server");
  await syncLocations(shop, topologyAdminGraphql(topology));
  await syncInventory(shop, topologyAdminGraphql(topology));
}

/** Waits until every delivery Shopify sent is stored and processed (lost = 0), and answers the counts. */
export function nothingLost(topology: Topology, after: string, timeoutMs = 90_000): ReturnType<typeof deliveryCounts> {
  return waitFor(
    topology,
    `every delivery to be stored and processed ${after}`,
    async () => {
      const counts = await deliveryCounts(topology);
      return counts.lost === 0 ? counts : null;
    },
    timeoutMs,
  );
}
