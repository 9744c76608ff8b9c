import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, ButtonGroup, Card, Checkbox, ChoiceList, DataTable, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminT } from "~/components/admin-i18n";
import { actionSummary, explainDecision, ruleProblem } from "~/components/returns/rule-words";
import { formatMoney } from "~/domain/returns/money";
import type { ReturnRuleAction } from "~/domain/returns/rules";
import type { TFunction } from "i18next";
import { RuleEditor } from "~/components/returns/RuleEditor";
import { DEFAULT_RETURN_POLICY, parseReturnPolicy, type ReturnPolicy } from "~/domain/returns/policy";
import { POSTAGE_PAYERS } from "~/domain/returns/postage";
import { SHOPPER_RETURN_REASONS } from "~/domain/returns/reasons";
import type { ReturnDestinationSettings } from "~/domain/returns/destination";
import type { ShopMarket } from "~/domain/markets/market";
import { listLocations } from "~/models/locations.server";
import { listMarkets } from "~/models/markets.server";
import { findPolicy } from "~/models/return-rules.server";
import { installedShop } from "~/services/installed-shop.server";
import { previewReturnRules } from "~/services/preview-return-rules.server";
import { loadReturnRules } from "~/services/return-rules-context.server";
import { updateReturnPolicy } from "~/services/update-return-policy.server";
import { updateReturnOutcomes } from "~/services/update-return-outcomes.server";
import { outcomePolicyOf } from "~/domain/returns/store-credit";
import { ReturnOutcomesForm } from "~/components/returns/ReturnOutcomesForm";
import { EMPTY_RULE_VALUES, returnRulesIntent, ruleToFormValues, updateReturnRules, type RuleFields } from "~/services/update-return-rules.server";
import { authenticate } from "~/shopify.server";
import { adminTitle } from "~/components/page-title";
import { countryOptions, ReturnDestinationsForm, type DestinationSettingsText } from "~/components/returns/ReturnDestinationsForm";
import { PORTAL_LOCALES } from "~/domain/portal/locale";
import { adminLocale } from "~/http/admin-locale.server";
import { portalT } from "~/portal/i18n";
import { loadReturnDestinationSettings } from "~/services/choose-return-destination.server";
import { DESTINATION_REPEATABLE_FIELDS, updateReturnDestinations } from "~/services/update-return-destinations.server";

export const meta: MetaFunction<typeof loader> = ({ data: page }) => adminTitle(adminT(page?.lang ?? "en", "admin-return-rules")("title"));

async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  return { shop, admin, locale, staff: session.onlineAccessInfo?.associated_user?.email ?? `staff@${session.shop}` };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, admin, locale } = await requireShop(request);
  const url = new URL(request.url);
  const previewCount = url.searchParams.get("preview");
  const [{ rules, problems, updatedBy, updatedAt }, policyRow, locations, destinations, markets] = await Promise.all([
    loadReturnRules(shop),
    findPolicy(shop),
    listLocations(shop, { activeOnly: true }),
    loadReturnDestinationSettings(shop),
    listMarkets(shop),
  ]);
  const words = portalT(locale, "return-destinations");
  const parsed = policyRow
    ? parseReturnPolicy({ ...policyRow, returnShippingFee: String(policyRow.returnShippingFee), restockingFeePercent: String(policyRow.restockingFeePercent) })
    : null;
  const policy = parsed?.status === "success" ? parsed.policy : DEFAULT_RETURN_POLICY;
  const preview = previewCount ? await previewReturnRules({ shop, count: Number(previewCount), graphql: admin.graphql }) : null;
  return {
    policy,
    outcomes: outcomePolicyOf(policyRow),
    rules: rules.map((r) => ({ values: ruleToFormValues(r), action: r.action, conditions: r.conditions.length })),
    problems,
    updatedBy,
    updatedAt: updatedAt?.toISOString() ?? null,
    locations: locations.map((l) => ({ id: l.shopifyId, name: l.name, countryCode: l.countryCode })),
    markets: marketChoices(markets, destinations.rules, words),
    lang: locale,
    destinationText: words("settings", { returnObjects: true }) as unknown as DestinationSettingsText,
    defaultInstructions: Object.fromEntries(PORTAL_LOCALES.map((l) => [l, portalT(l, "return-destinations")("portal.defaultInstructions")])),
    countries: countryOptions(locale),
    destinations: {
      rules: destinations.rules.flatMap((r) => (r.country !== undefined ? [{ country: r.country, locationId: r.locationId }] : [])),
      marketRules: destinations.rules.flatMap((r) => (r.market !== undefined ? [{ market: r.market, locationId: r.locationId }] : [])),
      mailReturnLocationIds: destinations.mailReturnLocationIds,
      fallbackLocationId: destinations.fallbackLocationId ?? "",
      dropOffMaxDistanceKm: String(destinations.dropOffMaxDistanceKm),
      dropOffInstructions: destinations.dropOffInstructions as Record<string, string>,
    },
    preview,
    shopCurrency: shop.currency,
    previewCount: previewCount ? Number(previewCount) : 20,
    newRule: EMPTY_RULE_VALUES,
  };
};

