/**
 * Access checks as Shopify makes them while it executes a request (FIDELITY.md, "Access scopes"):
 *
 * - a field whose own `requiredAccess` the installation does not meet, or that returns an object
 *   type (a connection counts as its node) whose `requiredAccess` it does not meet, answers
 *   ACCESS_DENIED: "Access denied for orders field. Required access: `read_orders` access scope …",
 *   with `extensions {code, documentation, requiredAccess}`; the field is null (and so is its
 *   parent when it is non-null);
 * - an input field whose description names a scope (`GiftCardCreateInput.customerId`) is checked
 *   when the request sets it;
 * - a field returning an interface or union (`node`, `nodes`) is checked against the type of what
 *   it resolved to;
 * - records the installation may not see (simulator/access/visibility.ts) are served as null;
 * - protected customer data (simulator/access/customer-data.ts): without approval an object that is
 *   customer data answers "This app is not approved to access the Order object …" (ACCESS_DENIED);
 *   a protected field the app is not approved for is null, with the same sentence naming its
 *   object and the field's path, as shopify.dev's example shows.
 */
import {
  getNamedType,
  GraphQLError,
  isAbstractType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
} from "graphql";
import { CUSTOMER_DATA_TYPES, fieldApproved, notApprovedForObject } from "../access/customer-data";
import { unmetClauses, type AccessRequirement, type SchemaAccess } from "../access/schema-access";
import { grantedScopes, recordVisible } from "../access/visibility";
import type { ShopState } from "../store/shop-state";

export const ACCESS_SCOPES_DOC = "https://shopify.dev/api/usage/access-scopes";

export function accessDenied(fieldName: string, requirement: AccessRequirement): GraphQLError {
  return new GraphQLError(`Access denied for ${fieldName} field. Required access: ${requirement.text}`, {
    extensions: { code: "ACCESS_DENIED", documentation: ACCESS_SCOPES_DOC, requiredAccess: requirement.text },
  });
}

function notApprovedObject(typeName: string): GraphQLError {
  return new GraphQLError(notApprovedForObject(typeName), { extensions: { code: "ACCESS_DENIED" } });
}

/** The object type behind a field's type: the node of a connection or an edge. */
function objectTypeName(info: GraphQLResolveInfo): string | null {
  const returned = getNamedType(info.returnType);
  if (!isObjectType(returned)) return null;
  return /^(.+?)(Connection|Edge)$/.exec(returned.name)?.[1] ?? returned.name;
}

/** The requirements of a field before it runs: its own, and the object type it returns. */
function staticRequirements(access: SchemaAccess, info: GraphQLResolveInfo, cache: Map<string, AccessRequirement[]>): AccessRequirement[] {
  const key = `${info.parentType.name}.${info.fieldName}`;
  let found = cache.get(key);
  if (!found) {
    found = [];
    const own = access.fields.get(key);
    if (own) found.push(own);
    const returned = getNamedType(info.returnType);
    const typeRule = isObjectType(returned) ? access.types.get(returned.name) : undefined;
    if (typeRule && typeRule !== own) found.push(typeRule);
    cache.set(key, found);
  }
  return found;
}

export interface AccessGuard {
  /** Throws ACCESS_DENIED before the field runs. */
  before(info: GraphQLResolveInfo, args: Record<string, unknown>, shop: ShopState): void;
  /** Checks what an interface/union field resolved to; hides records the installation may not see. */
  after(value: unknown, info: GraphQLResolveInfo, shop: ShopState): unknown;
}

export function createAccessGuard(access: SchemaAccess): AccessGuard {
  const cache = new Map<string, AccessRequirement[]>();

  const check = (fieldName: string, requirement: AccessRequirement | undefined, scopes: Set<string>) => {
    if (requirement && unmetClauses(requirement, scopes).length) throw accessDenied(fieldName, requirement);
  };

  const checkInput = (type: GraphQLInputType, value: unknown, scopes: Set<string>): void => {
    if (value === null || value === undefined) return;
    if (isNonNullType(type)) return checkInput(type.ofType, value, scopes);
    if (isListType(type)) {
      if (Array.isArray(value)) for (const item of value) checkInput(type.ofType, item, scopes);
      return;
    }
    if (!isInputObjectType(type) || typeof value !== "object") return;
    const fields = type.getFields();
    for (const [name, fieldValue] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      if (!field || fieldValue === undefined) continue;
      check(name, access.inputFields.get(`${type.name}.${name}`), scopes);
      checkInput(field.type, fieldValue, scopes);
    }
  };

  return {
    before(info, args, shop) {
      const scopes = grantedScopes(shop);
      for (const requirement of staticRequirements(access, info, cache)) check(info.fieldName, requirement, scopes);
      if (shop.customerData.level === 0) {
        const typeName = objectTypeName(info);
        if (typeName && CUSTOMER_DATA_TYPES.has(typeName)) throw notApprovedObject(typeName);
      }
      const protectedField = access.protectedFields.get(`${info.parentType.name}.${info.fieldName}`);
      if (protectedField && !fieldApproved(shop.customerData, protectedField)) {
        throw new GraphQLError(notApprovedForObject(info.parentType.name));
      }
      if (access.inputFields.size === 0) return;
      const field = info.parentType.getFields()[info.fieldName];
      for (const arg of field?.args ?? []) {
        if (arg.name in args) checkInput(arg.type, args[arg.name], scopes);
      }
    },
    after(value, info, shop) {
      if (value === null || value === undefined || typeof value !== "object") return value;
      if (typeof (value as { then?: unknown }).then === "function") {
        return (value as Promise<unknown>).then((resolved) => this.after(resolved, info, shop));
      }
      const named = getNamedType(info.returnType);
      const abstract = isAbstractType(named);
      const scopes = grantedScopes(shop);
      const one = (item: unknown): unknown => {
        if (item === null || typeof item !== "object") return item;
        if (abstract) {
          const typename = (item as { __typename?: unknown }).__typename;
          if (typeof typename === "string") {
            check(info.fieldName, access.types.get(typename), scopes);
            if (shop.customerData.level === 0 && CUSTOMER_DATA_TYPES.has(typename)) throw notApprovedObject(typename);
          }
        }
        return recordVisible(shop, item) ? item : null;
      };
      return Array.isArray(value) ? value.map(one) : one(value);
    },
  };
}
