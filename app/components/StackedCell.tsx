import { BlockStack, IndexTable } from "@shopify/polaris";
import type { ReactNode } from "react";

/**
 * A table row's content as one stacked cell, for phone widths: an IndexTable row shows its fields
 * one under another (wrapping) instead of a table the merchant scrolls sideways.
 */
export function StackedCell({ children, gap = "100" }: { children: ReactNode; gap?: "100" | "200" }) {
  return (
    <IndexTable.Cell>
      <div style={{ whiteSpace: "normal" }}>
        <BlockStack gap={gap}>{children}</BlockStack>
      </div>
    </IndexTable.Cell>
  );
}
