/**
 * Shopify's query cost rules: scalars and enums 0, objects 1, connections 2 + (first|last) × the
 * cost of one node, mutations 10. `requestedQueryCost` uses the page sizes asked for;
 * `actualQueryCost` walks the response and counts what was returned.
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export const MUTATION_COST = 10;
export const MAX_QUERY_COST = 1000;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

function argValue(node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  return literal(arg.value, variables);
}

function literal(value: ValueNode, variables: Record<string, unknown>): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.INT:
      return Number(value.value);
    default:
      return undefined;
  }
}

function skipped(node: { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] }, variables: Record<string, unknown>): boolean {
  for (const directive of node.directives ?? []) {
    const ifArg = directive.arguments?.find((a) => a.name.value === "if");
    if (!ifArg) continue;
    const value = ifArg.value.kind === Kind.BOOLEAN ? ifArg.value.value : ifArg.value.kind === Kind.VARIABLE ? variables[ifArg.value.name.value] : undefined;
    if (directive.name.value === "skip" && value === true) return true;
    if (directive.name.value === "include" && value === false) return true;
  }
  return false;
}

/** Field nodes of a selection set with their parent type, fragments expanded. */
function* fieldsOf(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType): Generator<[FieldNode, GraphQLCompositeType]> {
  for (const selection of selectionSet.selections) {
    if (skipped(selection, walk.variables)) continue;
    if (selection.kind === Kind.FIELD) yield [selection, parent];
    else {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments[selection.name.value];
      if (!fragment) continue;
      const condition = fragment.typeCondition ? typeFromAST(walk.schema, fragment.typeCondition) : parent;
      const type = condition && isCompositeType(condition) ? condition : parent;
      yield* fieldsOf(walk, fragment.selectionSet, type);
    }
  }
}

function fieldDef(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (isAbstractType(parent) && !("getFields" in parent)) return undefined;
  return "getFields" in parent ? parent.getFields()[name] : undefined;
}

/** Cost of one selection set; `data` (the response for it) switches to actual counting. */
function selectionCost(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, data: unknown, actual: boolean): number {
  let total = 0;
  for (const [node, type] of fieldsOf(walk, selectionSet, parent)) {
    const field = fieldDef(type, node.name.value);
    if (!field || !node.selectionSet) continue;
    const key = node.alias?.value ?? node.name.value;
    const value = actual ? (data as Record<string, unknown> | null | undefined)?.[key] : undefined;
    if (actual && (value === undefined || value === null)) continue;
    const named = getNamedType(field.type) as GraphQLCompositeType;
    if (isConnectionField(field)) {
      total += 2;
      if (actual) total += connectionItemsActual(walk, node.selectionSet, named, value);
      else {
        const size = Number(argValue(node, "first", walk.variables) ?? argValue(node, "last", walk.variables) ?? 0);
        total += size * connectionItemCost(walk, node.selectionSet, named);
      }
    } else if (actual && isListType(getNullableType(field.type)) && Array.isArray(value)) {
      total += 1 + Math.max(0, ...value.map((item) => (item == null ? 0 : selectionCost(walk, node.selectionSet!, named, item, true))));
    } else {
      total += 1 + selectionCost(walk, node.selectionSet, named, value, actual);
    }
  }
  return total;
}

/** Requested cost of one node of a connection (edges are free, node/nodes cost 1 + children). */
function connectionItemCost(walk: Walk, selectionSet: SelectionSetNode, connection: GraphQLCompositeType): number {
  let edgesCost = 0;
  let nodesCost = 0;
  for (const [node, type] of fieldsOf(walk, selectionSet, connection)) {
    const field = fieldDef(type, node.name.value);
    if (!field || !node.selectionSet) continue;
    const named = getNamedType(field.type) as GraphQLCompositeType;
    if (node.name.value === "nodes") nodesCost = Math.max(nodesCost, 1 + selectionCost(walk, node.selectionSet, named, undefined, false));
    if (node.name.value === "edges") {
      for (const [inner, innerType] of fieldsOf(walk, node.selectionSet, named)) {
        const innerField = fieldDef(innerType, inner.name.value);
        if (inner.name.value !== "node" || !innerField || !inner.selectionSet) continue;
        edgesCost = Math.max(edgesCost, 1 + selectionCost(walk, inner.selectionSet, getNamedType(innerField.type) as GraphQLCompositeType, undefined, false));
      }
    }
  }
  return Math.max(edgesCost, nodesCost);
}

/** Actual cost of the returned items of a connection. */
function connectionItemsActual(walk: Walk, selectionSet: SelectionSetNode, connection: GraphQLCompositeType, data: unknown): number {
  const perItem = new Map<number, number>();
  const record = (index: number, cost: number): void => {
    perItem.set(index, Math.max(perItem.get(index) ?? 0, cost));
  };
  for (const [node, type] of fieldsOf(walk, selectionSet, connection)) {
    const field = fieldDef(type, node.name.value);
    if (!field || !node.selectionSet) continue;
    const value = (data as Record<string, unknown>)[node.alias?.value ?? node.name.value];
    if (!Array.isArray(value)) continue;
    const named = getNamedType(field.type) as GraphQLCompositeType;
    if (node.name.value === "nodes") value.forEach((item, i) => record(i, item == null ? 0 : 1 + selectionCost(walk, node.selectionSet!, named, item, true)));
    if (node.name.value === "edges") {
      value.forEach((edge, i) => {
        for (const [inner, innerType] of fieldsOf(walk, node.selectionSet!, named)) {
          const innerField = fieldDef(innerType, inner.name.value);
          if (inner.name.value !== "node" || !innerField || !inner.selectionSet) continue;
          const item = (edge as Record<string, unknown> | null)?.[inner.alias?.value ?? "node"];
          if (item != null) record(i, 1 + selectionCost(walk, inner.selectionSet, getNamedType(innerField.type) as GraphQLCompositeType, item, true));
        }
      });
    }
  }
  let total = 0;
  for (const cost of perItem.values()) total += cost;
  return total;
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

export function requestedCost(input: CostInput): number {
  return operationCost(input, undefined, false);
}

export function actualCost(input: CostInput, data: unknown): number {
  return operationCost(input, data ?? null, true);
}

function operationCost(input: CostInput, data: unknown, actual: boolean): number {
  const walk: Walk = { schema: input.schema, fragments: input.fragments, variables: input.variables };
  if (input.operation.operation === "mutation") {
    const mutation = input.schema.getMutationType()!;
    let count = 0;
    for (const [node] of fieldsOf(walk, input.operation.selectionSet, mutation)) {
      if (node.name.value === "__typename") continue;
      if (actual && (data as Record<string, unknown> | null)?.[node.alias?.value ?? node.name.value] == null) continue;
      count += 1;
    }
    return count * MUTATION_COST;
  }
  const root = input.schema.getQueryType()!;
  if (actual && data == null) return 0;
  return selectionCost(walk, input.operation.selectionSet, root, data, actual);
}
