import { BlockStack, Box, DataTable, InlineStack, Text } from "@shopify/polaris";
import type { ReactNode } from "react";

export interface ChartTable {
  /** Column headings; the first column holds the row labels. */
  headings: string[];
  rows: (string | number)[][];
  /** Column types for alignment: "text" or "numeric", one per heading. */
  columnTypes?: ("text" | "numeric")[];
  totals?: (string | number)[];
}

/** A chart's own words, in the page's language. */
export interface ChartWords {
  viewTable: string;
  total: string;
}

export interface LegendItem {
  label: string;
  color: string;
}

/**
 * A chart with its title, a one-line description, an optional legend and its data as a table
 * ("View as table"): a native <details>, so the table is there for screen readers, keyboard users
 * and people who want the numbers, with or without JavaScript.
 */
export function ChartFrame({
  title,
  description,
  legend,
  table,
  headingLevel = "h3",
  tableLabel = "View as table",
  children,
}: {
  title: string;
  /** The disclosure's words, in the page's language. */
  tableLabel?: string;
  description?: string;
  legend?: LegendItem[];
  table: ChartTable;
  headingLevel?: "h2" | "h3" | "h4";
  children: ReactNode;
}) {
  return (
    <figure style={{ margin: 0 }}>
      <BlockStack gap="200">
        <BlockStack gap="050">
          <Text as={headingLevel} variant="headingSm">
            {title}
          </Text>
          {description ? (
            <Text as="p" variant="bodySm" tone="subdued">
              {description}
            </Text>
          ) : null}
        </BlockStack>
        {children}
        {legend && legend.length > 0 ? <Legend items={legend} /> : null}
        <details>
          <summary style={{ cursor: "pointer", color: "var(--p-color-text-link)", fontSize: "var(--p-font-size-325)" }}>
            {tableLabel}
            <Text as="span" visuallyHidden>
              : {title}
            </Text>
          </summary>
          <Box paddingBlockStart="200">
            <DataTable
              columnContentTypes={table.columnTypes ?? table.headings.map((_, i) => (i === 0 ? "text" : "numeric"))}
              headings={table.headings}
              rows={table.rows}
              totals={table.totals}
              showTotalsInFooter={Boolean(table.totals)}
              increasedTableDensity
            />
          </Box>
        </details>
      </BlockStack>
    </figure>
  );
}

function Legend({ items }: { items: LegendItem[] }) {
  return (
    <InlineStack gap="300" wrap>
      {items.map((item) => (
        <InlineStack key={item.label} gap="100" blockAlign="center" wrap={false}>
          <span aria-hidden="true" style={{ display: "inline-block", width: 12, height: 12, borderRadius: 3, background: item.color }} />
          <Text as="span" variant="bodySm">
            {item.label}
          </Text>
        </InlineStack>
      ))}
    </InlineStack>
  );
}
