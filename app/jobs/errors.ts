import { adminAccessRefused, AdminUserError } from "~/shopify/admin-graphql";

/**
 * A job failed for a reason a retry cannot fix (a malformed payload, the shop has no session,
 * Shopify refused the change with userErrors): it goes straight to FAILED, no back-off.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export function isPermanentError(error: unknown): boolean {
  if (error instanceof PermanentJobError || error instanceof AdminUserError) return true;
  // A retry sends the same refused token: fail now, with a message saying what to do.
  if (adminAccessRefused(error)) return true;
  const name = (error as { name?: unknown } | null)?.name;
  // @shopify/shopify-app-remix: no offline session for the shop (uninstalled); zod: bad payload.
  return name === "SessionNotFoundError" || name === "ZodError";
}

export function errorMessage(error: unknown): string {
  const refused = adminAccessRefused(error);
  if (refused === 401) {
    return "Shopify refused this shop's access token (401). Open Crossdock from the shop's Shopify admin to authorize it again, then retry.";
  }
  if (refused === 403) {
    return "Shopify refused access (403): Crossdock lacks a permission this needs. Open Crossdock from the shop's Shopify admin to approve the app's current access scopes, then retry.";
  }
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
