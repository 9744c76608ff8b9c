import { Session } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import { CachedSessionStorage, forgetCachedSessions, type SessionStore } from "~/models/session-cache.server";

class MemoryStore implements SessionStore {
  readonly sessions = new Map<string, Session>();
  loads = 0;
  async storeSession(session: Session) {
    this.sessions.set(session.id, new Session(session.toObject()));
    return true;
  }
  async loadSession(id: string) {
    this.loads++;
    const s = this.sessions.get(id);
    return s && new Session(s.toObject());
  }
  async deleteSession(id: string) {
    return this.sessions.delete(id);
  }
  async deleteSessions(ids: string[]) {
    ids.forEach((id) => this.sessions.delete(id));
    return true;
  }
  async findSessionsByShop(shop: string) {
    return [...this.sessions.values()].filter((s) => s.shop === shop);
  }
}

const SHOP = "cache-shop.myshopify.com";
const offline = (token: string, expires?: Date) =>
  new Session({ id: `offline_${SHOP}`, shop: SHOP, state: "s", isOnline: false, accessToken: token, scope: "read_orders", expires });

function setup() {
  let clock = 1_000_000;
  const inner = new MemoryStore();
  const cache = new CachedSessionStorage(inner, { ttlMs: 2_000, nearExpiryMs: 60_000, now: () => clock });
  return { inner, cache, advance: (ms: number) => (clock += ms), now: () => clock };
}

describe("CachedSessionStorage", () => {
  it("serves repeated loads from memory within the TTL, then reads storage again", async () => {
    const { inner, cache, advance } = setup();
    await inner.storeSession(offline("t1"));
    expect((await cache.loadSession(`offline_${SHOP}`))?.accessToken).toBe("t1");
    expect((await cache.loadSession(`offline_${SHOP}`))?.accessToken).toBe("t1");
    expect(inner.loads).toBe(1);
    advance(2_001);
    await cache.loadSession(`offline_${SHOP}`);
    expect(inner.loads).toBe(2);
  });

  it("sees a change made by another process after the TTL at the latest", async () => {
    const { inner, cache, advance } = setup();
    await inner.storeSession(offline("old"));
    await cache.loadSession(`offline_${SHOP}`);
    await inner.deleteSession(`offline_${SHOP}`); // the worker removed it (app/uninstalled)
    advance(2_001);
    expect(await cache.loadSession(`offline_${SHOP}`)).toBeUndefined();
  });

  it("forgets at once what is stored or deleted through it", async () => {
    const { inner, cache } = setup();
    await cache.storeSession(offline("t1"));
    await cache.loadSession(`offline_${SHOP}`);
    await cache.storeSession(offline("t2"));
    expect((await cache.loadSession(`offline_${SHOP}`))?.accessToken).toBe("t2");
    await cache.deleteSessions([`offline_${SHOP}`]);
    expect(await cache.loadSession(`offline_${SHOP}`)).toBeUndefined();
    expect(inner.loads).toBe(3);
  });

  it("never serves a session about to expire from memory, and does not cache misses", async () => {
    const { inner, cache, now } = setup();
    await inner.storeSession(offline("expiring", new Date(now() + 30_000)));
    await cache.loadSession(`offline_${SHOP}`);
    await cache.loadSession(`offline_${SHOP}`);
    expect(inner.loads).toBe(2);
    await cache.loadSession("offline_other.myshopify.com");
    await cache.loadSession("offline_other.myshopify.com");
    expect(inner.loads).toBe(4);
  });

  it("hands each caller its own copy", async () => {
    const { inner, cache } = setup();
    await inner.storeSession(offline("t1"));
    const a = await cache.loadSession(`offline_${SHOP}`);
    a!.accessToken = "mutated";
    expect((await cache.loadSession(`offline_${SHOP}`))?.accessToken).toBe("t1");
  });
});

describe("CachedSessionStorage under a burst", () => {
  it("reads storage once for concurrent loads of one session", async () => {
    const { inner, cache } = setup();
    await inner.storeSession(offline("t1"));
    const loaded = await Promise.all(Array.from({ length: 20 }, () => cache.loadSession(`offline_${SHOP}`)));
    expect(inner.loads).toBe(1);
    expect(new Set(loaded).size).toBe(20); // still one copy per caller
    expect(loaded.every((s) => s?.accessToken === "t1")).toBe(true);
  });

  it("does not cache a read that a write overtook", async () => {
    const { inner, cache } = setup();
    await inner.storeSession(offline("old"));
    const racing = cache.loadSession(`offline_${SHOP}`);
    await cache.storeSession(offline("new"));
    await racing;
    expect((await cache.loadSession(`offline_${SHOP}`))?.accessToken).toBe("new");
  });
});

describe("forgetCachedSessions", () => {
  it("drops what this process cached for a shop, for writes made outside the storage", async () => {
    const { inner, cache } = setup();
    await inner.storeSession(offline("old"));
    await cache.loadSession(`offline_${SHOP}`);
    await inner.storeSession(offline("rotated"));
    forgetCachedSessions("another-shop.myshopify.com");
    expect((await cache.loadSession(`offline_${SHOP}`))?.accessToken).toBe("old");
    forgetCachedSessions(SHOP);
    expect((await cache.loadSession(`offline_${SHOP}`))?.accessToken).toBe("rotated");
  });
});
