import { jobDriver } from "~/queue/handle.server";
import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, Checkbox, InlineStack, Layout, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { RuleFields } from "~/components/routing/RuleFields";
import { ruleRegistry, type RoutingT } from "~/domain/routing/registry";
import { adminLocale } from "~/http/admin-locale.server";
import type englishAttention from "~/locales/en/attention.json";
import type englishRouting from "~/locales/en/routing.json";
import { portalT } from "~/portal/i18n";
import { installedShop } from "~/services/installed-shop.server";
import { getShopSettings } from "~/models/shops.server";
import { loadShopRules } from "~/services/routing-context.server";
import { routingRulesIntent, updateRoutingRules } from "~/services/update-routing-rules.server";
import { authenticate } from "~/shopify.server";
import { adminTitle, menuWord } from "~/components/page-title";
import { ActionToast } from "~/components/ActionToast";
import { adminT } from "~/components/admin-i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import type { RuleSetProblem } from "~/domain/routing/rule-set";

export const meta: MetaFunction = ({ matches }) => adminTitle(menuWord(matches, "/app/routing", "Routing"));

async function requireShop(request: Request) {
  const { session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const user = session.onlineAccessInfo?.associated_user;
  return { shop, staff: user?.email ?? null, locale: adminLocale(request, user?.locale) };
}

type PageText = Omit<(typeof englishRouting)["rulesPage"], "a11y">;
type HoldsText = (typeof englishAttention)["holds"];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, locale } = await requireShop(request);
  const [{ ruleSet, problems }, settings] = await Promise.all([loadShopRules(shop), getShopSettings(shop)]);
  // The page in the staff member's language; every rule's words and editor fields come from the rule registry.
  const routingT = portalT(locale, "routing");
  const t: RoutingT = (key, values) => routingT(key, values ?? {});
  const page = routingT("rulesPage", { returnObjects: true }) as unknown as PageText;
  return {
    lang: locale,
    text: page,
    rules: ruleSet.rules.map((entry) => {
      const view = ruleRegistry.view(entry.rule, t);
      const a11y = (key: string) => t(`rulesPage.a11y.${key}`, { rule: view.label });
      return {
        ...view,
        enabled: entry.enabled,
        a11y: { moveUp: a11y("moveUp"), moveDown: a11y("moveDown"), toggle: a11y(entry.enabled ? "turnOff" : "turnOn"), remove: a11y("remove"), save: a11y("save") },
      };
    }),
    catalog: ruleRegistry.catalog(t),
    allowSplitLines: ruleSet.allowSplitLines,
    problems,
    autoRouting: settings.autoRouting,
    openOrders: { entry: portalT(locale, "open-orders")("entry"), help: portalT(locale, "open-orders")("entryHelp") },
    holds: { unpaid: settings.holdUnpaid, highRisk: settings.holdHighRisk, text: portalT(locale, "attention")("holds", { returnObjects: true }) as unknown as HoldsText },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staff, locale } = await requireShop(request);
  // Only the rules' multi-choice fields may repeat; any other field sent twice is a 400 naming it.
  const form = await readFormData(request, undefined, { single: true, repeatable: ruleRegistry.repeatableFields });
  const fields: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map(String);
    fields[key] = values.length > 1 ? values : values[0]!;
  }
  const intent = routingRulesIntent.safeParse(fields);
  if (!intent.success) return data({ error: portalT(locale, "routing")("rulesPage.notUnderstood"), saved: null }, { status: 400 });
  const result = await updateRoutingRules({ shop, intent: intent.data, fields, staff, driver: await jobDriver() });
  if (!result.ok) return data({ error: result.problems?.length ? problemWords(result.problems, locale) : result.error, saved: null }, { status: 422 });
  return { error: null, saved: result.saved === "holds" ? portalT(locale, "attention")("holds.saved") : portalT(locale, "routing")("rulesPage.saved") };
};

