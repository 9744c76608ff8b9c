import type { Stack } from "../../scripts/stack";
import { ADMIN_API_VERSION } from "~/shopify/api-version";

/** POSTs to the simulator's control API for the stack's shop; a refusal fails with its body. */
export async function postControl(stack: Stack, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${stack.simulator.url}/_control/shops/${stack.shop}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** The merchant's policy the money tests use, in the shop's currency: $5.00 for a mail return, 10 % restocking. */
const FEES_POLICY = {
  windowDays: 30,
  finalSaleTags: ["final-sale"],
  nonReturnableProductTypes: [],
  returnShippingFee: "5.00",
  restockingFeePercent: "10",
  allowedMethods: ["MAIL", "DROP_OFF"],
  defaultReturnLocationId: null,
} as const;

/** FEES_POLICY as saveReturnPolicy takes it (its own arrays, not the constant's read-only ones). */
export function feesPolicy() {
  return { ...FEES_POLICY, allowedMethods: [...FEES_POLICY.allowedMethods], finalSaleTags: [...FEES_POLICY.finalSaleTags], nonReturnableProductTypes: [] as string[] };
}

/** The stack's shop through the simulator's Admin GraphQL endpoint, as the app's token would see it. */
export async function stackAdmin<T>(stack: Stack, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${stack.simulator.url}/shops/${stack.shop}/admin/api/${ADMIN_API_VERSION}/graphql.json`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Shopify-Access-Token": stack.simulator.store.issueToken(stack.shop) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
