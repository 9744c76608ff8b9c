// @shopify/shopify-api configured for tests that compare Crossdock's own checks with the library's
// verdicts. Import the runtime adapter the comparison needs (adapters/node or adapters/web-api) first.
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";

export function shopifyApiForTests(apiSecretKey: string) {
  return shopifyApi({
    apiKey: "test-key",
    apiSecretKey,
    apiVersion: ApiVersion.October26,
    hostName: "crossdock.example.com",
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Error },
  });
}
