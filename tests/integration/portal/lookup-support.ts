// Shared by the portal's integration tests: the app's configuration, the simulator with two shops
// (the fixture shop and a copy of it under another domain: same order numbers, same emails), the
// two shops installed in the database with offline sessions, and helpers that call the portal's
// Remix loaders and actions with a Request as Remix does.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export const API_KEY = "portal-test-key";
export const API_SECRET = "portal-test-secret";
export const APP = "https://crossdock.example.com";
Object.assign(process.env, { SHOPIFY_API_KEY: API_KEY, SHOPIFY_API_SECRET: API_SECRET, SHOPIFY_APP_URL: APP, LOG_LEVEL: "silent" });
delete process.env.REDIS_URL;
delete process.env.CROSSDOCK_DEMO;

const { prisma } = await import("~/db.server");
const { redirectAdminApiTo } = await import("~/shopify/admin-origin.server");
const { signedProxyParams } = await import("../../../simulator/app-proxy");
const { createTestShop, resetDatabase } = await import("../../setup/db");
const { fixtureSeed, SHOP } = await import("../../simulator/fixture-seed");
const { startTestSimulator, TOKEN } = await import("../../simulator/helpers");
type TestSimulator = Awaited<ReturnType<typeof startTestSimulator>>;

export { SHOP, TOKEN };
export const OTHER_SHOP = "other-portal-test.myshopify.com";

export async function startPortalSimulator(): Promise<TestSimulator> {
  const sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET });
  const other = fixtureSeed();
  other.shop = { ...other.shop, domain: OTHER_SHOP, name: "Other Shop" };
  const seeded = await sim.control("POST", `/_control/shops/${OTHER_SHOP}/seed?accessToken=${TOKEN}`, other);
  if (seeded.status >= 300) throw new Error(`seeding ${OTHER_SHOP}: ${JSON.stringify(seeded.body)}`);
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  return sim;
}

/** Both shops installed in the database, each with its offline session. */
export async function installShops() {
  await resetDatabase();
  const shop = await createTestShop({ domain: SHOP, name: "Sim Test", timezone: "UTC" });
  const other = await createTestShop({ domain: OTHER_SHOP, name: "Other Shop", timezone: "UTC" });
  for (const domain of [SHOP, OTHER_SHOP]) {
    await prisma.session.create({
      data: { id: `offline_${domain}`, shop: domain, state: "", isOnline: false, accessToken: TOKEN, scope: "read_orders,read_locations" },
    });
  }
  return { shop, other };
}

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response>;

/** Runs a loader or action; a thrown Response is returned like Remix renders it. */
export async function call(handler: Handler, request: Request, params: Record<string, string>): Promise<Response> {
  try {
    return await handler({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The header Crossdock's HTTP servers stamp with the socket address (app/http/client-address.server.ts). */
export const PEER = "x-crossdock-peer-address";

/**
 * A browser visiting the portal on the app host: keeps the CSRF cookie between requests. `ip` is
 * the socket address the server stamps; `forwardedFor`, when set, an X-Forwarded-For it sends itself.
 */
export class PortalBrowser {
  cookie: string | null = null;
  forwardedFor: string | null = null;
  constructor(readonly ip = "203.0.113.10") {}

  request(path: string, init: RequestInit = {}): Request {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("Cookie", this.cookie);
    headers.set(PEER, this.ip);
    if (this.forwardedFor) headers.set("X-Forwarded-For", this.forwardedFor);
    return new Request(`${APP}${path}`, { ...init, headers });
  }

  remember(response: Response): void {
    const set = response.headers.get("Set-Cookie");
    if (set) this.cookie = set.split(";")[0]!;
  }
}

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

/** The query string Shopify's app proxy sends for a storefront request (signed). */
export function proxyQuery(shop: string, input: { customerId?: string; query?: Record<string, string> } = {}): string {
  return signedProxyParams(new URLSearchParams(input.query ?? {}), {
    shop,
    pathPrefix: "/apps/crossdock",
    secret: API_SECRET,
    customerId: input.customerId ?? "",
  }).toString();
}
