import type { FieldProblem } from "~/domain/text/field-problem";
import {
  getLocation,
  pauseLocationRouting,
  resumeLocationRouting,
  updateRoutingAttributes,
  type Location,
  type RoutingAttributesField,
} from "~/models/locations.server";
import { isRowId, type ShopRef } from "~/models/scope.server";
import { invalidateAvailability } from "./availability-cache.server";

/** The location page's fields a problem can be about: the routing settings and the pause's note. */
export type LocationFormField = RoutingAttributesField | "pauseNote";

export type EditLocationResult =
  | { ok: true; location: Location }
  | { ok: false; status: 404 }
  | { ok: false; status: 422; problems: Partial<Record<LocationFormField, FieldProblem>> };

const numberOrNull = (value: FormDataEntryValue | null): number | null | undefined => {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
};

/** Crossdock's routing settings of one location (kind, priority, capacity, buffer, tags) from the form. */
export async function editLocationRouting(shop: ShopRef, id: string, form: FormData): Promise<EditLocationResult> {
  if (!isRowId(id)) return { ok: false, status: 404 };
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
  return { ok: false, status: 422, problems: result.problems };
}

/**
 * "Pause routing here" (with the staff member's optional note) and "Resume routing": while paused
 * the location takes no orders (routing leaves it out, a pickup there needs attention, the
 * storefront does not offer it). `by` is who paused it.
 */
export async function setLocationRoutingPause(
  shop: ShopRef & { domain: string },
  id: string,
  change: { pause: true; note: string; by: string } | { pause: false },
): Promise<EditLocationResult> {
  if (!isRowId(id)) return { ok: false, status: 404 };
  if (!change.pause) {
    const location = await resumeLocationRouting(shop, id);
    if (!location) return { ok: false, status: 404 };
    invalidateAvailability(shop);
    return { ok: true, location };
  }
  const result = await pauseLocationRouting(shop, id, { note: change.note, by: change.by });
  // The storefront follows at once in this process (elsewhere within its check: the row's updated_at is in the shop's version).
  if (result.ok) invalidateAvailability(shop);
  if (result.ok) return { ok: true, location: result.location };
  if (result.reason === "not_found") return { ok: false, status: 404 };
  return { ok: false, status: 422, problems: { pauseNote: result.problem } };
}

export async function getLocationForEdit(shop: ShopRef, id: string): Promise<Location | null> {
  // Not a row id (a NUL, which PostgreSQL refuses in text, or anything else typed into the URL): none.
  if (!isRowId(id)) return null;
  return getLocation(shop, id);
}
