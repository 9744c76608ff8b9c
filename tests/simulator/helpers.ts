/** Starts the simulator in-process on port 0 with the fixture shop, and talks to it over HTTP. */
import { ADMIN_API_VERSION } from "../../app/shopify/api-version";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../../simulator/main";
import { fixtureSeed, SHOP } from "./fixture-seed";

export const API_KEY = "test-api-key";
export const API_SECRET = "test-api-secret";
export const TOKEN = "shpat_test_token";

/**
 * The simulator's own tests act as an app holding every scope the simulator implements (the app's
 * tests get exactly what shopify.app.toml requests); tests/simulator/access-scopes.test.ts takes
 * them away one by one.
 */
export const ALL_SCOPES = [
  "read_all_orders",
  "read_customers",
  "write_fulfillments",
  "write_inventory",
  "read_locations",
  "read_markets",
  "write_orders",
  "read_products",
  "write_assigned_fulfillment_orders",
  "write_merchant_managed_fulfillment_orders",
  "write_third_party_fulfillment_orders",
  "write_returns",
  "write_shipping",
  "read_store_credit_accounts",
  "write_store_credit_account_transactions",
].join(",");

/** Response data is checked by the assertions themselves; one loose type keeps them readable. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

export interface GraphqlBody {
  data?: Record<string, Loose>;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, Loose> }[];
  extensions?: { cost: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number } } };
}

export interface TestSimulator {
  sim: RunningSimulator;
  gql(query: string, variables?: Record<string, unknown>, options?: { token?: string; shop?: string; version?: string }): Promise<GraphqlBody>;
  gqlRaw(query: string, variables?: Record<string, unknown>, options?: { token?: string; shop?: string; version?: string }): Promise<Response>;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: Loose }>;
  /** Fails the test on GraphQL errors; returns data. */
  data(query: string, variables?: Record<string, unknown>): Promise<Record<string, Loose>>;
  close(): Promise<void>;
}

export async function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<TestSimulator> {
  const sim = await startSimulator({
    apiKey: API_KEY,
    apiSecret: API_SECRET,
    seed: fixtureSeed(),
    accessToken: TOKEN,
    webhookConfig: { apiVersion: ADMIN_API_VERSION, subscriptions: [] },
    scopes: ALL_SCOPES,
    // Shopify's routing stays asynchronous in tests, only faster than a busy store's seconds.
    orderRouting: { delayMs: 20 },
    ...options,
  });
  const gqlRaw: TestSimulator["gqlRaw"] = (query, variables, opts = {}) =>
    fetch(`${sim.url}/shops/${opts.shop ?? SHOP}/admin/api/${opts.version ?? ADMIN_API_VERSION}/graphql.json`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": opts.token ?? TOKEN },
      body: JSON.stringify({ query, variables }),
    });
  const gql: TestSimulator["gql"] = async (query, variables, opts) => (await (await gqlRaw(query, variables, opts)).json()) as GraphqlBody;
  return {
    sim,
    gqlRaw,
    gql,
    async data(query, variables) {
      const body = await gql(query, variables);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data!;
    },
    async control(method, path, body) {
      const response = await fetch(`${sim.url}${path}`, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    close: () => sim.close(),
  };
}

export { SHOP };

/** The inventory item of a SKU and the seed's Warehouse location: what inventory tests change. */
export async function warehouseItem(t: TestSimulator, sku: string): Promise<{ itemId: string; warehouse: string }> {
  const data = await t.data(`query($q: String!) { productVariants(first: 1, query: $q) { nodes { inventoryItem { id } } } locations(first: 1, query: "name:Warehouse") { nodes { id } } }`, { q: `sku:${sku}` });
  return { itemId: data.productVariants.nodes[0].inventoryItem.id as string, warehouse: data.locations.nodes[0].id as string };
}

/**
 * An order made at checkout (control API `POST …/orders` with `body`), fulfilled and delivered;
 * with its fulfillment line item ids by SKU, as returns need them.
 */
export async function deliveredOrder(t: TestSimulator, body: Record<string, unknown>): Promise<{ orderId: string; lines: Record<string, string> }> {
  const created = await t.control("POST", `/_control/shops/${SHOP}/orders`, body);
  const orderId: string = created.body.order.id;
  const fulfilled = await t.control("POST", `/_control/shops/${SHOP}/fulfillments`, { orderId, displayStatus: "IN_TRANSIT" });
  await t.control("POST", `/_control/shops/${SHOP}/fulfillments/${encodeURIComponent(fulfilled.body.fulfillments[0].id)}/deliver`, {});
  const { returnableFulfillments } = await t.data(
    `query($id: ID!) { returnableFulfillments(orderId: $id, first: 5) { nodes { returnableFulfillmentLineItems(first: 10) { nodes { fulfillmentLineItem { id lineItem { sku } } } } } } }`,
    { id: orderId },
  );
  const lines: Record<string, string> = {};
  for (const rf of returnableFulfillments.nodes) for (const l of rf.returnableFulfillmentLineItems.nodes) lines[l.fulfillmentLineItem.lineItem.sku] = l.fulfillmentLineItem.id;
  return { orderId, lines };
}