/**
 * The markets a rule may name: the shop's active markets by name, and any market a stored rule
 * names that is not active (in draft, or no longer in Shopify), said in words so its rule stays.
 */
function marketChoices(markets: readonly ShopMarket[], rules: ReturnDestinationSettings["rules"], words: TFunction) {
  const choices = markets.filter((m) => m.active).map((m) => ({ id: m.id, name: m.name, active: true }));
  for (const rule of rules) {
    if (rule.market === undefined || choices.some((c) => c.id === rule.market)) continue;
    const known = markets.find((m) => m.id === rule.market);
    choices.push({ id: rule.market, name: known ? words("settings.marketNotActive", { name: known.name }) : words("settings.marketGone"), active: false });
  }
  return choices;
}

type ActionResult = { ok: boolean; target: string; message: string; errors: Record<string, string>; hint?: string };

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, staff, locale } = await requireShop(request);
  // Only the multi-choice fields may repeat (a checkbox may come with its hidden default); any other field sent twice is a 400 naming it.
  const t = adminT(locale, "admin-return-rules");
  // Every field problem as a sentence in the staff member's language.
  const said = (errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, ruleProblem(message, t)]));
  const form = await readFormData(request, undefined, { single: true, repeatable: ["allowedMethods", "freePostageReasons", "outcomes", "reasons", "methods", "enabled", ...DESTINATION_REPEATABLE_FIELDS] });
  const fields: RuleFields = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key).map(String);
    fields[key] = values.length > 1 ? values : values[0]!;
  }
  if (fields.intent === "policy") {
    const result = await updateReturnPolicy({ shop, fields });
    if (!result.ok) return data<ActionResult>({ ok: false, target: "policy", message: t("notSaved.policy"), errors: said(result.errors), hint: t("checkFields") }, { status: 422 });
    return data<ActionResult>({ ok: true, target: "policy", message: t("saved.policy"), errors: {} });
  }
  if (fields.intent === "outcomes") {
    const words = adminT(locale, "admin-return-outcomes");
    const result = await updateReturnOutcomes({ shop, fields });
    if (!result.ok) return data<ActionResult>({ ok: false, target: "outcomes", message: words("notSaved"), errors: result.errors, hint: t("checkFields") }, { status: 422 });
    return data<ActionResult>({ ok: true, target: "outcomes", message: words("saved"), errors: {} });
  }
  if (fields.intent === "destinations") {
    const words = portalT(locale, "return-destinations");
    const result = await updateReturnDestinations({ shop, fields });
    if (!result.ok) {
      const errors = Object.fromEntries(Object.entries(result.errors).map(([field, code]) => [field, words(`settings.errors.${code}`)]));
      return data<ActionResult>({ ok: false, target: "destinations", message: words("settings.notSaved"), errors, hint: words("settings.checkFields") }, { status: 422 });
    }
    return data<ActionResult>({ ok: true, target: "destinations", message: words("settings.saved"), errors: {} });
  }
  const intent = returnRulesIntent.safeParse(fields);
  if (!intent.success) return data<ActionResult>({ ok: false, target: "rules", message: t("notUnderstood"), errors: {} }, { status: 400 });
  const target = intent.data.intent === "save-rule" ? `rule:${intent.data.index}` : "rules";
  const result = await updateReturnRules({ shop, intent: intent.data, fields, staff });
  if (!result.ok) return data<ActionResult>({ ok: false, target, message: t("notSaved.rules"), errors: said(result.errors), hint: t("checkFields") }, { status: 422 });
  return data<ActionResult>({ ok: true, target, message: t("saved.rules"), errors: {} });
};

