import { ApiVersion } from "@shopify/shopify-api";

/**
 * The one Admin API version Crossdock speaks. The app's client, the webhook subscriptions in
 * shopify.app.toml (checked by a test), the schema the GraphQL documents are validated against and
 * the local simulator all derive from this constant.
 */
export const ADMIN_API_VERSION = ApiVersion.October26;
