import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, EmptyState, IndexTable, InlineStack, Layout, Link, Page, Text, useBreakpoints } from "@shopify/polaris";
import { adminLocale } from "~/http/admin-locale.server";
import { readFormData } from "~/http/form-data.server";
import type englishLocations from "~/locales/en/locations.json";
import { loadedResources, portalT } from "~/portal/i18n";
import { installedShop } from "~/services/installed-shop.server";
import { loadLocations } from "~/services/load-locations.server";
import { syncLocations } from "~/services/sync-locations.server";
import { authenticate } from "~/shopify.server";
import { adminTitle, menuWord } from "~/components/page-title";
import { StackedCell } from "~/components/StackedCell";

export const meta: MetaFunction = ({ matches }) => adminTitle(menuWord(matches, "/app/locations", "Locations"));

async function requireShop(request: Request) {
  const { admin, session } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  return { admin, shop, locale: adminLocale(request, session.onlineAccessInfo?.associated_user?.locale) };
}

const PICKUP_TIMES = new Set(["ONE_HOUR", "TWO_HOURS", "FOUR_HOURS", "TWENTY_FOUR_HOURS", "TWO_TO_FOUR_DAYS", "FIVE_OR_MORE_DAYS"]);

/** The page reads Crossdock's copy of the locations: no Admin API call on a view. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, locale } = await requireShop(request);
  const { locations, syncedAt } = await loadLocations({ shop, locale });
  const portal = portalT(locale);
  const t = portalT(locale, "locations");
  const text = loadedResources()[locale]!.locations as unknown as typeof englishLocations;
  const when = syncedAt ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: shop.timezone }).format(new Date(syncedAt)) : null;
  return {
    lang: locale,
    text,
    summary: t("summary", { count: locations.length, active: locations.filter((l) => l.isActive).length, pickup: locations.filter((l) => l.pickup).length }),
    source: when ? t("source", { time: when }) : text.neverSynced,
    locations: locations.map((l) => ({
      ...l,
      settingsLabel: t("settingsOf", { name: l.name }),
      pickupTime: !l.pickup ? null : !l.pickup.pickupTime ? text.pickupTimeNotSet : PICKUP_TIMES.has(l.pickup.pickupTime) ? portal(`tracking.pickupTimes.${l.pickup.pickupTime}`) : text.pickupTimeCustom,
    })),
  };
};

/** "Refresh from Shopify": reads every location from the Admin API into Crossdock's copy. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, shop, locale } = await requireShop(request);
  const t = portalT(locale, "locations");
  const form = await readFormData(request, undefined, { single: true });
  if (form.get("intent") !== "refresh") return data({ message: null, error: t("notUnderstood") }, { status: 400 });
  const locations = await syncLocations(shop, admin.graphql);
  return { message: t("refreshed", { count: locations.length }), error: null };
};

export default function LocationsPage() {
  const { lang, text, summary, source, locations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  // At phone width each location is a stacked card instead of a table scrolled sideways.
  const { smDown } = useBreakpoints();

  return (
    <div lang={lang}>
      <Page title={text.title} subtitle={summary}>
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="p" tone="subdued">
                  {source}
                </Text>
                <Form method="post">
                  <input type="hidden" name="intent" value="refresh" />
                  <Button submit loading={busy}>
                    {text.refresh}
                  </Button>
                </Form>
              </BlockStack>
            </Card>
          </Layout.Section>
          {actionData?.message && (
            <Layout.Section>
              <Banner tone="success">{actionData.message}</Banner>
            </Layout.Section>
          )}
          {actionData?.error && (
            <Layout.Section>
              <Banner tone="critical">{actionData.error}</Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <Card padding="0">
              {locations.length === 0 ? (
                <EmptyState heading={text.empty.heading} image="">
                  <p>{text.empty.body}</p>
                </EmptyState>
              ) : (
                <IndexTable
                  condensed={smDown}
                  resourceName={text.resource}
                  itemCount={locations.length}
                  selectable={false}
                  headings={[{ title: text.headings.location }, { title: text.headings.address }, { title: text.headings.coordinates }, { title: text.headings.pickup }]}
                >
                  {locations.map((location, index) => {
                    const name = (
                      <BlockStack gap="100">
                        <Link url={`/app/locations/${location.id}`} removeUnderline accessibilityLabel={location.settingsLabel}>
                          <Text as="span" variant="bodyMd" fontWeight="semibold">
                            {location.name}
                          </Text>
                        </Link>
                        <InlineStack gap="100">
                          <Badge>{text.kinds[location.kind]}</Badge>
                          {!location.isActive && <Badge tone="critical">{text.inactive}</Badge>}
                          {location.routingPaused && <Badge tone="warning">{text.paused}</Badge>}
                          {location.isActive && !location.fulfillsOnlineOrders && <Badge tone="attention">{text.noOnlineOrders}</Badge>}
                        </InlineStack>
                      </BlockStack>
                    );
                    const address = (
                      <BlockStack gap="0">
                        {location.addressLines.map((line) => (
                          <Text as="span" key={line} variant="bodySm">
                            {line}
                          </Text>
                        ))}
                      </BlockStack>
                    );
                    const coordinates = location.coordinates ? (
                      <Text as="span" variant="bodySm" numeric>
                        {location.coordinates.latitude.toFixed(4)}, {location.coordinates.longitude.toFixed(4)}
                      </Text>
                    ) : (
                      <Text as="span" tone="subdued">
                        {text.notGeocoded}
                      </Text>
                    );
                    const pickup = location.pickup ? (
                      <BlockStack gap="100">
                        <InlineStack>
                          <Badge tone="success">{text.pickupOn}</Badge>
                        </InlineStack>
                        <Text as="span" variant="bodySm">
                          {location.pickupTime}
                        </Text>
                        {location.pickup.instructions && (
                          // IndexTable cells do not wrap; instructions are sentences. The shop's own text, in whatever language the merchant wrote it (data-shop-text).
                          <div style={{ whiteSpace: "normal", maxWidth: "22rem" }} data-shop-text>
                            <Text as="p" variant="bodySm" tone="subdued">
                              {location.pickup.instructions}
                            </Text>
                          </div>
                        )}
                      </BlockStack>
                    ) : (
                      <InlineStack>
                        <Badge>{text.pickupOff}</Badge>
                      </InlineStack>
                    );
                    return (
                      <IndexTable.Row id={location.id} key={location.id} position={index}>
                        {smDown ? (
                          // One stacked cell per location at phone width.
                          <StackedCell gap="200">
                            {name}
                            {address}
                            {coordinates}
                            <Text as="span" variant="bodySm" fontWeight="medium">
                              {text.headings.pickup}
                            </Text>
                            {pickup}
                          </StackedCell>
                        ) : (
                          <>
                            <IndexTable.Cell>{name}</IndexTable.Cell>
                            <IndexTable.Cell>{address}</IndexTable.Cell>
                            <IndexTable.Cell>{coordinates}</IndexTable.Cell>
                            <IndexTable.Cell>{pickup}</IndexTable.Cell>
                          </>
                        )}
                      </IndexTable.Row>
                    );
                  })}
                </IndexTable>
              )}
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    </div>
  );
}
