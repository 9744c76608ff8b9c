import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, Checkbox, DataTable, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { formatMoney, STATUS_LABELS } from "~/components/returns/labels";
import { RuleEditor } from "~/components/returns/RuleEditor";
import { DEFAULT_RETURN_POLICY, parseReturnPolicy } from "~/domain/returns/policy";
import { describeAction } from "~/domain/returns/rules";
import { listLocations } from "~/models/locations.server";
import { findPolicy } from "~/models/return-rules.server";
import { installedShop } from "~/services/installed-shop.server";
import { previewReturnRules } from "~/services/preview-return-rules.server";
import { loadReturnRules } from "~/services/return-rules-context.server";
import { updateReturnPolicy } from "~/services/update-return-policy.server";
import { EMPTY_RULE_VALUES, returnRulesIntent, ruleToFormValues, updateReturnRules, type RuleFields } from "~/services/update-return-rules.server";
import { authenticate } from "~/shopify.server";

async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  return { shop, admin, staff: session.onlineAccessInfo?.associated_user?.email ?? `staff@${session.shop}` };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireShop(request);
  const url = new URL(request.url);
  const previewCount = url.searchParams.get("preview");
  const [{ rules, problems, updatedBy, updatedAt }, policyRow, locations] = await Promise.all([loadReturnRules(shop), findPolicy(shop), listLocations(shop, { activeOnly: true })]);
  const parsed = policyRow
    ? parseReturnPolicy({ ...policyRow, returnShippingFee: String(policyRow.returnShippingFee), restockingFeePercent: String(policyRow.restockingFeePercent) })
    : null;
  const policy = parsed?.status === "success" ? parsed.policy : DEFAULT_RETURN_POLICY;
  const preview = previewCount ? await previewReturnRules({ shop, count: Number(previewCount), graphql: admin.graphql }) : null;
  return {
    policy: { ...policy, defaultReturnLocationId: policy.defaultReturnLocationId ?? "" },
    rules: rules.map((r) => ({ values: ruleToFormValues(r), summary: describeAction(r.action), conditions: r.conditions.length })),
    problems,
    updatedBy,
    updatedAt: updatedAt?.toISOString() ?? null,
    locations: locations.map((l) => ({ id: l.shopifyId, name: l.name })),
    preview,
    previewCount: previewCount ? Number(previewCount) : 20,
    newRule: EMPTY_RULE_VALUES,
  };
};

type ActionResult = { ok: boolean; target: string; message: string; errors: Record<string, string> };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staff } = await requireShop(request);
  // Only the multi-choice fields may repeat (a checkbox may come with its hidden default); any other field sent twice is a 400 naming it.
  const form = await readFormData(request, undefined, { single: true, repeatable: ["allowedMethods", "reasons", "methods", "enabled"] });
  const fields: RuleFields = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map(String);
    fields[key] = values.length > 1 ? values : values[0]!;
  }
  if (fields.intent === "policy") {
    const result = await updateReturnPolicy({ shop, fields });
    if (!result.ok) return data<ActionResult>({ ok: false, target: "policy", message: "The policy was not saved", errors: result.errors }, { status: 422 });
    return data<ActionResult>({ ok: true, target: "policy", message: "Policy saved", errors: {} });
  }
  const intent = returnRulesIntent.safeParse(fields);
  if (!intent.success) return data<ActionResult>({ ok: false, target: "rules", message: "That change is not understood. Reload the page and try again.", errors: {} }, { status: 400 });
  const target = intent.data.intent === "save-rule" ? `rule:${intent.data.index}` : "rules";
  const result = await updateReturnRules({ shop, intent: intent.data, fields, staff });
  if (!result.ok) return data<ActionResult>({ ok: false, target, message: "The rule was not saved", errors: result.errors }, { status: 422 });
  return data<ActionResult>({ ok: true, target, message: "Rules saved", errors: {} });
};

