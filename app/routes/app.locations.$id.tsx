import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { installedShop } from "~/services/installed-shop.server";
import { editLocationRouting, getLocationForEdit } from "~/services/edit-location-routing.server";
import { authenticate } from "~/shopify.server";

async function requireShop(request: Request) {
  const { session } = await authenticate.admin(request);
  return installedShop(session.shop);
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const shop = await requireShop(request);
  const location = await getLocationForEdit(shop, params.id ?? "");
  if (!location) throw new Response("Location not found", { status: 404 });
  return {
    location: {
      id: location.id,
      name: location.name,
      kind: location.kind,
      priority: location.priority,
      dailyCapacity: location.dailyCapacity,
      stockBuffer: location.stockBuffer,
      tags: location.tags,
      pickupEnabled: location.pickupEnabled,
    },
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const shop = await requireShop(request);
  const result = await editLocationRouting(shop, params.id ?? "", await readFormData(request, undefined, { single: true }));
  if (result.ok) return redirect("/app/locations");
  if (result.status === 404) throw new Response("Location not found", { status: 404 });
  return data({ errors: result.errors }, { status: 422 });
};

export default function LocationRoutingSettings() {
  const { location } = useLoaderData<typeof loader>();
  const errors = useActionData<typeof action>()?.errors;
  const busy = useNavigation().state !== "idle";
  const [kind, setKind] = useState<string>(location.kind);
  const [priority, setPriority] = useState(String(location.priority));
  const [capacity, setCapacity] = useState(location.dailyCapacity === null ? "" : String(location.dailyCapacity));
  const [buffer, setBuffer] = useState(location.stockBuffer === null ? "" : String(location.stockBuffer));
  const [tags, setTags] = useState(location.tags.join(", "));
  const first = (field: keyof NonNullable<typeof errors>) => errors?.[field]?.[0];

  return (
    <Page title={location.name} subtitle="Routing settings (Crossdock's own; Shopify's location is not changed)" backAction={{ content: "Locations", url: "/app/locations" }}>
      <Layout>
        {errors && (
          <Layout.Section>
            <Banner tone="critical" title="The settings were not saved">Check the highlighted fields.</Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card>
            <Form method="post">
              <FormLayout>
                <Select label="Kind" name="kind" options={[{ value: "WAREHOUSE", label: "Warehouse" }, { value: "STORE", label: "Store" }]} value={kind} onChange={setKind} />
                <TextField label="Priority" name="priority" type="number" value={priority} onChange={setPriority} autoComplete="off" helpText="Lower is preferred by the Location priority rule." error={first("priority")} />
                <TextField label="Daily capacity (orders)" name="dailyCapacity" type="number" value={capacity} onChange={setCapacity} autoComplete="off" helpText="Empty: no limit." error={first("dailyCapacity")} />
                <TextField label="Stock buffer (units per product)" name="stockBuffer" type="number" value={buffer} onChange={setBuffer} autoComplete="off" helpText="Empty: the shop's buffer." error={first("stockBuffer")} />
                <TextField label="Tags" name="tags" value={tags} onChange={setTags} autoComplete="off" helpText="Comma-separated, used by the Exclude locations and Product-tag routing rules." error={first("tags")} />
                <BlockStack gap="100">
                  <Text as="p" tone="subdued">
                    {location.pickupEnabled ? "Local pickup is on (set in Shopify: Settings → Shipping and delivery)." : "Local pickup is off (set in Shopify: Settings → Shipping and delivery)."}
                  </Text>
                </BlockStack>
                <Button submit variant="primary" loading={busy}>
                  Save
                </Button>
              </FormLayout>
            </Form>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
