import { getLocation, updateRoutingAttributes, type Location, type RoutingAttributesField } from "~/models/locations.server";
import { isRowId, type ShopRef, type ValidationErrors } from "~/models/scope.server";

export type EditLocationResult =
  | { ok: true; location: Location }
  | { ok: false; status: 404 }
  | { ok: false; status: 422; errors: ValidationErrors<RoutingAttributesField> };

const numberOrNull = (value: FormDataEntryValue | null): number | null | undefined => {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** Crossdock's routing settings of one location (kind, priority, capacity, buffer, tags) from the form. */
export async function editLocationRouting(shop: ShopRef, id: string, form: FormData): Promise<EditLocationResult> {
  const priority = numberOrNull(form.get("priority"));
  const result = await updateRoutingAttributes(shop, id, {
    kind: form.get("kind") === "STORE" ? "STORE" : "WAREHOUSE",
    priority: priority ?? 100,
    dailyCapacity: numberOrNull(form.get("dailyCapacity")),
    stockBuffer: numberOrNull(form.get("stockBuffer")),
    tags: String(form.get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean),
  });
  if (result.ok) return { ok: true, location: result.location };
  if (result.reason === "not_found") return { ok: false, status: 404 };
  return { ok: false, status: 422, errors: result.errors };
}

export async function getLocationForEdit(shop: ShopRef, id: string): Promise<Location | null> {
  // Not a row id (a NUL, which PostgreSQL refuses in text, or anything else typed into the URL): none.
  if (!isRowId(id)) return null;
  return getLocation(shop, id);
}
