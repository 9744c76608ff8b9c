import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { loadAdminSchema } from "../../simulator/admin-schema";
import { collectDocuments, documentErrors, extractGraphqlDocuments } from "../support/graphql-documents";

const root = join(import.meta.dirname, "..", "..");
const schema = loadAdminSchema(ADMIN_API_VERSION);

describe("every Admin GraphQL document the app sends", () => {
  const documents = collectDocuments(join(root, "app"), root);

  it("finds the app's documents", () => {
    expect(documents.length).toBeGreaterThanOrEqual(2);
    expect(documents.map((d) => d.file)).toContain("app/shopify/locations.ts");
  });

  it.each(documents.map((d) => [`${d.file}:${d.line}`, d] as const))(
    `%s validates against the ${ADMIN_API_VERSION} Admin schema`,
    (_name, doc) => {
      expect(documentErrors(schema, doc)).toEqual([]);
    },
  );

  it("names every operation (logs and the simulator's cost report use the name)", () => {
    for (const doc of documents) {
      const operations = parse(doc.source).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      for (const op of operations) expect(op.name?.value, `${doc.file}:${doc.line}`).toBeTruthy();
    }
  });
});

describe("the document checker itself", () => {
  it("rejects a misspelt field, naming it", () => {
    const file = "tests/fixtures/graphql/misspelt-field.ts";
    const [doc] = extractGraphqlDocuments(file, readFileSync(join(root, file), "utf8"));
    expect(doc).toBeDefined();
    expect(documentErrors(schema, doc!)).toEqual([
      expect.stringContaining('Cannot query field "adress" on type "Location"'),
    ]);
  });

  it("rejects a wrong argument type and an unknown mutation", () => {
    const bad = extractGraphqlDocuments(
      "inline.ts",
      "const a = `#graphql\n query A { locations(first: \"ten\") { nodes { id } } }`;\n" +
        "const b = `#graphql\n mutation B { fulfillmentOrderTeleport(id: \"x\") { userErrors { message } } }`;",
    );
    expect(bad).toHaveLength(2);
    expect(documentErrors(schema, bad[0]!).join()).toMatch(/Int/);
    expect(documentErrors(schema, bad[1]!).join()).toMatch(/fulfillmentOrderTeleport/);
  });

  it("refuses interpolated documents", () => {
    expect(() => extractGraphqlDocuments("x.ts", "const q = `#graphql\n query Q { ${'shop'} { id } }`;")).toThrow(
      /must not interpolate/,
    );
  });
});
