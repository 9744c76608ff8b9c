// RecheckingSessionStorage (app/shopify/session-table.server.ts): PostgreSQL away while a process
// starts must neither end the process (the library's first check rejecting unhandled) nor leave the
// session storage broken once the database is back.
import { Session } from "@shopify/shopify-api";
import type { PrismaSessionStorageInterface } from "@shopify/shopify-app-session-storage-prisma";
import { describe, expect, it } from "vitest";
import { RecheckingSessionStorage } from "~/shopify/session-table.server";

/** The library's shape: a private `ready` from the check at construction, and `isReady()` to check again. */
function fakeStorage(firstCheck: Promise<boolean>) {
  const sessions = new Map<string, Session>();
  let databaseUp = false;
  const inner = {
    ready: firstCheck,
    checks: 0,
    async isReady() {
      inner.checks++;
      return databaseUp;
    },
    async storeSession(session: Session) {
      sessions.set(session.id, session);
      return true;
    },
    async loadSession(id: string) {
      return sessions.get(id);
    },
    async deleteSession(id: string) {
      return sessions.delete(id);
    },
    async deleteSessions(ids: string[]) {
      for (const id of ids) sessions.delete(id);
      return true;
    },
    async findSessionsByShop(shop: string) {
      return [...sessions.values()].filter((s) => s.shop === shop);
    },
  };
  return { inner, setDatabaseUp: (up: boolean) => (databaseUp = up) };
}

describe("RecheckingSessionStorage", () => {
  it("observes a failed first check (no unhandled rejection) and works once a later check passes", async () => {
    const { inner, setDatabaseUp } = fakeStorage(Promise.reject(new Error("Connection terminated unexpectedly")));
    const storage = new RecheckingSessionStorage(inner as unknown as PrismaSessionStorageInterface);
    await new Promise((r) => setTimeout(r, 10)); // an unhandled rejection would fail this test file
    await expect(storage.loadSession("offline_a.myshopify.com")).rejects.toThrow(/session table cannot be reached/);
    setDatabaseUp(true);
    const session = new Session({ id: "offline_a.myshopify.com", shop: "a.myshopify.com", state: "s", isOnline: false });
    expect(await storage.storeSession(session)).toBe(true);
    expect((await storage.loadSession(session.id))?.shop).toBe("a.myshopify.com");
    expect(await storage.findSessionsByShop("a.myshopify.com")).toHaveLength(1);
    const checks = inner.checks;
    await storage.deleteSession(session.id);
    expect(inner.checks).toBe(checks); // confirmed once: no check per call
  });

  it("trusts a first check that passed", async () => {
    const { inner } = fakeStorage(Promise.resolve(true));
    const storage = new RecheckingSessionStorage(inner as unknown as PrismaSessionStorageInterface);
    await new Promise((r) => setTimeout(r, 0));
    expect(await storage.loadSession("none")).toBeUndefined();
    expect(inner.checks).toBe(0);
  });
});
