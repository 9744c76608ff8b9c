/**
 * Admin API outages, injected per shop by the control API (`PUT /_control/shops/:shop/faults`):
 * the next `count` Admin GraphQL requests (all, or only mutations / only queries) answer a 5xx
 * instead of their result, as Shopify's platform does when it fails (FIDELITY AF-1..AF-3;
 * https://shopify.dev/docs/api/usage/response-codes lists 500, 502, 503 and 504 for its APIs).
 *
 * - `applied: false` (default): Shopify ran nothing (the request failed before it was executed).
 * - `applied: true`: Shopify ran the request and the answer was lost (a 502/504 from a gateway
 *   after the work was done): the state changes, the client sees only the 5xx.
 * - `delayMs`: the answer comes that late (a request that hangs past the client's own timeout).
 */

export type AdminFaultStatus = 500 | 502 | 503 | 504;

export interface AdminFaultSettings {
  status: AdminFaultStatus;
  /** How many matching requests fail from now on (0 clears the fault). */
  count: number;
  applied: boolean;
  delayMs: number;
  operations: "all" | "mutations" | "queries";
}

export interface AdminFaultState extends AdminFaultSettings {
  /** Failed requests left. */
  remaining: number;
  /** Requests failed so far, by kind. */
  failed: { queries: number; mutations: number };
}

/** What Shopify answers with each status: the body is not documented; the simulator sends the reason phrase. */
const REASON: Record<AdminFaultStatus, string> = {
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

export function configureAdminFault(settings: AdminFaultSettings): AdminFaultState {
  return { ...settings, remaining: settings.count, failed: { queries: 0, mutations: 0 } };
}

/** Whether a GraphQL document is a mutation (its first operation). */
function isMutation(query: unknown): boolean {
  return typeof query === "string" && /^\s*mutation\b/m.test(query.replace(/#[^\n]*/g, ""));
}

/** The fault this request meets (and counts it), or null when it is served normally. */
export function takeAdminFault(fault: AdminFaultState | null, query: unknown): AdminFaultState | null {
  if (!fault || fault.remaining <= 0) return null;
  const mutation = isMutation(query);
  if ((fault.operations === "mutations" && !mutation) || (fault.operations === "queries" && mutation)) return null;
  fault.remaining--;
  fault.failed[mutation ? "mutations" : "queries"]++;
  return fault;
}

export function adminFaultBody(status: AdminFaultStatus): { errors: string } {
  return { errors: REASON[status] };
}
