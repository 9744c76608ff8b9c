import { Session } from "@shopify/shopify-api";
import type pg from "pg";
import { logger } from "~/logger.server";
import type { SessionStore } from "~/models/session-cache.server";

/**
 * Expiring offline access tokens (shopify.dev "About offline access tokens"): the shop's offline
 * token lives an hour, and every refresh returns a new access token *and* a new refresh token while
 * the previous access token stops working (one expiring token per app and shop). Two processes that
 * refresh at once (the web process and the worker) would each get a pair, and whichever stored last
 * would keep a revoked token. So every refresh of a shop runs:
 *
 * - once per process at a time (callers in flight share one refresh), and
 * - under the shop's lock across processes (a PostgreSQL advisory lock), re-reading the stored
 *   session after the lock is taken: when another process refreshed meanwhile, its token is used
 *   and nothing is sent to Shopify.
 *
 * Refreshes happen before they are needed (a session whose token expires within `windowMs` is
 * refreshed when it is loaded: `@shopify/shopify-app-remix` then never refreshes by itself, as it
 * only does within five minutes of expiry) and after Shopify answered 401 to a token this process
 * held (`renewAfterRejection`: the token expired by Shopify's clock, or another process replaced it).
 */

/** Refresh when the access token expires within this window (the library's own is 5 minutes). */
export const PROACTIVE_REFRESH_MS = 10 * 60_000;
/** A refresh that failed is not tried again for this long (a burst of requests makes one attempt). */
const FAILURE_BACKOFF_MS = 30_000;

export interface ShopLock {
  /** Runs `fn` while holding the shop's refresh lock (exclusive across processes). */
  run<T>(shop: string, fn: () => Promise<T>): Promise<T>;
}

/** The refresh-token grant: the new offline session, or a thrown error. */
export type RefreshGrant = (shop: string, refreshToken: string) => Promise<Session>;

/** Shopify refused to renew the shop's token (or could not be reached); `permanent` when a retry cannot help. */
export class TokenRefreshFailedError extends Error {
  override name = "TokenRefreshFailedError";
  constructor(
    readonly shop: string,
    readonly permanent: boolean,
    cause: unknown,
  ) {
    super(
      permanent
        ? `${shop}'s access token cannot be renewed (${describe(cause)}): a staff member must open Crossdock in the shop's Shopify admin`
        : `Could not renew ${shop}'s access token (${describe(cause)})`,
      { cause },
    );
  }
}

function describe(error: unknown): string {
  const response = (error as { response?: { code?: number; body?: { error?: string } } } | null)?.response;
  if (response?.code) return `HTTP ${response.code}${response.body?.error ? ` ${response.body.error}` : ""}`;
  return error instanceof Error ? error.message : String(error);
}

/** 4xx from the token endpoint (invalid_grant, invalid_client): the same request would fail again. */
function isPermanent(error: unknown): boolean {
  const code = (error as { response?: { code?: number } } | null)?.response?.code;
  return typeof code === "number" && code >= 400 && code < 500 && code !== 429;
}

export interface RefreshingSessionStorageOptions {
  refresh: RefreshGrant;
  lock: ShopLock;
  windowMs?: number;
  now?: () => number;
  /** Drops what `outer` keeps in memory for the shop (a token found replaced in the table). */
  forget?: (shop: string) => void;
}

/**
 * The session storage Crossdock hands `shopifyApp`: `outer` (the cached storage) serves loads and
 * writes; `direct` reads the table itself, for the re-read under the lock.
 */
