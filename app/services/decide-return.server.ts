// Approve or decline one return from the returns desk (a staff member, a rule, a bulk action):
// E2's idempotent approve/decline use cases, then the shopper's email (approved with the label
// link, declined with the note). Repeating a decision changes nothing and sends nothing new.
import type { ReturnDeclineReason } from "~/domain/returns/reasons";
import type { CarrierLabelProblem } from "~/labels/provider";
import type { ReturnWithDetails } from "~/models/returns.server";
import type { ShopRef } from "~/models/scope.server";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { approveReturn, type ApproveReturnInput } from "./approve-return.server";
import { declineReturn } from "./decline-return.server";
import { notifyReturn } from "./notify-return.server";

export type ReturnDecision = { type: "approve" } | { type: "decline"; reason: ReturnDeclineReason; note?: string | null };

export interface DecideReturnInput {
  shop: ShopRef & { domain: string; name: string };
  graphql: AdminGraphql;
  returnId: string;
  decision: ReturnDecision;
  /** A staff member's email, "rule:<id>" … */
  actor: string;
  labelProvider?: ApproveReturnInput["labelProvider"];
  now?: Date;
}

export type DecideReturnResult =
  | { status: "approved" | "declined" | "unchanged"; ret: ReturnWithDetails }
  | { status: "not-found" }
  /** Bad input (e.g. a note too long): a 422 with the message. */
  | { status: "invalid"; message: string }
  /**
   * The return's state does not allow it, or Shopify refused (userErrors): a 422 with the message
   * (English, for the log); Shopify's own words, when it refused, in `shopifyMessages`.
   */
  | { status: "refused"; message: string; shopifyMessages?: string[] }
  /** The carrier sold no label: the return stays requested (nothing approved, nothing bought); say why in words, try again later. */
  | { status: "carrier-error"; problem: CarrierLabelProblem; message: string };

/** For logs, rule flags and bulk outcomes; pages say it in the reader's language (carrierError.* words). */
const CARRIER_PROBLEM_IN_ENGLISH: Record<CarrierLabelProblem, string> = {
  "invalid-address": "The carrier could not verify the shopper's or the return location's address; no label was bought.",
  "no-rates": "The carrier offered no rate within the service level; no label was bought.",
  unavailable: "The carrier is not answering properly right now; no label was bought. Try again later.",
  timeout: "The carrier did not answer in time; no label was bought. Try again later.",
};

export async function decideReturn(input: DecideReturnInput): Promise<DecideReturnResult> {
  const { shop, graphql, returnId, actor, decision } = input;
  if (decision.type === "approve") {
    const result = await approveReturn({ shop, graphql, returnId, actor, labelProvider: input.labelProvider, now: input.now });
    switch (result.status) {
      case "approved":
      case "unchanged":
        await notifyReturn(shop, result.ret, "return-approved", { now: input.now });
        return { status: result.status, ret: result.ret };
      case "not-found":
        return result;
      case "conflict":
        return { status: "refused", message: result.message };
      case "rejected":
        return { status: "refused", message: `Shopify refused the approval: ${result.messages.join("; ")}`, shopifyMessages: result.messages };
      case "carrier-error":
        return { status: "carrier-error", problem: result.problem, message: CARRIER_PROBLEM_IN_ENGLISH[result.problem] };
    }
  }
  const result = await declineReturn({ shop, graphql, returnId, actor, reason: decision.reason, note: decision.note, now: input.now });
  switch (result.status) {
    case "declined":
    case "unchanged":
      await notifyReturn(shop, result.ret, "return-declined", { now: input.now });
      return { status: result.status, ret: result.ret };
    case "not-found":
      return result;
    case "invalid":
      return result;
    case "conflict":
      return { status: "refused", message: result.message };
    case "rejected":
      return { status: "refused", message: `Shopify refused the decline: ${result.messages.join("; ")}`, shopifyMessages: result.messages };
  }
}
