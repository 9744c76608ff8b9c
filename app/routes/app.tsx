import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Frame, Navigation } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { adminNavigation } from "~/config/navigation";
import { env } from "~/env.server";
import { authenticate } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const config = env();
  return { apiKey: config.SHOPIFY_API_KEY, embedded: !config.CROSSDOCK_DEMO, shop: session.shop };
};

export default function AppLayout() {
  const { apiKey, embedded, shop } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={apiKey}>
      {embedded ? (
        <>
          <NavMenu>
            <Link to="/app" rel="home">
              Home
            </Link>
            {adminNavigation.map((item) => (
              <Link key={item.url} to={item.url}>
                {item.label}
              </Link>
            ))}
          </NavMenu>
          <Outlet />
        </>
      ) : (
        <StandaloneFrame shop={shop} />
      )}
    </AppProvider>
  );
}

/** Outside Shopify admin (the demo) there is no admin chrome, so Polaris draws the navigation. */
function StandaloneFrame({ shop }: { shop: string }) {
  const location = useLocation();
  const navigation = (
    <Navigation location={location.pathname} ariaLabelledBy="crossdock-nav">
      <Navigation.Section
        title={`Crossdock · ${shop}`}
        items={[
          { label: "Home", url: "/app", exactMatch: true },
          ...adminNavigation.map((item) => ({ label: item.label, url: item.url })),
        ]}
      />
    </Navigation>
  );
  return (
    <Frame navigation={navigation}>
      <Outlet />
    </Frame>
  );
}

// Shopify needs Remix to catch some thrown responses so that their headers are included.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
