import type { Session } from "@shopify/shopify-api";
import type { PrismaSessionStorageInterface } from "@shopify/shopify-app-session-storage-prisma";
import type { SessionStore } from "~/models/session-cache.server";

/**
 * Shopify's PrismaSessionStorage checks for its table once, when it is constructed (at process
 * start), and keeps a failed check as a rejected promise: with PostgreSQL away while a process starts
 * (a failover, a restart), nothing awaits that promise yet and Node ends the process on the unhandled
 * rejection; and if something did, every later call would throw until a restart. This keeps the
 * first check from going unhandled and, while the table has not been confirmed, checks again at the
 * next use (`isReady()`, which resets the library's state), so the storage works once the database
 * is back.
 */
export class RecheckingSessionStorage implements SessionStore {
  private confirmed = false;

  constructor(private readonly inner: PrismaSessionStorageInterface) {
    // The library's private first check (see above): observed here so it never goes unhandled.
    const first = (inner as unknown as { ready?: Promise<boolean> }).ready;
    if (first) first.then((ok) => (this.confirmed ||= ok), () => undefined);
  }

  private async ready(): Promise<void> {
    if (this.confirmed) return;
    this.confirmed = await this.inner.isReady();
    if (!this.confirmed) throw new Error("The session table cannot be reached (is the database available?)");
  }

  async storeSession(session: Session): Promise<boolean> {
    await this.ready();
    return this.inner.storeSession(session);
  }

  async loadSession(id: string): Promise<Session | undefined> {
    await this.ready();
    return this.inner.loadSession(id);
  }

  async deleteSession(id: string): Promise<boolean> {
    await this.ready();
    return this.inner.deleteSession(id);
  }

  async deleteSessions(ids: string[]): Promise<boolean> {
    await this.ready();
    return this.inner.deleteSessions(ids);
  }

  async findSessionsByShop(shop: string): Promise<Session[]> {
    await this.ready();
    return this.inner.findSessionsByShop(shop);
  }
}
