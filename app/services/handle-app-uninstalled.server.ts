import { deleteSessionsOfShop } from "~/models/sessions.server";
import { markUninstalled } from "~/models/shops.server";

/**
 * app/uninstalled: the shop's sessions (its access tokens) are removed at once; its data stays until
 * Shopify's shop/redact (48 hours after uninstall), as the compliance rules ask, so a quick
 * re-install finds everything in place.
 */
export async function handleAppUninstalled(input: { shop: string; at: Date }): Promise<{ sessionsDeleted: number; shopKnown: boolean }> {
  const sessionsDeleted = await deleteSessionsOfShop(input.shop);
  const shopKnown = await markUninstalled(input.shop, input.at);
  return { sessionsDeleted, shopKnown };
}
