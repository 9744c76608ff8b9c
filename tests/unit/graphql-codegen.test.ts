// CI's check that the generated Admin API types (app/types, @shopify/api-codegen-preset) match the
// app's documents: `npm run graphql-codegen` is run again into a temporary directory, offline (the
// config writes the schema file from @shopify/dev-mcp), and its output must equal the committed files.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const GENERATED = ["admin.generated.d.ts", "admin.types.d.ts"];
const out = mkdtempSync(join(tmpdir(), "crossdock-codegen-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The first line where two texts differ, for a message shorter than a 4 MB diff. */
function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  const a = expected.split("\n");
  const b = actual.split("\n");
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at]?.slice(0, 200))}, fresh ${JSON.stringify(b[at]?.slice(0, 200))}`;
}

describe("generated Admin API types (npm run graphql-codegen)", () => {
  it("are up to date with the app's #graphql documents and the pinned schema", async () => {
    await promisify(execFile)(join(root, "node_modules", ".bin", "graphql-codegen"), [], {
      cwd: root,
      env: { ...process.env, CROSSDOCK_CODEGEN_OUT_DIR: out },
      maxBuffer: 16 * 1024 * 1024,
    });
    for (const file of GENERATED) {
      const difference = firstDifference(readFileSync(join(root, "app", "types", file), "utf8"), readFileSync(join(out, file), "utf8"));
      expect(difference, `app/types/${file} is stale: run npm run graphql-codegen and commit it`).toBeNull();
    }
  }, 180_000);
});
