import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, Checkbox, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { describeRuleType, ruleCatalog } from "~/domain/routing/catalog";
import type { RuleConfig } from "~/domain/routing/config";
import { installedShop } from "~/services/installed-shop.server";
import { getShopSettings } from "~/models/shops.server";
import { loadShopRules } from "~/services/routing-context.server";
import { routingRulesIntent, updateRoutingRules } from "~/services/update-routing-rules.server";
import { authenticate } from "~/shopify.server";

async function requireShop(request: Request) {
  const { session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  return { shop, staff: session.onlineAccessInfo?.associated_user?.email ?? null };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  const [{ ruleSet, problems }, settings] = await Promise.all([loadShopRules(shop), getShopSettings(shop)]);
  return { ruleSet, problems, autoRouting: settings.autoRouting };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staff } = await requireShop(request);
  // Only the rule's multi-choice fields may repeat; any other field sent twice is a 400 naming it.
  const form = await readFormData(request, undefined, { single: true, repeatable: ["kinds", "onlyFromKinds"] });
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map(String);
    fields[key] = values.length > 1 ? values : values[0]!;
  }
  const intent = routingRulesIntent.safeParse(fields);
  if (!intent.success) return data({ error: "That change is not understood. Reload the page and try again." }, { status: 400 });
  const result = await updateRoutingRules({ shop, intent: intent.data, fields, staff });
  if (!result.ok) return data({ error: result.error }, { status: 422 });
  return { error: null };
};

function summarize(rule: RuleConfig): string | null {
  switch (rule.type) {
    case "stock-buffer":
      return rule.units ? `${rule.units} unit(s) kept back where a location has no buffer of its own` : "Each location's own buffer (or the shop's)";
    case "exclude-locations":
      return [rule.kinds.length ? `kinds: ${rule.kinds.join(", ")}` : "", rule.tags.length ? `tags: ${rule.tags.join(", ")}` : ""].filter(Boolean).join(" · ");
    case "product-tag-routing":
      return `${[...rule.productTags, ...rule.productTypes].join(", ") || "(no tags)"} → only from ${[...rule.onlyFromKinds, ...rule.onlyFromLocationTags].join(", ") || "(anywhere)"}`;
    case "stay-in-market":
      return rule.scope === "market" ? "Within the destination's market" : "Within the destination's country";
    case "cost-optimal":
      return `${rule.costModel.perShipment} per parcel + ${rule.costModel.perKm} per km; ${rule.costModel.unfilledPenalty} per unit left unfilled`;
    default:
      return null;
  }
}

