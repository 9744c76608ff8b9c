// The Admin API client for background jobs: Shopify's cost-based throttling, 5xx and network errors
// are waited out and retried here, so a job only fails on what a retry cannot fix.
import type { AdminGraphql, GraphqlErrorEntry } from "./admin-graphql";

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost?: number | null;
  throttleStatus: ThrottleStatus;
}

export interface ResilienceOptions {
  /** Retries of 5xx / network errors (after the first try). Default 5. */
  maxRetries?: number;
  /** THROTTLED answers waited out before giving up. Default 20. */
  maxThrottleWaits?: number;
  /** First back-off for 5xx / network errors; doubles, with full jitter. Default 500 ms. */
  baseDelayMs?: number;
  /** Upper bound of one wait. Default 30 s. */
  maxDelayMs?: number;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onWait?: (event: { reason: "throttled" | "bucket" | "server" | "network"; waitMs: number; attempt: number }) => void;
  /**
   * Share of the shop's bucket (0–1) this client leaves to others: before each request it waits
   * until the bucket holds its last request's cost plus this share of the bucket's size. The shop
   * has one bucket per app (shopify.dev, "GraphQL Admin API rate limits"), shared by the portal's
   * shoppers, the staff in the admin and the jobs; a long background read that spends the bucket
   * down to its own next request leaves a person's page throttled. Default 0 (spend it all).
   */
  reserve?: number;
  /**
   * The shop's bucket as last seen, shared by every client of the same shop in this process (each
   * job builds its own client; the bucket is the shop's). Default: private to this client.
   */
  bucket?: BucketState;
}

/** What the client remembers of a shop's leaky bucket between requests. */
export interface BucketState {
  last: { status: ThrottleStatus; at: number; lastCost: number } | null;
}

