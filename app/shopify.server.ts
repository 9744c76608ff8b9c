import "@shopify/shopify-app-remix/adapters/node";
import {
  AppDistribution,
  LogSeverity,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { logger } from "./logger.server";
import { ADMIN_API_VERSION } from "./shopify/api-version";
import { redirectAdminApiTo } from "./shopify/admin-origin.server";
import { CachedSessionStorage } from "./shopify/session-cache.server";
import { onShopAuthenticated } from "./services/on-shop-authenticated.server";

const config = env();

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
  sessionStorage: new CachedSessionStorage(new PrismaSessionStorage(prisma), { ttlMs: 2_000 }),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: !config.CROSSDOCK_DEMO,
  // The library logs every app-proxy request at info (the storefront block's hot path): only
  // warnings and errors unless our own level asks for debugging.
  logger: {
    level: config.LOG_LEVEL === "debug" || config.LOG_LEVEL === "trace" ? LogSeverity.Debug : LogSeverity.Warning,
  },
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

export default shopify;
export const apiVersion = ADMIN_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