export default function RoutingRules() {
  const { ruleSet, problems, autoRouting } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [newType, setNewType] = useState<string>("exclude-locations");
  const busy = navigation.state !== "idle";
  const rules = ruleSet.rules as { enabled: boolean; rule: RuleConfig }[];

  return (
    <Page
      title="Routing"
      subtitle="Rules decide which location fulfills each order. Filters remove locations; rankings choose among the rest, ties passing to the next rule."
      primaryAction={{ content: "Open simulator", url: "/app/routing/simulator" }}
      secondaryActions={[
        { content: "Preview on recent orders", url: "/app/routing/simulator?compare=20&a=rules&b=shopify-default" },
        { content: "Routing log", url: "/app/routing/log" },
      ]}
    >
      <Layout>
        {actionData?.error && (
          <Layout.Section>
            <Banner tone="critical" title="The rules were not changed">
              {actionData.error}
            </Banner>
          </Layout.Section>
        )}
        {problems.length > 0 && (
          <Layout.Section>
            <Banner tone="warning" title="Your saved rules could not be read; the default rules are in use">
              {problems.join("; ")}
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="auto-routing" />
              <input type="hidden" name="enabled" value={String(!autoRouting)} />
              <InlineStack align="space-between" blockAlign="center" gap="300">
                <BlockStack gap="100">
                  <InlineStack gap="200">
                    <Text as="h2" variant="headingMd">
                      Auto-routing
                    </Text>
                    <Badge tone={autoRouting ? "success" : undefined}>{autoRouting ? "On" : "Off"}</Badge>
                  </InlineStack>
                  <Text as="p" tone="subdued">
                    {autoRouting
                      ? "New orders are moved to the locations the rules choose."
                      : "New orders get a suggested plan in the routing log; nothing is moved until someone applies it."}
                  </Text>
                </BlockStack>
                <Button submit disabled={busy}>{autoRouting ? "Turn off" : "Turn on"}</Button>
              </InlineStack>
            </Form>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <Text as="h2" variant="headingMd">
                Rules, in order
              </Text>
            </Box>
            <ol aria-label="Routing rules" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {rules.map((entry, index) => {
                const about = describeRuleType(entry.rule.type);
                const summary = summarize(entry.rule);
                return (
                  <li key={`${entry.rule.type}-${index}`} style={{ borderTop: "1px solid var(--p-color-border-secondary)" }}>
                    <Box padding="400">
                      <BlockStack gap="200">
                        <InlineStack align="space-between" blockAlign="center" gap="300">
                          <InlineStack gap="200" blockAlign="center">
                            <Text as="span" tone="subdued">{`${index + 1}.`}</Text>
                            <Text as="h3" variant="headingSm">
                              {about.label}
                            </Text>
                            <Badge tone={about.kind === "filter" ? "info" : "attention"}>{about.kind === "filter" ? "Filter" : "Ranking"}</Badge>
                            {!entry.enabled && <Badge>Off</Badge>}
                          </InlineStack>
                          <ButtonGroup>
                            <IntentButton intent="move" index={index} extra={{ direction: "up" }} label="Move up" a11y={`Move ${about.label} up`} disabled={busy || index === 0} />
                            <IntentButton intent="move" index={index} extra={{ direction: "down" }} label="Move down" a11y={`Move ${about.label} down`} disabled={busy || index === rules.length - 1} />
                            <IntentButton intent="toggle" index={index} label={entry.enabled ? "Turn off" : "Turn on"} a11y={`${entry.enabled ? "Turn off" : "Turn on"} ${about.label}`} disabled={busy} />
                            <IntentButton intent="remove" index={index} label="Remove" a11y={`Remove ${about.label}`} disabled={busy} tone="critical" />
                          </ButtonGroup>
                        </InlineStack>
                        <Text as="p" tone="subdued">
                          {about.description}
                        </Text>
                        {summary && <Text as="p">{summary}</Text>}
                        <RuleEditor index={index} rule={entry.rule} busy={busy} />
                      </BlockStack>
                    </Box>
                  </li>
                );
              })}
            </ol>
            <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary">
              <Form method="post">
                <input type="hidden" name="intent" value="add" />
                <InlineStack gap="300" blockAlign="end">
                  <Select label="Add a rule" name="type" options={ruleCatalog.map((r) => ({ value: r.type, label: r.label }))} value={newType} onChange={setNewType} />
                  <Button submit disabled={busy}>
                    Add rule
                  </Button>
                </InlineStack>
              </Form>
            </Box>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="split-lines" />
              <input type="hidden" name="allow" value={String(!ruleSet.allowSplitLines)} />
              <InlineStack align="space-between" blockAlign="center">
                <Checkbox label="Allow one line's units to ship from different locations" checked={ruleSet.allowSplitLines} disabled />
                <Button submit disabled={busy}>{ruleSet.allowSplitLines ? "Keep lines together" : "Allow splitting lines"}</Button>
              </InlineStack>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function IntentButton(props: { intent: string; index: number; label: string; a11y: string; disabled: boolean; extra?: Record<string, string>; tone?: "critical" }) {
  return (
    <Form method="post" style={{ display: "inline" }}>
      <input type="hidden" name="intent" value={props.intent} />
      <input type="hidden" name="index" value={props.index} />
      {Object.entries(props.extra ?? {}).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button submit size="slim" disabled={props.disabled} accessibilityLabel={props.a11y} tone={props.tone}>
        {props.label}
      </Button>
    </Form>
  );
}

/** The editable settings of rules that have any, as a plain form (works without JavaScript). */
function RuleEditor({ index, rule, busy }: { index: number; rule: RuleConfig; busy: boolean }) {
  const fields = editorFields(rule);
  const [values, setValues] = useState(fields.map((f) => f.value));
  if (fields.length === 0) return null;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="replace" />
      <input type="hidden" name="index" value={index} />
      <input type="hidden" name="type" value={rule.type} />
      <InlineStack gap="300" blockAlign="end" wrap>
        {fields.map((field, i) => (
          <div key={field.name} style={{ minWidth: "10rem" }}>
            <TextField
              label={field.label}
              name={field.name}
              value={values[i]}
              onChange={(v) => setValues(values.map((old, j) => (j === i ? v : old)))}
              autoComplete="off"
              helpText={field.help}
            />
          </div>
        ))}
        <Button submit size="slim" disabled={busy} accessibilityLabel={`Save ${describeRuleType(rule.type).label}`}>
          Save
        </Button>
      </InlineStack>
    </Form>
  );
}

function editorFields(rule: RuleConfig): { name: string; label: string; value: string; help?: string }[] {
  const join = (v: readonly string[]) => v.join(", ");
  switch (rule.type) {
    case "stock-buffer":
      return [{ name: "units", label: "Units kept back", value: String(rule.units) }];
    case "exclude-locations":
      return [
        { name: "kinds", label: "Location kinds", value: join(rule.kinds), help: "warehouse, store" },
        { name: "tags", label: "Location tags", value: join(rule.tags), help: "Comma-separated" },
      ];
    case "product-tag-routing":
      return [
        { name: "productTags", label: "Product tags", value: join(rule.productTags), help: "Comma-separated" },
        { name: "productTypes", label: "Product types", value: join(rule.productTypes), help: "Comma-separated" },
        { name: "onlyFromKinds", label: "Only from kinds", value: join(rule.onlyFromKinds), help: "warehouse, store" },
        { name: "onlyFromLocationTags", label: "Only from location tags", value: join(rule.onlyFromLocationTags), help: "Comma-separated" },
      ];
    case "stay-in-market":
      return [{ name: "scope", label: "Scope", value: rule.scope, help: "country or market" }];
    case "cost-optimal":
      return [
        { name: "perShipment", label: "Cost per parcel", value: String(rule.costModel.perShipment) },
        { name: "perKm", label: "Cost per km", value: String(rule.costModel.perKm) },
        { name: "unfilledPenalty", label: "Penalty per unfilled unit", value: String(rule.costModel.unfilledPenalty) },
      ];
    default:
      return [];
  }
}
