// Expiring offline tokens across processes: `npm start` and `npm run worker` (the production build,
// PostgreSQL, Redis) share the shop's offline session. The simulator's clock is moved past the
// token's hour, so Shopify refuses it while the app still believes it valid; then the web process
// (a portal page) and the worker (a webhook job) both need the Admin API at once. Exactly one
// refresh reaches Shopify (the PostgreSQL advisory lock, and the re-read after taking it) and both
// succeed with the renewed token. Without the lock each process refreshes, and the one that stored
// last keeps a token Shopify has already revoked (FIDELITY AT-3: one active expiring token).
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "~/db.server";
import { issueOrderAccessToken } from "~/security/tokens.server";
import { setPortalSecretForTests } from "~/security/signing.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { freePort, startProcess, waitForHttp, type Started } from "../../scripts/lib/processes";
import { loadAppConfig } from "../../simulator/webhooks/app-config";
import { createTestShop, resetDatabase } from "../setup/db";
import { API_KEY, API_SECRET, SHOP, startTestSimulator, type TestSimulator } from "../simulator/helpers";
import { waitForLocationRename } from "../support/location-job";
import { productionBuild, ROOT } from "../support/production-build";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PORTAL_SECRET = "token-refresh-portal-secret-0123456789";
let sim: TestSimulator;
let web: Started;
let worker: Started;
let appUrl: string;
let shopId: string;

interface TokenLog {
  requests: { grantType: string; status: number; error?: string }[];
  activeExpiringAccessToken: { token: string } | null;
}

beforeAll(async () => {
  const buildDir = await productionBuild();
  await resetDatabase();
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  sim = await startTestSimulator({
    appUrl,
    webhookConfig: loadAppConfig(join(ROOT, "shopify.app.toml"), ADMIN_API_VERSION),
    webhooks: { retryDelayMs: 200 },
  });
  shopId = (await createTestShop({ domain: SHOP })).id;

  // The shop installed with an expiring offline token (what `expiringOfflineAccessTokens` asks for).
  const grant = (await (
    await fetch(`${sim.sim.url}/shops/${SHOP}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ client_id: API_KEY, client_secret: API_SECRET, code: "install", expiring: "1" }),
    })
  ).json()) as { access_token: string; scope: string; expires_in: number; refresh_token: string; refresh_token_expires_in: number };
  await prisma.session.create({
    data: {
      id: `offline_${SHOP}`,
      shop: SHOP,
      state: "",
      isOnline: false,
      accessToken: grant.access_token,
      scope: grant.scope,
      expires: new Date(Date.now() + grant.expires_in * 1000),
      refreshToken: grant.refresh_token,
      refreshTokenExpires: new Date(Date.now() + grant.refresh_token_expires_in * 1000),
    },
  });

  const env = {
    NODE_ENV: "production",
    CROSSDOCK_BUILD_DIR: buildDir,
    DATABASE_URL: process.env.DATABASE_URL,
    REDIS_URL,
    JOBS_QUEUE_PREFIX: `crossdock-test-refresh-${randomUUID().slice(0, 8)}`,
    SHOPIFY_API_KEY: API_KEY,
    SHOPIFY_API_SECRET: API_SECRET,
    SHOPIFY_APP_URL: "https://crossdock.example.com",
    SHOPIFY_ADMIN_API_ORIGIN: sim.sim.url,
    PORTAL_SECRET,
    RECONCILE_INTERVAL_MINUTES: "0",
    LOG_LEVEL: "info",
    PORT: String(port),
  };
  web = startProcess("npm", ["start"], env, ROOT);
  worker = startProcess("npm", ["run", "worker"], env, ROOT);
  await waitForHttp(`${appUrl}/`, 60_000, web);
  setPortalSecretForTests(PORTAL_SECRET);
}, 360_000);

afterAll(async () => {
  setPortalSecretForTests(undefined);
  await Promise.all([web?.stop(), worker?.stop()]);
  await sim?.close();
});

describe("two processes, one expired token", () => {
  it("renews it once: the web process and the worker both succeed with the renewed token", async () => {
    const order = (await sim.data(`{ orders(first: 1, sortKey: CREATED_AT) { nodes { id name } } }`)).orders.nodes[0] as { id: string; name: string };
    const location = (await sim.data(`{ locations(first: 1, query: "name:Warehouse") { nodes { id } } }`)).locations.nodes[0] as { id: string };
    const portalUrl = `${appUrl}/portal/${SHOP}/o/${issueOrderAccessToken({ shopId, orderId: order.id })}`;

    // Both processes have used the token before it expires.
    const warm = await fetch(portalUrl, { signal: AbortSignal.timeout(30_000) });
    expect(warm.status, `web:\n${web.output()}`).toBe(200);
    await sim.control("POST", `/_control/shops/${SHOP}/tokens`, { clearRequests: true, endpointLatencyMs: 1_500 });

    // An hour later by Shopify's clock: the token is refused, the app's session still says valid.
    await sim.control("POST", "/_control/clock", { advanceSeconds: 3_700 });

    // At once: the worker's job (locations/update → read every location) and a shopper's page.
    const renamed = sim.control("PATCH", `/_control/shops/${SHOP}/locations/${encodeURIComponent(location.id)}`, { name: "Renewed Warehouse" });
    const pages = Promise.all([fetch(portalUrl, { signal: AbortSignal.timeout(30_000) }), fetch(portalUrl, { signal: AbortSignal.timeout(30_000) })]);
    expect((await renamed).status).toBe(200);
    const [first, second] = await pages;
    const logs = () => `web:\n${web.output()}\nworker:\n${worker.output()}`;
    expect(first.status, logs()).toBe(200);
    expect(second.status, logs()).toBe(200);
    expect(await first.text()).toContain(order.name);

    const { stored, deliveries } = await waitForLocationRename(SHOP, location.id, "Renewed Warehouse");
    expect(stored, `${logs()}\ndeliveries: ${JSON.stringify(deliveries.map((d) => [d.status, d.lastError]))}`).not.toBeNull();
    expect(deliveries.map((d) => d.status)).toEqual(["PROCESSED"]);

    // Exactly one refresh reached Shopify, and the stored session holds the token it issued.
    const tokens = (await sim.control("GET", `/_control/shops/${SHOP}/tokens`)).body as TokenLog;
    expect(tokens.requests, logs()).toEqual([{ grantType: "refresh_token", expiring: true, at: expect.any(String), status: 200 }]);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: `offline_${SHOP}` } });
    expect(session.accessToken).toBe(tokens.activeExpiringAccessToken?.token);
    expect((web.output() + worker.output()).match(/offline token: renewed/g), logs()).toHaveLength(1);
  }, 120_000);
});
