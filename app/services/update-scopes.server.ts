import { updateSessionScopes } from "~/models/sessions.server";

/** app/scopes_update: the sessions carry the scopes the shop granted now. */
export async function updateScopes(input: { shop: string; current: string[] | string }): Promise<number> {
  const scope = Array.isArray(input.current) ? input.current.join(",") : input.current;
  return updateSessionScopes(input.shop, scope);
}
