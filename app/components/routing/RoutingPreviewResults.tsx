import { Badge, BlockStack, Card, DataTable, InlineGrid, InlineStack, Layout, Text } from "@shopify/polaris";
import { RoutingMap } from "~/components/RoutingMap";
import type { RoutingPreview } from "~/services/preview-routing.server";

export type OkRoutingPreview = Extract<RoutingPreview, { status: "ok" }>;

export const formatNumber = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * A routing preview as the simulator shows it, for a recent order or a typed cart alike: one card
 * per strategy (summary, metrics, map, what ships from where), then every location under the first
 * strategy with its decision, reasons and scores. Renders `Layout.Section`s.
 */
export function RoutingPreviewResults({ preview }: { preview: OkRoutingPreview }) {
  const byLocation = new Map(preview.input.locations.map((l) => [l.id, l]));
  const first = preview.results[0];
  return (
    <>
      <Layout.Section>
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
          {preview.results.map((result) => {
            const unitsAt = new Map<string, number>();
            for (const a of result.plan.assignments) unitsAt.set(a.locationId, (unitsAt.get(a.locationId) ?? 0) + a.quantity);
            return (
              <Card key={result.choice}>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {result.label}
                  </Text>
                  <Text as="p" tone="subdued">
                    {result.plan.summary}
                  </Text>
                  <InlineStack gap="200">
                    <Badge>{`${result.metrics.parcels} parcel(s)`}</Badge>
                    <Badge>{`${formatNumber(result.metrics.km)} km`}</Badge>
                    <Badge>{`cost ${formatNumber(result.metrics.cost, 2)}`}</Badge>
                    {result.metrics.unfilledUnits > 0 && <Badge tone="critical">{`${result.metrics.unfilledUnits} unit(s) unfilled`}</Badge>}
                  </InlineStack>
                  <RoutingMap
                    title={`Map of ${result.label} for ${preview.orderName}`}
                    destination={preview.input.destination}
                    points={result.plan.locations
                      // The destination's country and whatever ships: a continent apart is not a map.
                      .filter((l) => (unitsAt.get(l.locationId) ?? 0) > 0 || !preview.input.destination.countryCode || byLocation.get(l.locationId)?.countryCode === preview.input.destination.countryCode)
                      .map((l) => ({
                        id: l.locationId,
                        name: l.name,
                        lat: byLocation.get(l.locationId)!.lat,
                        lon: byLocation.get(l.locationId)!.lon,
                        units: unitsAt.get(l.locationId) ?? 0,
                        excluded: l.status === "excluded",
                      }))}
                  />
                  <DataTable
                    columnContentTypes={["text", "text", "numeric"]}
                    headings={["Ships from", "Item", "Units"]}
                    rows={result.plan.assignments.map((a) => [byLocation.get(a.locationId)?.name ?? a.locationId, preview.lineLabels[a.lineId] ?? a.lineId, a.quantity])}
                  />
                </BlockStack>
              </Card>
            );
          })}
        </InlineGrid>
      </Layout.Section>
      {first && (
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {`Why: every location under ${first.label}`}
              </Text>
              <DataTable
                columnContentTypes={["text", "text", "text", "text"]}
                headings={["Location", "Decision", "Reasons", "Scores"]}
                rows={first.plan.locations.map((l) => [
                  l.name,
                  l.status,
                  l.reasons.join(" · "),
                  Object.entries(l.scores)
                    .map(([rule, value]) => `${rule}: ${formatNumber(value, 1)}`)
                    .join(", "),
                ])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      )}
    </>
  );
}
