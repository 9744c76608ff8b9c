/**
 * The access a GraphQL document asks for, read statically from the schema: every selected field's
 * own `requiredAccess` and that of the object type it returns (connections and edges read their
 * node's), the type of every inline fragment or fragment, as simulator/graphql/access.ts
 * checks them at run time, and every input field a variable's input type can carry whose
 * description requires a scope ("Requires `write_customers` access_scope."; a document cannot
 * say which of them a caller fills, so each one reachable counts). Used by the test that derives
 * the scopes Crossdock requests from its documents.
 */
import {
  getNamedType,
  isInputObjectType,
  isObjectType,
  Kind,
  typeFromAST,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
} from "graphql";
import type { AccessRequirement, SchemaAccess } from "./schema-access";

export interface DocumentRequirement {
  /** `Mutation.fulfillmentOrderMove`, `Order` (type), … */
  where: string;
  requirement: AccessRequirement;
}

export function documentRequirements(schema: GraphQLSchema, access: SchemaAccess, source: string): DocumentRequirement[] {
  const typeInfo = new TypeInfo(schema);
  const found = new Map<string, DocumentRequirement>();
  const addType = (name: string) => {
    const requirement = access.types.get(name);
    if (requirement && !found.has(name)) found.set(name, { where: name, requirement });
  };
  visit(
    parse(source),
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        const key = `${parent.name}.${field.name}`;
        const own = access.fields.get(key);
        if (own && !found.has(key)) found.set(key, { where: key, requirement: own });
        const returned = getNamedType(field.type);
        if (isObjectType(returned)) addType(returned.name);
      },
      InlineFragment(node) {
        if (node.typeCondition) addType(node.typeCondition.name.value);
      },
      FragmentDefinition(node) {
        if (node.kind === Kind.FRAGMENT_DEFINITION) addType(node.typeCondition.name.value);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type as Parameters<typeof typeFromAST>[1]);
        if (type) addInputFields(getNamedType(type), access, found, new Set());
      },
    }),
  );
  return [...found.values()];
}

function addInputFields(type: ReturnType<typeof getNamedType>, access: SchemaAccess, found: Map<string, DocumentRequirement>, seen: Set<string>) {
  if (!isInputObjectType(type) || seen.has(type.name)) return;
  seen.add(type.name);
  for (const field of Object.values(type.getFields())) {
    const key = `${type.name}.${field.name}`;
    const own = access.inputFields.get(key);
    if (own && !found.has(key)) found.set(key, { where: key, requirement: own });
    addInputFields(getNamedType(field.type), access, found, seen);
  }
}