export default function ReturnSettings() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errorsFor = (target: string) => (result && !result.ok && result.target === target ? result.errors : undefined);

  return (
    <Page title="Returns settings" subtitle="The return policy shoppers see, and the rules that decide requests" backAction={{ content: "Returns", url: "/app/returns" }}>
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"} title={result.message}>
              {!result.ok && Object.keys(result.errors).length > 0 && <p>Check the highlighted fields.</p>}
            </Banner>
          </Layout.Section>
        )}
        {page.problems.length > 0 && (
          <Layout.Section>
            <Banner tone="warning" title="The saved rules could not be read; no rule applies until they are saved again">
              {page.problems.join("; ")}
            </Banner>
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title="Return policy" description="What shoppers may return, within how long, and what it costs them.">
          <PolicyForm policy={page.policy} locations={page.locations} errors={errorsFor("policy")} busy={busy} />
        </Layout.AnnotatedSection>

        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <BlockStack gap="100">
                <Text as="h2" variant="headingMd">
                  Rules, in order
                </Text>
                <Text as="p" tone="subdued">
                  The first rule that is on and whose conditions all hold decides a new request; when none does, a person decides.
                  {page.updatedBy ? ` Last changed by ${page.updatedBy}.` : ""}
                </Text>
              </BlockStack>
            </Box>
            <ol aria-label="Return rules" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {page.rules.map((rule, index) => (
                <li key={rule.values.id} style={{ borderTop: "1px solid var(--p-color-border-secondary)" }}>
                  <Box padding="400">
                    <BlockStack gap="300">
                      <InlineStack align="space-between" blockAlign="center" gap="300">
                        <InlineStack gap="200" blockAlign="center">
                          <Text as="span" tone="subdued">{`${index + 1}.`}</Text>
                          <Text as="h3" variant="headingSm">
                            {rule.values.name}
                          </Text>
                          <Badge tone={rule.values.action === "AUTO_APPROVE" ? "success" : rule.values.action === "AUTO_DECLINE" ? "critical" : "warning"}>{rule.summary}</Badge>
                          {!rule.values.enabled && <Badge>Off</Badge>}
                        </InlineStack>
                        <ButtonGroup>
                          <RuleButton intent="move-rule" index={index} extra={{ direction: "up" }} label="Move up" a11y={`Move ${rule.values.name} up`} disabled={busy || index === 0} />
                          <RuleButton intent="move-rule" index={index} extra={{ direction: "down" }} label="Move down" a11y={`Move ${rule.values.name} down`} disabled={busy || index === page.rules.length - 1} />
                          <RuleButton intent="toggle-rule" index={index} label={rule.values.enabled ? "Turn off" : "Turn on"} a11y={`${rule.values.enabled ? "Turn off" : "Turn on"} ${rule.values.name}`} disabled={busy} />
                          <RuleButton intent="delete-rule" index={index} label="Delete" a11y={`Delete ${rule.values.name}`} disabled={busy} tone="critical" />
                        </ButtonGroup>
                      </InlineStack>
                      <RuleEditor key={JSON.stringify(rule.values)} index={index} initial={rule.values} errors={errorsFor(`rule:${index}`)} busy={busy} label={`Edit ${rule.values.name}`} />
                    </BlockStack>
                  </Box>
                </li>
              ))}
            </ol>
            <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary">
              <BlockStack gap="300">
                <Text as="h3" variant="headingSm">
                  Add a rule
                </Text>
                <RuleEditor key={`new-${page.rules.length}`} index="new" initial={page.newRule} errors={errorsFor("rule:new")} busy={busy} label="New rule" />
              </BlockStack>
            </Box>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="end">
                <Text as="h2" variant="headingMd">
                  Preview on recent requests
                </Text>
                <Form method="get">
                  <InlineStack gap="200" blockAlign="end">
                    <PreviewCount initial={String(page.previewCount)} />
                    <Button submit>Preview</Button>
                  </InlineStack>
                </Form>
              </InlineStack>
              {page.preview ? (
                <>
                  <Text as="p" tone="subdued">{`Auto-approve ${page.preview.summary["auto-approve"] ?? 0} · auto-decline ${page.preview.summary["auto-decline"] ?? 0} · flag ${page.preview.summary.flag ?? 0} · no rule ${page.preview.summary.none ?? 0} · differs from what happened ${page.preview.summary.differs ?? 0}`}</Text>
                  <DataTable
                    columnContentTypes={["text", "text", "numeric", "text", "text", "text"]}
                    headings={["Return", "Order", "Value", "What happened", "The rules would", "Why"]}
                    rows={page.preview.rows.map((r) => [
                      <Link key={r.id} to={`/app/returns/${r.id}`}>
                        {r.rma}
                      </Link>,
                      r.orderName,
                      formatMoney(r.totalValue, "USD"),
                      `${STATUS_LABELS[r.status] ?? r.status}${r.decidedBy ? ` by ${r.decidedBy}` : ""}${r.flagged ? " (flagged)" : ""}`,
                      `${r.wouldDo ?? "leave it to a person"}${r.differs ? " ≠" : ""}`,
                      r.explanation,
                    ])}
                  />
                </>
              ) : (
                <Text as="p" tone="subdued">
                  See what the saved rules would have done to the last requests, beside what happened to them.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function PreviewCount({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <div style={{ width: "8rem" }}>
      <TextField label="Last requests" name="preview" type="number" min={1} max={100} value={value} onChange={setValue} autoComplete="off" />
    </div>
  );
}

function RuleButton(props: { intent: string; index: number; label: string; a11y: string; disabled: boolean; extra?: Record<string, string>; tone?: "critical" }) {
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

function PolicyForm(props: {
  policy: { windowDays: number; finalSaleTags: string[]; nonReturnableProductTypes: string[]; returnShippingFee: string; restockingFeePercent: string; allowedMethods: string[]; defaultReturnLocationId: string };
  locations: { id: string; name: string }[];
  errors?: Record<string, string>;
  busy: boolean;
}) {
  const p = props.policy;
  const e = props.errors ?? {};
  const [windowDays, setWindowDays] = useState(String(p.windowDays));
  const [tags, setTags] = useState(p.finalSaleTags.join(", "));
  const [types, setTypes] = useState(p.nonReturnableProductTypes.join(", "));
  const [fee, setFee] = useState(p.returnShippingFee);
  const [restocking, setRestocking] = useState(p.restockingFeePercent);
  const [mail, setMail] = useState(p.allowedMethods.includes("MAIL"));
  const [dropOff, setDropOff] = useState(p.allowedMethods.includes("DROP_OFF"));
  const [location, setLocation] = useState(p.defaultReturnLocationId);
  return (
    <Card>
      <Form method="post" aria-label="Return policy">
        <input type="hidden" name="intent" value="policy" />
        <BlockStack gap="300">
          <TextField label="Return window (days after delivery)" name="windowDays" value={windowDays} onChange={setWindowDays} autoComplete="off" error={e.windowDays} />
          <TextField label="Final-sale tags" name="finalSaleTags" value={tags} onChange={setTags} autoComplete="off" helpText="Comma-separated product tags" error={e.finalSaleTags} />
          <TextField label="Product types that cannot be returned" name="nonReturnableProductTypes" value={types} onChange={setTypes} autoComplete="off" error={e.nonReturnableProductTypes} />
          <TextField label="Return shipping fee (mail)" name="returnShippingFee" value={fee} onChange={setFee} autoComplete="off" error={e.returnShippingFee} />
          <TextField label="Restocking fee (%)" name="restockingFeePercent" value={restocking} onChange={setRestocking} autoComplete="off" error={e.restockingFeePercent} />
          <BlockStack gap="100">
            <Checkbox label="Returns by mail" checked={mail} onChange={setMail} />
            <Checkbox label="Drop-off at a store" checked={dropOff} onChange={setDropOff} error={e.allowedMethods} />
            {mail && <input type="hidden" name="allowedMethods" value="MAIL" />}
            {dropOff && <input type="hidden" name="allowedMethods" value="DROP_OFF" />}
          </BlockStack>
          <Select
            label="Mail returns go to"
            name="defaultReturnLocationId"
            options={[{ value: "", label: "The first warehouse" }, ...props.locations.map((l) => ({ value: l.id, label: l.name }))]}
            value={location}
            onChange={setLocation}
            error={e.defaultReturnLocationId}
          />
          <InlineStack>
            <Button submit variant="primary" disabled={props.busy}>
              Save policy
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
