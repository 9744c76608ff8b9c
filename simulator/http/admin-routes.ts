/** Shopify's own endpoints: Admin GraphQL and OAuth, under /shops/:shop/admin/… */
import type { GraphQLSchema } from "graphql";
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { executeAdminRequest, type GraphqlRequestBody } from "../graphql/execute";
import { adminFaultBody, takeAdminFault } from "../store/admin-faults";
import { accessTokenStatus, tokenEndpointLatency } from "../store/access-tokens";
import type { SimulatorStore } from "../store/store";
import { accessTokenRequest, authorizeRequest, type AppCredentials } from "./oauth";
import { route, type HttpResult, type Route, type RouteContext } from "./util";

const NOT_FOUND: HttpResult = { status: 404, body: { errors: "Not Found" } };
const INVALID_TOKEN: HttpResult = {
  status: 401,
  body: { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
};

export function adminRoutes(deps: { store: SimulatorStore; schema: GraphQLSchema; app: AppCredentials }): Route[] {
  const graphql = async (ctx: RouteContext): Promise<HttpResult> => {
    const shop = deps.store.shop(ctx.params.shop!);
    if (!shop || ctx.params.version !== ADMIN_API_VERSION) return NOT_FOUND;
    const token = ctx.req.headers["x-shopify-access-token"];
    // Unknown, revoked and expired tokens get the same 401 (an expired expiring offline token too).
    if (typeof token !== "string" || accessTokenStatus(shop, token, deps.store.clock.now()) !== "valid") return INVALID_TOKEN;
    const contentType = ctx.req.headers["content-type"] ?? "";
    const body: GraphqlRequestBody = contentType.includes("application/graphql")
      ? { query: ctx.rawBody }
      : ((ctx.body ?? {}) as GraphqlRequestBody);
    recordAdminRequest(shop.adminRequests, body);
    const fault = takeAdminFault(shop.adminFault, body.query);
    if (fault) {
      // Shopify ran it and the answer was lost, or it failed before running anything.
      if (fault.applied) await executeAdminRequest(deps.schema, deps.store, shop, body);
      if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      return { status: fault.status, body: adminFaultBody(fault.status), headers: { "X-Shopify-API-Version": ADMIN_API_VERSION } };
    }
    const result = await executeAdminRequest(deps.schema, deps.store, shop, body);
    return { ...result, headers: { "X-Shopify-API-Version": ADMIN_API_VERSION } };
  };
  return [
    route("POST", "/shops/:shop/admin/api/:version/graphql.json", graphql),
    route("GET", "/shops/:shop/admin/oauth/authorize", (ctx) => authorizeRequest(deps.store, deps.app, ctx.params.shop!, ctx.query)),
    route("POST", "/shops/:shop/admin/oauth/access_token", async (ctx) => {
      const shop = deps.store.shop(ctx.params.shop!);
      const latency = shop ? tokenEndpointLatency(shop) : 0;
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      return accessTokenRequest(deps.store, deps.app, ctx.params.shop!, (ctx.body ?? {}) as Record<string, unknown>);
    }),
  ];
}

/** The request log of ShopState.adminRequests: the operation's name, else its kind. */
function recordAdminRequest(log: { count: number; operations: string[] }, body: GraphqlRequestBody): void {
  const query = typeof body.query === "string" ? body.query.replace(/#[^\n]*/g, "") : "";
  const named = /\b(query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(query);
  const name = typeof body.operationName === "string" && body.operationName ? body.operationName : (named?.[2] ?? (/^\s*mutation\b/.test(query) ? "mutation" : "query"));
  log.count++;
  log.operations.push(name);
  if (log.operations.length > 500) log.operations.splice(0, log.operations.length - 500);
}
