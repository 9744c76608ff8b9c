import { adminAccessRefused, AdminUserError } from "~/shopify/admin-graphql";
import { TokenRefreshFailedError } from "~/shopify/offline-token-refresh.server";

/**
 * A job failed for a reason a retry cannot fix (a malformed payload, the shop has no session,
 * Shopify refused the change with userErrors): it goes straight to FAILED, no back-off.
 */
export class PermanentJobError extends Error {
  override name = "PermanentJobError";
}

export function isPermanentError(error: unknown): boolean {
  if (error instanceof PermanentJobError || error instanceof AdminUserError) return true;
  // A retry sends the same refused token: fail now (the Activity page tells staff how to renew access).
  if (adminAccessRefused(error)) return true;
  // Shopify refused to renew the shop's token (a network error while renewing is retried).
  if (error instanceof TokenRefreshFailedError) return error.permanent;
  const name = (error as { name?: unknown } | null)?.name;
  // @shopify/shopify-app-remix: no offline session for the shop (uninstalled); zod: bad payload.
  return name === "SessionNotFoundError" || name === "ZodError";
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  return String(error);
}
