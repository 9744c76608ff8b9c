import { RETURN_DECLINE_REASONS, type ReturnDeclineReason } from "~/domain/returns/reasons";
import { canStaffTransition, statusInWords } from "~/domain/returns/status";
import { typedTextProblem } from "~/domain/text/typed-text";
import { logger } from "~/logger.server";
import {
  changeReturn,
  claimReturnDecision,
  findReturnById,
  releaseReturnDecision,
  type ReturnWithDetails,
} from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import { AdminUserError, type AdminGraphql } from "~/shopify/admin-graphql";
import { INTERACTIVE_PATIENCE, resilientGraphql } from "~/shopify/resilient-graphql";
import { declineReturnRequest, fetchReturn } from "~/shopify/returns";

/** A claim older than this belongs to a crashed attempt and may be taken over. */
export const DECISION_CLAIM_STALE_MS = 2 * 60_000;

/** Longest decline note Shopify accepts. */
export const MAX_DECLINE_NOTE_LENGTH = 500;

export interface DeclineReturnInput {
  shop: ShopRef;
  graphql: AdminGraphql;
  /** Crossdock's ReturnRequest.id */
  returnId: string;
  reason: ReturnDeclineReason;
  /** Shown to the shopper on the status page. */
  note?: string | null;
  /** Who declines: a staff member's email, "rule:<id>" … */
  actor: string;
  notifyCustomer?: boolean;
  now?: Date;
}

export type DeclineReturnResult =
  | { status: "declined"; ret: ReturnWithDetails }
  /** Already declined: nothing changed (idempotent). */
  | { status: "unchanged"; ret: ReturnWithDetails }
  | { status: "not-found" }
  | { status: "invalid"; message: string }
  /** Not REQUESTED any more (approved, closed…), or another decision is being made right now. */
  | { status: "conflict"; ret: ReturnWithDetails; message: string }
  | { status: "rejected"; messages: string[] };

/**
 * Declines a requested return in Shopify (`returnDeclineRequest` with Shopify's reason and the
 * merchant's note), then records it. Idempotent: declining a declined return changes nothing; a
 * return Shopify already declined (an earlier attempt that failed before recording) is recorded
 * without calling the mutation again. Used by the portal's tests, the returns admin and rules.
 */
export async function declineReturn(input: DeclineReturnInput): Promise<DeclineReturnResult> {
  const { shop } = input;
  const graphql = resilientGraphql(input.graphql, INTERACTIVE_PATIENCE);
  if (!(RETURN_DECLINE_REASONS as readonly string[]).includes(input.reason)) return { status: "invalid", message: `Unknown decline reason ${input.reason}` };
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_DECLINE_NOTE_LENGTH) return { status: "invalid", message: `The note may be at most ${MAX_DECLINE_NOTE_LENGTH} characters.` };
  // Checked before Shopify is asked: Shopify would take a NUL, PostgreSQL then refuses to record it.
  if (note && typedTextProblem(note, MAX_DECLINE_NOTE_LENGTH)) return { status: "invalid", message: "The note has a control character, which cannot be kept." };

  const ret = await findReturnById(shop, input.returnId);
  if (!ret) return { status: "not-found" };
  if (ret.status === "DECLINED") return { status: "unchanged", ret };
  if (!canStaffTransition(ret.status, "DECLINED")) return { status: "conflict", ret, message: `The return is ${statusInWords(ret.status)}, not requested.` };
  if (!ret.shopifyReturnId) return { status: "conflict", ret, message: "The return is not in Shopify." };

  const now = input.now ?? new Date();
  const claimed = await claimReturnDecision(shop, ret.id, { actor: input.actor, at: now, staleBefore: new Date(now.getTime() - DECISION_CLAIM_STALE_MS) });
  if (!claimed) {
    const current = (await findReturnById(shop, ret.id)) ?? ret;
    if (current.status === "DECLINED") return { status: "unchanged", ret: current };
    return { status: "conflict", ret: current, message: "Another decision on this return is in progress." };
  }

  try {
    const inShopify = await fetchReturn(graphql, ret.shopifyReturnId);
    if (!inShopify) throw new Error(`Shopify has no return ${ret.shopifyReturnId}`);
    let reason = input.reason;
    let declineNote = note;
    if (inShopify.status === "REQUESTED") {
      await declineReturnRequest(graphql, { id: ret.shopifyReturnId, declineReason: input.reason, declineNote: note, notifyCustomer: input.notifyCustomer ?? false });
    } else if (inShopify.status === "DECLINED") {
      // Declined in Shopify by an earlier attempt (or by staff there): record what Shopify holds.
      reason = inShopify.decline?.reason ?? input.reason;
      declineNote = inShopify.decline?.note ?? note;
    } else {
      await releaseReturnDecision(shop, ret.id, now);
      return { status: "conflict", ret, message: `The return is ${statusInWords(inShopify.status)} in Shopify.` };
    }
    const declined = await changeReturn(shop, ret.id, {
      from: ret.status,
      to: "DECLINED",
      fields: { declineReason: reason, declineNote, decidedBy: input.actor, decidedAt: now },
      events: [{ type: "declined", actor: input.actor, message: declineNote, data: { reason } }],
    });
    if (!declined) {
      await releaseReturnDecision(shop, ret.id, now);
      const current = (await findReturnById(shop, ret.id)) ?? ret;
      return { status: "conflict", ret: current, message: `The return is ${statusInWords(current.status)}, not requested.` };
    }
    logger.info({ shopId: shop.id, rma: ret.rma, actor: input.actor, reason }, "Return declined");
    return { status: "declined", ret: declined };
  } catch (error) {
    await releaseReturnDecision(shop, ret.id, now);
    if (error instanceof AdminUserError) return { status: "rejected", messages: error.userErrors.map((e) => e.message) };
    throw error;
  }
}
