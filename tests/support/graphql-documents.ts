import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  Kind,
  NoDeprecatedCustomRule,
  parse,
  typeFromAST,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
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
    else if (/\.(ts|tsx)$/.test(entry) && !/\.(spec|test)\.tsx?$/.test(entry) && !entry.endsWith(".d.ts")) out.push(path);
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

/**
 * The schema marks most deprecations with `@deprecated` (graphql-js's `deprecationReason`); a few only
 * say so in their description ("This field is deprecated.", "Deprecated. …"), e.g.
 * `FulfillmentOrderMovePayload.remainingFulfillmentOrder` and `RefundLineItemRestockType.LEGACY_RESTOCK`.
 */
export function deprecationOf(element: { deprecationReason?: string | null; description?: string | null }): string | null {
  if (element.deprecationReason) return element.deprecationReason;
  const description = element.description?.trim() ?? "";
  return /^(this (field|argument|value) is deprecated|deprecated\b)/i.test(description) ? description.split("\n")[0]! : null;
}

/**
 * Deprecated fields, arguments, input fields and enum values the document itself names: graphql-js's
 * `NoDeprecatedCustomRule`, plus the fields and enum literals deprecated only in their description.
 */
export function deprecationErrors(schema: GraphQLSchema, doc: FoundDocument): string[] {
  const where = `${doc.file}:${doc.line}`;
  let ast;
  try {
    ast = parse(doc.source);
  } catch (error) {
    return [`${where}: ${(error as Error).message}`];
  }
  const errors = validate(schema, ast, [NoDeprecatedCustomRule]).map((e) => `${where}: ${e.message}`);
  const typeInfo = new TypeInfo(schema);
  visit(
    ast,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        if (field && parent && !field.deprecationReason && deprecationOf(field)) {
          errors.push(`${where}: The field ${parent.name}.${field.name} is deprecated. ${deprecationOf(field)}`);
        }
      },
      EnumValue() {
        const value = typeInfo.getEnumValue();
        const type = getNamedType(typeInfo.getInputType());
        if (value && type && !value.deprecationReason && deprecationOf(value)) {
          errors.push(`${where}: The enum value "${type.name}.${value.name}" is deprecated. ${deprecationOf(value)}`);
        }
      },
    }),
  );
  return errors;
}

export interface DeprecatedInput {
  /** The operation's variable the element is reachable from. */
  variable: string;
  kind: "input field" | "enum value";
  /** `ReturnRequestLineItemInput.returnReason`, `CurrencyCode.BYR` */
  coordinate: string;
  /** The field or value name as the app's code would write it: `returnReason`, `BYR`. */
  name: string;
  reason: string;
}

/** Every deprecated input field and enum value reachable from the types of the document's variables. */
export function deprecatedInputsReachable(schema: GraphQLSchema, doc: FoundDocument): DeprecatedInput[] {
  const found: DeprecatedInput[] = [];
  for (const definition of parse(doc.source).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variableDefinition of definition.variableDefinitions ?? []) {
      // graphql-js types typeFromAST's argument narrowly; a variable's type node is always accepted.
      const type = typeFromAST(schema, variableDefinition.type as Parameters<typeof typeFromAST>[1]);
      if (!type) continue;
      const variable = variableDefinition.variable.name.value;
      const seen = new Set<string>();
      const walk = (named: GraphQLNamedType) => {
        if (seen.has(named.name)) return;
        seen.add(named.name);
        if (isEnumType(named)) {
          for (const value of named.getValues()) {
            const reason = deprecationOf(value);
            if (reason) found.push({ variable, kind: "enum value", coordinate: `${named.name}.${value.name}`, name: value.name, reason });
          }
        }
        if (isInputObjectType(named)) {
          for (const field of Object.values(named.getFields())) {
            const reason = deprecationOf(field);
            if (reason) found.push({ variable, kind: "input field", coordinate: `${named.name}.${field.name}`, name: field.name, reason });
            walk(getNamedType(field.type));
          }
        }
      };
      walk(getNamedType(type));
    }
  }
  return found;
}

/** Where a module specifier inside `fromFile` points, relative to the root and without extension (`~/…` is `app/…`). */
function importTarget(root: string, fromFile: string, specifier: string): string | null {
  if (specifier.startsWith("~/")) return join("app", specifier.slice(2)).replace(/\.tsx?$/, "");
  if (specifier.startsWith(".")) return relative(root, resolve(dirname(join(root, fromFile)), specifier)).replace(/\.tsx?$/, "");
  return null;
}

/** The import targets that name a module file: `app/shopify/returns.ts` is `app/shopify/returns`; an index file is its folder too. */
function moduleNames(file: string): string[] {
  const bare = file.replace(/\.tsx?$/, "");
  return bare.endsWith("/index") ? [bare, bare.slice(0, -"/index".length)] : [bare];
}

export interface SourceFacts {
  /** Modules this file imports, relative to the root and without extension. */
  imports: Set<string>;
  /** Property names written in object literals (`{ returnReason: … }`, `{ returnReason }`). */
  objectKeys: Set<string>;
  /** Every string literal's text. */
  strings: Set<string>;
}

/** What a source file writes into objects and strings, and what it imports. */
export function sourceFacts(root: string, file: string, text = readFileSync(join(root, file), "utf8")): SourceFacts {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const facts: SourceFacts = { imports: new Set(), objectKeys: new Set(), strings: new Set() };
  const visitNode = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = importTarget(root, file, node.moduleSpecifier.text);
      if (target) facts.imports.add(target);
    } else if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if ((ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) || ts.isMethodDeclaration(property)) && property.name) {
          if (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) facts.objectKeys.add(property.name.text);
        }
      }
    } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      facts.strings.add(node.text);
    }
    ts.forEachChild(node, visitNode);
  };
  visitNode(sourceFile);
  return facts;
}

/**
 * Deprecated input fields and enum values the app's code sets in a document's variables. The code that
 * builds an operation's variables is the file holding the document and the files importing it (the
 * adapter, and the services handing it input): a deprecated input field reachable from a variable's
 * type must not be written as an object key there, a deprecated enum value not as a string literal.
 */
export function deprecatedVariableUsage(
  schema: GraphQLSchema,
  doc: FoundDocument,
  facts: (file: string) => SourceFacts,
  appFiles: readonly string[],
): string[] {
  const reachable = deprecatedInputsReachable(schema, doc);
  if (reachable.length === 0) return [];
  const builders = [doc.file, ...appFiles.filter((file) => file !== doc.file && moduleNames(doc.file).some((name) => facts(file).imports.has(name)))];
  const errors: string[] = [];
  for (const element of reachable) {
    for (const file of builders) {
      const { objectKeys, strings } = facts(file);
      const sets = element.kind === "input field" ? objectKeys.has(element.name) : strings.has(element.name);
      if (sets) {
        errors.push(`${doc.file}:${doc.line}: $${element.variable} reaches the deprecated ${element.kind} ${element.coordinate} (${element.reason}), and ${file} sets \`${element.name}\``);
      }
    }
  }
  return errors;
}
