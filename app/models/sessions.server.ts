// Shopify's sessions (the table @shopify/shopify-app-session-storage-prisma owns), for the
// lifecycle webhooks: uninstall removes them, a scopes update rewrites their scope.
import { prisma } from "../db.server";
import { forgetCachedSessions } from "./session-cache.server";
import type { Db } from "./scope.server";

export async function deleteSessionsOfShop(shop: string, db: Db = prisma): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { shop } });
  forgetCachedSessions(shop);
  return count;
}

export async function updateSessionScopes(shop: string, scope: string, db: Db = prisma): Promise<number> {
  const { count } = await db.session.updateMany({ where: { shop }, data: { scope } });
  forgetCachedSessions(shop);
  return count;
}

/** Shops with an offline session (installed, reachable through the Admin API). */
export async function listShopsWithOfflineSession(db: Db = prisma): Promise<string[]> {
  const rows = await db.session.findMany({ where: { isOnline: false }, distinct: ["shop"], select: { shop: true } });
  return rows.map((r) => r.shop).sort();
}
