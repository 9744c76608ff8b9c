import { cartVariantLabel, editCartLines, type CartEdit, type CustomCartFields } from "~/domain/routing/custom-cart";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { fetchCartVariants, searchCartVariants } from "~/shopify/cart-variants";
import { resilientGraphql } from "~/shopify/resilient-graphql";

export interface CartSearchResult {
  id: string;
  label: string;
  /** Set when the product is not ACTIVE (DRAFT, ARCHIVED): it can be simulated, not sold. */
  productStatus: string | null;
}

export interface EditedPreviewCart {
  fields: CustomCartFields;
  /** Variant id → what staff recognise, for the cart's lines (unknown variants are absent). */
  labels: Record<string, string>;
  search: { query: string; results: CartSearchResult[] } | null;
}

/**
 * Building the simulator's custom cart: add a variant (one more if it is already there), remove a
 * line, or search the shop's variants by product title or SKU. Reads the Admin API only; the cart
 * itself lives in the form, so nothing is stored. `graphql` is the session's own client (its shop).
 */
export async function editPreviewCart(input: {
  graphql: AdminGraphql;
  fields: CustomCartFields;
  edit?: CartEdit;
  search?: boolean;
}): Promise<EditedPreviewCart> {
  const graphql = resilientGraphql(input.graphql);
  const fields = input.edit ? { ...input.fields, lines: editCartLines(input.fields.lines, input.edit) } : input.fields;
  const query = fields.q.trim();
  const [variants, found] = await Promise.all([
    fetchCartVariants(graphql, fields.lines.map((l) => l.variantId)),
    // After an add or a remove the results stay on screen, to add the next item.
    query && (input.search || input.edit) ? searchCartVariants(graphql, query) : null,
  ]);
  return {
    fields,
    labels: Object.fromEntries([...variants.values()].map((v) => [v.id, cartVariantLabel(v)])),
    search: found
      ? { query, results: found.map((v) => ({ id: v.id, label: cartVariantLabel(v), productStatus: v.productStatus === "ACTIVE" ? null : v.productStatus })) }
      : null,
  };
}
