// Why a job failed, as the Activity page says it: a sentence key, never the raw exception (pure).

/**
 * What a failure means for the merchant, as a sentence (`problems.<key>` in admin-activity.json),
 * never the raw exception: that stays behind a disclosure for support.
 */
export function problemKey(error: string | null): "access" | "notInstalled" | "unreachable" | "throttled" | "refused" | "unknown" | null {
  if (!error) return null;
  if (/Invalid API key or access token|\b401\b|Unauthorized|access token cannot be renewed/i.test(error)) return "access";
  if (/SessionNotFound|not installed/i.test(error)) return "notInstalled";
  if (/throttl|rate limit|\b429\b/i.test(error)) return "throttled";
  if (/still failing after|HTTP 5\d\d|\(5\d\d [A-Z]|fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT/i.test(error)) return "unreachable";
  if (/AdminUserError|userErrors/i.test(error)) return "refused";
  return "unknown";
}
