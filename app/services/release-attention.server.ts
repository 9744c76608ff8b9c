import { releaseDecision } from "~/models/routing.server";
import { isRowId, type ShopRef } from "~/models/scope.server";

/**
 * Staff release an order from "Needs attention": it was handled outside Crossdock (packed by
 * hand, cancelled with the customer…). The decision keeps its record; it leaves the page and no
 * digest names it again. False when there is no such decision needing attention.
 */
export async function releaseAttention(input: { shop: ShopRef; decisionId: string; staff: string | null; now?: Date }): Promise<boolean> {
  if (!isRowId(input.decisionId)) return false;
  return releaseDecision(input.shop, input.decisionId, input.staff, input.now ?? new Date());
}
