// Every route in the app (the files in app/routes/ and the mounts of app/route-mounts.ts, named as
// their own flat-route file would be), with what its public surface takes: the path params, query
// parameters and form fields a client controls, the valid values that let a hostile value reach
// past the first check, and the tables a success may legitimately change. A route missing here
// fails every-route.test.ts until it is added (or excluded, with the reason).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ruleRegistry } from "~/domain/routing/registry";
import { routeMounts, WEBHOOK_ROUTE_FILE } from "../../../app/route-mounts";

export type Surface = "webhook" | "proxy" | "portal" | "admin" | "site";

/** Valid values the test's setup knows (filled in beforeAll). */
export interface Known {
  shop: string;
  token: string;
  rma: string;
  returnId: string;
  trackingNumber: string;
  locationId: string;
  locationGid: string;
  orderGid: string;
  variantGid: string;
  lineItemId: string;
}

type Values = (k: Known) => Record<string, readonly string[]>;

export interface RouteSpec {
  surface: Surface;
  /** The URL path, `:name` for each path param. */
  path: string;
  params?: Values;
  query?: Values;
  /** The action's form fields (the route has an action when this is set). */
  form?: Values;
  /** Fields a well-formed submission carries (each kept, dropped or duplicated by the generator). */
  base?: (k: Known) => [string, string][];
  /** Tables a 2xx/3xx answer may change (a 4xx may change none). */
  writes?: readonly string[];
}

export type RouteEntry = RouteSpec | { excluded: string };

const shopParam: Values = (k) => ({ shop: [k.shop] });
const tokenParams: Values = (k) => ({ shop: [k.shop], token: [k.token] });
const rmaParams: Values = (k) => ({ shop: [k.shop], token: [k.token], rma: [k.rma, k.rma.toLowerCase()] });
const proxyLocale = { lang: ["en", "vi", "zh-CN"], locale: ["vi", "zh-CN"] };
const lookupForm: Values = () => ({ orderNumber: ["#1001", "1001"], contact: ["mai@example.com", "+84 90 123 4567"] });
const newReturnForm: Values = (k) => ({
  item: [k.lineItemId],
  [`quantity:${k.lineItemId}`]: ["1", "2"],
  [`reason:${k.lineItemId}`]: ["SIZE_TOO_SMALL", "DEFECTIVE", "OTHER"],
  [`note:${k.lineItemId}`]: ["Too small", ""],
  method: ["MAIL", "DROP_OFF"],
  store: [k.locationGid],
  outcome: ["REFUND", "STORE_CREDIT"],
});
const newReturnBase = (k: Known): [string, string][] => [
  ["item", k.lineItemId],
  [`reason:${k.lineItemId}`, "SIZE_TOO_SMALL"],
  ["method", "MAIL"],
];
const returnWrites = ["return_request", "return_line", "return_event", "email_message"] as const;

const ROOT = join(import.meta.dirname, "../../..");
const webhook: RouteSpec = { surface: "webhook", path: "/webhooks/:topic", writes: ["webhook_delivery"] };

