/**
 * One Admin GraphQL request, as Shopify handles it: parse, validate, cost, throttle, execute,
 * refund; always with `extensions.cost`.
 */
import {
  execute,
  type GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { ShopState } from "../store/shop-state";
import type { AdminRequestCost, SimulatorStore } from "../store/store";
import { actualCost, MAX_QUERY_COST, requestedCost } from "./cost";
import { createFieldResolver, typeResolver } from "./field-resolver";
import { resolvers } from "./resolvers";
import { refund, take, throttleStatus } from "./throttle";

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphqlResponse {
  status: number;
  body: unknown;
}

const fieldResolver = createFieldResolver(resolvers);
const RATE_LIMITS_DOC = "https://shopify.dev/api/usage/rate-limits";

export async function executeAdminRequest(
  schema: GraphQLSchema,
  store: SimulatorStore,
  shop: ShopState,
  body: GraphqlRequestBody,
): Promise<GraphqlResponse> {
  if (typeof body.query !== "string" || !body.query.trim()) {
    return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
  }
  const variables = (body.variables && typeof body.variables === "object" ? body.variables : {}) as Record<string, unknown>;
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;

  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return ok({ errors: [(error as GraphQLError).toJSON()] });
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length) return ok({ errors: validationErrors.map((e) => e.toJSON()) });

  const operation = pickOperation(document, operationName);
  if (!operation) {
    return ok({ errors: [{ message: operationName ? `Unknown operation named "${operationName}".` : "An operation name is required" }] });
  }
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
  const costInput = { schema, operation, fragments, variables };
  const requested = requestedCost(costInput);
  const observe = (outcome: AdminRequestCost["outcome"], actual: number | null) =>
    store.costObserver?.({ shop: shop.domain, operationName: operation.name?.value ?? null, operation: operation.operation, requested, actual, outcome });
  const cost = (actual: number | null) => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: throttleStatus(shop.bucket),
  });

  if (requested > MAX_QUERY_COST) {
    observe("max-cost-exceeded", null);
    // Refused before execution and before the bucket is charged, in the shape of Shopify's sample
    // error response (shopify.dev/docs/api/admin-graphql, "Sample 200 error responses"): the cost
    // is on the error, and there is no `extensions.cost`.
    return ok({
      errors: [
        {
          message: `Query cost is ${requested}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\nSee https://shopify.dev/docs/api/usage/rate-limits for more information on how the\ncost of a query is calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/docs/api/usage/bulk-operations/queries for usage details.\n`,
          extensions: { code: "MAX_COST_EXCEEDED", cost: requested, maxCost: MAX_QUERY_COST, documentation: RATE_LIMITS_DOC },
        },
      ],
    });
  }
  if (!take(shop.bucket, requested)) {
    observe("throttled", null);
    return ok({
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMITS_DOC } }],
      extensions: { cost: cost(null) },
    });
  }

  const runtimeTypes = new Map<string, string>();
  const result: ExecutionResult = await execute({
    schema,
    document,
    variableValues: variables,
    operationName,
    contextValue: { store, shop, runtimeTypes },
    fieldResolver,
    typeResolver,
  });
  const actual = Math.min(requested, actualCost(costInput, result.data, runtimeTypes));
  refund(shop.bucket, requested - actual);
  observe("executed", actual);
  const response: Record<string, unknown> = {};
  if (result.errors?.length) response.errors = result.errors.map((e) => e.toJSON());
  if (result.data !== undefined) response.data = result.data;
  response.extensions = { cost: cost(actual) };
  return ok(response);
}

function ok(body: unknown): GraphqlResponse {
  return { status: 200, body };
}

function pickOperation(document: DocumentNode, name: string | undefined): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (name) return operations.find((o) => o.name?.value === name);
  return operations.length === 1 ? operations[0] : undefined;
}
