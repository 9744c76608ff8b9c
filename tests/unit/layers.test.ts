// The layers of app/ (eslint.layers.js): every file belongs to one layer, every layer lists only layers
// below it (so no circle between the layers can exist), and the lint rule built from the table
// refuses an upward import, by a relative path or by the ~ alias, and lets a downward one through.
// Inside a layer the table cannot see circles, so the folders' import graph is checked too: no
// circle between the folders of app/, nor between the modules of the domain (app/domain/<module>).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { LAYERS } from "../../eslint.layers.js";

const root = join(import.meta.dirname, "../..");

function filesUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** The table's patterns are a folder (`app/x/**`) or one file: nothing else needs a glob library. */
function matches(pattern: string, file: string): boolean {
  return pattern.endsWith("/**") ? file.startsWith(pattern.slice(0, -2)) : file === pattern;
}

function layerOf(file: string): string[] {
  return LAYERS.filter((layer) => layer.pattern.some((p) => matches(p, file))).map((layer) => layer.type);
}

/** The folder a file counts in: app/<folder>, or app/domain/<module>; root files count as themselves. */
function folderOf(file: string): string {
  const parts = file.split("/");
  if (parts.length <= 2) return file;
  return parts[1] === "domain" && parts.length > 3 ? parts.slice(0, 3).join("/") : parts.slice(0, 2).join("/");
}

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

/** Edges between folders of app/, from every import in its source files (specs and test support excluded). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of filesUnder("app").filter((f) => /\.tsx?$/.test(f) && !/\.spec\.tsx?$|test-support\.ts$/.test(f))) {
    const from = folderOf(file);
    for (const [, specifier] of readFileSync(join(root, file), "utf8").matchAll(IMPORT)) {
      const target = specifier!.startsWith("~/") ? join("app", specifier!.slice(2)) : specifier!.startsWith(".") ? normalize(join(dirname(file), specifier!)) : null;
      if (!target?.startsWith("app/")) continue;
      const to = folderOf(statSync(join(root, target), { throwIfNoEntry: false })?.isDirectory() ? `${target}/index.ts` : target);
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** The circles of a graph (its strongly connected parts of more than one node), each sorted. */
function circles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (stack.includes(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const part: string[] = [];
      let top: string;
      do {
        top = stack.pop()!;
        part.push(top);
      } while (top !== node);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

async function lintAs(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "import-x/no-restricted-paths").map((m) => m.message);
}

describe("the layers of app/", () => {
  it("has only patterns this test can read", () => {
    for (const layer of LAYERS) for (const p of layer.pattern) expect(p.endsWith("/**") || !p.includes("*"), p).toBe(true);
  });

  it("puts every file of app/ in exactly one layer", () => {
    const files = filesUnder("app").map((f) => relative(root, join(root, f)));
    expect(files.length).toBeGreaterThan(200);
    const misplaced = files.map((file) => ({ file, layers: layerOf(file) })).filter(({ layers }) => layers.length !== 1);
    expect(misplaced).toEqual([]);
  });

  it("lets each layer import only layers further down the table", () => {
    const types = LAYERS.map((layer) => layer.type);
    for (const [index, layer] of LAYERS.entries()) {
      for (const lower of layer.may) {
        expect(types, `${layer.type} may import ${lower}, which is not a layer`).toContain(lower);
        expect(types.indexOf(lower), `${layer.type} may import ${lower}, which is not below it`).toBeGreaterThan(index);
      }
    }
  });

  it("has no circle between the folders of app/, nor between the domain's modules", () => {
    const graph = folderGraph();
    expect(graph.get("app/services")).toContain("app/models"); // the scan sees imports
    expect(graph.get("app/domain/routing")).toContain("app/domain/geo");
    expect(circles(graph)).toEqual([]);
    // The check finds a circle when there is one (before app/domain/geo, routing and availability
    // imported each other's distance and postal-code helpers).
    const planted = new Map([...graph].map(([k, v]) => [k, new Set(v)]));
    planted.set("app/domain/geo", new Set([...(planted.get("app/domain/geo") ?? []), "app/domain/routing"]));
    // routing → availability (the pickup attribute) → geo → routing.
    expect(circles(planted)).toEqual([["app/domain/availability", "app/domain/geo", "app/domain/routing"]]);
  });

  it("fails lint on an upward import and passes a downward one", { timeout: 60_000 }, async () => {
    // A service reaching into the job processors (the circle issue 13 found), by alias and by path.
    expect(await lintAs("app/services/planted.server.ts", 'export { createWebDriver } from "~/jobs/runtime.server";\n')).toEqual([
      expect.stringContaining("services may not import jobs"),
    ]);
    expect(await lintAs("app/models/planted.server.ts", 'import { enqueueEmail } from "../services/enqueue-email.server";\nexport const x = enqueueEmail;\n')).toEqual([
      expect.stringContaining("models may not import services"),
    ]);
    // A repository importing the app's one shopifyApp() call (a root file, not a folder).
    expect(await lintAs("app/models/planted.server.ts", 'import { authenticate } from "~/shopify.server";\nexport const x = authenticate;\n')).toEqual([
      expect.stringContaining("models may not import wiring"),
    ]);
    // Pure domain code importing a UI file.
    expect(await lintAs("app/domain/returns/planted.ts", 'import { STATUS_LABELS } from "~/components/returns/labels";\nexport const x = STATUS_LABELS;\n')).toEqual([
      expect.stringContaining("domain may not import components"),
    ]);
    // Downward imports are fine.
    expect(await lintAs("app/services/planted.server.ts", 'import { jobDriver } from "~/queue/handle.server";\nexport const x = jobDriver;\n')).toEqual([]);
    expect(await lintAs("app/jobs/planted.server.ts", 'import { enqueueEmail } from "~/services/enqueue-email.server";\nexport const x = enqueueEmail;\n')).toEqual([]);
  });
});
