// The returns desk's test harness: the simulator seeded with the demo shop, sending its signed
// webhooks to the app's real webhook routes (served over HTTP here); the in-process job driver with
// the real processors and the real email job, sending through the `resend` SDK to the Resend
// stand-in; helpers to create delivered orders, portal requests and to read stock.
import "./env";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import type { ActionFunctionArgs } from "@remix-run/node";
import { prisma } from "~/db.server";
import { resendProvider } from "~/email/resend-provider.server";
import { offlineAdmin } from "~/jobs/admin.server";
import { createEmailProcessor } from "~/jobs/email-processor.server";
import { InlineJobDriver } from "~/jobs/inline-driver.server";
import { createProcessors } from "~/jobs/webhook-topics.server";
import { installJobDriver } from "~/queue/handle.server";
import type { Shop } from "~/models/shops.server";
import { requestReturn } from "~/services/request-return.server";
import { syncLocations } from "~/services/sync-locations.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { routeMounts } from "../../../app/route-mounts";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { loadAppConfig } from "../../../simulator/webhooks/app-config";
import { startResendStandIn, type ResendStandIn } from "../../../tools/resend-stand-in";
import { createTestShop, resetDatabase } from "../../setup/db";
import { startTestSimulator, TOKEN, type TestSimulator } from "../../simulator/helpers";
import { API_KEY, API_SECRET, APP, EMAIL_FROM } from "./env";
import { simulatorAdminGraphql } from "../../support/simulator-admin";
import { handOverRecorder } from "../../support/order-routers";

export const seed = buildDemoShop({ now: new Date() });
export const SHOP = seed.shop.domain;
const DAY = 86_400_000;
const ROOT = join(import.meta.dirname, "../../..");

export const byTag = (tag: string, exclude: string[] = []) =>
  seed.products.find((p) => p.status === "ACTIVE" && p.tags.includes(tag) && !exclude.some((t) => p.tags.includes(t)))!.variants[0]!.sku;

export interface Desk {
  sim: TestSimulator;
  standIn: ResendStandIn;
  graphql: AdminGraphql;
  jobs: InlineJobDriver;
  close(): Promise<void>;
}

type RouteModule = { action: (args: ActionFunctionArgs) => Promise<Response> };

export async function startDesk(): Promise<Desk> {
  const app: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      // The route module the app mounts at this path (app/route-mounts.ts); none: Remix's 404.
      const mount = routeMounts(ROOT).find((m) => `/${m.path}` === req.url);
      if (!mount) return void res.writeHead(404).end();
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const request = new Request(`${APP}${req.url}`, { method: "POST", headers, body: Buffer.concat(chunks) });
      import(`../../../app/${mount.file}`)
        .then((route: RouteModule) => route.action({ request, params: {}, context: {} }))
        .then(
          (response) => res.writeHead(response.status).end(),
          (thrown) => res.writeHead(thrown instanceof Response ? thrown.status : 500).end(),
        );
    });
  });
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  const port = (app.address() as { port: number }).port;
  const sim = await startTestSimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    seed,
    accessToken: TOKEN,
    appUrl: `http://127.0.0.1:${port}`,
    webhookConfig: loadAppConfig(join(ROOT, "shopify.app.toml"), ADMIN_API_VERSION),
    webhooks: { retryDelayMs: 200 },
  });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  const standIn = await startResendStandIn();
  const jobs = new InlineJobDriver({
    processors: createProcessors({ admin: offlineAdmin(), orderRouter: handOverRecorder() }),
    retry: { maxAttempts: 3, backoffMs: 100 },
    pollMs: 50,
    concurrency: 2,
    email: createEmailProcessor({ provider: resendProvider({ apiKey: standIn.apiKey, baseUrl: standIn.url, timeoutMs: 5_000 }), maxAttempts: 3, emailFrom: EMAIL_FROM }),
    emailSweepMs: 60_000,
  });
  jobs.start();
  installJobDriver(jobs);
  const graphql: AdminGraphql = simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN);
  return {
    sim,
    standIn,
    // Throttle-aware like the app's own clients: a test's many calls must not trip the bucket.
    graphql: resilientGraphql(graphql),
    jobs,
    async close() {
      installJobDriver(undefined);
      await jobs.close();
      await sim.close();
      await standIn.close();
      await new Promise((resolve) => app.close(resolve));
    },
  };
}

/** A clean database with the demo shop installed (offline session, locations synced). */
export async function installShop(desk: Desk): Promise<Shop> {
  await resetDatabase();
  desk.standIn.reset();
  const shop = await createTestShop({ domain: SHOP, name: seed.shop.name, timezone: "UTC", currency: "USD" });
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: "read_orders,write_returns" } });
  await syncLocations(shop, desk.graphql);
  return shop;
}

