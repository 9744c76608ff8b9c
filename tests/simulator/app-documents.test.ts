/**
 * Every query document the app exports from app/shopify runs on the simulator without errors:
 * the simulator implements what the app reads (an unimplemented field would be an error here).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator } from "./helpers";

const DIR = join(__dirname, "..", "..", "app", "shopify");

async function appQueries(): Promise<{ name: string; source: string; operation: OperationDefinitionNode }[]> {
  const found = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith(".ts") && !f.endsWith(".spec.ts"))) {
    const module = (await import(join(DIR, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (typeof value !== "string" || !value.includes("#graphql")) continue;
      const operation = parse(value).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      if (operation?.operation === "query") found.push({ name: `${file}:${name}`, source: value, operation });
    }
  }
  return found;
}

/** Int variables get a page size; documents needing other required variables are skipped. */
function variablesFor(operation: OperationDefinitionNode): Record<string, unknown> | null {
  const variables: Record<string, unknown> = {};
  for (const def of operation.variableDefinitions ?? []) {
    const required = def.type.kind === Kind.NON_NULL_TYPE;
    const named = def.type.kind === Kind.NON_NULL_TYPE ? def.type.type : def.type;
    if (named.kind === Kind.NAMED_TYPE && named.name.value === "Int") variables[def.variable.name.value] = 5;
    else if (required) return null;
  }
  return variables;
}

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

describe("the app's Admin GraphQL documents", () => {
  it("run on the simulator without errors", async () => {
    const queries = await appQueries();
    let ran = 0;
    for (const query of queries) {
      const variables = variablesFor(query.operation);
      if (!variables) continue;
      ran += 1;
      const body = await t.gql(query.source, variables);
      expect(body.errors, query.name).toBeUndefined();
      expect(body.data, query.name).toBeDefined();
    }
    expect(ran).toBeGreaterThan(0);
  });
});
