/**
 * Every GraphQL document the app sends stays within Crossdock's query budget: at most 600 requested
 * points (60 % of Shopify's 1,000-point single-query limit), priced by the simulator's model of
 * Shopify's cost rules (FIDELITY.md, QC-*) with the largest variables the app really sends.
 */
import { IMPORT_ORDERS_PER_PAGE } from "~/shopify/order-import";
import { join } from "node:path";
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode, type TypeNode } from "graphql";
import { describe, expect, it } from "vitest";
import { IDS_PER_REQUEST, SEARCH_RESULTS } from "~/shopify/cart-variants";
import { EXCHANGE_VARIANTS_PER_REQUEST } from "~/shopify/exchanges";
import { VARIANTS_PER_REQUEST } from "~/shopify/fulfillment-orders";
import { LEVELS_PER_PAGE, LEVELS_PER_VARIANT, VARIANTS_PER_PAGE } from "~/shopify/inventory";
import { LEVEL_CHANGES_PER_PAGE, LOCATION_LEVELS_PER_PAGE } from "~/shopify/inventory-levels";
import { LOCATIONS_PER_PAGE } from "~/shopify/locations";
import { MARKETS_PER_PAGE, REGIONS_PER_MARKET, REGIONS_PER_PAGE } from "~/shopify/markets";
import { CHANGED_ORDERS_PER_PAGE, SNAPSHOTS_PER_REQUEST } from "~/shopify/order-snapshots";
import { loadAdminSchema } from "../../simulator/admin-schema";
import { MAX_QUERY_COST, requestedCost } from "../../simulator/graphql/cost";
import { collectDocuments } from "../support/graphql-documents";

const QUERY_BUDGET = 600;

const ids = (n: number) => Array.from({ length: n }, (_, i) => `gid://shopify/Node/${i + 1}`);

/** The largest page sizes and id lists each operation is sent with (where they change its cost). */
const LARGEST_VARIABLES: Record<string, Record<string, unknown>> = {
  CrossdockVariantInventory: { first: VARIANTS_PER_PAGE, levels: LEVELS_PER_VARIANT },
  CrossdockInventoryItemLevels: { first: LEVELS_PER_PAGE },
  CrossdockLocationInventory: { first: LOCATION_LEVELS_PER_PAGE },
  CrossdockLocations: { first: LOCATIONS_PER_PAGE },
  CrossdockMarkets: { first: MARKETS_PER_PAGE, regions: REGIONS_PER_MARKET },
  CrossdockMarketRegions: { first: REGIONS_PER_PAGE },
  CrossdockLocationInventoryChanges: { first: LEVEL_CHANGES_PER_PAGE },
  CrossdockOrdersChanged: { first: CHANGED_ORDERS_PER_PAGE },
  CrossdockOrderSnapshots: { ids: ids(SNAPSHOTS_PER_REQUEST) },
  CrossdockCartVariantSearch: { first: SEARCH_RESULTS },
  CrossdockCartVariants: { ids: ids(IDS_PER_REQUEST) },
  CrossdockVariantStock: { ids: ids(VARIANTS_PER_REQUEST) },
  // the shop's rules read product tags (product-tag routing): the order's lines come with their products
  CrossdockOrderRoutingState: { withProducts: true },
  // app/routes/app.routing.simulator.tsx: "compare" is at most 50 orders
  CrossdockOrderSummaries: { first: 50 },
  // app/shopify/products.ts fetchProductHandles (demo storefront): 50
  CrossdockProductHandles: { first: 50 },
  // the tracking page asks for the pickup locations of at most 5 fulfillment orders
  CrossdockPortalLocations: { ids: ids(5) },
  CrossdockImportOrders: { first: IMPORT_ORDERS_PER_PAGE },
  CrossdockExchangeProductVariants: { ids: ids(EXCHANGE_VARIANTS_PER_REQUEST) },
};

const schema = loadAdminSchema();
const root = join(import.meta.dirname, "..", "..");

interface Priced {
  name: string;
  where: string;
  requested: number;
}

function unwrap(type: TypeNode): TypeNode {
  return type.kind === Kind.NON_NULL_TYPE ? type.type : type;
}

/** Variables at a given size: every Int variable `size`, every list variable `size` items long. */
function sized(operation: OperationDefinitionNode, size: number): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = unwrap(definition.type);
    if (type.kind === Kind.NAMED_TYPE && type.name.value === "Int") variables[definition.variable.name.value] = size;
    if (type.kind === Kind.LIST_TYPE) variables[definition.variable.name.value] = ids(size);
  }
  return variables;
}

function priceAll(): { priced: Priced[]; undeclared: string[] } {
  const priced: Priced[] = [];
  const undeclared: string[] = [];
  for (const doc of collectDocuments(join(root, "app"), root)) {
    const document = parse(doc.source);
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
    for (const operation of document.definitions) {
      if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
      const name = operation.name!.value;
      const price = (variables: Record<string, unknown>) => requestedCost({ schema, operation, fragments, variables });
      const declared = LARGEST_VARIABLES[name];
      if (!declared && price(sized(operation, 1)) !== price(sized(operation, 250))) undeclared.push(name);
      priced.push({ name, where: `${doc.file}:${doc.line}`, requested: price({ ...sized(operation, 1), ...declared }) });
    }
  }
  return { priced, undeclared };
}

describe("the app's Admin GraphQL documents within the query budget", () => {
  const { priced, undeclared } = priceAll();

  it("declares the largest variables of every document whose cost depends on them", () => {
    expect(priced.length).toBeGreaterThan(20);
    expect(undeclared).toEqual([]);
    for (const name of Object.keys(LARGEST_VARIABLES)) expect(priced.map((p) => p.name), name).toContain(name);
  });

  it(`requests at most ${QUERY_BUDGET} points per query (60 % of Shopify's ${MAX_QUERY_COST})`, () => {
    const over = priced.filter((p) => p.requested > QUERY_BUDGET);
    expect(over.map((p) => `${p.name} (${p.where}): ${p.requested}`)).toEqual([]);
  });
});
