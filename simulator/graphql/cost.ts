/**
 * Shopify's calculated query cost, as "GraphQL Admin API rate limits" documents it
 * (https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits, "Cost calculation"):
 *
 * | field returns | cost |
 * | scalar, enum | 0 |
 * | object | 1 |
 * | interface, union | maximum of possible selections |
 * | connection | sized by `first` and `last` arguments |
 * | mutation | 10 |
 *
 * How the rules compose (simulator/FIDELITY.md, rows QC-*):
 * - an object costs 1 plus what is selected inside it; an interface or union costs what its most
 *   expensive possible type would (1 plus that type's selections);
 * - a connection costs 2 plus `first` (or `last`) times one node (Shopify's engineering write-up:
 *   "two points plus the number of returned objects"); `edges`, `node` and `pageInfo` add nothing
 *   of their own, so nested connections multiply;
 * - a list of objects is multiplied the same way: by its `first`/`last` argument, else by the length
 *   of the list argument that names its items (`nodes(ids:)`, `quantities(names:)`), else it is
 *   counted as one item when requested (the count of such a list is unknowable before execution);
 * - a mutation costs 10 per mutation field;
 * - fields selected twice under one response key (directly and through a fragment) count once, as
 *   GraphQL merges them.
 *
 * `requestedQueryCost` is computed from the document and variables before execution;
 * `actualQueryCost` walks the response and counts what was returned: connections and lists by
 * their returned items, objects that came back null not at all, and an interface or union by the
 * type it turned out to be.
 */
import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isCompositeType,
  isLeafType,
  isListType,
  isObjectType,
  Kind,
  typeFromAST,
  valueFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

export const MUTATION_COST = 10;
export const MAX_QUERY_COST = 1000;

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

/** Runtime types of abstract-typed values, by response path ("nodes.0"), recorded during execution. */
export type RuntimeTypes = ReadonlyMap<string, string>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  runtimeTypes: RuntimeTypes;
}

export function requestedCost(input: CostInput): number {
  return operationCost(input, undefined, new Map());
}

export function actualCost(input: CostInput, data: unknown, runtimeTypes: RuntimeTypes = new Map()): number {
  if (data == null) return 0;
  return operationCost(input, data, runtimeTypes);
}

function operationCost(input: CostInput, data: unknown, runtimeTypes: RuntimeTypes): number {
  const walk: Walk = {
    schema: input.schema,
    fragments: input.fragments,
    variables: withDefaults(input.schema, input.operation, input.variables),
    runtimeTypes,
  };
  const actual = data !== undefined;
  if (input.operation.operation === "mutation") {
    const mutation = input.schema.getMutationType()!;
    let cost = 0;
    for (const [key, nodes] of collectFields(walk, mutation, [input.operation.selectionSet])) {
      if (nodes[0]!.name.value === "__typename") continue;
      if (actual && (data as Record<string, unknown>)[key] == null) continue;
      cost += MUTATION_COST;
    }
    return cost;
  }
  const root = input.operation.operation === "subscription" ? input.schema.getSubscriptionType()! : input.schema.getQueryType()!;
  return childrenCost(walk, root, [input.operation.selectionSet], actual ? data : undefined, actual, "");
}

/** Variables as the request gives them, with the operation's declared defaults filled in. */
function withDefaults(schema: GraphQLSchema, operation: OperationDefinitionNode, given: Record<string, unknown>): Record<string, unknown> {
  const variables = { ...given };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (variables[name] !== undefined || !definition.defaultValue) continue;
    const type = typeFromAST(schema, definition.type);
    if (type) variables[name] = valueFromAST(definition.defaultValue, type as Parameters<typeof valueFromAST>[1]);
  }
  return variables;
}

function literal(value: ValueNode, variables: Record<string, unknown>): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.INT:
      return Number(value.value);
    case Kind.LIST:
      return value.values.map((v) => literal(v, variables));
    default:
      return undefined;
  }
}

function argument(node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg ? literal(arg.value, variables) : undefined;
}

type Directed = { directives?: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[] };

function skipped(node: Directed, variables: Record<string, unknown>): boolean {
  for (const directive of node.directives ?? []) {
    const ifArg = directive.arguments?.find((a) => a.name.value === "if");
    if (!ifArg) continue;
    const value = ifArg.value.kind === Kind.BOOLEAN ? ifArg.value.value : literal(ifArg.value, variables);
    if (directive.name.value === "skip" && value === true) return true;
    if (directive.name.value === "include" && value === false) return true;
  }
  return false;
}