export async function control(desk: Desk, method: string, path: string, body?: unknown) {
  const result = await desk.sim.control(method, `/_control/shops/${SHOP}${path}`, body);
  if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body as Record<string, unknown>;
}

/** A paid order shipped to `shippingAddress` (whose names are the customer's) and delivered three days ago. */
export async function deliveredTo(
  desk: Desk,
  lines: { sku: string; quantity: number }[],
  shippingAddress: Record<string, unknown> & { firstName: string; lastName: string },
  options: { email?: string; locale?: string; tracking?: { company: string; number: string } } = {},
): Promise<string> {
  const email = options.email ?? `${shippingAddress.firstName.toLowerCase()}@example.com`;
  const customer = { email, firstName: shippingAddress.firstName, lastName: shippingAddress.lastName, ...(options.locale && { locale: options.locale }) };
  const created = (await control(desk, "POST", "/orders", { lines, email, customer, shippingAddress, financialStatus: "PAID" })) as { order: { id: string } };
  const shipped = (await control(desk, "POST", "/fulfillments", { orderId: created.order.id, ...(options.tracking && { tracking: options.tracking }) })) as { fulfillments: { id: string }[] };
  for (const f of shipped.fulfillments) await control(desk, "POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 3 * DAY).toISOString() });
  return created.order.id;
}

/** A return's status in Shopify (the simulator's state). */
export async function shopifyReturnStatus(desk: Desk, shopifyReturnId: string): Promise<string> {
  const state = (await control(desk, "GET", "/state")) as unknown as { orders: { returns: { id: string; status: string }[] }[] };
  return state.orders.flatMap((o) => o.returns).find((r) => r.id === shopifyReturnId)!.status;
}

/** A paid order shipped and delivered `deliveredDaysAgo` days ago. */
export async function deliveredOrder(desk: Desk, lines: { sku: string; quantity: number }[], options: { deliveredDaysAgo?: number; email?: string; locale?: string } = {}): Promise<string> {
  const email = options.email ?? "mai@example.com";
  const created = (await control(desk, "POST", "/orders", {
    lines,
    email,
    customer: { email, firstName: "Mai", lastName: "Nguyễn", ...(options.locale && { locale: options.locale }) },
    shippingAddress: { firstName: "Mai", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 },
    financialStatus: "PAID",
  })) as { order: { id: string } };
  const orderId = created.order.id;
  const shipped = (await control(desk, "POST", "/fulfillments", { orderId, tracking: { company: "VNPost", number: "EE123456789VN" } })) as { fulfillments: { id: string }[] };
  const at = new Date(Date.now() - (options.deliveredDaysAgo ?? 3) * DAY).toISOString();
  for (const f of shipped.fulfillments) await control(desk, "POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at });
  return orderId;
}

/** The shopper's request through the portal's use case (every returnable unit, one reason). */
export async function portalRequest(desk: Desk, shop: Shop, orderId: string, options: { reason?: string; method?: "MAIL" | "DROP_OFF" } = {}) {
  const { loadReturnOptions } = await import("~/services/load-return-options.server");
  const loaded = await loadReturnOptions({ shop, graphql: desk.graphql, orderId });
  if (loaded.status !== "ok") throw new Error("order not found");
  const items = loaded.options.items.filter((i) => i.eligible);
  const result = await requestReturn({
    shop,
    graphql: desk.graphql,
    orderId,
    locale: "en",
    actor: "shopper",
    selection: {
      items: items.map((i) => ({ fulfillmentLineItemId: i.line.fulfillmentLineItemId, quantity: i.maxQuantity, reason: options.reason ?? "SIZE_TOO_SMALL", note: "" })),
      method: options.method ?? "MAIL",
      dropOffLocationId: options.method === "DROP_OFF" ? loaded.options.dropOffStores[0]!.id : null,
    },
  });
  if (result.status !== "created") throw new Error(`portal request: ${JSON.stringify(result)}`);
  return result.ret;
}

/** Waits until the simulator has delivered its webhooks and the inbox is processed. */
export async function settled(desk: Desk): Promise<void> {
  await desk.sim.control("GET", "/_control/webhooks?wait=1");
  await waitFor(async () => (await prisma.webhookDelivery.count({ where: { status: { in: ["RECEIVED", "QUEUED", "PROCESSING"] } } })) === 0, "the inbox to be processed");
}

export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** On-hand units of a variant (by SKU) at a location, from the simulator's state. */
export async function onHand(desk: Desk, sku: string, locationId: string): Promise<number> {
  const state = (await control(desk, "GET", "/state")) as unknown as { inventory: { sku: string | null; locationId: string; on_hand: number }[] };
  return state.inventory.find((i) => i.sku === sku && i.locationId === locationId)?.on_hand ?? 0;
}
