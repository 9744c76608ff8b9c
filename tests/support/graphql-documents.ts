import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, validate, type GraphQLSchema } from "graphql";
import ts from "typescript";

export interface FoundDocument {
  file: string;
  line: number;
  source: string;
}

/** Every template literal tagged `#graphql` in a TypeScript source, as Shopify's codegen finds them. */
export function extractGraphqlDocuments(file: string, text: string): FoundDocument[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const found: FoundDocument[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const head = ts.isTemplateExpression(node) ? node.head.text : node.text;
      if (head.trimStart().startsWith("#graphql")) {
        if (ts.isTemplateExpression(node)) {
          throw new Error(`${file}: a #graphql document must not interpolate \${…}; use variables`);
        }
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart());
        found.push({ file, line: line + 1, source: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

export function listSourceFiles(root: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(root)) {
    const path = join(root, entry);
    if (statSync(path).isDirectory()) out.push(...listSourceFiles(path));
    else if (/\.(ts|tsx)$/.test(entry) && !/\.(spec|test)\.tsx?$/.test(entry)) out.push(path);
  }
  return out;
}

export function collectDocuments(root: string, base: string): FoundDocument[] {
  return listSourceFiles(root).flatMap((path) =>
    extractGraphqlDocuments(relative(base, path), readFileSync(path, "utf8")),
  );
}

/** The schema's verdict on one document: [] when valid. */
export function documentErrors(schema: GraphQLSchema, doc: FoundDocument): string[] {
  try {
    return validate(schema, parse(doc.source)).map((e) => `${doc.file}:${doc.line}: ${e.message}`);
  } catch (error) {
    return [`${doc.file}:${doc.line}: ${(error as Error).message}`];
  }
}