export class RefreshingSessionStorage implements SessionStore {
  private readonly inFlight = new Map<string, Promise<Session | undefined>>();
  private readonly failures = new Map<string, { until: number; error: TokenRefreshFailedError }>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly outer: SessionStore,
    private readonly direct: SessionStore,
    private readonly options: RefreshingSessionStorageOptions,
  ) {
    this.windowMs = options.windowMs ?? PROACTIVE_REFRESH_MS;
    this.now = options.now ?? Date.now;
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const session = await this.outer.loadSession(id);
    if (!session || !this.refreshable(session) || !this.expiresSoon(session)) return session;
    try {
      return (await this.renew(session.shop, session.accessToken)) ?? session;
    } catch (error) {
      // Serve what is stored, without its refresh token, so the library does not try the same
      // refresh again: a call with it gets 401 and renewAfterRejection reports why.
      logger.warn({ err: error, shop: session.shop }, "offline token: refresh before expiry failed");
      return new Session({ ...session.toObject(), refreshToken: undefined, refreshTokenExpires: undefined });
    }
  }

  /**
   * After Shopify answered 401 to `rejectedToken`: the shop's current session, refreshed unless
   * another process already replaced that token. Throws TokenRefreshFailedError.
   */
  async renewAfterRejection(shop: string, rejectedToken: string | undefined): Promise<Session> {
    const session = await this.renew(shop, rejectedToken, true);
    if (!session) throw new TokenRefreshFailedError(shop, true, new Error("no offline session"));
    return session;
  }

  async storeSession(session: Session): Promise<boolean> {
    // The library answers a 401 in the embedded admin by storing the session with no access token.
    // When another process stored a renewed token since that session was loaded, keep the renewed one.
    if (!session.isOnline && !session.accessToken) {
      const stored = await this.direct.loadSession(session.id);
      if (stored?.accessToken && stored.expires?.getTime() !== session.expires?.getTime()) return true;
    }
    return this.outer.storeSession(session);
  }

  deleteSession(id: string): Promise<boolean> {
    return this.outer.deleteSession(id);
  }

  deleteSessions(ids: string[]): Promise<boolean> {
    return this.outer.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.outer.findSessionsByShop(shop);
  }

  private refreshable(session: Session): boolean {
    return !session.isOnline && Boolean(session.refreshToken);
  }

  private expiresSoon(session: Session): boolean {
    return !session.accessToken || (session.expires !== undefined && session.expires.getTime() - this.now() <= this.windowMs);
  }

  /** One refresh per shop per process at a time; callers in flight share its result. */
  private renew(shop: string, staleToken: string | undefined, rejected = false): Promise<Session | undefined> {
    let pending = this.inFlight.get(shop);
    if (!pending) {
      pending = this.renewLocked(shop, staleToken, rejected).finally(() => this.inFlight.delete(shop));
      this.inFlight.set(shop, pending);
    }
    return pending;
  }

  private async renewLocked(shop: string, staleToken: string | undefined, rejected: boolean): Promise<Session | undefined> {
    return this.options.lock.run(shop, async () => {
      const current = await this.direct.loadSession(offlineSessionId(shop));
      if (!current) return undefined;
      // Another process renewed it while this one waited for the lock (or before it loaded).
      const replaced = Boolean(current.accessToken) && current.accessToken !== staleToken;
      if (replaced && (rejected || !this.expiresSoon(current))) {
        this.options.forget?.(shop); // the next load must not serve the replaced token from memory
        return current;
      }
      if (!current.refreshToken) {
        if (rejected) throw new TokenRefreshFailedError(shop, true, new Error("Shopify answered 401 Unauthorized and the stored session has no refresh token"));
        return current;
      }
      const failure = this.failures.get(current.refreshToken);
      if (failure && failure.until > this.now()) throw failure.error;
      try {
        const renewed = await this.options.refresh(shop, current.refreshToken);
        await this.outer.storeSession(renewed);
        logger.info({ shop, expires: renewed.expires?.toISOString() }, "offline token: renewed");
        return renewed;
      } catch (error) {
        const failed = new TokenRefreshFailedError(shop, isPermanent(error), error);
        this.failures.set(current.refreshToken, { until: this.now() + FAILURE_BACKOFF_MS, error: failed });
        throw failed;
      }
    });
  }
}

/** The library's id of a shop's offline session (`api.session.getOfflineId`). */
export function offlineSessionId(shop: string): string {
  return `offline_${shop}`;
}

/** Without other processes (the embedded database serves one): the in-process single flight suffices. */
export const processLocalLock: ShopLock = {
  run: (_shop, fn) => fn(),
};

/** Arbitrary first key of Crossdock's advisory locks on token refreshes (the second is the shop's hash). */
const REFRESH_LOCK_CLASS = 731_001;

/**
 * A PostgreSQL session-level advisory lock per shop, held on its own pooled connection for the
 * refresh (the connection closing releases it, so a crashed process never keeps it). Waits at most
 * `timeoutMs` for it.
 */
export function postgresAdvisoryLock(pool: pg.Pool, timeoutMs = 30_000): ShopLock {
  return {
    async run(shop, fn) {
      const client = await pool.connect();
      let locked = false;
      try {
        await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
        await client.query("SELECT pg_advisory_lock($1, hashtext($2))", [REFRESH_LOCK_CLASS, shop]);
        locked = true;
        return await fn();
      } finally {
        try {
          if (locked) await client.query("SELECT pg_advisory_unlock($1, hashtext($2))", [REFRESH_LOCK_CLASS, shop]);
          await client.query("RESET lock_timeout");
          client.release();
        } catch (error) {
          client.release(error as Error); // a broken connection is closed, which releases the lock
        }
      }
    },
  };
}
