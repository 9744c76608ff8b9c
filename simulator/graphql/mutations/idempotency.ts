/**
 * The `@idempotent(key:)` directive, required on inventory mutations since 2026-04: the same key
 * replays the first result; the same key with other arguments is IDEMPOTENCY_KEY_PARAMETER_MISMATCH.
 */
import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from "graphql";
import type { GraphqlContext } from "../context";

export function idempotent<P extends { userErrors: unknown[] }>(
  info: GraphQLResolveInfo,
  ctx: GraphqlContext,
  args: unknown,
  run: () => P,
  mismatch: (message: string) => P,
): P {
  const directive = info.schema.getDirective("idempotent");
  const node = info.fieldNodes[0];
  const values = directive && node ? getDirectiveValues(directive, node, info.variableValues) : undefined;
  const key = typeof values?.key === "string" ? values.key.trim() : "";
  if (!values) {
    throw new GraphQLError(`The @idempotent directive is required for the ${info.fieldName} mutation.`, {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  if (!key) throw new GraphQLError("The idempotency key cannot be an empty string or whitespace only.", { extensions: { code: "BAD_REQUEST" } });
  const fingerprint = `${info.fieldName}:${JSON.stringify(args)}`;
  const previous = ctx.shop.idempotency.get(key);
  if (previous) {
    if (previous.fingerprint !== fingerprint) return mismatch("The same idempotency key cannot be used with different operation parameters.");
    return previous.payload as P;
  }
  const payload = run();
  ctx.shop.idempotency.set(key, { fingerprint, payload });
  return payload;
}
