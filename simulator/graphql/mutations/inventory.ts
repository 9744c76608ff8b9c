/** inventorySetQuantities / inventoryAdjustQuantities. */
import type { GraphQLResolveInfo } from "graphql";
import { adjustQuantities, setQuantities } from "../../store/inventory-mutations";
import { userError } from "../../store/user-errors";
import type { GraphqlContext, ResolverMap } from "../context";
import { inputId } from "../ids";
import { idempotent } from "./idempotency";

interface SetInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  quantities: { inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }[];
}

interface AdjustInput {
  name: string;
  reason: string;
  referenceDocumentUri?: string | null;
  changes: {
    inventoryItemId: string;
    locationId: string;
    delta: number;
    changeFromQuantity?: number | null;
    ledgerDocumentUri?: string | null;
  }[];
}

export const inventoryMutations: ResolverMap = {
  Mutation: {
    inventorySetQuantities: (_s: unknown, args: { input: SetInput }, ctx: GraphqlContext, info: GraphQLResolveInfo) =>
      idempotent(
        info,
        ctx,
        args,
        () => {
          const result = setQuantities(ctx.shop, {
            name: args.input.name,
            reason: args.input.reason,
            referenceDocumentUri: args.input.referenceDocumentUri ?? null,
            quantities: args.input.quantities.map((q) => ({
              inventoryItemId: inputId("InventoryItem", q.inventoryItemId),
              locationId: inputId("Location", q.locationId),
              quantity: q.quantity,
              changeFromQuantity: "changeFromQuantity" in q ? q.changeFromQuantity : undefined,
            })),
          });
          return result.ok
            ? { inventoryAdjustmentGroup: result.value, userErrors: [] }
            : { inventoryAdjustmentGroup: null, userErrors: result.userErrors };
        },
        (message) => ({ inventoryAdjustmentGroup: null, userErrors: [userError(null, message, "IDEMPOTENCY_KEY_PARAMETER_MISMATCH")] }),
      ),
    inventoryAdjustQuantities: (_s: unknown, args: { input: AdjustInput }, ctx: GraphqlContext, info: GraphQLResolveInfo) =>
      idempotent(
        info,
        ctx,
        args,
        () => {
          const result = adjustQuantities(ctx.shop, {
            name: args.input.name,
            reason: args.input.reason,
            referenceDocumentUri: args.input.referenceDocumentUri ?? null,
            changes: args.input.changes.map((c) => ({
              inventoryItemId: inputId("InventoryItem", c.inventoryItemId),
              locationId: inputId("Location", c.locationId),
              delta: c.delta,
              changeFromQuantity: "changeFromQuantity" in c ? c.changeFromQuantity : undefined,
              ledgerDocumentUri: c.ledgerDocumentUri ?? null,
            })),
          });
          return result.ok
            ? { inventoryAdjustmentGroup: result.value, userErrors: [] }
            : { inventoryAdjustmentGroup: null, userErrors: result.userErrors };
        },
        (message) => ({ inventoryAdjustmentGroup: null, userErrors: [userError(null, message, "IDEMPOTENCY_KEY_PARAMETER_MISMATCH")] }),
      ),
  },
};
