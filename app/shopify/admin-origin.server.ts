import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

/**
 * Sends every request bound for a shop's Admin API (`https://{shop}/admin/...`) to another origin,
 * as `{origin}/shops/{shop}/admin/...`: the local Shopify Admin simulator. This is the library's
 * supported seam (the runtime fetch); nothing else in the app knows the simulator exists.
 */
export function redirectAdminApiTo(origin: string): void {
  const base = new URL(origin);
  const inner = abstractFetch;
  if ((inner as { crossdockRedirect?: string }).crossdockRedirect === base.origin) return;

  const redirected: typeof abstractFetch = (input, init) => {
    const target = rewrite(input, base);
    return target ? inner(target, init) : inner(input, init);
  };
  Object.assign(redirected, { crossdockRedirect: base.origin });
  setAbstractFetchFunc(redirected);
}

type FetchInput = Parameters<typeof abstractFetch>[0];

export function rewrite(input: FetchInput, base: URL): string | undefined {
  const raw = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" || !url.hostname.endsWith(".myshopify.com")) return undefined;
  if (!url.pathname.startsWith("/admin/")) return undefined;
  return `${base.origin}/shops/${url.hostname}${url.pathname}${url.search}`;
}
