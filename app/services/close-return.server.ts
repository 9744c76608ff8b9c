// Closing a return (returnClose in Shopify, then the record): the last step once the goods are
// dealt with. Idempotent: closing a closed return changes nothing; a return Shopify already closed
// (an earlier attempt, or staff in Shopify) is recorded without calling the mutation again.
import { canStaffTransition, statusInWords } from "~/domain/returns/status";
import { logger } from "~/logger.server";
import { changeReturn, findReturnById, type ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { closeShopifyReturn, fetchReturnForSync } from "~/shopify/return-sync";

export interface CloseReturnInput {
  shop: ShopRef;
  graphql: AdminGraphql;
  returnId: string;
  actor: string;
  now?: Date;
}

export type CloseReturnResult =
  | { status: "closed" | "unchanged"; ret: ReturnWithDetails }
  | { status: "not-found" }
  /** English, for the log; Shopify's own words, when it refused, in `shopifyMessages`. */
  | { status: "refused"; message: string; shopifyMessages?: string[] };


export async function closeReturn(input: CloseReturnInput): Promise<CloseReturnResult> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return { status: "not-found" };
  if (ret.status === "CLOSED") return { status: "unchanged", ret };
  if (!canStaffTransition(ret.status, "CLOSED")) return { status: "refused", message: `A return that is ${statusInWords(ret.status)} cannot be closed.` };
  if (!ret.shopifyReturnId) return { status: "refused", message: "The return is not in Shopify." };

  const inShopify = await fetchReturnForSync(graphql, ret.shopifyReturnId);
  if (!inShopify) return { status: "refused", message: "Shopify has no such return any more." };
  let closedAt = inShopify.closedAt ? new Date(inShopify.closedAt) : (input.now ?? new Date());
  if (inShopify.status === "OPEN") {
    try {
      const closed = await closeShopifyReturn(graphql, ret.shopifyReturnId);
      if (closed.closedAt) closedAt = new Date(closed.closedAt);
    } catch (error) {
      if (error instanceof AdminUserError) {
        const shopifyMessages = error.userErrors.map((e) => e.message);
        return { status: "refused", message: `Shopify refused to close the return: ${shopifyMessages.join("; ")}`, shopifyMessages };
      }
      throw error;
    }
  } else if (inShopify.status !== "CLOSED") {
    return { status: "refused", message: `The return is ${statusInWords(inShopify.status)} in Shopify.` };
  }
  const recorded = await changeReturn(shop, ret.id, { to: "CLOSED", fields: { closedAt }, events: [{ type: "closed", actor: input.actor, data: { shopifyStatus: "CLOSED" } }] });
  const current = recorded ?? (await findReturnById(shop, ret.id))!;
  if (!recorded) return current.status === "CLOSED" ? { status: "unchanged", ret: current } : { status: "refused", message: `The return is ${statusInWords(current.status)}.` };
  logger.info({ shopId: shop.id, rma: ret.rma, actor: input.actor }, "Return closed");
  return { status: "closed", ret: current };
}
