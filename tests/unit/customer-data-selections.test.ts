/**
 * PROTECTED_SELECTIONS (app/config/customer-data.ts) is what Crossdock's documents select of
 * protected customer data, derived here from every #graphql document in app/ and the 2026-10
 * schema's `isProtected` / `protectedContent`: a document that starts reading a protected field
 * must be listed, or Crossdock would not notice Shopify redacting it.
 */
import { join } from "node:path";
import { parse, TypeInfo, visit, visitWithTypeInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { PROTECTED_SELECTIONS, REQUESTED_CUSTOMER_DATA } from "~/config/customer-data";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { loadAdminSchema } from "../../simulator/admin-schema";
import { loadSchemaAccess } from "../../simulator/access/schema-access";
import { collectDocuments } from "../support/graphql-documents";

const root = join(import.meta.dirname, "..", "..");
const schema = loadAdminSchema(ADMIN_API_VERSION);
const access = loadSchemaAccess(ADMIN_API_VERSION);

function protectedSelections(source: string): Record<string, Record<string, string>> {
  const typeInfo = new TypeInfo(schema);
  const found: Record<string, Record<string, string>> = {};
  const path: string[] = [];
  let operation = "";
  visit(
    parse(source),
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        operation = node.name?.value ?? "";
      },
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const parent = typeInfo.getParentType();
          const field = parent ? access.protectedFields.get(`${parent.name}.${node.name.value}`) : undefined;
          if (field) (found[operation] ??= {})[path.join(".")] = field;
        },
        leave() {
          path.pop();
        },
      },
    }),
  );
  return found;
}

describe("PROTECTED_SELECTIONS", () => {
  const derived: Record<string, Record<string, string>> = {};
  for (const doc of collectDocuments(join(root, "app"), root)) Object.assign(derived, protectedSelections(doc.source));

  it("lists exactly the protected fields Crossdock's documents select, as the schema classes them", () => {
    expect(PROTECTED_SELECTIONS).toEqual(derived);
  });

  it("only names fields Crossdock requests access to (README, Protected customer data)", () => {
    const used = new Set(Object.values(PROTECTED_SELECTIONS).flatMap((s) => Object.values(s)));
    expect([...used].every((f) => REQUESTED_CUSTOMER_DATA.fields.includes(f))).toBe(true);
  });

  it("would notice a document that starts reading a protected field", () => {
    expect(protectedSelections("query CrossdockX { order(id: \"gid://shopify/Order/1\") { email billingAddress { zip } } }")).toEqual({
      CrossdockX: { "order.email": "email", "order.billingAddress.zip": "address" },
    });
  });
});
