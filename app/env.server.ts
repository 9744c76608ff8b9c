import { z } from "zod";

/**
 * Crossdock's configuration, checked once at start-up. A missing or malformed variable stops the
 * process with a message that names it, instead of failing later inside a request.
 */

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLoopbackUrl(value: string): boolean {
  try {
    return loopbackHosts.has(new URL(value).hostname);
  } catch {
    return false;
  }
}

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    SHOPIFY_API_KEY: z.string().min(1, "SHOPIFY_API_KEY is required (the app's client id)"),
    SHOPIFY_API_SECRET: z.string().min(1, "SHOPIFY_API_SECRET is required (the app's client secret)"),
    SHOPIFY_APP_URL: z.url("SHOPIFY_APP_URL must be the app's public URL, e.g. https://crossdock.example.com"),
    SCOPES: z.string().optional(),
    SHOP_CUSTOM_DOMAIN: z.string().optional(),
    /** Real PostgreSQL. Unset: the embedded PostgreSQL (PGlite) in EMBEDDED_DB_DIR. */
    DATABASE_URL: z.string().optional(),
    EMBEDDED_DB_DIR: z.string().optional(),
    /** Redis for BullMQ and rate limits. Unset: the embedded in-process driver. */
    REDIS_URL: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined))
      .refine((v) => v === undefined || /^rediss?:\/\//.test(v), "REDIS_URL must be a redis:// or rediss:// URL"),
    /** Key prefix of Crossdock's BullMQ queues in Redis (several apps or test runs can share one Redis). */
    JOBS_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, _ . - only").default("crossdock"),
    /** Attempts per job before it is FAILED (the dead letter the Activity page shows). */
    JOBS_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    /** First retry delay; doubles with every failure. */
    JOBS_BACKOFF_MS: z.coerce.number().int().min(0).default(2_000),
    /** Within one job attempt: how often an Admin API request that met a 5xx or a lost connection is sent again (with back-off). */
    ADMIN_API_RETRIES: z.coerce.number().int().min(0).max(10).default(5),
    /** Jobs a worker process runs at once (BullMQ driver). */
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(8),
    /** How long a worker holds a job without renewing; a killed worker's job is picked up after it. */
    JOBS_LOCK_DURATION_MS: z.coerce.number().int().min(500).default(30_000),
    /** Reconcile every installed shop with the Admin API this often; 0 = never. */
    RECONCILE_INTERVAL_MINUTES: z.coerce.number().min(0).default(15),
    /** Orders changed in this many hours are compared by reconciliation. */
    RECONCILE_ORDERS_WINDOW_HOURS: z.coerce.number().min(1).max(24 * 60).default(24),
    /**
     * Send every Admin API request to this origin instead of https://{shop}: the local Shopify
     * Admin simulator. Unset in real deployments.
     */
    SHOPIFY_ADMIN_API_ORIGIN: z.url().optional(),
    /** Milliseconds before a request to a shop's Admin API is given up (and retried): the library sets no timeout. */
    ADMIN_API_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(30_000),
    /** Demo mode: the admin runs outside Shopify admin with a local sign-in. Never in production. */
    CROSSDOCK_DEMO: flag,
    /** The simulated shop the demo signs in to. */
    CROSSDOCK_DEMO_SHOP: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "must be a *.myshopify.com domain")
      .default("crossdock-demo.myshopify.com"),
    /** Resend API key. Unset (the demo): emails are kept in the outbox (Emails page), nothing is sent. */
    RESEND_API_KEY: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined)),
    /** Resend's API origin; tests point it at tools/resend-stand-in.ts. Default https://api.resend.com. */
    RESEND_BASE_URL: z.url("RESEND_BASE_URL must be a URL, e.g. http://127.0.0.1:3025").optional(),
    /**
     * EasyPost API key (test or production). Set: US mail returns get a carrier label bought from
     * EasyPost (tools/easypost-stand-in.ts in tests and the demo). Unset: the shopper ships the
     * parcel themselves (the built-in provider: no postage).
     */
    EASYPOST_API_KEY: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined)),
    /** EasyPost's API base; tests point it at the stand-in. Default https://api.easypost.com/v2/. */
    EASYPOST_BASE_URL: z.url("EASYPOST_BASE_URL must be a URL, e.g. http://127.0.0.1:3026/v2/").optional(),
    /** How fast return labels travel: economy (cheapest), standard (≤ 5 days, default) or express (≤ 2 days). */
    EASYPOST_SERVICE_LEVEL: z.enum(["economy", "standard", "express"]).default("standard"),
    /**
     * The secret of Crossdock's EasyPost webhook (`webhook_secret`): EasyPost signs each Event with it
     * (X-Hmac-Signature) and /carriers/easypost/webhook refuses what it does not sign (401). Unset:
     * the endpoint refuses every Event (tracking then only moves when staff receive the return).
     */
    EASYPOST_WEBHOOK_SECRET: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined)),
    /** Milliseconds before a request to EasyPost is given up. */
    EASYPOST_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(20_000),
    /**
     * Giao Hàng Nhanh (GHN) API token (khachhang.ghn.vn → Chủ cửa hàng → Xem Token API). Set with
     * GHN_SHOP_ID: Vietnamese mail returns (shopper and return location in Vietnam) get a GHN label
     * (tools/ghn-stand-in.ts in tests and the demo). Unset: the built-in provider.
     */
    GHN_TOKEN: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined)),
    /** The GHN shop (cửa hàng) the return orders belong to: the "ShopId" header. */
    GHN_SHOP_ID: z.coerce.number("GHN_SHOP_ID must be the number of your GHN shop").int().positive("GHN_SHOP_ID must be the number of your GHN shop").optional(),
    /** GHN's API origin; tests point it at the stand-in, GHN's test environment is https://dev-online-gateway.ghn.vn. Default https://online-gateway.ghn.vn. */
    GHN_BASE_URL: z.url("GHN_BASE_URL must be a URL, e.g. https://online-gateway.ghn.vn").optional(),
    /** Prefix of the shopper's tracking link, the order code appended. Default https://donhang.ghn.vn/?order_code= */
    GHN_TRACKING_URL: z.url("GHN_TRACKING_URL must be a URL the order code can be appended to").optional(),
    /**
     * The secret part of the webhook URL configured at GHN (https://<app>/carriers/ghn/<secret>):
     * GHN signs no callback, so only a URL nobody can guess is accepted. Unset: GHN's callbacks are refused.
     */
    GHN_WEBHOOK_SECRET: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined))
      .refine((v) => v === undefined || /^[A-Za-z0-9_-]{24,}$/.test(v), "GHN_WEBHOOK_SECRET must be at least 24 letters, digits, - or _ (e.g. `openssl rand -hex 24`)"),
    /** Milliseconds before a request to GHN is given up. */
    GHN_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(20_000),
    /** Sender of shopper emails ("Name <address>" or an address on a domain verified at Resend). */
    EMAIL_FROM: z
      .string()
      .trim()
      .regex(/^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/, 'EMAIL_FROM must be "Name <address@domain>" or an address')
      .default("Crossdock <onboarding@resend.dev>"),
    /**
     * Proxies of yours in front of Crossdock that append the client to X-Forwarded-For (a load
     * balancer, a CDN). 0 (default): the socket address is the client. Per-client limits (the portal
     * lookup) count the entry the outermost trusted proxy appended; entries further left are the
     * client's own words and are never believed. Shopify's app proxy is counted on top of this.
     */
    TRUSTED_PROXY_COUNT: z.coerce
      .number("TRUSTED_PROXY_COUNT must be a whole number of proxies (0 when clients connect directly)")
      .int("TRUSTED_PROXY_COUNT must be a whole number of proxies")
      .min(0, "TRUSTED_PROXY_COUNT cannot be negative")
      .max(10, "TRUSTED_PROXY_COUNT above 10 is surely a mistake")
      .default(0),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * Signs the customer portal's order links, signed URLs (labels) and CSRF tokens (HMAC-SHA256).
     * Required outside demo mode and tests; at least 32 characters (e.g. `openssl rand -hex 32`).
     */
    PORTAL_SECRET: z
      .string()
      .optional()
      .transform((v) => (v?.trim() ? v.trim() : undefined))
      .refine((v) => v === undefined || v.length >= 32, "PORTAL_SECRET must be at least 32 characters"),
  })
  .superRefine((env, ctx) => {
    if (!env.PORTAL_SECRET && !env.CROSSDOCK_DEMO && env.NODE_ENV !== "test") {
      ctx.addIssue({
        code: "custom",
        path: ["PORTAL_SECRET"],
        message: "PORTAL_SECRET is required (signs the customer portal's links; e.g. `openssl rand -hex 32`)",
      });
    }
    if (env.GHN_TOKEN && !env.GHN_SHOP_ID) {
      ctx.addIssue({ code: "custom", path: ["GHN_SHOP_ID"], message: "GHN_SHOP_ID is required with GHN_TOKEN (the GHN shop the return orders belong to)" });
    }
    if (!env.CROSSDOCK_DEMO) return;
    if (env.NODE_ENV === "production") {
      ctx.addIssue({
        code: "custom",
        path: ["CROSSDOCK_DEMO"],
        message: "demo mode can never run with NODE_ENV=production",
      });
    }
    if (!isLoopbackUrl(env.SHOPIFY_APP_URL)) {
      ctx.addIssue({
        code: "custom",
        path: ["CROSSDOCK_DEMO"],
        message: `demo mode needs a local SHOPIFY_APP_URL (localhost), not ${env.SHOPIFY_APP_URL}`,
      });
    }
    if (!env.SHOPIFY_ADMIN_API_ORIGIN || !isLoopbackUrl(env.SHOPIFY_ADMIN_API_ORIGIN)) {
      ctx.addIssue({
        code: "custom",
        path: ["CROSSDOCK_DEMO"],
        message: "demo mode needs SHOPIFY_ADMIN_API_ORIGIN pointing at the local simulator",
      });
    }
  });

/** Demo mode and tests only (never accepted in production, see the check above). */
export const DEMO_PORTAL_SECRET = "crossdock-demo-portal-secret-never-use-in-production";

const envWithDefaults = envSchema.transform((env) => ({
  ...env,
  PORTAL_SECRET: env.PORTAL_SECRET ?? DEMO_PORTAL_SECRET,
}));

export type Env = z.infer<typeof envWithDefaults>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envWithDefaults.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigurationError(`Crossdock cannot start, its configuration is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
