// Rate limits of the portal's order lookup (rate-limiter-flexible): per client IP and per order
// number of a shop, so neither one address guessing many orders nor many addresses guessing one
// order get far. Redis-backed when REDIS_URL is set (shared by every web process), in memory
// otherwise (the embedded single-process default). While Redis is unreachable an in-memory
// insurance limiter takes over instead of letting every attempt through.
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { env } from "~/env.server";
import { logger } from "~/logger.server";

export interface LookupLimits {
  /** Attempts per client IP per window. */
  perIp: number;
  /** Attempts per (shop, order number) per window. */
  perOrder: number;
  windowSeconds: number;
}

export const DEFAULT_LOOKUP_LIMITS: LookupLimits = { perIp: 10, perOrder: 5, windowSeconds: 15 * 60 };

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number; scope: "ip" | "order" };

export interface LookupRateLimiter {
  readonly backend: "redis" | "memory";
  /** Counts one attempt against both keys; refused when either is over its limit. */
  consume(input: { ip: string; shopId: string; orderKey: string }): Promise<RateDecision>;
}

function build(
  backend: "redis" | "memory",
  limits: LookupLimits,
  make: (keyPrefix: string, points: number) => RateLimiterAbstract,
): LookupRateLimiter {
  const byIp = make("portal-lookup-ip", limits.perIp);
  const byOrder = make("portal-lookup-order", limits.perOrder);
  async function hit(limiter: RateLimiterAbstract, key: string): Promise<number> {
    try {
      await limiter.consume(key);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw rejection;
    }
  }
  return {
    backend,
    async consume({ ip, shopId, orderKey }) {
      // Both keys are always charged (no early exit), whatever the order number is.
      const [ipWait, orderWait] = await Promise.all([hit(byIp, ip), hit(byOrder, `${shopId}:${orderKey}`)]);
      if (ipWait === 0 && orderWait === 0) return { ok: true };
      return ipWait >= orderWait
        ? { ok: false, retryAfterSeconds: ipWait, scope: "ip" }
        : { ok: false, retryAfterSeconds: orderWait, scope: "order" };
    },
  };
}

export function memoryLookupLimiter(limits: LookupLimits = DEFAULT_LOOKUP_LIMITS): LookupRateLimiter {
  return build("memory", limits, (keyPrefix, points) => new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds }));
}

/** On an existing ioredis connection; `prefix` separates apps (or test runs) sharing one Redis. */
export function redisLookupLimiter(
  redis: Redis,
  limits: LookupLimits = DEFAULT_LOOKUP_LIMITS,
  prefix = "crossdock",
): LookupRateLimiter {
  return build("redis", limits, (keyPrefix, points) =>
    new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:${keyPrefix}`,
      points,
      duration: limits.windowSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration: limits.windowSeconds }),
    }),
  );
}

const globalForLimits = globalThis as typeof globalThis & { __crossdockLookupLimiter?: LookupRateLimiter };

function fromEnvironment(): LookupRateLimiter {
  const config = env();
  if (!config.REDIS_URL) return memoryLookupLimiter();
  const redis = new Redis(config.REDIS_URL, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let last = 0;
  redis.on("error", (error) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    logger.warn({ err: error, source: "portal rate limits" }, "Redis unavailable: portal rate limits kept in memory");
  });
  return redisLookupLimiter(redis, DEFAULT_LOOKUP_LIMITS, config.JOBS_QUEUE_PREFIX);
}

/** The process's lookup limiter (Redis when REDIS_URL is set, else memory). */
export function lookupRateLimiter(): LookupRateLimiter {
  return (globalForLimits.__crossdockLookupLimiter ??= fromEnvironment());
}

/** Replaces the process's limiter (tests). Returns the previous one. */
export function installLookupRateLimiter(limiter: LookupRateLimiter | undefined): LookupRateLimiter | undefined {
  const previous = globalForLimits.__crossdockLookupLimiter;
  globalForLimits.__crossdockLookupLimiter = limiter;
  return previous;
}
