import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, InlineGrid, Layout, Link, Page, Text } from "@shopify/polaris";
import { loadHome } from "~/services/load-home.server";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return { summary: await loadHome(session.shop), shop: session.shop };
};

export default function Home() {
  const { summary, shop } = useLoaderData<typeof loader>();
  return (
    <Page title={summary ? summary.shopName : "Crossdock"} subtitle={shop}>
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
            <Metric label="Locations" value={summary?.locations ?? 0} detail={`${summary?.activeLocations ?? 0} active`} />
            <Metric label="Offer local pickup" value={summary?.pickupLocations ?? 0} detail="active locations" />
            <Metric
              label="Countries"
              value={summary?.countries.length ?? 0}
              detail={summary?.countries.join(", ") || "none yet"}
            />
          </InlineGrid>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Your locations
              </Text>
              <Text as="p">
                Crossdock reads your locations from Shopify: addresses, coordinates and local pickup settings.{" "}
                <Link url="/app/locations">Review locations</Link>
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Metric({ label, value, detail }: { label: string; value: number; detail: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h3" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone="subdued">
          {detail}
        </Text>
      </BlockStack>
    </Card>
  );
}