export const ROUTES: Record<string, RouteEntry> = {
  // The site's front door and Shopify's OAuth endpoints (library-handled).
  "_index.tsx": { surface: "site", path: "/", query: () => ({ shop: ["x.myshopify.com"], host: ["YWRtaW4uc2hvcGlmeS5jb20"] }) },
  "auth.$.tsx": { surface: "site", path: "/auth/:*", params: () => ({ "*": ["callback", "session-token", "exit-iframe"] }), query: () => ({ shop: ["bad-input.myshopify.com"], code: ["x"], hmac: ["00"], state: ["s"], host: ["x"], timestamp: ["1"] }) },
  "auth.login/route.tsx": { surface: "site", path: "/auth/login", query: () => ({ shop: ["bad-input.myshopify.com", "bad-input"] }), form: () => ({ shop: ["bad-input.myshopify.com", "bad-input"] }) },
  // Carriers' webhooks: their refusals (unsigned or wrongly signed, a wrong secret, another shop's
  // order) are tested with each carrier (returns-admin/easypost-tracking.test.ts,
  // returns-admin/ghn-label.test.ts); not yet driven by this generator, which knows Shopify's surfaces only.
  "carriers.easypost.webhook.tsx": { excluded: "EasyPost's signed tracker webhook: four kinds of bad signature (401, nothing stored) are tested in returns-admin/easypost-tracking.test.ts" },
  "carriers.ghn.$secret.tsx": { excluded: "GHN's callback behind a secret path: a wrong secret (404) and foreign orders are tested in returns-admin/ghn-label.test.ts" },
  "demo.activity.tsx": { excluded: "demo only: answers 404 unless CROSSDOCK_DEMO is set outside production (app/demo/demo.server.ts); not served to the public" },
  "demo.login.tsx": { excluded: "demo only: answers 404 unless CROSSDOCK_DEMO is set outside production (app/demo/demo.server.ts); not served to the public" },
  "demo.storefront.$.tsx": { excluded: "demo only: answers 404 unless CROSSDOCK_DEMO is set outside production (app/demo/demo.server.ts); not served to the public" },

  // The embedded admin (staff, authenticated by Shopify's session token).
  "app.tsx": { surface: "admin", path: "/app", query: () => ({ shop: ["x"], host: ["x"], embedded: ["1"], locale: ["vi"] }) },
  "app._index.tsx": { surface: "admin", path: "/app", query: () => ({ period: ["7", "30", "90"], locale: ["vi", "zh-CN", "en"] }) },
  "app.activity.tsx": {
    surface: "admin",
    path: "/app/activity",
    query: () => ({ status: ["FAILED", "RECEIVED", "SKIPPED"], topic: ["orders/create"], cursor: ["x"] }),
    form: () => ({ intent: ["retry", "discard", "reconcile"], id: ["a", "b"] }),
    writes: ["webhook_delivery", "job_run"],
  },
  "app.activity.exports.$id.tsx": { surface: "admin", path: "/app/activity/exports/:id", params: () => ({ id: ["abcdefghij0123456789"] }) },
  "app.emails._index.tsx": { surface: "admin", path: "/app/emails", query: () => ({ status: ["FAILED", "OUTBOX", "SENT"], cursor: ["x"] }) },
  "app.emails.$id.tsx": { surface: "admin", path: "/app/emails/:id", params: () => ({ id: ["abcdefghij0123456789"] }), form: () => ({ intent: ["retry"] }), writes: ["email_message"] },
  // Viewing reads Crossdock's copy; "Refresh from Shopify" syncs the shop's locations (a write that no input chooses).
  "app.locations._index.tsx": { surface: "admin", path: "/app/locations", form: () => ({ intent: ["refresh"] }), writes: ["location"] },
  "app.locations.$id.tsx": {
    surface: "admin",
    path: "/app/locations/:id",
    params: (k) => ({ id: [k.locationId] }),
    // "save" the routing settings, or "pause" routing here (with a note) and "resume" it.
    form: () => ({ intent: ["save", "pause", "resume"], kind: ["WAREHOUSE", "STORE"], priority: ["1", "10"], dailyCapacity: ["", "50"], stockBuffer: ["", "2"], tags: ["a, b", ""], note: ["Closed for the day", ""] }),
    writes: ["location"],
  },
  "app.inventory.tsx": { surface: "admin", path: "/app/inventory", query: (k) => ({ q: ["tee", "SKU-1"], location: [k.locationId], page: ["1", "2"], locale: ["vi", "zh-CN"] }) },
  "app.settings._index.tsx": {
    surface: "admin",
    path: "/app/settings",
    form: () => ({
      portalBrandName: ["Northwind", ""],
      portalLogoUrl: ["https://cdn.example.com/logo.png", ""],
      portalBrandColor: ["#1a6b4f", ""],
      defaultLocale: ["en", "vi", "zh-CN"],
      showExactCounts: ["on", "off"],
      lowStockThreshold: ["3", "0"],
      stockBuffer: ["0", "2"],
      shipmentEmailStatuses: ["DELAYED,FAILURE", ""],
    }),
    base: () => [
      ["portalBrandName", "Northwind"],
      ["portalLogoUrl", ""],
      ["portalBrandColor", "#1a6b4f"],
      ["defaultLocale", "en"],
      ["lowStockThreshold", "3"],
      ["stockBuffer", "0"],
      ["shipmentEmailStatuses", "DELAYED"],
    ],
    writes: ["shop_settings"],
  },
  "app.returns._index.tsx": {
    surface: "admin",
    path: "/app/returns",
    query: () => ({ status: ["REQUESTED", "APPROVED"], reason: ["DEFECTIVE"], method: ["MAIL"], age: ["7"], location: ["x"], minValue: ["1"], maxValue: ["100"], q: ["R-1"], flagged: ["1"], cursor: ["x"], sort: ["oldest"] }),
    form: (k) => ({ decision: ["approve", "decline"], ids: [k.returnId], reason: ["FINAL_SALE", "OTHER"], note: ["no"] }),
    writes: returnWrites,
  },
  "app.returns.$id.tsx": {
    surface: "admin",
    path: "/app/returns/:id",
    params: (k) => ({ id: [k.returnId] }),
    form: (k) => ({ intent: ["approve", "decline", "receive", "close", "destination"], reason: ["FINAL_SALE", "OTHER"], note: ["no"], locationId: [k.locationGid], refund: ["on"], [`disposition:${k.returnId}`]: ["RESTOCKED"] }),
    writes: [...returnWrites, "inventory_level"],
  },
  "app.routing._index.tsx": {
    surface: "admin",
    path: "/app/routing",
    form: () => ({
      intent: ["move", "toggle", "remove", "add", "replace", "split-lines", "auto-routing", "holds"],
      holdUnpaid: ["OFF", "PENDING", "PENDING_OR_AUTHORIZED"],
      holdHighRisk: ["true", "false"],
      index: ["0", "1"],
      direction: ["up", "down"],
      type: ruleRegistry.definitions.filter((d) => d.fields.length > 0).map((d) => d.type),
      allow: ["true", "false"],
      enabled: ["true", "false"],
      // Every rule's editor fields, from the rule registry, each with a valid value.
      ...Object.fromEntries(
        ruleRegistry.definitions.flatMap((d) => d.fields.map((f) => [f.name, f.options ? [...f.options] : f.kind === "number" ? ["2"] : ["a"]])),
      ),
    }),
    writes: ["routing_rule_set", "shop_settings"],
  },
  "app.routing.attention.tsx": {
    surface: "admin",
    path: "/app/routing/attention",
    form: (k) => ({ intent: ["reroute", "assign", "release", "route-now"], decisionId: ["abcdefghij0123456789"], locationId: [k.locationGid], orderId: [k.orderGid] }),
    writes: ["routing_decision", "order"],
  },
  "app.routing.open-orders.tsx": {
    surface: "admin",
    path: "/app/routing/open-orders",
    query: () => ({ queued: ["1", ""] }),
    form: (k) => ({ intent: ["review", "route"], orderIds: [k.orderGid] }),
  },
  "app.routing.log._index.tsx": { surface: "admin", path: "/app/routing/log", query: (k) => ({ status: ["APPLIED", ""], order: ["#1001"], location: [k.locationGid, ""], page: ["1", "2"] }) },
  "app.routing.log.$id.tsx": { surface: "admin", path: "/app/routing/log/:id", params: () => ({ id: ["abcdefghij0123456789"] }), form: (k) => ({ intent: ["reroute", "unable"], locationId: [k.locationGid] }), writes: ["routing_decision", "order"] },
  "app.routing.simulator.tsx": {
    surface: "admin",
    path: "/app/routing/simulator",
    // A preview refreshes the stock it reads from Shopify (inventory levels): a write no input chooses.
    writes: ["inventory_level"],
    query: (k) => ({ mode: ["order", "custom"], order: [k.orderGid], a: ["rules"], b: ["cost-optimal"], compare: ["10"] }),
    form: (k) => ({
      intent: ["preview", "search", `add:${k.variantGid}`, "remove:0"],
      lineVariantId: [k.variantGid],
      lineQuantity: ["1", "3"],
      deliveryMethod: ["shipping", "pickup"],
      pickupLocationId: [k.locationGid],
      countryCode: ["VN", "US"],
      province: ["HCM"],
      city: ["Hồ Chí Minh"],
      postalCode: ["700000"],
      latitude: ["10.7"],
      longitude: ["106.7"],
      a: ["rules"],
      b: ["cost-optimal"],
      q: ["tee"],
    }),
  },
  "app.settings.returns.tsx": {
    surface: "admin",
    path: "/app/settings/returns",
    query: () => ({ preview: ["5", "20"] }),
    form: (k) => ({
      intent: ["policy", "outcomes", "destinations", "save-rule", "move-rule", "toggle-rule", "delete-rule"],
      index: ["new", "0"],
      direction: ["up", "down"],
      windowDays: ["30"],
      finalSaleTags: ["final-sale"],
      nonReturnableProductTypes: ["Gift card"],
      returnShippingFee: ["5.00"],
      postagePayer: ["LABEL", "FLAT", "MERCHANT"],
      postageCap: ["8.00", ""],
      freePostageReasons: ["DEFECTIVE", "WRONG_ITEM"],
      restockingFeePercent: ["10"],
      allowedMethods: ["MAIL", "DROP_OFF"],
      outcomes: ["REFUND", "STORE_CREDIT"],
      bonusKind: ["PERCENT", "FIXED"],
      bonusValue: ["10", "2.50"],
      ruleCountry: ["US", ""],
      ruleLocation: [k.locationGid, ""],
      mailReturnLocationIds: [k.locationGid],
      fallbackLocationId: [k.locationGid, ""],
      dropOffMaxDistanceKm: ["50"],
      "instructions:en": ["Ask at the till"],
      "instructions:vi": ["Hỏi ở quầy", ""],
      name: ["Small"],
      enabled: ["on"],
      daysMax: ["10"],
      valueMax: ["50"],
      reasons: ["DEFECTIVE"],
      methods: ["MAIL"],
      action: ["AUTO_APPROVE", "AUTO_DECLINE", "FLAG"],
      declineReason: ["FINAL_SALE"],
      flagReason: ["check"],
    }),
    writes: ["return_policy", "return_rule_set"],
  },

  // The customer portal on the app's host (shoppers).
  "portal.$shop._index.tsx": { surface: "portal", path: "/portal/:shop", params: shopParam, query: () => ({ lang: proxyLocale.lang }), form: lookupForm },
  "portal.$shop.o.$token._index.tsx": { surface: "portal", path: "/portal/:shop/o/:token", params: tokenParams, query: () => ({ lang: proxyLocale.lang }) },
  "portal.$shop.o.$token.return.tsx": { surface: "portal", path: "/portal/:shop/o/:token/return", params: tokenParams, query: () => ({ lang: proxyLocale.lang }), form: newReturnForm, base: newReturnBase, writes: returnWrites },
  "portal.$shop.o.$token.returns.$rma._index.tsx": { surface: "portal", path: "/portal/:shop/o/:token/returns/:rma", params: rmaParams, query: () => ({ lang: proxyLocale.lang }) },
  "portal.$shop.o.$token.returns.$rma.label.tsx": { surface: "portal", path: "/portal/:shop/o/:token/returns/:rma/label", params: rmaParams, query: () => ({ exp: ["9999999999"], sig: ["x"] }) },
  "portal.$shop.track.$number.tsx": { surface: "portal", path: "/portal/:shop/track/:number", params: (k) => ({ shop: [k.shop], number: [k.trackingNumber, "CD123456"] }) },

  // Shopify's app proxy (storefront → signed request): the portal and the availability block.
  "proxy.availability.tsx": { surface: "proxy", path: "/proxy/availability", query: (k) => ({ variant: ["1001", k.variantGid], lat: ["10.7"], lon: ["106.7"], country: ["VN"], zip: ["700000"], limit: ["5"] }) },
  "proxy.portal._index.tsx": { surface: "proxy", path: "/proxy/portal", query: () => proxyLocale, form: lookupForm },
  "proxy.portal.o.$token._index.tsx": { surface: "proxy", path: "/proxy/portal/o/:token", params: (k) => ({ token: [k.token] }), query: () => proxyLocale },
  "proxy.portal.o.$token.return.tsx": { surface: "proxy", path: "/proxy/portal/o/:token/return", params: (k) => ({ token: [k.token] }), query: () => proxyLocale, form: newReturnForm, base: newReturnBase, writes: returnWrites },
  "proxy.portal.o.$token.returns.$rma._index.tsx": { surface: "proxy", path: "/proxy/portal/o/:token/returns/:rma", params: (k) => ({ token: [k.token], rma: [k.rma] }), query: () => proxyLocale },
  "proxy.portal.o.$token.returns.$rma.label.tsx": { surface: "proxy", path: "/proxy/portal/o/:token/returns/:rma/label", params: (k) => ({ token: [k.token], rma: [k.rma] }), query: () => ({ exp: ["9999999999"], sig: ["x"] }) },

  // Webhooks (Shopify, HMAC-signed): the one webhook route module at each subscription's uri, one
  // entry per mount (a new topic's uri gets its own property with no line here).
  ...Object.fromEntries(routeMounts(ROOT).filter((m) => m.file === WEBHOOK_ROUTE_FILE).map((m) => [`${m.id.replace(/^routes\//, "")}.tsx`, webhook])),
};

