import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { ADMIN_API_VERSION } from "../app/shopify/api-version";

const cache = new Map<string, GraphQLSchema>();

/**
 * Shopify's own Admin GraphQL schema for one API version, built from the introspection result that
 * ships inside the `@shopify/dev-mcp` package. Used by the simulator to execute requests and by the
 * tests to validate every document the app sends.
 */
export function loadAdminSchema(version: string = ADMIN_API_VERSION): GraphQLSchema {
  const cached = cache.get(version);
  if (cached) return cached;
  const schema = buildClientSchema(readIntrospection(version));
  cache.set(version, schema);
  return schema;
}

/**
 * The introspection result as Shopify ships it, with the keys `buildClientSchema` drops
 * (`requiredAccess`, `isProtected`, `protectedContent` …): read by `simulator/access/`.
 */
export function readIntrospection(version: string = ADMIN_API_VERSION): IntrospectionQuery {
  const json = JSON.parse(adminIntrospectionJson(version)) as { data: IntrospectionQuery } | IntrospectionQuery;
  return "data" in json ? json.data : json;
}

/** Shopify's introspection result for one Admin API version, as `@shopify/dev-mcp` ships it (JSON text). */
export function adminIntrospectionJson(version: string = ADMIN_API_VERSION): string {
  return gunzipSync(readFileSync(join(findDataDir(), `admin_${version}.json.gz`))).toString("utf8");
}

/** The package exports no data path, so walk up to the node_modules that holds it. */
function findDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, "node_modules", "@shopify", "dev-mcp", "dist", "data");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("@shopify/dev-mcp is not installed: run npm install");
    dir = parent;
  }
}
