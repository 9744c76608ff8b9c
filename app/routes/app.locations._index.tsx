import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, EmptyState, IndexTable, InlineStack, Layout, Link, Page, Text } from "@shopify/polaris";
import { loadLocations } from "~/services/load-locations.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const locations = await loadLocations({ shop: session.shop, graphql: admin.graphql });
  return { locations };
};

export default function LocationsPage() {
  const { locations } = useLoaderData<typeof loader>();
  const pickupCount = locations.filter((l) => l.pickup).length;
  const activeCount = locations.filter((l) => l.isActive).length;

  return (
    <Page
      title="Locations"
      subtitle={`${locations.length} locations · ${activeCount} active · ${pickupCount} offer local pickup`}
    >
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {locations.length === 0 ? (
              <EmptyState heading="No locations yet" image="">
                <p>Add locations in Shopify (Settings → Locations); they appear here automatically.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "location", plural: "locations" }}
                itemCount={locations.length}
                selectable={false}
                headings={[
                  { title: "Location" },
                  { title: "Address" },
                  { title: "Coordinates" },
                  { title: "Local pickup" },
                ]}
              >
                {locations.map((location, index) => (
                  <IndexTable.Row id={location.id} key={location.id} position={index}>
                    <IndexTable.Cell>
                      <BlockStack gap="100">
                        <Link url={`/app/locations/${location.id}`} removeUnderline accessibilityLabel={`Routing settings of ${location.name}`}>
                          <Text as="span" variant="bodyMd" fontWeight="semibold">
                            {location.name}
                          </Text>
                        </Link>
                        <InlineStack gap="100">
                          <Badge>{location.kind === "STORE" ? "Store" : "Warehouse"}</Badge>
                          {!location.isActive && <Badge tone="critical">Inactive</Badge>}
                          {location.isActive && !location.fulfillsOnlineOrders && (
                            <Badge tone="attention">Doesn't fulfill online orders</Badge>
                          )}
                        </InlineStack>
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <BlockStack gap="0">
                        {location.addressLines.map((line) => (
                          <Text as="span" key={line} variant="bodySm">
                            {line}
                          </Text>
                        ))}
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {location.coordinates ? (
                        <Text as="span" variant="bodySm" numeric>
                          {location.coordinates.latitude.toFixed(4)}, {location.coordinates.longitude.toFixed(4)}
                        </Text>
                      ) : (
                        <Text as="span" tone="subdued">
                          Not geocoded
                        </Text>
                      )}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      {location.pickup ? (
                        <BlockStack gap="100">
                          <InlineStack>
                            <Badge tone="success">On</Badge>
                          </InlineStack>
                          <Text as="span" variant="bodySm">
                            {location.pickup.time}
                          </Text>
                          {location.pickup.instructions && (
                            // IndexTable cells do not wrap; instructions are sentences.
                            <div style={{ whiteSpace: "normal", maxWidth: "22rem" }}>
                              <Text as="p" variant="bodySm" tone="subdued">
                                {location.pickup.instructions}
                              </Text>
                            </div>
                          )}
                        </BlockStack>
                      ) : (
                        <Badge>Off</Badge>
                      )}
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
