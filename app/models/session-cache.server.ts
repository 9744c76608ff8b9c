import { Session } from "@shopify/shopify-api";

/** What Shopify's app libraries need from a session storage (the SessionStorage interface). */
export interface SessionStore {
  storeSession(session: Session): Promise<boolean>;
  loadSession(id: string): Promise<Session | undefined>;
  deleteSession(id: string): Promise<boolean>;
  deleteSessions(ids: string[]): Promise<boolean>;
  findSessionsByShop(shop: string): Promise<Session[]>;
}

export interface SessionCacheOptions {
  /** How long a loaded session is served from memory. */
  ttlMs: number;
  /** A session whose access token expires within this window is always read from storage. */
  nearExpiryMs?: number;
  /** Most sessions kept (oldest evicted first). */
  maxEntries?: number;
  now?: () => number;
}

/**
 * A read-through cache in front of the session storage, for the paths that load the shop's offline
 * session on every request: `unauthenticated.admin` (portal pages behind the proxy, and jobs). Without it each request
 * costs a database round trip and a Prisma query (bench:availability).
 *
 * Writes and deletes through this storage invalidate at once. Changes made by another process (the
 * worker deleting sessions on app/uninstalled, another web process storing a refreshed token) are
 * seen after at most `ttlMs`, which is why it is short. A session close to expiry is never served
 * from memory, so a token refresh always starts from the stored refresh token. Only hits are cached.
 */
export class CachedSessionStorage implements SessionStore {
  private readonly entries = new Map<string, { session: Session; until: number }>();
  /** Loads in flight: a burst of requests for one shop costs one storage read, not one each. */
  private readonly loading = new Map<string, Promise<Session | undefined>>();
  private readonly ttlMs: number;
  private readonly nearExpiryMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly inner: SessionStore,
    options: SessionCacheOptions,
  ) {
    caches.add(this);
    this.ttlMs = options.ttlMs;
    this.nearExpiryMs = options.nearExpiryMs ?? 5 * 60_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  async loadSession(id: string): Promise<Session | undefined> {
    const now = this.now();
    const hit = this.entries.get(id);
    if (hit && hit.until > now && !expiresSoon(hit.session, now, this.nearExpiryMs)) return copy(hit.session);
    if (hit) this.entries.delete(id);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.inner.loadSession(id).then((session) => {
        if (this.loading.get(id) === pending) {
          this.loading.delete(id);
          if (session && this.ttlMs > 0 && !expiresSoon(session, now, this.nearExpiryMs)) {
            if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
            this.entries.set(id, { session: copy(session), until: now + this.ttlMs });
          }
        }
        return session;
      });
      pending.catch(() => this.loading.get(id) === pending && this.loading.delete(id));
      this.loading.set(id, pending);
    }
    const session = await pending;
    return session && copy(session);
  }

  async storeSession(session: Session): Promise<boolean> {
    this.forget(session.id);
    return this.inner.storeSession(session);
  }

  async deleteSession(id: string): Promise<boolean> {
    this.forget(id);
    return this.inner.deleteSession(id);
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    for (const id of ids) this.forget(id);
    return this.inner.deleteSessions(ids);
  }

  findSessionsByShop(shop: string): Promise<Session[]> {
    return this.inner.findSessionsByShop(shop);
  }

  private forget(id: string): void {
    this.entries.delete(id);
    this.loading.delete(id); // a read racing this write must not cache what it read
  }

  /** Forgets every cached session of a shop, or every session (this process). */
  forgetShop(shop?: string): void {
    for (const [id, entry] of this.entries) if (!shop || entry.session.shop === shop) this.entries.delete(id);
    if (!shop) this.loading.clear();
  }
}

const caches = new Set<CachedSessionStorage>();

/**
 * For code that writes the session table directly (app/models/sessions.server.ts: uninstall, scope
 * updates): what this process has cached for the shop is dropped at once. Other processes see the
 * change within their TTL.
 */
export function forgetCachedSessions(shop?: string): void {
  for (const cache of caches) cache.forgetShop(shop);
}

function expiresSoon(session: Session, now: number, windowMs: number): boolean {
  return session.expires !== undefined && session.expires.getTime() - now <= windowMs;
}

/** Callers get their own object: the libraries may change a session before storing it. */
function copy(session: Session): Session {
  return new Session(session.toObject());
}
