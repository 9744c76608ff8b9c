// RefreshingSessionStorage: one refresh per shop at a time, re-reading the stored session under
// the lock; failures reported, never hammered. The cross-process lock itself is exercised with two
// real processes in tests/integration/token-refresh-processes.test.ts.
import { Session } from "@shopify/shopify-api";
import { describe, expect, it } from "vitest";
import {
  PROACTIVE_REFRESH_MS,
  RefreshingSessionStorage,
  TokenRefreshFailedError,
  processLocalLock,
  type ShopLock,
} from "~/shopify/offline-token-refresh.server";
import type { SessionStore } from "~/models/session-cache.server";

const SHOP = "refresh.myshopify.com";
const ID = `offline_${SHOP}`;
const NOW = Date.parse("2026-11-25T12:00:00Z");

class MemoryStore implements SessionStore {
  rows = new Map<string, Session>();
  async storeSession(session: Session) {
    this.rows.set(session.id, new Session(session.toObject()));
    return true;
  }
  async loadSession(id: string) {
    const row = this.rows.get(id);
    return row && new Session(row.toObject());
  }
  async deleteSession(id: string) {
    return this.rows.delete(id);
  }
  async deleteSessions(ids: string[]) {
    ids.forEach((id) => this.rows.delete(id));
    return true;
  }
  async findSessionsByShop(shop: string) {
    return [...this.rows.values()].filter((s) => s.shop === shop);
  }
}

function offline(accessToken: string, expiresInMs: number, refreshToken: string | null = `rt-${accessToken}`): Session {
  return new Session({
    id: ID,
    shop: SHOP,
    state: "",
    isOnline: false,
    accessToken,
    scope: "read_orders",
    expires: new Date(NOW + expiresInMs),
    ...(refreshToken ? { refreshToken, refreshTokenExpires: new Date(NOW + 90 * 86_400_000) } : {}),
  });
}

let forgotten: string[] = [];

function setup(options: { lock?: ShopLock; refresh?: (shop: string, rt: string) => Promise<Session> } = {}) {
  const store = new MemoryStore();
  forgotten = [];
  const calls: string[] = [];
  let n = 0;
  const refresh =
    options.refresh ??
    (async (_shop: string, rt: string) => {
      calls.push(rt);
      await new Promise((r) => setTimeout(r, 20));
      return offline(`at-${++n}`, 3_600_000);
    });
  const storage = new RefreshingSessionStorage(store, store, {
    refresh: async (shop, rt) => {
      if (options.refresh) calls.push(rt);
      return refresh(shop, rt);
    },
    lock: options.lock ?? processLocalLock,
    now: () => NOW,
    forget: (shop) => forgotten.push(shop),
  });
  return { store, storage, calls };
}

describe("RefreshingSessionStorage", () => {
  it("serves a session that is not near expiry without refreshing", async () => {
    const { store, storage, calls } = setup();
    await store.storeSession(offline("at-0", PROACTIVE_REFRESH_MS + 60_000));
    expect((await storage.loadSession(ID))?.accessToken).toBe("at-0");
    expect(calls).toEqual([]);
  });

  it("refreshes a session within the window once for concurrent loads, and stores the new pair", async () => {
    const { store, storage, calls } = setup();
    await store.storeSession(offline("at-0", 60_000));
    const loaded = await Promise.all([storage.loadSession(ID), storage.loadSession(ID), storage.loadSession(ID)]);
    expect(loaded.map((s) => s?.accessToken)).toEqual(["at-1", "at-1", "at-1"]);
    expect(calls).toEqual(["rt-at-0"]);
    expect((await store.loadSession(ID))?.refreshToken).toBe("rt-at-1");
  });

  it("re-reads under the lock: a token another process renewed meanwhile is used, nothing is sent", async () => {
    const { store, storage, calls } = setup({
      lock: {
        // The other process renews while this one waits for the lock.
        run: async (_shop, fn) => {
          await store.storeSession(offline("at-other", 3_600_000));
          return fn();
        },
      },
    });
    await store.storeSession(offline("at-0", 60_000));
    expect((await storage.loadSession(ID))?.accessToken).toBe("at-other");
    expect(await storage.renewAfterRejection(SHOP, "at-0")).toMatchObject({ accessToken: "at-other" });
    expect(calls).toEqual([]);
    expect(forgotten).toEqual([SHOP, SHOP]);
  });

  it("after a 401 renews even a token that has not expired by this clock (Shopify's clock decides)", async () => {
    const { store, storage, calls } = setup();
    await store.storeSession(offline("at-0", 3_000_000));
    expect((await storage.renewAfterRejection(SHOP, "at-0")).accessToken).toBe("at-1");
    expect(calls).toEqual(["rt-at-0"]);
  });

  it("a refused refresh is a permanent TokenRefreshFailedError, tried once per burst; loads get the session without its refresh token", async () => {
    const refused = Object.assign(new Error("Received an error response (400 Bad Request)"), { response: { code: 400, body: { error: "invalid_grant" } } });
    const { store, storage, calls } = setup({ refresh: async () => Promise.reject(refused) });
    await store.storeSession(offline("at-0", 60_000));
    const loaded = await storage.loadSession(ID);
    expect(loaded).toMatchObject({ accessToken: "at-0", refreshToken: undefined });
    const error = await storage.renewAfterRejection(SHOP, "at-0").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefreshFailedError);
    expect((error as TokenRefreshFailedError).permanent).toBe(true);
    expect((error as Error).message).toMatch(/invalid_grant.*open Crossdock/);
    expect(calls).toHaveLength(1);
  });

  it("a network error while refreshing is not permanent", async () => {
    const { store, storage } = setup({ refresh: async () => Promise.reject(new TypeError("fetch failed")) });
    await store.storeSession(offline("at-0", 60_000));
    const error = (await storage.renewAfterRejection(SHOP, "at-0").catch((e: unknown) => e)) as TokenRefreshFailedError;
    expect(error.permanent).toBe(false);
  });

  it("a session without a refresh token (non-expiring) is never refreshed; after a 401 that is permanent", async () => {
    const { store, storage, calls } = setup();
    await store.storeSession(offline("at-0", 60_000, null));
    expect((await storage.loadSession(ID))?.accessToken).toBe("at-0");
    await expect(storage.renewAfterRejection(SHOP, "at-0")).rejects.toMatchObject({ permanent: true });
    expect(calls).toEqual([]);
  });

  it("the library's invalidation (no access token) never overwrites a token renewed since", async () => {
    const { store, storage } = setup();
    const loaded = offline("at-0", 60_000);
    await store.storeSession(loaded);
    await store.storeSession(offline("at-9", 3_600_000));
    loaded.accessToken = undefined;
    await storage.storeSession(loaded);
    expect((await store.loadSession(ID))?.accessToken).toBe("at-9");
  });
});
