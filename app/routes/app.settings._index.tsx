import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, Checkbox, FormLayout, InlineError, InlineStack, Layout, Link, Page, Select, Text as PolarisText, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ActionToast } from "~/components/ActionToast";
import { adminTitle } from "~/components/page-title";
import { LOCALE_NAMES, PORTAL_LOCALES } from "~/domain/portal/locale";
import { SHIPMENT_EMAIL_STATUSES } from "~/domain/shipments/notices";
import { SETTINGS_LIMITS, SHOP_SETTINGS_FORM_FIELDS, type ShopSettingsFormField } from "~/domain/shops/settings-form";
import { adminLocale } from "~/http/admin-locale.server";
import { readFormData } from "~/http/form-data.server";
import type englishSettings from "~/locales/en/settings.json";
import { getShopSettings } from "~/models/shops.server";
import { portalT } from "~/portal/i18n";
import { installedShop } from "~/services/installed-shop.server";
import { saveShopSettings } from "~/services/save-shop-settings.server";
import { authenticate } from "~/shopify.server";

type Text = Omit<typeof englishSettings, "errors">;

export const meta: MetaFunction<typeof loader> = ({ data }) => adminTitle(data?.text?.page?.title ?? "Settings");

async function requireShop(request: Request) {
  const { session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  return { shop, locale: adminLocale(request, session.onlineAccessInfo?.associated_user?.locale) };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, locale } = await requireShop(request);
  const settings = await getShopSettings(shop);
  const t = portalT(locale, "settings");
  const section = <K extends keyof Text>(key: K) => t(key, { returnObjects: true, shop: shop.name }) as unknown as Text[K];
  const text: Text = { page: section("page"), branding: section("branding"), language: section("language"), storefront: section("storefront"), buffer: section("buffer"), shipments: section("shipments"), more: section("more") };
  return {
    lang: locale,
    text,
    settings: {
      portalBrandName: settings.portalBrandName ?? "",
      portalLogoUrl: settings.portalLogoUrl ?? "",
      portalBrandColor: settings.portalBrandColor ?? "",
      defaultLocale: settings.defaultLocale,
      showExactCounts: settings.showExactCounts,
      lowStockThreshold: String(settings.lowStockThreshold),
      stockBuffer: String(settings.stockBuffer),
      shipmentEmailStatuses: settings.shipmentEmailStatuses,
    },
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, locale } = await requireShop(request);
  const t = portalT(locale, "settings");
  const form = await readFormData(request, undefined, { single: true });
  const fields: Record<string, string | undefined> = {};
  for (const name of SHOP_SETTINGS_FORM_FIELDS) {
    const value = form.get(name);
    if (value !== null) fields[name] = String(value);
  }
  // Every field but the checkbox is always on the page's form: a form without them is not this page's.
  if (SHOP_SETTINGS_FORM_FIELDS.some((name) => name !== "showExactCounts" && fields[name] === undefined)) {
    return data({ saved: null, errors: {} as Partial<Record<ShopSettingsFormField, string>>, error: t("page.notUnderstood") }, { status: 400 });
  }
  const result = await saveShopSettings(shop, fields);
  if (!result.ok) {
    const errors: Partial<Record<ShopSettingsFormField, string>> = {};
    for (const [field, problem] of Object.entries(result.errors)) errors[field as ShopSettingsFormField] = t(`errors.${problem.key}`, problem.values ?? {});
    return data({ saved: null, errors, error: t("page.notSaved") }, { status: 422 });
  }
  return { saved: t("page.saved"), errors: {} as Partial<Record<ShopSettingsFormField, string>>, error: null };
};