export default function ReturnSettings() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errorsFor = (target: string) => (result && !result.ok && result.target === target ? result.errors : undefined);
  const lang = page.lang;
  const t = adminT(lang, "admin-return-rules");
  const returns = adminT(lang, "admin-returns");

  return (
    <Page title={t("title")} subtitle={t("subtitle")} backAction={{ content: t("back"), url: "/app/returns" }}>
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"} title={result.message}>
              {!result.ok && Object.keys(result.errors).length > 0 && <p>{result.hint ?? t("checkFields")}</p>}
            </Banner>
          </Layout.Section>
        )}
        {page.problems.length > 0 && (
          <Layout.Section>
            <Banner tone="warning" title={t("unreadableTitle")}>
              {t("unreadableBody")}
            </Banner>
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title={t("policy.title")} description={t("policy.description")}>
          <PolicyForm policy={page.policy} errors={errorsFor("policy")} busy={busy} t={t} reasons={returns} currency={page.shopCurrency} />
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="outcomes" title={adminT(lang, "admin-return-outcomes")("title")} description={adminT(lang, "admin-return-outcomes")("description")}>
          <ReturnOutcomesForm lang={lang} policy={page.outcomes} currency={page.shopCurrency} errors={errorsFor("outcomes")} busy={busy} />
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="destinations" title={page.destinationText.title} description={page.destinationText.description}>
          <ReturnDestinationsForm
            lang={page.lang}
            text={page.destinationText}
            defaultInstructions={page.defaultInstructions}
            countries={page.countries}
            locations={page.locations}
            markets={page.markets}
            values={page.destinations}
            errors={errorsFor("destinations")}
            busy={busy}
          />
        </Layout.AnnotatedSection>

        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <BlockStack gap="100">
                <Text as="h2" variant="headingMd">
                  {t("rules.title")}
                </Text>
                <Text as="p" tone="subdued">
                  {t("rules.help")}
                  {page.updatedBy ? ` ${t("rules.lastChangedBy", { staff: page.updatedBy })}` : ""}
                </Text>
              </BlockStack>
            </Box>
            <ol aria-label={t("rules.list")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
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
                          <Badge tone={rule.values.action === "AUTO_APPROVE" ? "success" : rule.values.action === "AUTO_DECLINE" ? "critical" : "warning"}>{actionSummary(rule.action, t, returns)}</Badge>
                          {!rule.values.enabled && <Badge>{t("rules.off")}</Badge>}
                        </InlineStack>
                        <ButtonGroup>
                          <RuleButton intent="move-rule" index={index} extra={{ direction: "up" }} label={t("rules.moveUp")} a11y={t("rules.moveUpNamed", { name: rule.values.name })} disabled={busy || index === 0} />
                          <RuleButton
                            intent="move-rule"
                            index={index}
                            extra={{ direction: "down" }}
                            label={t("rules.moveDown")}
                            a11y={t("rules.moveDownNamed", { name: rule.values.name })}
                            disabled={busy || index === page.rules.length - 1}
                          />
                          <RuleButton
                            intent="toggle-rule"
                            index={index}
                            label={rule.values.enabled ? t("rules.turnOff") : t("rules.turnOn")}
                            a11y={t(rule.values.enabled ? "rules.turnOffNamed" : "rules.turnOnNamed", { name: rule.values.name })}
                            disabled={busy}
                          />
                          <RuleButton intent="delete-rule" index={index} label={t("rules.delete")} a11y={t("rules.deleteNamed", { name: rule.values.name })} disabled={busy} tone="critical" />
                        </ButtonGroup>
                      </InlineStack>
                      <RuleEditor key={JSON.stringify(rule.values)} lang={lang} index={index} initial={rule.values} errors={errorsFor(`rule:${index}`)} busy={busy} label={t("rules.editNamed", { name: rule.values.name })} />
                    </BlockStack>
                  </Box>
                </li>
              ))}
            </ol>
            <Box padding="400" borderBlockStartWidth="025" borderColor="border-secondary">
              <BlockStack gap="300">
                <Text as="h3" variant="headingSm">
                  {t("rules.addTitle")}
                </Text>
                <RuleEditor key={`new-${page.rules.length}`} lang={lang} index="new" initial={page.newRule} errors={errorsFor("rule:new")} busy={busy} label={t("rules.newRule")} />
              </BlockStack>
            </Box>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="end">
                <Text as="h2" variant="headingMd">
                  {t("preview.title")}
                </Text>
                <Form method="get">
                  <InlineStack gap="200" blockAlign="end">
                    <PreviewCount initial={String(page.previewCount)} label={t("preview.count")} />
                    <Button submit>{t("preview.run")}</Button>
                  </InlineStack>
                </Form>
              </InlineStack>
              {page.preview ? (
                <>
                  <Text as="p" tone="subdued">
                    {t("preview.summary", {
                      approve: page.preview.summary["auto-approve"] ?? 0,
                      decline: page.preview.summary["auto-decline"] ?? 0,
                      flag: page.preview.summary.flag ?? 0,
                      none: page.preview.summary.none ?? 0,
                      differs: page.preview.summary.differs ?? 0,
                    })}
                  </Text>
                  <DataTable
                    columnContentTypes={["text", "text", "numeric", "text", "text", "text"]}
                    headings={[t("preview.headings.return"), t("preview.headings.order"), t("preview.headings.value"), t("preview.headings.happened"), t("preview.headings.wouldDo"), t("preview.headings.why")]}
                    rows={page.preview.rows.map((r) => [
                      <Link key={r.id} to={`/app/returns/${r.id}`}>
                        {r.rma}
                      </Link>,
                      r.orderName,
                      formatMoney(lang, r.totalValue, page.shopCurrency),
                      happened(r, t, returns),
                      wouldDo(r, t, returns),
                      explainDecision(r.decision, t, returns),
                    ])}
                  />
                </>
              ) : (
                <Text as="p" tone="subdued">
                  {t("preview.empty")}
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

/** What happened to a previewed request: its status, who decided it, whether it was flagged. */
function happened(r: { status: string; decidedBy: string | null; flagged: boolean }, t: TFunction, returns: TFunction): string {
  const status = returns(`status.${r.status}`);
  const by = r.decidedBy ? (r.decidedBy.startsWith("rule:") ? t("preview.byRule", { status }) : t("preview.by", { status, actor: r.decidedBy })) : status;
  return r.flagged ? t("preview.flagged", { status: by }) : by;
}

/** What the rules would do to it, marked when that differs from what happened. */
function wouldDo(r: { decision: { action: ReturnRuleAction | null }; differs: boolean }, t: TFunction, returns: TFunction): string {
  if (!r.decision.action) return t("preview.person");
  const action = actionSummary(r.decision.action, t, returns);
  return r.differs ? t("preview.differs", { action }) : action;
}

function PreviewCount({ initial, label }: { initial: string; label: string }) {
  const [value, setValue] = useState(initial);
  return (
    <div style={{ width: "8rem" }}>
      <TextField label={label} name="preview" type="number" min={1} max={100} value={value} onChange={setValue} autoComplete="off" />
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
  policy: Pick<ReturnPolicy, "windowDays" | "finalSaleTags" | "nonReturnableProductTypes" | "returnShippingFee" | "restockingFeePercent" | "allowedMethods" | "postagePayer" | "postageCap" | "freePostageReasons">;
  errors?: Record<string, string>;
  busy: boolean;
  t: TFunction;
  /** admin-returns words (the reasons' names). */
  reasons: TFunction;
  /** The shop's currency: the fee and the cap are in it. */
  currency: string;
}) {
  const { t } = props;
  const p = props.policy;
  const e = props.errors ?? {};
  const [windowDays, setWindowDays] = useState(String(p.windowDays));
  const [tags, setTags] = useState(p.finalSaleTags.join(", "));
  const [types, setTypes] = useState(p.nonReturnableProductTypes.join(", "));
  const [fee, setFee] = useState(p.returnShippingFee);
  const [payer, setPayer] = useState<string>(p.postagePayer);
  const [cap, setCap] = useState(p.postageCap ?? "");
  const [freeReasons, setFreeReasons] = useState<string[]>(p.freePostageReasons);
  const [restocking, setRestocking] = useState(p.restockingFeePercent);
  const [mail, setMail] = useState(p.allowedMethods.includes("MAIL"));
  const [dropOff, setDropOff] = useState(p.allowedMethods.includes("DROP_OFF"));
  return (
    <Card>
      <Form method="post" aria-label={t("policy.title")}>
        <input type="hidden" name="intent" value="policy" />
        <BlockStack gap="300">
          <TextField label={t("policy.windowDays")} name="windowDays" value={windowDays} onChange={setWindowDays} autoComplete="off" error={e.windowDays} />
          <TextField label={t("policy.finalSaleTags")} name="finalSaleTags" value={tags} onChange={setTags} autoComplete="off" helpText={t("policy.finalSaleTagsHelp")} error={e.finalSaleTags} />
          <TextField label={t("policy.nonReturnableTypes")} name="nonReturnableProductTypes" value={types} onChange={setTypes} autoComplete="off" error={e.nonReturnableProductTypes} />
          <Select
            label={t("policy.postagePayer")}
            name="postagePayer"
            options={POSTAGE_PAYERS.map((value) => ({ value, label: t(`policy.postagePayers.${value}`) }))}
            value={payer}
            onChange={setPayer}
            helpText={t(`policy.postagePayersHelp.${payer}`)}
            error={e.postagePayer}
          />
          {payer === "FLAT" ? (
            <TextField label={t("policy.returnShippingFee", { currency: props.currency })} name="returnShippingFee" value={fee} onChange={setFee} autoComplete="off" error={e.returnShippingFee} />
          ) : (
            <input type="hidden" name="returnShippingFee" value={fee} />
          )}
          {payer === "LABEL" ? (
            <TextField label={t("policy.postageCap", { currency: props.currency })} name="postageCap" value={cap} onChange={setCap} autoComplete="off" helpText={t("policy.postageCapHelp")} error={e.postageCap} />
          ) : (
            <input type="hidden" name="postageCap" value={cap} />
          )}
          {payer !== "MERCHANT" ? (
            <ChoiceList
              allowMultiple
              title={t("policy.freePostageReasons")}
              name="freePostageReasons"
              choices={SHOPPER_RETURN_REASONS.map((r) => ({ value: r, label: props.reasons(`reasons.${r}`) }))}
              selected={freeReasons}
              onChange={setFreeReasons}
              error={e.freePostageReasons}
            />
          ) : null}
          {/* ChoiceList names its inputs "name[]"; the values travel as plain fields too (kept while the shopper pays nothing). */}
          {freeReasons.map((r) => (
            <input key={r} type="hidden" name="freePostageReasons" value={r} />
          ))}
          <TextField label={t("policy.restockingFee")} name="restockingFeePercent" value={restocking} onChange={setRestocking} autoComplete="off" error={e.restockingFeePercent} />
          <BlockStack gap="100">
            <Checkbox label={t("policy.mail")} checked={mail} onChange={setMail} />
            <Checkbox label={t("policy.dropOff")} checked={dropOff} onChange={setDropOff} error={e.allowedMethods} />
            {mail && <input type="hidden" name="allowedMethods" value="MAIL" />}
            {dropOff && <input type="hidden" name="allowedMethods" value="DROP_OFF" />}
          </BlockStack>
          <InlineStack>
            <Button submit variant="primary" disabled={props.busy}>
              {t("policy.save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
