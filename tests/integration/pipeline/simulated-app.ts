// The app's webhook routes over HTTP with a simulated shop sending them what shopify.app.toml
// subscribes, signed with the app's secret, as Shopify does; the app's Admin API calls go to that
// simulator. For the pipeline tests that run end to end from the simulator.
import { createServer } from "node:http";
import { join } from "node:path";
import { prisma } from "~/db.server";
import { offlineAdmin } from "~/jobs/admin.server";
import type { EmailJobProcessor } from "~/jobs/processor";
import { createProcessors } from "~/jobs/webhook-topics.server";
import { engineOrderRouter } from "~/services/engine-order-router.server";
import type { Shop } from "~/models/shops.server";
import { syncLocations } from "~/services/sync-locations.server";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import type { SimulatorOptions } from "../../../simulator/main";
import { loadAppConfig } from "../../../simulator/webhooks/app-config";
import { createTestShop } from "../../setup/db";
import { fixtureSeed } from "../../simulator/fixture-seed";
import { SHOP, startTestSimulator, TOKEN, type TestSimulator } from "../../simulator/helpers";
import { API_KEY, API_SECRET } from "./env";
import { startJobs, type TestJobs } from "./drivers";
import { postWebhook, waitFor } from "./support";

/** shopify.app.toml as the simulator reads it: the subscriptions and the scopes. */
export const APP_CONFIG = loadAppConfig(join(import.meta.dirname, "../../../shopify.app.toml"), ADMIN_API_VERSION);

interface ServedRoutes {
  /** http://127.0.0.1:<port>: the simulator's appUrl. */
  url: string;
  close(): Promise<void>;
}

/**
 * The app's webhook routes served over HTTP on an ephemeral port, as Shopify reaches them: each
 * request goes to the route mounted at its path (postWebhook), answered with the route's status.
 */
async function serveWebhookRoutes(): Promise<ServedRoutes> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`https://crossdock.example.com${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
      postWebhook({ topic: req.url!.replace(/^\/webhooks\//, ""), request }).then(
        (response) => res.writeHead(response.status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface SimulatedApp {
  sim: TestSimulator;
  close(): Promise<void>;
}

/** The routes served, the simulator sending them the toml's subscriptions, the Admin API redirected to it. */
export async function startSimulatedApp(options: Partial<SimulatorOptions> = {}): Promise<SimulatedApp> {
  // The app's webhook routes over HTTP, as Shopify reaches them.
  const routes = await serveWebhookRoutes();
  const sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, appUrl: routes.url, webhookConfig: APP_CONFIG, webhooks: { retryDelayMs: 200 }, ...options });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  return {
    sim,
    async close() {
      await sim.close();
      await routes.close();
    },
  };
}

/**
 * A fresh simulated shop (the fixture seed; an uninstall revokes its token) installed in an empty
 * database: its offline session with `scope`, the shop, its locations.
 */
export async function installFreshShop(sim: TestSimulator, scope: string): Promise<Shop> {
  if ((await sim.control("POST", `/_control/shops/${SHOP}/seed?accessToken=${TOKEN}`, fixtureSeed())).status !== 201) throw new Error("the simulator refused the seed");
  await sim.control("DELETE", "/_control/webhooks");
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope } });
  const shop = await createTestShop({ domain: SHOP });
  await syncLocations(shop, await offlineAdmin()(SHOP));
  return shop;
}

/** Waits until the simulator has delivered everything (the app answered), then for the worker. */
export async function settled(sim: TestSimulator): Promise<void> {
  await sim.control("GET", "/_control/webhooks?wait=1");
  await waitFor(async () => (await prisma.webhookDelivery.count({ where: { status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } })) === 0, {
    what: "the inbox to be processed",
  });
}

/** The app's own webhook processors (the engine routes) on BullMQ, as the worker runs them, with quick retries. */
export function startAppJobs(options: { email?: EmailJobProcessor } = {}): Promise<TestJobs> {
  const admin = offlineAdmin();
  return startJobs("bullmq", createProcessors({ admin, orderRouter: engineOrderRouter(admin) }), { maxAttempts: 3, backoffMs: 100 }, options);
}