/** Whether a fragment typed `condition` applies to an object of type `object`. */
function applies(walk: Walk, condition: GraphQLCompositeType, object: GraphQLObjectType): boolean {
  if (condition === object) return true;
  return isAbstractType(condition) && walk.schema.isSubType(condition, object);
}

/**
 * The fields an object of type `object` gets from `selectionSets`, by response key (GraphQL's
 * CollectFields: fragments expanded where their type condition applies, same keys merged).
 */
function collectFields(walk: Walk, object: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (skipped(selection, walk.variables)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
        continue;
      }
      let fragment: { typeCondition?: FragmentDefinitionNode["typeCondition"]; selectionSet: SelectionSetNode } | undefined;
      if (selection.kind === Kind.INLINE_FRAGMENT) fragment = selection;
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        fragment = walk.fragments[selection.name.value];
      }
      if (!fragment) continue;
      const condition = fragment.typeCondition ? typeFromAST(walk.schema, fragment.typeCondition) : object;
      if (condition && isCompositeType(condition) && applies(walk, condition, object)) visit(fragment.selectionSet);
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  return fields;
}

/**
 * The possible types of an abstract type worth pricing for these selections: each one a fragment
 * names, plus one that no fragment names (it gets only the fields selected on the abstract type).
 */
function candidateTypes(walk: Walk, abstract: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[]): GraphQLObjectType[] {
  if (!isAbstractType(abstract)) return [abstract as GraphQLObjectType];
  const possible = walk.schema.getPossibleTypes(abstract);
  const named = new Set<GraphQLObjectType>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) continue;
      let fragment: { typeCondition?: FragmentDefinitionNode["typeCondition"]; selectionSet: SelectionSetNode } | undefined;
      if (selection.kind === Kind.INLINE_FRAGMENT) fragment = selection;
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        fragment = walk.fragments[selection.name.value];
      }
      if (!fragment) continue;
      const condition = fragment.typeCondition ? typeFromAST(walk.schema, fragment.typeCondition) : undefined;
      if (condition && isCompositeType(condition) && condition !== abstract) {
        for (const type of possible) if (applies(walk, condition, type)) named.add(type);
      }
      visit(fragment.selectionSet);
    }
  };
  for (const selectionSet of selectionSets) visit(selectionSet);
  const unnamed = possible.find((type) => !named.has(type));
  return unnamed ? [...named, unnamed] : [...named];
}

function isConnection(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) && type.name.endsWith("Connection") && "pageInfo" in type.getFields();
}

/** What one object of (possibly abstract) `type` costs: 1 plus its selections; the max over possible types. */
function objectCost(walk: Walk, type: GraphQLCompositeType, selectionSets: readonly SelectionSetNode[], data: unknown, actual: boolean, path: string): number {
  if (actual && data == null) return 0;
  if (isAbstractType(type)) {
    const runtime = actual ? walk.runtimeTypes.get(path) : undefined;
    const resolved = runtime ? walk.schema.getType(runtime) : undefined;
    const candidates = resolved && isObjectType(resolved) ? [resolved] : candidateTypes(walk, type, selectionSets);
    let most = 0;
    for (const candidate of candidates) most = Math.max(most, 1 + childrenCost(walk, candidate, selectionSets, data, actual, path));
    return most;
  }
  return 1 + childrenCost(walk, type as GraphQLObjectType, selectionSets, data, actual, path);
}

/** What the fields selected inside one object cost (the object's own point excluded). */
function childrenCost(walk: Walk, object: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], data: unknown, actual: boolean, path: string): number {
  let total = 0;
  for (const [key, nodes] of collectFields(walk, object, selectionSets)) {
    const field = object.getFields()[nodes[0]!.name.value];
    if (!field || isLeafType(getNamedType(field.type))) continue;
    const value = actual ? (data as Record<string, unknown>)[key] : undefined;
    if (actual && value == null) continue;
    total += fieldCost(walk, field, nodes, value, actual, path ? `${path}.${key}` : key);
  }
  return total;
}