export const ROUTES_DIR = join(ROOT, "app/routes");

/** The mounts of app/route-mounts.ts by the name ROUTES gives them ("proxy.portal._index.tsx" → its module, relative to app/). */
const MOUNTS = new Map(routeMounts(ROOT).map((m) => [`${m.id.replace(/^routes\//, "")}.tsx`, m.file]));

/** Every route: the modules under app/routes/ (flat files, and folders' route.tsx) and the mounts, as ROUTES names them. */
export function routeFiles(): string[] {
  const files: string[] = [...MOUNTS.keys()];
  for (const name of readdirSync(ROUTES_DIR)) {
    if (statSync(join(ROUTES_DIR, name)).isDirectory()) {
      for (const inner of readdirSync(join(ROUTES_DIR, name))) if (/^route\.(tsx?|jsx?)$/.test(inner)) files.push(`${name}/${inner}`);
    } else if (/\.(tsx?|jsx?)$/.test(name)) files.push(name);
  }
  return files.sort();
}

/** The module of a route ROUTES names, relative to app/: a mount's module, else the file in app/routes/. */
export function routeModuleFile(name: string): string {
  return MOUNTS.get(name) ?? `routes/${name}`;
}

export function routesOf(surfaces: readonly Surface[]): [string, RouteSpec][] {
  return Object.entries(ROUTES).filter((e): e is [string, RouteSpec] => !("excluded" in e[1]) && surfaces.includes(e[1].surface));
}
