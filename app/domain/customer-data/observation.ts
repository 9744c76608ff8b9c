/**
 * What one Admin API answer says about the shop's protected customer data: which of the fields
 * (name, email, phone, address) Shopify redacted in it, and which it served. Shopify redacts a field
 * the app is not approved for by answering null with an error whose `path` is the field
 * ("This app is not approved to access the Order object", FIDELITY PCD-2/3); a field selected and
 * answered without such an error was served. Pure: the caller hands in the document's protected
 * selections (app/config/customer-data.ts) and the answer.
 */
import type { ProtectedCustomerField } from "~/config/customer-data";

export interface CustomerDataObservation {
  operation: string;
  /** Fields Shopify redacted in this answer. */
  redacted: ProtectedCustomerField[];
  /** Fields this answer served (selected, on an object that was there, without a redaction). */
  served: ProtectedCustomerField[];
}

/** `query CrossdockOrderRoutingState(...)` → "CrossdockOrderRoutingState". */
export function operationName(document: string): string | null {
  return /^\s*(?:query|mutation)\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(document.replace(/#[^\n]*/g, ""))?.[1] ?? null;
}

/** A redaction's path without list indices: ["orders", "nodes", 0, "email"] → "orders.nodes.email". */
export function selectionPath(path: readonly (string | number)[]): string {
  return path.filter((p): p is string => typeof p === "string").join(".");
}

export function observeCustomerData(
  operation: string,
  selections: Readonly<Record<string, ProtectedCustomerField>>,
  data: unknown,
  redactionPaths: readonly (readonly (string | number)[])[],
): CustomerDataObservation {
  const redactedPaths = new Set(redactionPaths.map(selectionPath));
  const redacted = new Set<ProtectedCustomerField>();
  const served = new Set<ProtectedCustomerField>();
  for (const [path, field] of Object.entries(selections)) {
    if (redactedPaths.has(path)) redacted.add(field);
    else if (answered(data, path.split("."))) served.add(field);
  }
  // A redaction reported on an object above the selected fields redacts every field under it.
  for (const path of redactedPaths) {
    for (const [selected, field] of Object.entries(selections)) {
      if (selected.startsWith(`${path}.`)) redacted.add(field);
    }
  }
  return {
    operation,
    redacted: [...redacted].sort(),
    served: [...served].filter((f) => !redacted.has(f)).sort(),
  };
}

/** Whether the answer holds the key at `path` on at least one object (lists walked through). */
function answered(value: unknown, path: readonly string[]): boolean {
  if (Array.isArray(value)) return value.some((item) => answered(item, path));
  if (value === null || typeof value !== "object") return false;
  const [head, ...rest] = path;
  if (head === undefined || !(head in value)) return false;
  const next = (value as Record<string, unknown>)[head];
  return rest.length === 0 ? true : answered(next, rest);
}
