import { parse } from "smol-toml";
import appToml from "../../shopify.app.toml?raw";

/**
 * The app proxy as declared in shopify.app.toml ([app_proxy]): Shopify forwards
 * https://{shop}/{prefix}/{subpath}/… to {url}/…, signed. Read at build time, the one source of
 * these values (merchants may rename prefix and subpath per shop in their admin; requests then
 * carry the actual one in `path_prefix`).
 */
export interface AppProxyConfig {
  /** e.g. "https://crossdock.example.com/proxy" */
  url: string;
  /** "apps", "a", "community" or "tools" */
  prefix: string;
  subpath: string;
  /** "/apps/crossdock": the storefront path the block calls. */
  storefrontPath: string;
  /** "/proxy": the app path requests arrive at. */
  appPath: string;
}

export function appProxyConfig(source: string = appToml): AppProxyConfig {
  const toml = parse(source) as { app_proxy?: { url?: string; prefix?: string; subpath?: string } };
  const proxy = toml.app_proxy;
  if (!proxy?.url || !proxy.prefix || !proxy.subpath) throw new Error("shopify.app.toml has no complete [app_proxy]");
  return {
    url: proxy.url,
    prefix: proxy.prefix,
    subpath: proxy.subpath,
    storefrontPath: `/${proxy.prefix}/${proxy.subpath}`,
    appPath: new URL(proxy.url).pathname.replace(/\/$/, ""),
  };
}
