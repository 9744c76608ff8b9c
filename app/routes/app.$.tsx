import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { adminNavigation } from "~/config/navigation";
import { authenticate } from "~/shopify.server";

// Areas of the admin that are on the navigation but not yet released answer here; anything else 404s.
export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  const area = adminNavigation.find((item) => item.url === `/app/${params["*"]}`);
  if (!area) throw new Response("Not Found", { status: 404 });
  return { label: area.label };
};

export default function UpcomingArea() {
  const { label } = useLoaderData<typeof loader>();
  return (
    <Page title={label}>
      <Card>
        <EmptyState heading={`${label} is not available yet`} image="">
          <p>This part of Crossdock has not been released to your store yet. Locations are ready to review now.</p>
        </EmptyState>
      </Card>
    </Page>
  );
}
