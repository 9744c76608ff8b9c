// GraphQL Codegen, as Shopify's app template sets it up (@shopify/api-codegen-preset): response and
// variable types for every `#graphql` document under app/, written to app/types/admin.generated.d.ts
// (operations) and app/types/admin.types.d.ts (the schema's types). `npm run graphql-codegen` after
// changing a document; tests/unit/graphql-codegen.test.ts fails while the committed types are stale.
//
// Offline: the preset reads `<outputDir>/admin-<version>.schema.json` when it exists and only
// otherwise fetches shopify.dev. That file is written here, before the project is built, from the
// introspection result `@shopify/dev-mcp` ships (the schema the simulator executes and the document
// test validates against); it is not committed (.gitignore).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";
import { ADMIN_API_VERSION } from "./app/shopify/api-version";
import { adminIntrospectionJson } from "./simulator/admin-schema";

/** Tests point this at a temporary directory to compare a fresh run with the committed files. */
const outputDir = process.env.CROSSDOCK_CODEGEN_OUT_DIR ?? "./app/types";

const schemaFile = `${outputDir}/admin-${ADMIN_API_VERSION}.schema.json`;
const introspection = adminIntrospectionJson(ADMIN_API_VERSION);
if (!existsSync(schemaFile) || readFileSync(schemaFile, "utf8") !== introspection) {
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(schemaFile, introspection);
}

const documents = ["./app/**/*.{ts,tsx}", "!./app/**/*.spec.{ts,tsx}", "!./app/types/**"];

export default {
  schema: schemaFile,
  documents,
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: ADMIN_API_VERSION,
      documents,
      outputDir,
      // Enums as string unions: a status from Shopify compares with "OPEN" without importing anything.
      enumsAsConst: true,
    }),
  },
};