/** Why a change was refused, naming the rule and its field in the staff member's language (never a zod path). */
function problemWords(problems: readonly RuleSetProblem[], locale: PortalLocale): string {
  const routing = portalT(locale, "routing");
  const words = adminT(locale, "admin-words");
  const sentences = problems.map(({ rule, problem }) => {
    const rulePart = rule ? routing(`rules.${rule.type}.label`) : words("rules");
    const field = rule?.field ? words("ruleField", { rule: rulePart, field: routing(`rules.${rule.type}.fields.${rule.field}.label`) }) : rulePart;
    if (!rule && problem.code === "tooMany") return words("rulesTooMany", { limit: problem.limit });
    return words(`problems.${problem.code}`, { field, limit: "limit" in problem ? problem.limit : "" });
  });
  return [...new Set(sentences)].join(" ");
}

type RuleRow = ReturnType<typeof useLoaderData<typeof loader>>["rules"][number];

export default function RoutingRules() {
  const { lang, text, rules, catalog, allowSplitLines, problems, autoRouting, holds, openOrders } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [newType, setNewType] = useState<string>("exclude-locations");
  const busy = navigation.state !== "idle";

  return (
    <div lang={lang}>
      <Page
        title={text.title}
        subtitle={text.subtitle}
        primaryAction={{ content: text.openSimulator, url: "/app/routing/simulator" }}
        secondaryActions={[
          { content: text.previewRecent, url: "/app/routing/simulator?compare=20&a=rules&b=shopify-default" },
          { content: text.log, url: "/app/routing/log" },
        ]}
      >
        <Layout>
          <ActionToast event={actionData} message={actionData?.saved} />
          {actionData?.error && (
            <Layout.Section>
              <Banner tone="critical" title={text.notChanged}>
                {actionData.error}
              </Banner>
            </Layout.Section>
          )}
          {problems.length > 0 && (
            <Layout.Section>
              <Banner tone="warning" title={text.unreadable}>
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
                        {text.autoRouting}
                      </Text>
                      <Badge tone={autoRouting ? "success" : undefined}>{autoRouting ? text.on : text.off}</Badge>
                    </InlineStack>
                    <Text as="p" tone="subdued">
                      {autoRouting ? text.autoOn : text.autoOff}
                    </Text>
                  </BlockStack>
                  <Button submit disabled={busy}>
                    {autoRouting ? text.turnOff : text.turnOn}
                  </Button>
                </InlineStack>
              </Form>
            </Card>
          </Layout.Section>

          <Layout.Section>
            <HoldSettings holds={holds} busy={busy} />
          </Layout.Section>

          <Layout.Section>
            <Card>
              <InlineStack align="space-between" blockAlign="center" gap="300">
                <BlockStack gap="100">
                  <Text as="h2" variant="headingMd">
                    {openOrders.entry}
                  </Text>
                  <Text as="p" tone="subdued">
                    {openOrders.help}
                  </Text>
                </BlockStack>
                <Button url="/app/routing/open-orders">{openOrders.entry}</Button>
              </InlineStack>
            </Card>
          </Layout.Section>

          <Layout.Section>
            <Card padding="0">
              <Box padding="400">
                <Text as="h2" variant="headingMd">
                  {text.rulesHeading}
                </Text>
              </Box>
              <ol aria-label={text.rulesList} style={{ listStyle: "none", margin: 0, padding: 0 }}>
                {rules.map((rule, index) => (
                  <li key={`${rule.type}-${index}`} style={{ borderTop: "1px solid var(--p-color-border-secondary)" }}>
                    <Box padding="400">
                      <BlockStack gap="200">
                        <InlineStack align="space-between" blockAlign="center" gap="300">
                          <InlineStack gap="200" blockAlign="center">
                            <Text as="span" tone="subdued">{`${index + 1}.`}</Text>
                            <Text as="h3" variant="headingSm">
                              {rule.label}
                            </Text>
                            <Badge tone={rule.kind === "filter" ? "info" : "attention"}>{rule.kind === "filter" ? text.filter : text.ranking}</Badge>
                            {!rule.enabled && <Badge>{text.off}</Badge>}
                          </InlineStack>
                          <ButtonGroup>
                            <IntentButton intent="move" index={index} extra={{ direction: "up" }} label={text.moveUp} a11y={rule.a11y.moveUp} disabled={busy || index === 0} />
                            <IntentButton intent="move" index={index} extra={{ direction: "down" }} label={text.moveDown} a11y={rule.a11y.moveDown} disabled={busy || index === rules.length - 1} />
                            <IntentButton intent="toggle" index={index} label={rule.enabled ? text.turnOff : text.turnOn} a11y={rule.a11y.toggle} disabled={busy} />
                            <IntentButton intent="remove" index={index} label={text.remove} a11y={rule.a11y.remove} disabled={busy} tone="critical" />
                          </ButtonGroup>
                        </InlineStack>
                        <Text as="p" tone="subdued">
                          {rule.description}
                        </Text>
                        {rule.summary && <Text as="p">{rule.summary}</Text>}
                        <RuleEditor index={index} rule={rule} save={text.save} busy={busy} />
                      </BlockStack>
                    </Box>
                  </li>
                ))}
              </ol>
              <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary">
                <Form method="post">
                  <input type="hidden" name="intent" value="add" />
                  <InlineStack gap="300" blockAlign="end">
                    <Select label={text.addLabel} name="type" options={catalog.map((r) => ({ value: r.type, label: r.label }))} value={newType} onChange={setNewType} />
                    <Button submit disabled={busy}>
                      {text.add}
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
                <input type="hidden" name="allow" value={String(!allowSplitLines)} />
                <InlineStack align="space-between" blockAlign="center">
                  <Checkbox label={text.splitLines} checked={allowSplitLines} disabled />
                  <Button submit disabled={busy}>
                    {allowSplitLines ? text.keepTogether : text.allowSplit}
                  </Button>
                </InlineStack>
              </Form>
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    </div>
  );
}

/** Hold before routing: which unpaid orders wait, and whether high-risk ones do (on by default). */
function HoldSettings({ holds, busy }: { holds: { unpaid: string; highRisk: boolean; text: HoldsText }; busy: boolean }) {
  const [unpaid, setUnpaid] = useState(holds.unpaid);
  const [highRisk, setHighRisk] = useState(holds.highRisk);
  const t = holds.text;
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="holds" />
        <input type="hidden" name="holdHighRisk" value={String(highRisk)} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t.heading}
          </Text>
          <Text as="p" tone="subdued">
            {t.description}
          </Text>
          <Select
            label={t.unpaidLabel}
            helpText={t.unpaidHelp}
            name="holdUnpaid"
            options={(["OFF", "PENDING", "PENDING_OR_AUTHORIZED"] as const).map((value) => ({ value, label: t.unpaid[value] }))}
            value={unpaid}
            onChange={setUnpaid}
          />
          <Checkbox label={t.highRisk} checked={highRisk} onChange={setHighRisk} />
          <InlineStack gap="300" blockAlign="center" wrap>
            <Button submit disabled={busy}>
              {t.save}
            </Button>
            <Button url="/app/routing/attention" variant="plain">
              {t.open}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
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
function RuleEditor({ index, rule, save, busy }: { index: number; rule: RuleRow; save: string; busy: boolean }) {
  if (rule.fields.length === 0) return null;
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="replace" />
      <input type="hidden" name="index" value={index} />
      <input type="hidden" name="type" value={rule.type} />
      <InlineStack gap="300" blockAlign="end" wrap>
        <RuleFields key={JSON.stringify(rule.fields)} fields={rule.fields} />
        <Button submit size="slim" disabled={busy} accessibilityLabel={rule.a11y.save}>
          {save}
        </Button>
      </InlineStack>
    </Form>
  );
}
