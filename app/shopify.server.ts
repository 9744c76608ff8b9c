import "@shopify/shopify-app-remix/adapters/node";
import { shopifyApi } from "@shopify/shopify-api";
import {
  AppDistribution,
  LogSeverity,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { databaseKind, prisma, sqlPool } from "./db.server";
import { env } from "./env.server";
import { logger } from "./logger.server";
import { ADMIN_API_VERSION } from "./shopify/api-version";
import { adminAccessRefused, type AdminGraphql } from "./shopify/admin-graphql";
import { redirectAdminApiTo } from "./shopify/admin-origin.server";
import { limitAdminApiRequests } from "./shopify/admin-timeout.server";
import { CachedSessionStorage } from "~/models/session-cache.server";
import { RecheckingSessionStorage } from "./shopify/session-table.server";
import {
  PROACTIVE_REFRESH_MS,
  postgresAdvisoryLock,
  processLocalLock,
  RefreshingSessionStorage,
} from "./shopify/offline-token-refresh.server";
import { undecodableHostParam, unusableShopParam } from "./http/host-param";
import { adminLocale } from "./http/admin-locale.server";
import { staffFacingGraphql } from "./http/staff-admin.server";
import { onShopAuthenticated } from "./services/on-shop-authenticated.server";

const config = env();

const libraryLogLevel =
  config.LOG_LEVEL === "debug" || config.LOG_LEVEL === "trace" ? LogSeverity.Debug : LogSeverity.Warning;

// Only the refresh-token grant of Shopify's library, for RefreshingSessionStorage (shopifyApp does
// not expose its own instance); the same credentials and the same runtime fetch.
const tokenApi = shopifyApi({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION,
  hostName: new URL(config.SHOPIFY_APP_URL).host,
  isEmbeddedApp: !config.CROSSDOCK_DEMO,
  logger: { level: libraryLogLevel },
  _logDisabledFutureFlags: false,
});

const prismaSessions = new RecheckingSessionStorage(new PrismaSessionStorage(prisma));

/**
 * Expiring offline tokens (see offline-token-refresh.server.ts): one refresh per shop at a time,
 * across the web process and the worker. Sessions are served from memory for 2 s, never within a
 * minute of the refresh window, so no process keeps using a token another one has replaced.
 */
const sessionCache = new CachedSessionStorage(prismaSessions, { ttlMs: 2_000, nearExpiryMs: PROACTIVE_REFRESH_MS + 60_000 });
const sessionStorage = new RefreshingSessionStorage(sessionCache, prismaSessions, {
  refresh: async (shop, refreshToken) => (await tokenApi.auth.refreshToken({ shop, refreshToken })).session,
  lock: databaseKind === "postgresql" ? postgresAdvisoryLock(sqlPool()!) : processLocalLock,
  forget: (shop) => sessionCache.forgetShop(shop),
});

/**
 * The one `shopifyApp` of Crossdock. In a real deployment the app is embedded in Shopify admin and
 * installs through Shopify-managed installation with token exchange. In demo mode (never in
 * production, see env.server.ts) it runs outside the admin against the local simulator.
 */
const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION,
  scopes: config.SCOPES?.split(",").map((s) => s.trim()).filter(Boolean),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  // Webhooks and the storefront's app-proxy requests load the offline session on every request:
  // served from memory for 2 s (see session-cache.server.ts for what that means across processes).
  sessionStorage,
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: !config.CROSSDOCK_DEMO,
  // The library logs every app-proxy request at info (the storefront block's hot path): only
  // warnings and errors unless our own level asks for debugging.
  logger: { level: libraryLogLevel },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await onShopAuthenticated({ shop: session.shop, graphql: admin.graphql });
    },
  },
  ...(config.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [config.SHOP_CUSTOM_DOMAIN] } : {}),
});

// Must run after the library's own adapter import, which installs its fetch (see OFFLINE.md).
if (config.SHOPIFY_ADMIN_API_ORIGIN) {
  redirectAdminApiTo(config.SHOPIFY_ADMIN_API_ORIGIN);
  logger.info({ origin: config.SHOPIFY_ADMIN_API_ORIGIN }, "Admin API requests go to a local Shopify");
}
limitAdminApiRequests(config.ADMIN_API_TIMEOUT_MS);

export default shopify;
export const apiVersion = ADMIN_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
/**
 * The library's authenticate, with admin requests whose `host` parameter would make the library
 * throw (app/http/host-param.ts) refused first: 400 with a sentence, not a 500; the admin's
 * `graphql` answers a throttled or unreachable Shopify with the admin's 503 page.
 */
export const authenticate: typeof shopify.authenticate = {
  ...shopify.authenticate,
  admin: async (request) => {
    const url = new URL(request.url);
    if (undecodableHostParam(url) || unusableShopParam(url)) {
      throw new Response("The shop or host parameter of this link is not valid. Open Crossdock again from your Shopify admin.", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      });
    }
    let context: Awaited<ReturnType<typeof shopify.authenticate.admin>>;
    try {
      context = await shopify.authenticate.admin(request);
    } catch (thrown) {
      throw await withMessage(thrown);
    }
    // Every admin page's Admin API calls: throttling waited out, then a friendly 503 (staff-admin.server.ts).
    const locale = adminLocale(request, context.session.onlineAccessInfo?.associated_user?.locale);
    context.admin.graphql = staffFacingGraphql(context.session.shop, context.admin.graphql as AdminGraphql, locale) as typeof context.admin.graphql;
    return context;
  },
};

/**
 * The library refuses some requests with an empty 4xx (410 to a user agent it takes for a bot, a
 * callback without its parameters): the same status and headers, with a sentence saying what to do.
 * Redirects and answers with a body pass unchanged (App Bridge reads a 401's header, not its body).
 */
async function withMessage(thrown: unknown): Promise<unknown> {
  if (!(thrown instanceof Response) || thrown.status < 400 || thrown.status >= 500) return thrown;
  if ((await thrown.clone().text()).trim()) return thrown;
  const headers = new Headers(thrown.headers);
  headers.set("Content-Type", "text/plain; charset=utf-8");
  return new Response("Crossdock could not open this page from this request. Open Crossdock again from your Shopify admin.", { status: thrown.status, headers });
}
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export { sessionStorage };

/**
 * The shop's Admin API with its offline session, for work no merchant is present for (jobs, the
 * portal, the storefront): when Shopify answers 401 (the token expired by Shopify's clock, or
 * another process renewed it), the session is renewed once under the shop's lock and the request
 * sent again; a second refusal, or a refused renewal (TokenRefreshFailedError), is thrown.
 */
export async function offlineAdminGraphql(shop: string): Promise<AdminGraphql> {
  let context = await shopify.unauthenticated.admin(shop);
  return async (query, options) => {
    try {
      return await (context.admin.graphql as AdminGraphql)(query, options);
    } catch (error) {
      if (adminAccessRefused(error) !== 401) throw error;
      const rejected = context.session.accessToken;
      await sessionStorage.renewAfterRejection(shop, rejected);
      context = await shopify.unauthenticated.admin(shop);
      logger.info({ shop }, "Admin API: sending again with the renewed token");
      return (context.admin.graphql as AdminGraphql)(query, options);
    }
  };
}
