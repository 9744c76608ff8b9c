import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { Kind, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { loadAdminSchema } from "../../simulator/admin-schema";
import {
  collectDocuments,
  deprecatedInputsReachable,
  deprecatedVariableUsage,
  deprecationErrors,
  documentErrors,
  extractGraphqlDocuments,
  listSourceFiles,
  sourceFacts,
  type FoundDocument,
  type SourceFacts,
} from "../support/graphql-documents";

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

  it.each(documents.map((d) => [`${d.file}:${d.line}`, d] as const))(
    "%s names no deprecated field, argument, input field or enum value (NoDeprecatedCustomRule)",
    (_name, doc) => {
      expect(deprecationErrors(schema, doc)).toEqual([]);
    },
  );

  it("sets no deprecated input field or enum value in any operation's variables", () => {
    const appFiles = listSourceFiles(join(root, "app")).map((path) => relative(root, path));
    const cache = new Map<string, SourceFacts>();
    const facts = (file: string) => cache.get(file) ?? cache.set(file, sourceFacts(root, file)).get(file)!;
    expect(documents.flatMap((doc) => deprecatedVariableUsage(schema, doc, facts, appFiles))).toEqual([]);
  });

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

describe("the deprecation checks themselves", () => {
  const doc = (source: string): FoundDocument => ({ file: "app/shopify/fixture.ts", line: 1, source });

  it("find a deprecated field, argument value and the description-only deprecation", () => {
    const errors = deprecationErrors(
      schema,
      doc(`query A { shop { billingAddress { countryCodeV2 } plan { displayName } } }
           mutation B { fulfillmentOrderMove(id: "1", newLocationId: "2") { remainingFulfillmentOrder { id } } }`),
    );
    expect(errors).toEqual([
      expect.stringContaining("Shop.billingAddress is deprecated. Use `shopAddress` instead."),
      expect.stringContaining("ShopPlan.displayName is deprecated. Use `publicDisplayName` instead."),
      expect.stringContaining("FulfillmentOrderMovePayload.remainingFulfillmentOrder is deprecated. This field is deprecated."),
    ]);
    expect(
      deprecationErrors(
        schema,
        doc(`mutation C { returnRequest(input: {orderId: "1", returnLineItems: [{fulfillmentLineItemId: "2", quantity: 1, returnReason: COLOR}]}) { userErrors { message } } }`),
      ),
    ).toEqual([expect.stringContaining("ReturnRequestLineItemInput.returnReason")]);
  });

  it("walk the variables' input types, and report what the app's code sets", () => {
    const request = doc(`mutation R($input: ReturnRequestInput!) { returnRequest(input: $input) { userErrors { message } } }`);
    expect(deprecatedInputsReachable(schema, request).map((d) => d.coordinate)).toContain("ReturnRequestLineItemInput.returnReason");
    const adapter = `export const R = 1; const input = { returnLineItems: [{ fulfillmentLineItemId: "x", quantity: 1, returnReason: "COLOR" }] };`;
    const clean = `export const R = 1; const input = { returnLineItems: [{ fulfillmentLineItemId: "x", quantity: 1, returnReasonDefinitionId: "gid" }] };`;
    const service = `import { R } from "~/shopify/fixture"; const lines = [{ returnReason: "COLOR" }];`;
    const factsOf = (files: Record<string, string>) => (file: string) => sourceFacts(root, file, files[file]!);
    const files = ["app/shopify/fixture.ts", "app/services/fixture.server.ts"];
    expect(deprecatedVariableUsage(schema, request, factsOf({ [files[0]!]: adapter, [files[1]!]: "" }), files)).toEqual([
      expect.stringMatching(/ReturnRequestLineItemInput\.returnReason .*app\/shopify\/fixture\.ts sets `returnReason`/),
    ]);
    expect(deprecatedVariableUsage(schema, request, factsOf({ [files[0]!]: clean, [files[1]!]: service }), files)).toEqual([
      expect.stringContaining("app/services/fixture.server.ts sets `returnReason`"),
    ]);
    expect(deprecatedVariableUsage(schema, request, factsOf({ [files[0]!]: clean, [files[1]!]: "" }), files)).toEqual([]);
  });
});
