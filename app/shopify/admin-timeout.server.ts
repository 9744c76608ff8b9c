import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * Gives up on a request to a shop's Admin API (`https://{shop}/admin/...`) after `timeoutMs`: the
 * library sets no timeout of its own, so a request Shopify never answers held its job (or a
 * shopper's page) forever. The abort reaches the resilient client as a network failure: a query is
 * sent again, a mutation's job is retried and reads Shopify first. Installed last (outermost), so it
 * sees the shop's URL before any redirect (the local simulator) rewrites it.
 */
export function limitAdminApiRequests(timeoutMs: number): void {
  const inner = abstractFetch;
  if ((inner as { crossdockTimeoutMs?: number }).crossdockTimeoutMs === timeoutMs) return;
  const limited: typeof abstractFetch = (input, init) => {
    if (!isAdminApiRequest(input)) return inner(input, init);
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return inner(input, { ...init, signal });
  };
  Object.assign(limited, { crossdockTimeoutMs: timeoutMs });
  setAbstractFetchFunc(limited);
}

function isAdminApiRequest(input: Parameters<typeof abstractFetch>[0]): boolean {
  const raw = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  try {
    const url = new URL(raw);
    return url.hostname.endsWith(".myshopify.com") && url.pathname.startsWith("/admin/");
  } catch {
    return false;
  }
}