export class AdminRetriesExhaustedError extends Error {
  override name = "AdminRetriesExhaustedError";
  constructor(
    message: string,
    override readonly cause: unknown,
    /** `throttled`: Shopify's rate limit (THROTTLED or HTTP 429) outlasted the waits; `failing`: 5xx or network. */
    readonly reason: "throttled" | "failing" = "failing",
  ) {
    super(message);
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Failure =
  | { kind: "throttled"; cost: QueryCost | null; retryAfterMs: number | null }
  /** `refused`: HTTP 429, Shopify did not run the request. Otherwise it may have run. */
  | { kind: "server" | "network"; retryAfterMs: number | null; refused?: boolean };

/**
 * A mutation met a 5xx or a network error: Shopify may or may not have applied it, so it is not
 * sent again here (a second reverseDeliveryCreateWithShipping would make a second delivery).
 * Transient for jobs: the retried job re-reads the state before acting, as every use case does.
 */
export class AdminMutationOutcomeUnknownError extends Error {
  override name = "AdminMutationOutcomeUnknownError";
  constructor(message: string, override readonly cause: unknown) {
    super(message);
  }
}

/** Whether a GraphQL document holds a mutation: a line that starts one (comments ignored; fragments may come first). */
export function isMutationDocument(query: string): boolean {
  return /^\s*mutation\b/m.test(query.replace(/#[^\n]*/g, ""));
}

/**
 * Wraps an `admin.graphql` (the Remix library's, or any function of that shape). The result is an
 * `AdminGraphql` again, so every adapter in app/shopify works with it unchanged.
 *
 * - THROTTLED (HTTP 200 with `errors[].extensions.code`, thrown by the library as
 *   GraphqlQueryError, or returned by a plain fetch): waits (requested − available) / restoreRate
 *   seconds, read from `extensions.cost.throttleStatus`, then retries.
 * - Before each request, the last throttleStatus seen is extrapolated with the restore rate; when
 *   the bucket cannot pay for the last request's cost, the client waits first instead of being
 *   refused.
 * - HTTP 429 (Retry-After honoured), 5xx and network errors: exponential back-off with full jitter;
 *   for a mutation only 429 and THROTTLED (Shopify ran nothing), else AdminMutationOutcomeUnknownError.
 * - Anything else (GraphQL errors of a bad document, 4xx, access) is passed through untouched;
 *   `userErrors` are data, which the adapters turn into AdminUserError (a domain error).
 */
export function resilientGraphql(graphql: AdminGraphql, options: ResilienceOptions = {}): AdminGraphql {
  // A use case called both by a route (the library's client) and by a job (already resilient)
  // wraps what it gets: an already resilient client is returned as it is, with its own options,
  // so retries and waits never multiply.
  if (isResilient(graphql)) return graphql;
  const maxRetries = options.maxRetries ?? 5;
  const maxThrottleWaits = options.maxThrottleWaits ?? 20;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const state: BucketState = options.bucket ?? { last: null };
  const reserve = Math.min(1, Math.max(0, options.reserve ?? 0));

  const remember = (cost: QueryCost | null | undefined) => {
    if (!cost?.throttleStatus) return;
    state.last = { status: cost.throttleStatus, at: now(), lastCost: cost.requestedQueryCost };
  };

  const waitForBucket = async (attempt: number) => {
    const bucket = state.last;
    if (!bucket || bucket.status.restoreRate <= 0) return;
    const elapsed = (now() - bucket.at) / 1000;
    const available = Math.min(
      bucket.status.maximumAvailable,
      bucket.status.currentlyAvailable + elapsed * bucket.status.restoreRate,
    );
    const needed = Math.min(bucket.lastCost + reserve * bucket.status.maximumAvailable, bucket.status.maximumAvailable);
    if (available >= needed) return;
    const waitMs = Math.min(maxDelayMs, Math.ceil(((needed - available) / bucket.status.restoreRate) * 1000));
    options.onWait?.({ reason: "bucket", waitMs, attempt });
    await sleep(waitMs);
  };

  const client: AdminGraphql = async (query, requestOptions) => {
    const mutation = isMutationDocument(query);
    let retries = 0;
    let throttleWaits = 0;
    for (let attempt = 1; ; attempt++) {
      await waitForBucket(attempt);
      let failure: Failure;
      let cause: unknown;
      try {
        const response = await graphql(query, requestOptions);
        const text = await response.text();
        const body = parseJson(text);
        remember(body?.extensions?.cost);
        const status = response.status;
        if (status === 429 || status >= 500) {
          failure = { kind: "server", retryAfterMs: retryAfter(response.headers.get("Retry-After")), refused: status === 429 };
          cause = new Error(`Admin API answered HTTP ${status}`);
        } else if (isThrottled(body?.errors)) {
          failure = { kind: "throttled", cost: body?.extensions?.cost ?? null, retryAfterMs: null };
          cause = new Error("Throttled");
        } else {
          return new Response(text, { status, statusText: response.statusText, headers: response.headers });
        }
      } catch (error) {
        const classified = classify(error);
        if (!classified) throw error;
        failure = classified;
        cause = error;
        if (classified.kind === "throttled") remember(classified.cost);
      }

      let waitMs: number;
      if (failure.kind === "throttled") {
        if (++throttleWaits > maxThrottleWaits) {
          throw new AdminRetriesExhaustedError(`Still throttled after ${maxThrottleWaits} waits`, cause, "throttled");
        }
        const cost = failure.cost;
        waitMs =
          failure.retryAfterMs ??
          (cost && cost.throttleStatus.restoreRate > 0
            ? Math.ceil(
                (Math.max(0, cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) /
                  cost.throttleStatus.restoreRate) *
                  1000,
              ) + 50
            : backoff(throttleWaits));
        waitMs = Math.min(maxDelayMs, waitMs);
        state.last = null; // the wait above already accounts for the bucket
        options.onWait?.({ reason: "throttled", waitMs, attempt });
      } else {
        if (mutation && !failure.refused) {
          throw new AdminMutationOutcomeUnknownError(`Admin API mutation failed (${describe(cause)}); not retried, it may have been applied`, cause);
        }
        if (++retries > maxRetries) {
          throw new AdminRetriesExhaustedError(`Admin API still failing after ${maxRetries} retries: ${describe(cause)}`, cause, failure.refused ? "throttled" : "failing");
        }
        waitMs = Math.min(maxDelayMs, failure.retryAfterMs ?? backoff(retries));
        options.onWait?.({ reason: failure.kind, waitMs, attempt });
      }
      await sleep(waitMs);
    }
  };

  function backoff(n: number): number {
    // Full jitter: uniform in [0, base · 2^(n−1)], at least 1/4 of it so waits stay meaningful.
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
    return Math.round(ceiling * (0.25 + 0.75 * random()));
  }

  resilientClients.add(client);
  return client;
}

const resilientClients = new WeakSet<AdminGraphql>();

/** True for a client resilientGraphql made (or one marked as such). */
export function isResilient(graphql: AdminGraphql): boolean {
  return resilientClients.has(graphql);
}

/**
 * Marks a client that wraps a resilient one (adding its own error handling) as resilient itself,
 * so that use cases wrapping what they get leave it alone instead of retrying its answers again.
 */
export function markResilient(graphql: AdminGraphql): AdminGraphql {
  resilientClients.add(graphql);
  return graphql;
}

/**
 * For reads in the background (the install's stock sync and import, the reconciliation, the
 * webhook jobs): half of the shop's bucket stays free for people, so a shopper's page or a staff
 * action a moment later is answered at once instead of waiting behind the sync. Throughput is the
 * same (the bucket's restore rate bounds it); only the first burst is smaller.
 */
export const BACKGROUND_RESERVE = { reserve: 0.5 } as const satisfies ResilienceOptions;

/**
 * For a person waiting on a page (a shopper in the portal, staff in the admin): a few short waits
 * when the shop's bucket is dry and one retry of a 5xx, so a request takes seconds, not minutes.
 * Jobs keep the defaults (20 throttle waits, 5 retries, waits up to 30 s).
 */
export const INTERACTIVE_PATIENCE = { maxThrottleWaits: 4, maxRetries: 1, maxDelayMs: 2_000 } as const satisfies ResilienceOptions;

interface GraphqlBody {
  data?: unknown;
  errors?: GraphqlErrorEntry[] | string;
  extensions?: { cost?: QueryCost };
}

function parseJson(text: string): GraphqlBody | null {
  try {
    return JSON.parse(text) as GraphqlBody;
  } catch {
    return null;
  }
}

function isThrottled(errors: GraphqlErrorEntry[] | string | undefined): boolean {
  return Array.isArray(errors) && errors.some((e) => e.extensions?.code === "THROTTLED");
}

function retryAfter(value: string | null | undefined): number | null {
  if (!value) return null;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : null;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const LIBRARY_ERRORS = new Set(["HttpThrottlingError", "HttpInternalError", "HttpRetriableError", "HttpMaxRetriesError", "HttpRequestError"]);

/** The nearest of @shopify/shopify-api's retryable error classes `error` is an instance of, by name. */
function libraryErrorClass(error: unknown): string | null {
  for (let proto = Object.getPrototypeOf(error) as object | null; proto && proto !== Error.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
    const name = (proto as { constructor?: { name?: string } }).constructor?.name;
    if (name && LIBRARY_ERRORS.has(name)) return name;
  }
  return null;
}

/**
 * What the Shopify libraries throw, sorted into retryable kinds (null: not retryable, rethrow).
 * @shopify/shopify-api: GraphqlQueryError (HTTP 200 with GraphQL errors; `body` holds the errors
 * and extensions), HttpThrottlingError (429, `response.retryAfter`), HttpInternalError (5xx),
 * HttpRequestError (no response: network). Authenticated contexts rethrow HTTP errors as Response.
 */
function classify(error: unknown): Failure | null {
  if (error instanceof Response) {
    if (error.status === 429) return { kind: "server", retryAfterMs: retryAfter(error.headers.get("Retry-After")), refused: true };
    if (error.status >= 500) return { kind: "server", retryAfterMs: null };
    return null;
  }
  const e = error as {
    name?: string;
    body?: { errors?: { graphQLErrors?: GraphqlErrorEntry[] }; extensions?: { cost?: QueryCost } };
    response?: { code?: number; retryAfter?: number };
    cause?: unknown;
  } | null;
  if (!e || typeof e !== "object") return null;
  if (isThrottled(e.body?.errors?.graphQLErrors)) {
    return { kind: "throttled", cost: e.body?.extensions?.cost ?? null, retryAfterMs: null };
  }
  // The library's error classes do not set `name` (an HttpInternalError's is "Error"): they are
  // known by their class, up the prototype chain, by the class's own name so that a second copy of
  // the library (its CommonJS and ES builds) is recognised too.
  switch (libraryErrorClass(error) ?? e.name) {
    case "HttpThrottlingError":
      return {
        kind: "server",
        refused: true,
        retryAfterMs: typeof e.response?.retryAfter === "number" ? Math.ceil(e.response.retryAfter * 1000) : null,
      };
    // HttpMaxRetriesError: the library's own retries (none unless configured) ran out on a 429 or 5xx.
    case "HttpInternalError":
    case "HttpRetriableError":
    case "HttpMaxRetriesError":
      return { kind: "server", retryAfterMs: null };
    case "HttpRequestError":
    case "FetchError":
      return { kind: "network", retryAfterMs: null };
  }
  // Node's fetch: TypeError("fetch failed") with a system error as cause.
  if (error instanceof TypeError && /fetch failed|network|socket/i.test(error.message)) return { kind: "network", retryAfterMs: null };
  const code = (e.cause as { code?: string } | undefined)?.code ?? (e as { code?: string }).code;
  if (code && ["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "UND_ERR_SOCKET", "EAI_AGAIN"].includes(code)) {
    return { kind: "network", retryAfterMs: null };
  }
  return null;
}
