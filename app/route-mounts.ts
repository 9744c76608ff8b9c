/**
 * The routes Remix's flat-file convention cannot express, registered by vite.config.ts (the remix
 * plugin's `routes` option): one route module mounted at several paths, each mount with its own id.
 *
 * - Webhooks: every subscription's `uri` in shopify.app.toml is served by the one webhook route
 *   module (app/http/webhook-route.tsx); the topics' rows are app/jobs/webhook-topics.server.ts.
 *   A path no subscription names answers 404, as before.
 * - The customer portal: each page is one module under app/routes/portal.$shop.* (the app host,
 *   /portal/<shop>/…) mounted a second time for Shopify's app proxy (/proxy/portal/…, reached as
 *   https://<shop>/apps/crossdock/portal/…). The page tells the two apart by its URL
 *   (app/portal/context.server.ts).
 *
 * The ids are the ones the former per-path route files had (routes/webhooks.orders.create,
 * routes/proxy.portal._index …). Plain Node: vite.config.ts loads this file, so no `~/` imports.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";

export interface RouteMount {
  id: string;
  /** Without the leading slash, as Remix route paths are written. */
  path: string;
  /** Relative to app/. */
  file: string;
  index?: true;
}

export const WEBHOOK_ROUTE_FILE = "http/webhook-route.tsx";

/** The app proxy's mount of each portal page that is reached on the shop's own domain. */
const PORTAL_PROXY_PAGES: readonly { path: string; page: string; index?: true }[] = [
  { path: "proxy/portal", page: "portal.$shop._index", index: true },
  { path: "proxy/portal/o/:token", page: "portal.$shop.o.$token._index", index: true },
  { path: "proxy/portal/o/:token/return", page: "portal.$shop.o.$token.return" },
  { path: "proxy/portal/o/:token/returns/:rma", page: "portal.$shop.o.$token.returns.$rma._index", index: true },
  { path: "proxy/portal/o/:token/returns/:rma/label", page: "portal.$shop.o.$token.returns.$rma.label" },
];

/** The flat-route name a path would have had as its own file: "proxy/portal/o/:token" → "proxy.portal.o.$token". */
function flatName(path: string): string {
  return path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? `$${segment.slice(1)}` : segment))
    .join(".");
}

export function portalProxyMounts(): RouteMount[] {
  return PORTAL_PROXY_PAGES.map(({ path, page, index }) => ({
    id: `routes/${flatName(path)}${index ? "._index" : ""}`,
    path,
    file: `routes/${page}.tsx`,
    ...(index ? { index } : {}),
  }));
}

/** Every distinct webhook `uri` of an app toml (text), as a mount of the webhook route module. */
export function webhookMounts(tomlText: string): RouteMount[] {
  const toml = parse(tomlText) as { webhooks?: { subscriptions?: { uri?: string }[] } };
  const uris = new Set((toml.webhooks?.subscriptions ?? []).flatMap((s) => (s.uri?.startsWith("/") ? [s.uri] : [])));
  return [...uris].sort().map((uri) => ({ id: `routes/${flatName(uri.slice(1))}`, path: uri.slice(1), file: WEBHOOK_ROUTE_FILE }));
}

/** The mounts of this checkout (`root`: the folder holding shopify.app.toml and app/). */
export function routeMounts(root: string): RouteMount[] {
  return [...webhookMounts(readFileSync(join(root, "shopify.app.toml"), "utf8")), ...portalProxyMounts()];
}
