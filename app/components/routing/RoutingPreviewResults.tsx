import { Badge, BlockStack, Card, DataTable, InlineGrid, InlineStack, Layout, Text } from "@shopify/polaris";
import { adminT } from "~/components/admin-i18n";
import { RoutingMap } from "~/components/RoutingMap";
import { explainer } from "~/components/routing/explain";
import { formatMoney } from "~/domain/returns/money";
import type { PortalLocale } from "~/domain/portal/locale";
import type { RoutingPreview } from "~/services/preview-routing.server";

export type OkRoutingPreview = Extract<RoutingPreview, { status: "ok" }>;

export const formatNumber = (n: number, digits = 0, lang = "en-US") => n.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * A routing preview as the simulator shows it, for a recent order or a typed cart alike: one card
 * per strategy (summary, metrics, map, what ships from where), then every location under the first
 * strategy with its decision, reasons and scores. Renders `Layout.Section`s.
 */
export function RoutingPreviewResults({ preview, lang = "en", currency = "USD" }: { preview: OkRoutingPreview; lang?: PortalLocale; currency?: string }) {
  const byLocation = new Map(preview.input.locations.map((l) => [l.id, l]));
  const first = preview.results[0];
  const t = adminT(lang, "admin-routing");
  const strategy = (choice: string) => adminT(lang, "admin-simulator")(`strategies.${choice}`);
  // Items by their title (the line labels), never a variant id; reasons, decisions and rules in words.
  const explain = explainer(lang, Object.fromEntries(preview.input.lines.map((l) => [l.sku, { title: preview.lineLabels[l.id] ?? l.sku, sku: null }])));
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
                    {strategy(result.choice)}
                  </Text>
                  <Text as="p" tone="subdued">
                    {result.plan.summaryWhy ? explain.say(result.plan.summaryWhy) : result.plan.summary}
                  </Text>
                  <InlineStack gap="200">
                    <Badge>{t("preview.parcels", { count: result.metrics.parcels })}</Badge>
                    <Badge>{t("preview.km", { km: formatNumber(result.metrics.km) })}</Badge>
                    <Badge>{t("preview.cost", { cost: formatMoney(lang, result.metrics.cost, currency) })}</Badge>
                    {result.metrics.unfilledUnits > 0 && <Badge tone="critical">{t("preview.unfilled", { count: result.metrics.unfilledUnits })}</Badge>}
                  </InlineStack>
                  <RoutingMap
                    lang={lang}
                    title={t("preview.mapTitle", { strategy: strategy(result.choice), order: preview.orderName })}
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
                    headings={[t("preview.shipsFrom"), t("preview.item"), t("preview.units")]}
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
                {t("preview.why", { strategy: strategy(first.choice) })}
              </Text>
              <DataTable
                columnContentTypes={["text", "text", "text", "text"]}
                headings={[t("preview.location"), t("preview.decision"), t("preview.reasons"), t("preview.scores")]}
                rows={first.plan.locations.map((l) => [
                  l.name,
                  explain.status(l.status),
                  l.why ? l.why.map(explain.say).join(" · ") : explain.legacy(l.reasons.join(" · ")),
                  // Each ranking rule by its name ("Fewest shipments: 1"), never its type code.
                  Object.entries(l.scores)
                    .map(([rule, value]) => t("score", { rule: explain.ruleName(rule), value: formatNumber(value, Number.isInteger(value) ? 0 : 1) }))
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