export default function Settings() {
  const { lang, text, settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = result?.errors ?? {};
  const [name, setName] = useState(settings.portalBrandName);
  const [logo, setLogo] = useState(settings.portalLogoUrl);
  const [color, setColor] = useState(settings.portalBrandColor);
  const [language, setLanguage] = useState(settings.defaultLocale);
  const [exactCounts, setExactCounts] = useState(settings.showExactCounts);
  const [threshold, setThreshold] = useState(settings.lowStockThreshold);
  const [buffer, setBuffer] = useState(settings.stockBuffer);
  const [shipmentStatuses, setShipmentStatuses] = useState<string[]>(settings.shipmentEmailStatuses);
  const swatch = /^#[0-9a-fA-F]{6}$/.test(color.trim()) ? color.trim() : null;

  return (
    <div lang={lang}>
      <Form method="post">
        <Page title={text.page.title} subtitle={text.page.subtitle}>
          <ActionToast event={result} message={result?.saved} />
          <Layout>
            {result?.error && (
              <Layout.Section>
                <Banner tone="critical" title={result.error} />
              </Layout.Section>
            )}
            <Layout.AnnotatedSection id="branding" title={text.branding.title} description={text.branding.description}>
              <Card>
                <FormLayout>
                  <TextField label={text.branding.name} name="portalBrandName" value={name} onChange={setName} autoComplete="organization" maxLength={SETTINGS_LIMITS.brandName} helpText={text.branding.nameHelp} error={errors.portalBrandName} />
                  <TextField label={text.branding.logo} name="portalLogoUrl" inputMode="url" value={logo} onChange={setLogo} autoComplete="off" helpText={text.branding.logoHelp} error={errors.portalLogoUrl} />
                  <TextField
                    label={text.branding.color}
                    name="portalBrandColor"
                    value={color}
                    onChange={setColor}
                    autoComplete="off"
                    placeholder="#1a6b4f"
                    helpText={text.branding.colorHelp}
                    error={errors.portalBrandColor}
                    prefix={
                      <span
                        role="img"
                        aria-label={text.branding.preview}
                        style={{ display: "inline-block", width: 16, height: 16, borderRadius: 4, border: "1px solid var(--p-color-border)", background: swatch ?? "transparent" }}
                      />
                    }
                  />
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection id="language" title={text.language.title} description={text.language.description}>
              <Card>
                <Select
                  label={text.language.label}
                  name="defaultLocale"
                  options={PORTAL_LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }))}
                  value={language}
                  onChange={setLanguage}
                  helpText={text.language.help}
                  error={errors.defaultLocale}
                />
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection id="storefront" title={text.storefront.title} description={text.storefront.description}>
              <Card>
                <input type="hidden" name="showExactCounts" value={exactCounts ? "on" : "off"} />
                <FormLayout>
                  <Checkbox label={text.storefront.exactCounts} checked={exactCounts} onChange={setExactCounts} helpText={text.storefront.exactCountsHelp} />
                  <TextField label={text.storefront.threshold} name="lowStockThreshold" type="number" value={threshold} onChange={setThreshold} autoComplete="off" helpText={text.storefront.thresholdHelp} error={errors.lowStockThreshold} />
                </FormLayout>
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection id="buffer" title={text.buffer.title} description={text.buffer.description}>
              <Card>
                <TextField label={text.buffer.label} name="stockBuffer" type="number" value={buffer} onChange={setBuffer} autoComplete="off" helpText={text.buffer.help} error={errors.stockBuffer} />
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection id="shipments" title={text.shipments.title} description={text.shipments.description}>
              <Card>
                <input type="hidden" id="shipmentEmailStatuses" name="shipmentEmailStatuses" value={shipmentStatuses.join(",")} />
                <BlockStack gap="300">
                  {/* Checkboxes without names: the hidden field carries the list (the form sends each field once). */}
                  <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
                    <legend style={{ padding: 0, marginBottom: "var(--p-space-200)" }}>
                      <PolarisText as="span" variant="headingSm">
                        {text.shipments.label}
                      </PolarisText>
                    </legend>
                    <BlockStack gap="100">
                      {SHIPMENT_EMAIL_STATUSES.map((status) => (
                        <Checkbox
                          key={status}
                          label={text.shipments.statuses[status]}
                          checked={shipmentStatuses.includes(status)}
                          onChange={(on) => setShipmentStatuses((chosen) => (on ? [...chosen, status] : chosen.filter((s) => s !== status)))}
                        />
                      ))}
                    </BlockStack>
                    {errors.shipmentEmailStatuses ? <InlineError message={errors.shipmentEmailStatuses} fieldID="shipmentEmailStatuses" /> : null}
                  </fieldset>
                  <PolarisText as="p" tone="subdued">
                    {text.shipments.help}
                  </PolarisText>
                  <PolarisText as="p" tone="subdued">
                    {text.shipments.staff}
                  </PolarisText>
                </BlockStack>
              </Card>
            </Layout.AnnotatedSection>

            <Layout.AnnotatedSection id="more" title={text.more.title} description={text.more.description}>
              <Card>
                <BlockStack gap="200">
                  <Link url="/app/routing">{text.more.routing}</Link>
                  <Link url="/app/settings/returns">{text.more.returns}</Link>
                  <Link url="/app/locations">{text.more.locations}</Link>
                  <Link url="/app/inventory">{text.more.inventory}</Link>
                </BlockStack>
              </Card>
            </Layout.AnnotatedSection>

            <Layout.Section>
              <Box paddingBlockEnd="800">
                <InlineStack align="end">
                  <Button submit variant="primary" loading={busy}>
                    {text.page.save}
                  </Button>
                </InlineStack>
              </Box>
            </Layout.Section>
          </Layout>
        </Page>
      </Form>
    </div>
  );
}
