import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useLocation, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useCallback, useState, type ReactNode } from "react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Frame, Navigation, TopBar } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisVi from "@shopify/polaris/locales/vi.json";
import polarisZh from "@shopify/polaris/locales/zh-CN.json";
import { AdminErrorPage, adminProblemOf } from "~/components/AdminErrorPage";
import { adminNavigation } from "~/config/navigation";
import { env } from "~/env.server";
import { adminLocale } from "~/http/admin-locale.server";
import { portalT } from "~/portal/i18n";
import { authenticate } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const config = env();
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  // The menu in the staff member's language (app/locales/<lng>/navigation.json).
  const t = portalT(locale, "navigation");
  const nav = { home: t("home"), items: adminNavigation.map((item) => ({ url: item.url, label: t(item.key) })) };
  return { apiKey: config.SHOPIFY_API_KEY, embedded: !config.CROSSDOCK_DEMO, shop: session.shop, locale, nav };
};

type LayoutData = Awaited<ReturnType<typeof loader>>;

/** Polaris's own words (a badge's "Critical", "Select all", the filters' "Clear all") in the staff member's language. */
const POLARIS_WORDS: Record<string, typeof polarisEn> = { en: polarisEn, vi: polarisVi, "zh-CN": polarisZh };

export default function AppLayout() {
  return (
    <Shell layout={useLoaderData<typeof loader>()}>
      <Outlet />
    </Shell>
  );
}

function Shell({ layout: { apiKey, embedded, shop, nav, locale }, children }: { layout: LayoutData; children: ReactNode }) {
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={apiKey} i18n={POLARIS_WORDS[locale] ?? polarisEn}>
      {embedded ? (
        <>
          <NavMenu>
            <Link to="/app" rel="home">
              {nav.home}
            </Link>
            {nav.items.map((item) => (
              <Link key={item.url} to={item.url}>
                {item.label}
              </Link>
            ))}
          </NavMenu>
          {children}
        </>
      ) : (
        <StandaloneFrame shop={shop} nav={nav}>
          {children}
        </StandaloneFrame>
      )}
    </AppProvider>
  );
}

/** Outside Shopify admin (the demo) there is no admin chrome, so Polaris draws the navigation. */
function StandaloneFrame({ shop, nav, children }: { shop: string; nav: LayoutData["nav"]; children: ReactNode }) {
  const location = useLocation();
  // At phone width Polaris hides the navigation behind the top bar's menu button.
  const [menuOpen, setMenuOpen] = useState(false);
  const toggleMenu = useCallback(() => setMenuOpen((open) => !open), []);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  const navigation = (
    <Navigation location={location.pathname} ariaLabelledBy="crossdock-nav" onDismiss={closeMenu}>
      <Navigation.Section
        title={`Crossdock · ${shop}`}
        items={[
          { label: nav.home, url: "/app", exactMatch: true },
          // Needs attention (/app/routing/attention) is its own entry, not Routing's.
          ...nav.items.map((item) => ({ label: item.label, url: item.url, ...(item.url === "/app/routing" ? { excludePaths: ["/app/routing/attention"] } : {}) })),
        ]}
      />
    </Navigation>
  );
  return (
    <Frame
      navigation={navigation}
      topBar={<TopBar showNavigationToggle onNavigationToggle={toggleMenu} />}
      showMobileNavigation={menuOpen}
      onNavigationDismiss={closeMenu}
    >
      {children}
    </Frame>
  );
}

/**
 * The one ErrorBoundary of every admin page (none of them has its own): Shopify throttling or not
 * answering (the 503 of app/http/staff-admin.server.ts), a 404, or an unexpected error are shown
 * as a friendly page in the staff member's language with Try again, inside the admin's navigation;
 * never a stack trace. Shopify needs Remix to catch its authentication responses so that their
 * headers are included: those go to Shopify's boundary.
 */
export function ErrorBoundary() {
  const error = useRouteError();
  const layout = useRouteLoaderData<typeof loader>("routes/app");
  const problem = adminProblemOf(error, layout?.locale);
  if (!problem) return boundary.error(error);
  const page = <AdminErrorPage problem={problem} />;
  return layout ? (
    <Shell layout={layout}>{page}</Shell>
  ) : (
    <AppProvider isEmbeddedApp={false} apiKey="">
      {page}
    </AppProvider>
  );
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
