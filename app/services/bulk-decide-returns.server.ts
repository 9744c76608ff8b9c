// Bulk approve or decline from the returns queue: each selected return through the same idempotent
// decision as the detail page (one at a time: each one calls Shopify and may issue a label), with a
// per-return outcome so the page can say what happened to every one of them.
import { z } from "zod";
import { RETURN_DECLINE_REASONS } from "~/domain/returns/reasons";
import { typedTextProblem } from "~/domain/text/typed-text";
import { findReturnsByIds } from "~/models/returns.server";
import { isRowId } from "~/models/scope.server";
import { decideReturn, type DecideReturnInput, type ReturnDecision } from "./decide-return.server";
import { MAX_DECLINE_NOTE_LENGTH } from "./decline-return.server";

export const MAX_BULK_RETURNS = 50;

/** A selected row: a return's row id, nothing else (a NUL would reach PostgreSQL and fail there). */
const selectedIds = z.array(z.string().refine(isRowId, "not a return of this shop")).min(1, "select at least one return").max(MAX_BULK_RETURNS);

export const bulkDecisionSchema = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("approve"), ids: selectedIds }),
  z.object({
    decision: z.literal("decline"),
    ids: selectedIds,
    reason: z.enum(RETURN_DECLINE_REASONS, "choose a decline reason"),
    note: z
      .string()
      .trim()
      .refine((note) => typedTextProblem(note, MAX_DECLINE_NOTE_LENGTH) == null, `the note may be at most ${MAX_DECLINE_NOTE_LENGTH} characters, without control characters`)
      .optional(),
  }),
]);
export type BulkDecision = z.infer<typeof bulkDecisionSchema>;

export interface BulkOutcome {
  id: string;
  rma: string;
  status: "approved" | "declined" | "unchanged" | "refused" | "not-found";
  message?: string;
}

export async function bulkDecideReturns(input: Omit<DecideReturnInput, "returnId" | "decision"> & { request: BulkDecision }): Promise<BulkOutcome[]> {
  const { request } = input;
  const decision: ReturnDecision = request.decision === "approve" ? { type: "approve" } : { type: "decline", reason: request.reason, note: request.note ?? null };
  const found = new Map((await findReturnsByIds(input.shop, [...new Set(request.ids)])).map((r) => [r.id, r]));
  const outcomes: BulkOutcome[] = [];
  for (const id of new Set(request.ids)) {
    const row = found.get(id);
    if (!row) {
      outcomes.push({ id, rma: id, status: "not-found", message: "Not a return of this shop" });
      continue;
    }
    try {
      const result = await decideReturn({ ...input, returnId: id, decision });
      if ("ret" in result) outcomes.push({ id, rma: row.rma, status: result.status });
      else if (result.status === "not-found") outcomes.push({ id, rma: row.rma, status: "not-found" });
      else outcomes.push({ id, rma: row.rma, status: "refused", message: result.message });
    } catch (error) {
      // The admin's answer to Shopify throttling or not answering (a 503 page, app/http/staff-admin.server.ts):
      // the other returns would meet it too, so the page says so instead of one "[object Response]" per return.
      if (error instanceof Response) throw error;
      // One return failing (a refusal, an unknown outcome…) does not stop the others.
      outcomes.push({ id, rma: row.rma, status: "refused", message: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}
