import type { Stack } from "../../scripts/stack";

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
