import { BlockStack, Card, InlineGrid, Text } from "@shopify/polaris";
import type { ComponentProps } from "react";

type Columns = ComponentProps<typeof InlineGrid>["columns"];

export interface Count {
  label: string;
  value: number | string;
  tone?: "critical" | "success" | "caution" | "subdued";
}

/** A row of figures, one card each (Activity's and Emails' counts). */
export function CountCards({ counts, columns, headingAs }: { counts: readonly Count[]; columns: Columns; headingAs: "h2" | "h3" }) {
  return (
    <InlineGrid columns={columns} gap="400">
      {counts.map((c) => (
        <Card key={c.label}>
          <BlockStack gap="100">
            <Text as={headingAs} variant="headingSm" tone="subdued">
              {c.label}
            </Text>
            <Text as="p" variant="heading2xl" tone={c.tone}>
              {c.value}
            </Text>
          </BlockStack>
        </Card>
      ))}
    </InlineGrid>
  );
}
