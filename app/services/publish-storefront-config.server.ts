import { appProxyConfig } from "~/config/app-proxy";
import type { AdminGraphql } from "~/shopify/admin-graphql";
import { setAppMetafields } from "~/shopify/app-metafields";

/** The app-data metafield the theme block reads its endpoint from (`app.metafields.crossdock.proxy_path`). */
export const PROXY_PATH_METAFIELD = { namespace: "crossdock", key: "proxy_path" } as const;

/**
 * Publishes to the storefront what the theme app extension needs to reach the app: the app
 * proxy's storefront path from shopify.app.toml ("/apps/crossdock"), as an app-data metafield.
 * Runs after every authentication, so a changed toml reaches the shop on the next sign-in.
 */
export async function publishStorefrontConfig(graphql: AdminGraphql): Promise<void> {
  await setAppMetafields(graphql, [
    { ...PROXY_PATH_METAFIELD, type: "single_line_text_field", value: appProxyConfig().storefrontPath },
  ]);
}
