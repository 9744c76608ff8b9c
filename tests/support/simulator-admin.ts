import { ADMIN_API_VERSION } from "~/shopify/api-version";
import type { AdminGraphql } from "~/shopify/admin-graphql";

/**
 * An Admin GraphQL client for a simulated shop, as the app's adapters take it (`admin.graphql`'s
 * shape): POSTs to the simulator's versioned endpoint with the shop's access token. `url` is read
 * on every request, so a client can be made before the simulator is started. `onRequest` sees each
 * query (tests that count or record what the app sends).
 */
export function simulatorAdminGraphql(
  url: () => string,
  shop: string,
  token: string,
  onRequest?: (query: string) => void,
): AdminGraphql {
  return (query, options) => {
    onRequest?.(query);
    return fetch(`${url()}/shops/${shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query, variables: options?.variables }),
    });
  };
}