function fieldCost(walk: Walk, field: GraphQLField<unknown, unknown>, nodes: FieldNode[], value: unknown, actual: boolean, path: string): number {
  const named = getNamedType(field.type) as GraphQLCompositeType;
  const selectionSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  if (isConnection(field)) {
    const connection = named as GraphQLObjectType;
    if (actual) return 2 + connectionItemsActual(walk, connection, selectionSets, value, path);
    return 2 + pageSize(walk, nodes) * connectionItemRequested(walk, connection, selectionSets, path);
  }
  if (isListType(getNullableType(field.type))) {
    if (actual) {
      const items = Array.isArray(value) ? value : [];
      let total = 0;
      items.forEach((item, i) => {
        total += objectCost(walk, named, selectionSets, item, true, `${path}.${i}`);
      });
      return total;
    }
    return listSize(walk, field, nodes) * objectCost(walk, named, selectionSets, undefined, false, path);
  }
  return objectCost(walk, named, selectionSets, value, actual, path);
}

/** `first` or `last`: the largest asked for under this key. */
function pageSize(walk: Walk, nodes: FieldNode[]): number {
  let size = 0;
  for (const node of nodes) {
    const value = argument(node, "first", walk.variables) ?? argument(node, "last", walk.variables);
    if (typeof value === "number" && value > size) size = value;
  }
  return size;
}

/** A plain list's item count before execution: `first`/`last`, else its list argument's length, else 1. */
function listSize(walk: Walk, field: GraphQLField<unknown, unknown>, nodes: FieldNode[]): number {
  const page = pageSize(walk, nodes);
  if (page > 0) return page;
  let size = 0;
  for (const node of nodes) {
    for (const arg of field.args) {
      if (!isListType(getNullableType(arg.type))) continue;
      const value = argument(node, arg.name, walk.variables);
      if (Array.isArray(value)) size = Math.max(size, value.length);
    }
  }
  return size > 0 ? size : 1;
}

/** The connection's item fields: `nodes`, and `edges { node }`; their objects are the items. */
function itemSelections(walk: Walk, connection: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]) {
  const items: { via: "nodes" | "edges"; key: string; innerKey?: string; type: GraphQLCompositeType; selectionSets: SelectionSetNode[] }[] = [];
  for (const [key, nodes] of collectFields(walk, connection, selectionSets)) {
    const name = nodes[0]!.name.value;
    const subSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    if (name === "nodes") {
      items.push({ via: "nodes", key, type: getNamedType(connection.getFields().nodes!.type) as GraphQLCompositeType, selectionSets: subSets });
    } else if (name === "edges") {
      const edge = getNamedType(connection.getFields().edges!.type) as GraphQLObjectType;
      for (const [innerKey, inner] of collectFields(walk, edge, subSets)) {
        if (inner[0]!.name.value !== "node") continue;
        items.push({
          via: "edges",
          key,
          innerKey,
          type: getNamedType(edge.getFields().node!.type) as GraphQLCompositeType,
          selectionSets: inner.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])),
        });
      }
    }
  }
  return items;
}

function connectionItemRequested(walk: Walk, connection: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], path: string): number {
  let most = 0;
  for (const item of itemSelections(walk, connection, selectionSets)) {
    most = Math.max(most, objectCost(walk, item.type, item.selectionSets, undefined, false, path));
  }
  return most;
}

/** Returned items: each costs what the most expensive way it was selected costs. */
function connectionItemsActual(walk: Walk, connection: GraphQLObjectType, selectionSets: readonly SelectionSetNode[], data: unknown, path: string): number {
  const perItem: number[] = [];
  for (const item of itemSelections(walk, connection, selectionSets)) {
    const list = (data as Record<string, unknown>)[item.key];
    if (!Array.isArray(list)) continue;
    list.forEach((entry, i) => {
      const value = item.via === "nodes" ? entry : (entry as Record<string, unknown> | null)?.[item.innerKey!];
      const itemPath = item.via === "nodes" ? `${path}.${item.key}.${i}` : `${path}.${item.key}.${i}.${item.innerKey}`;
      perItem[i] = Math.max(perItem[i] ?? 0, objectCost(walk, item.type, item.selectionSets, value, true, itemPath));
    });
  }
  return perItem.reduce((sum, cost) => sum + (cost ?? 0), 0);
}
