/**
 * How the simulator resolves fields over Shopify's client-built schema (which has no resolvers):
 * a resolver from the map, else the source's own property, else an error naming the field —
 * never a silent null. Abstract types resolve by the records' `__typename`. Every field first
 * passes the installation's access checks (./access.ts).
 */
import { responsePathAsArray, type GraphQLFieldResolver, type GraphQLTypeResolver } from "graphql";
import { loadSchemaAccess, type SchemaAccess } from "../access/schema-access";
import { createAccessGuard } from "./access";
import type { GraphqlContext, ResolverMap } from "./context";
import { notImplemented } from "./errors";

type AnyResolver = (source: unknown, args: unknown, ctx: GraphqlContext, info: Parameters<GraphQLFieldResolver<unknown, GraphqlContext>>[3]) => unknown;

export function createFieldResolver(
  resolvers: ResolverMap,
  access: SchemaAccess = loadSchemaAccess(),
): GraphQLFieldResolver<unknown, GraphqlContext> {
  const guard = createAccessGuard(access);
  return (source, args, ctx, info) => {
    guard.before(info, args as Record<string, unknown>, ctx.shop);
    const resolver = resolvers[info.parentType.name]?.[info.fieldName] as AnyResolver | undefined;
    let value: unknown;
    if (resolver) value = resolver(source, args, ctx, info);
    else if (source !== null && typeof source === "object" && info.fieldName in source) {
      value = (source as Record<string, unknown>)[info.fieldName] ?? null;
    } else throw notImplemented(info.parentType.name, info.fieldName);
    return guard.after(value, info, ctx.shop);
  };
}

export const typeResolver: GraphQLTypeResolver<unknown, GraphqlContext> = (value, ctx, info, abstractType) => {
  const typename = value !== null && typeof value === "object" ? (value as { __typename?: unknown }).__typename : undefined;
  if (typeof typename === "string") {
    ctx.runtimeTypes?.set(responsePath(info.path), typename);
    return typename;
  }
  throw new Error(`The Crossdock simulator cannot tell which ${abstractType.name} this value is`);
};

/** "nodes.0.location": the response path as the cost walker names it. */
function responsePath(path: Parameters<typeof responsePathAsArray>[0]): string {
  return responsePathAsArray(path).join(".");
}
