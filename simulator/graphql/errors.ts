import { GraphQLError } from "graphql";

export function notImplemented(typeName: string, fieldName: string): GraphQLError {
  return new GraphQLError(`Field ${typeName}.${fieldName} is not implemented by the Crossdock simulator`, {
    extensions: { code: "NOT_IMPLEMENTED" },
  });
}

export function invalidGlobalId(value: string): GraphQLError {
  return new GraphQLError(`Invalid global id '${value}'`, { extensions: { code: "argumentLiteralsIncompatible" } });
}
