/** Reading ids from GraphQL arguments. */
import { idOf, parseGid, type GidType } from "../store/ids";
import { invalidGlobalId } from "./errors";

/** A GID argument of the expected type: its number; another type: null; not a GID: an error. */
export function argId(type: GidType, value: string): number | null {
  if (!parseGid(value)) throw invalidGlobalId(value);
  return idOf(type, value);
}

/** For mutation inputs, where a bad id becomes a userError rather than a top-level error. */
export function inputId(type: GidType, value: string | null | undefined): number | null {
  return value == null ? null : idOf(type, value);
}
