import type { AdminMutations, AdminQueries } from "@shopify/admin-api-client";
import { PROTECTED_SELECTIONS } from "~/config/customer-data";
import { observeCustomerData, operationName, type CustomerDataObservation } from "~/domain/customer-data/observation";
/**
 * The shape of `admin.graphql` from `@shopify/shopify-app-remix`: adapters take this function as an
 * argument, so routes, jobs and tests can hand in whichever client they hold.
 */
export type AdminGraphql = (
  query: string,
  options?: { variables?: Record<string, unknown> },
) => Promise<Response>;

export interface GraphqlErrorEntry {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string } & Record<string, unknown>;
}

/** The Admin API answered with top-level GraphQL errors (a bad document, throttling, access). */
export class AdminApiError extends Error {
  override name = "AdminApiError";
  constructor(
    message: string,
    readonly errors: GraphqlErrorEntry[],
    readonly status?: number,
  ) {
    super(message);
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

/** A mutation answered `userErrors`: the request was understood and refused. */
export class AdminUserError extends Error {
  override name = "AdminUserError";
  constructor(
    readonly operation: string,
    readonly userErrors: { field?: string[] | null; message: string; code?: string | null }[],
  ) {
    super(`${operation}: ${userErrors.map((e) => e.message).join("; ")}`);
  }
}

/**
 * 401 or 403 when Shopify refused the shop's credentials or the app's access: the library throws
 * an HttpResponseError carrying `response.code`; a plain fetch gives an AdminApiError with a status.
 */
export function adminAccessRefused(error: unknown): 401 | 403 | null {
  const status =
    error instanceof AdminApiError ? error.status : (error as { response?: { code?: unknown } } | null)?.response?.code;
  return status === 401 || status === 403 ? status : null;
}

/**
 * Every document under app/ with its generated types (app/types/admin.generated.d.ts augments
 * @shopify/admin-api-client's AdminQueries and AdminMutations, keyed by the document's text).
 */
export type AdminOperations = AdminQueries & AdminMutations;
/** What `data` holds for a document, as @shopify/api-codegen-preset generated it. */
export type AdminData<Q extends keyof AdminOperations> = AdminOperations[Q]["return"];
/** The document's variables, as generated. */
export type AdminVariables<Q extends keyof AdminOperations> = AdminOperations[Q]["variables"];
type VariablesArgument<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

/**
 * Runs one document and returns its `data`, or throws AdminApiError. A `#graphql` document in app/ is
 * typed by the types @shopify/api-codegen-preset generated for it (app/types/admin.generated.d.ts),
 * `data` and variables both: `await adminRequest(graphql, SHOP_QUERY)`. Any other string, or a
 * document changed since `npm run graphql-codegen` last ran, gives `unknown`: run it and commit
 * app/types (tests/unit/graphql-codegen.test.ts fails while they are stale).
 */
export async function adminRequest<Q extends string>(
  graphql: AdminGraphql,
  query: Q,
  ...[variables]: Q extends keyof AdminOperations ? VariablesArgument<AdminVariables<Q>> : [variables?: Record<string, unknown>]
): Promise<Q extends keyof AdminOperations ? AdminData<Q> : unknown> {
  // The shape the schema promises for this document (generated; redacted fields null, as the
  // generated types allow); the simulator tests hold it.
  return (await requestData(graphql, query, variables)) as Q extends keyof AdminOperations ? AdminData<Q> : unknown;
}

async function requestData(graphql: AdminGraphql, query: string, variables: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await graphql(query, variables ? { variables: variables as Record<string, unknown> } : undefined);
  } catch (error) {
    const partial = redactedData(error);
    if (!partial) throw toAdminApiError(error);
    report(graphql, query, partial.data, partial.errors);
    return partial.data;
  }
  const body = (await response.json()) as { data?: unknown; errors?: GraphqlErrorEntry[] | string };
  if (body.errors) {
    const errors = typeof body.errors === "string" ? [{ message: body.errors }] : body.errors;
    if (body.data && errors.every(isCustomerDataRedaction)) {
      report(graphql, query, body.data, errors);
      return body.data;
    }
    throw new AdminApiError(errors.map((e) => e.message).join("; "), errors, response.status);
  }
  if (!body.data) throw new AdminApiError("The Admin API answered without data", [], response.status);
  report(graphql, query, body.data, []);
  return body.data;
}

/** Told what each answer to a document selecting protected customer data redacted and served. */
export type CustomerDataObserver = (observation: CustomerDataObservation) => Promise<void>;

const observers = new WeakMap<AdminGraphql, CustomerDataObserver>();

/**
 * Attaches an observer to a shop's client (the jobs' and the portal's): every adminRequest through
 * it of a document in PROTECTED_SELECTIONS reports which protected fields the answer redacted and
 * which it served, so Crossdock knows per shop what Shopify hides (the admin's setup warning, the
 * portal's explanation). Returns the same client.
 */
export function withCustomerDataObserver(graphql: AdminGraphql, observer: CustomerDataObserver): AdminGraphql {
  observers.set(graphql, observer);
  return graphql;
}

function report(graphql: AdminGraphql, query: string, data: unknown, errors: readonly GraphqlErrorEntry[]): void {
  const observer = observers.get(graphql);
  const operation = observer ? operationName(query) : null;
  const selections = operation ? PROTECTED_SELECTIONS[operation] : undefined;
  if (!observer || !operation || !selections) return;
  const redactions = errors.filter(isCustomerDataRedaction).map((e) => e.path ?? []);
  // Not awaited: the request neither waits for the observer's database write nor fails with it,
  // so the portal's lookup takes as long for an order that exists as for one that does not.
  void observer(observeCustomerData(operation, selections, data, redactions)).catch(() => undefined);
}

/**
 * Shopify redacts protected customer data the app is not approved for: the field is null and an
 * error says "This app is not approved to access the Order object" (or "to use the phone field")
 * with the field's path (https://shopify.dev/docs/apps/launch/protected-customer-data). The rest
 * of the answer stands, so callers get `data` with those fields null and work with what is left.
 * A whole object refused at the root (no approval at all) is not a redaction: that stays an error.
 */
export function isCustomerDataRedaction(error: GraphqlErrorEntry): boolean {
  return /not approved to (access|use) the /i.test(error.message) && (error.path?.length ?? 0) > 1;
}

/** The library's GraphqlQueryError carries the answer: its data, when every error is a redaction. */
function redactedData(error: unknown): { data: unknown; errors: GraphqlErrorEntry[] } | undefined {
  const body = (error as { body?: { data?: unknown; errors?: { graphQLErrors?: GraphqlErrorEntry[] } } } | null)?.body;
  const errors = body?.errors?.graphQLErrors;
  if (!body?.data || !Array.isArray(errors) || errors.length === 0) return undefined;
  return errors.every(isCustomerDataRedaction) ? { data: body.data, errors } : undefined;
}

/** The Remix library throws its own error type for GraphQL errors; normalise it. */
function toAdminApiError(error: unknown): unknown {
  if (error instanceof Response) return error;
  const candidate = error as { body?: { errors?: { graphQLErrors?: GraphqlErrorEntry[] } }; message?: string };
  const graphQLErrors = candidate?.body?.errors?.graphQLErrors;
  if (Array.isArray(graphQLErrors)) {
    return new AdminApiError(candidate.message ?? "Admin API error", graphQLErrors);
  }
  return error;
}
