// The bad-input tests' harness: a shop installed against the simulator (the demo shop's catalogue),
// one delivered order with a return on it, and the helpers that turn a generated hostile input into
// the Request Remix would hand the route, call the route's loader or action in-process, and check
// the answer: never a 5xx, a 4xx that says what is wrong in words (or in the portal's translated
// codes), and nothing written by a refusal.
import "./env";
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import fc from "fast-check";
import { expect } from "vitest";
import { prisma } from "~/db.server";
import type { JobDriver } from "~/queue/driver";
import { installJobDriver } from "~/queue/handle.server";
import { CSRF_COOKIE, CSRF_FIELD, issueCsrfToken } from "~/portal/csrf.server";
import { installLookupRateLimiter, memoryLookupLimiter } from "~/security/rate-limit.server";
import { issueOrderAccessToken } from "~/security/tokens.server";
import { redirectAdminApiTo } from "~/shopify/admin-origin.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { requestReturn } from "~/services/request-return.server";
import { loadReturnOptions } from "~/services/load-return-options.server";
import { syncLocations } from "~/services/sync-locations.server";
import { resilientGraphql } from "~/shopify/resilient-graphql";
import { forwardedProxyQuery } from "../../../simulator/app-proxy";
import { buildDemoShop } from "../../../simulator/seed/demo-shop";
import { createTestShop, quoteIdent, resetDatabase } from "../../setup/db";
import { startTestSimulator, TOKEN, type TestSimulator } from "../../simulator/helpers";
import { simulatorAdminGraphql } from "../../support/simulator-admin";
import { API_KEY, API_SECRET, APP } from "./env";
import { bodyShape, encodeBody, encodeFields, encodeHostile, hostileFields, hostileHeaders, hostileText, OVERLONG, type BodyShape, type Fields } from "./hostile";
import type { Known, RouteSpec } from "./routes";

export const PEER = "x-crossdock-peer-address";
const seed = buildDemoShop({ now: new Date() });
export const SHOP = seed.shop.domain;
const CSRF_COOKIE_VALUE = "badinputcsrfcookie0123456789";

export interface Harness {
  sim: TestSimulator;
  known: Known;
  enqueued: string[];
  close(): Promise<void>;
}

/** A queue that only records: the tests are about what a request stores and queues, not what runs. */
function recordingDriver(enqueued: string[]): JobDriver {
  return {
    kind: "inline",
    enqueueDelivery: async ({ webhookId }) => void enqueued.push(webhookId),
    retryDeliveries: async () => undefined,
    discardDeliveries: async () => undefined,
    enqueueEmail: async ({ messageId }) => void enqueued.push(messageId),
    requestReconcile: async () => undefined,
    requestRouteOrders: async () => undefined,
    close: async () => undefined,
  };
}

export async function startHarness(): Promise<Harness> {
  const enqueued: string[] = [];
  installJobDriver(recordingDriver(enqueued));
  // Generous limits: the property tests want hostile values to reach past the limiter (the limit's
  // own behaviour under bad input is a test of its own).
  installLookupRateLimiter(memoryLookupLimiter({ perIp: 1_000_000, perOrder: 1_000_000, windowSeconds: 900 }));
  const sim = await startTestSimulator({ apiKey: API_KEY, apiSecret: API_SECRET, seed, accessToken: TOKEN });
  await import("~/shopify.server");
  redirectAdminApiTo(sim.sim.url);
  await resetDatabase();
  const shop = await createTestShop({ domain: SHOP, name: seed.shop.name, timezone: "UTC", currency: "USD" });
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: TOKEN, scope: "read_orders,write_returns" } });
  const graphql = resilientGraphql(simulatorAdminGraphql(() => sim.sim.url, SHOP, TOKEN));
  const locations = await syncLocations(shop, graphql);

  // A paid order, shipped and delivered three days ago, with a return requested on one unit.
  const control = async (method: string, path: string, body?: unknown) => {
    const result = await sim.control(method, `/_control/shops/${SHOP}${path}`, body);
    if (result.status >= 300) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body as Record<string, unknown>;
  };
  const sku = seed.products.find((p) => p.status === "ACTIVE" && p.tags.includes("basics") && !p.tags.includes("final-sale"))!.variants[0]!.sku;
  const created = (await control("POST", "/orders", {
    lines: [{ sku, quantity: 3 }],
    email: "mai@example.com",
    customer: { email: "mai@example.com", firstName: "Mai", lastName: "Nguyễn" },
    shippingAddress: { firstName: "Mai", lastName: "Nguyễn", address1: "12 Lê Lợi", city: "Hồ Chí Minh", zip: "700000", country: "Vietnam", countryCode: "VN", latitude: 10.7769, longitude: 106.7009 },
    financialStatus: "PAID",
  })) as { order: { id: string } };
  const orderId = created.order.id;
  const shipped = (await control("POST", "/fulfillments", { orderId, tracking: { company: "VNPost", number: "EE123456789VN" } })) as { fulfillments: { id: string }[] };
  for (const f of shipped.fulfillments) await control("POST", `/fulfillments/${encodeURIComponent(f.id)}/deliver`, { at: new Date(Date.now() - 3 * 86_400_000).toISOString() });
  const loaded = await loadReturnOptions({ shop, graphql, orderId });
  if (loaded.status !== "ok") throw new Error("the harness order was not found");
  const item = loaded.options.items.find((i) => i.eligible)!;
  const requested = await requestReturn({
    shop,
    graphql,
    orderId,
    locale: "en",
    actor: "shopper",
    selection: { items: [{ fulfillmentLineItemId: item.line.fulfillmentLineItemId, quantity: "1", reason: "SIZE_TOO_SMALL", note: "" }], method: "MAIL", dropOffLocationId: null },
  });
  if (requested.status !== "created") throw new Error(`the harness return: ${JSON.stringify(requested)}`);
  const variants = await sim.gql(`{ productVariants(first: 1, query: "sku:${sku}") { nodes { id } } }`, {}, { shop: SHOP });
  const variantGid = (variants.data as { productVariants: { nodes: { id: string }[] } }).productVariants.nodes[0]!.id;

  const known: Known = {
    shop: SHOP,
    token: issueOrderAccessToken({ shopId: shop.id, orderId }),
    rma: requested.ret.rma,
    returnId: requested.ret.id,
    trackingNumber: requested.ret.labelTrackingNumber ?? "CD0000000000",
    locationId: locations[0]!.id,
    locationGid: locations[0]!.shopifyId,
    orderGid: orderId,
    variantGid,
    lineItemId: item.line.fulfillmentLineItemId,
  };
  return {
    sim,
    known,
    enqueued,
    async close() {
      installJobDriver(undefined);
      installLookupRateLimiter(undefined);
      await sim.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// What a request changed: every table's row count and newest row version (updates count, not only inserts and deletes).

let tables: string[] | null = null;

export async function snapshot(): Promise<Map<string, string>> {
  tables ??= (
    await prisma.$queryRaw<Array<{ table: string }>>`
      SELECT c.relname::text AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY 1`
  ).map((t) => t.table);
  // A row inserted or updated gets a newer xmin; a row deleted lowers the count. Cheap: no row is read whole.
  const sql = tables.map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS h FROM ${quoteIdent(t)}`).join(" UNION ALL ");
  const rows = await prisma.$queryRawUnsafe<Array<{ t: string; h: string }>>(sql);
  return new Map(rows.map((r) => [r.t, r.h]));
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([t, h]) => before.get(t) !== h).map(([t]) => t);
}

// ---------------------------------------------------------------------------------------------
// Requests.

export interface Hostile {
  action: boolean;
  params: Record<string, string>;
  query: Fields;
  form: Fields;
  shape: BodyShape;
  headers: Fields;
  /** Portal forms: the CSRF field as the page wrote it, absent, or something else. */
  csrf: "valid" | "missing" | "hostile";
  /** App proxy: Shopify's signature, none, or a wrong one; `proxyShop` is the shop it names. */
  signature: "valid" | "missing" | "tampered";
  proxyShop: string;
}

export function hostileInput(spec: RouteSpec, known: Known, hasAction: boolean): fc.Arbitrary<Hostile> {
  const params = spec.params?.(known) ?? {};
  return fc.record({
    action: hasAction ? fc.boolean() : fc.constant(false),
    params: fc.record(Object.fromEntries(Object.entries(params).map(([k, valid]) => [k, fc.oneof(fc.constantFrom(...valid), hostileText)]))),
    query: hostileFields(spec.query?.(known) ?? {}),
    form: hostileFields(spec.form?.(known) ?? {}, spec.base?.(known) ?? []),
    shape: bodyShape,
    headers: hostileHeaders,
    csrf: fc.constantFrom("valid", "valid", "valid", "missing", "hostile"),
    signature: fc.constantFrom("valid", "valid", "valid", "valid", "missing", "tampered"),
    // The shop a valid signature names: the installed one, mostly; else anything (a signed request from another app's shop).
    proxyShop: fc.oneof({ weight: 5, arbitrary: fc.constant(SHOP) }, { weight: 1, arbitrary: hostileText.filter((s) => !/\p{Cs}/u.test(s)) }),
  }) as fc.Arbitrary<Hostile>;
}

function pathOf(spec: RouteSpec, params: Record<string, string>): string {
  return spec.path.replace(/:(\*|\w+)/g, (_, name: string) => encodeHostile(params[name] ?? "").replace(/%2F/g, name === "*" ? "/" : "%2F"));
}

let bearer: { value: string; at: number } | null = null;

/** Shopify admin's session token for the shop (refreshed every 30 s; it lives a minute). */
async function adminAuthorization(): Promise<string> {
  if (!bearer || Date.now() - bearer.at > 30_000) {
    const request = await setUpValidRequest({ type: RequestType.Bearer, store: SHOP.replace(".myshopify.com", ""), apiKey: API_KEY, apiSecretKey: API_SECRET }, new Request(APP));
    bearer = { value: request.headers.get("authorization")!, at: Date.now() };
  }
  return bearer.value;
}

export async function buildRequest(spec: RouteSpec, input: Hostile): Promise<Request> {
  let query = encodeFields(input.query);
  if (spec.surface === "proxy") {
    query = forwardedProxyQuery(query, { shop: input.proxyShop, pathPrefix: "/apps/crossdock", secret: API_SECRET });
    if (input.signature === "missing") query = query.replace(/&signature=[0-9a-f]+$/, "");
    if (input.signature === "tampered") query = query.replace(/.$/, (c) => (c === "0" ? "1" : "0"));
  }
  const url = `${APP}${pathOf(spec, input.params)}${query ? `?${query}` : ""}`;
  const headers = new Headers();
  if (spec.surface === "portal" || spec.surface === "proxy") {
    headers.set(PEER, "203.0.113.77");
    if (spec.surface === "portal") headers.set("Cookie", `${CSRF_COOKIE}=${CSRF_COOKIE_VALUE}`);
  }
  if (spec.surface === "admin") headers.set("Authorization", await adminAuthorization());
  for (const [name, value] of input.headers) headers.set(name, value);
  if (!input.action) return new Request(url, { method: "GET", headers });

  const fields: Fields = [...input.form];
  if (spec.surface === "portal" || spec.surface === "proxy") {
    const binding = spec.surface === "proxy" ? { kind: "proxy" as const, value: `proxy|${input.proxyShop}|` } : { kind: "cookie" as const, value: CSRF_COOKIE_VALUE };
    if (input.csrf === "valid") fields.unshift([CSRF_FIELD, issueCsrfToken(binding)]);
    if (input.csrf === "hostile") fields.unshift([CSRF_FIELD, "9999999999.AAAA"]);
  }
  const { body, contentType } = encodeBody(input.shape, fields);
  if (contentType && !input.headers.some(([n]) => n.toLowerCase() === "content-type")) headers.set("Content-Type", contentType);
  return new Request(url, { method: "POST", headers, body });
}

// ---------------------------------------------------------------------------------------------
// Webhooks: Shopify's headers and a signed (or not) body.

export interface HostileWebhook {
  method: "POST" | "GET" | "PUT";
  body: string;
  signed: "valid" | "missing" | "wrong";
  /** Header values: the usual one or a hostile one (undefined: header left out). */
  headers: Record<string, string | undefined>;
}

const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, hostileText.filter((s) => s.length < 2_000), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 4 }), fc.dictionary(hostileText.filter((s) => s.length < 200), tie("value"), { maxKeys: 4 })),
})).value;

const deep = (n: number) => `{"id":1,"a":${"[".repeat(n)}${"]".repeat(n)}}`;

export function hostileWebhook(topic: string): fc.Arbitrary<HostileWebhook> {
  const header = (usual: string) => fc.oneof({ weight: 4, arbitrary: fc.constant<string | undefined>(usual) }, fc.constant(undefined), hostileHeaderValue);
  return fc.record({
    method: fc.constantFrom<HostileWebhook["method"]>("POST", "POST", "POST", "POST", "GET", "PUT"),
    body: fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(hostileText.filter((s) => s.length < 200), jsonValue, { maxKeys: 5 }).map((o) => JSON.stringify({ id: 820982911946154, ...o })) },
      { weight: 2, arbitrary: fc.constantFrom("[]", '"x"', "3", "null", "", "{", "not json", '{"id":1}\u0000', '{"a":"\\ud800"}', '{"\\u0000":1}', `{"id":1,"x":"${"y".repeat(OVERLONG)}"}`, '{"id":1e999}', '{"id":1,"id":2}', deep(100), deep(101), deep(100_000)) },
      { weight: 1, arbitrary: jsonValue.map((v) => JSON.stringify(v) ?? "null") },
    ),
    signed: fc.constantFrom<HostileWebhook["signed"]>("valid", "valid", "valid", "valid", "missing", "wrong"),
    headers: fc.record({
      "X-Shopify-Topic": header(topic),
      "X-Shopify-Shop-Domain": fc.oneof({ weight: 4, arbitrary: fc.constant<string | undefined>(SHOP) }, fc.constantFrom("never-installed.myshopify.com", "../../etc/passwd", "SHOP.MYSHOPIFY.COM"), hostileHeaderValue),
      "X-Shopify-API-Version": header(ADMIN_API_VERSION),
      "X-Shopify-Webhook-Id": fc.oneof({ weight: 3, arbitrary: fc.constant<string | undefined>("fresh") }, fc.constant(undefined), hostileHeaderValue),
      "X-Shopify-Triggered-At": header(new Date().toISOString()),
      "X-Shopify-Event-Id": header("e1"),
    }),
  });
}

/** `length` printable ASCII characters from a xorshift generator: nothing for a compressor to find. */
function incompressible(length: number, seed: number): string {
  let x = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCharCode(0x21 + ((x >>> 0) % 94));
  }
  return out;
}

/** Header values a client can send (Latin-1 without NUL, CR, LF), up to 16,000 characters. */
const hostileHeaderValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 40 }),
  fc.constantFrom(16_000, 3_000, 500).map((n) => "w".repeat(n)),
  // Long and incompressible (an index entry cannot be squeezed under PostgreSQL's 2,704-byte limit).
  fc.tuple(fc.integer({ min: 3_000, max: 12_000 }), fc.integer({ min: 1, max: 0x7fffffff })).map(([n, seed]) => incompressible(n, seed)),
  fc.constantFrom(" ", "0", "-1", "9999-99-99T99:99:99Z", "\u00ff\u00fe", "orders/create\t", "unsupported/topic", "2099-01"),
).map((v): string | undefined => v);

/** The hostile delivery, posted to `uriTopic`'s uri: the route is mounted only at the subscribed uris. */
export function webhookRequest(input: HostileWebhook, uriTopic: string): Request {
  const headers = new Headers({ "Content-Type": "application/json" });
  for (const [name, value] of Object.entries(input.headers)) {
    if (value === undefined) continue;
    headers.set(name, name === "X-Shopify-Webhook-Id" && value === "fresh" ? randomUUID() : value);
  }
  if (input.signed !== "missing") {
    const hmac = createHmac("sha256", input.signed === "valid" ? API_SECRET : "wrong-secret").update(input.body, "utf8").digest("base64");
    headers.set("X-Shopify-Hmac-Sha256", hmac);
  }
  return new Request(`${APP}/webhooks/${uriTopic}`, { method: input.method, headers, body: input.method === "GET" ? null : input.body });
}

// ---------------------------------------------------------------------------------------------
// Calling a route as Remix does, and judging the answer.

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, never> }) => unknown;
export interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

export interface Answer {
  status: number;
  /** The body as the client gets it: text, or the JSON a loader's data serializes to. */
  text: string;
  contentType: string | null;
}

/** Runs the handler; a thrown Response is the answer (as Remix renders it), a thrown error a 500. */
export async function invoke(handler: Handler, request: Request, params: Record<string, string>): Promise<Answer> {
  let value: unknown;
  try {
    value = await handler({ request, params, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) value = thrown;
    else return { status: 500, text: `thrown: ${thrown instanceof Error ? `${thrown.name}: ${thrown.message}\n${thrown.stack ?? ""}` : String(thrown)}`, contentType: null };
  }
  if (value instanceof Response) return { status: value.status, text: await value.text(), contentType: value.headers.get("Content-Type") };
  // Remix's data(value, init): { type: "DataWithResponseInit", data, init }.
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, text: JSON.stringify(data) ?? "null", contentType: "application/json" };
  }
  return { status: 200, text: JSON.stringify(value) ?? "null", contentType: "application/json" };
}

/** Every key path of a locale file ("errors.csrf.title"). */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keyPaths(v, prefix ? `${prefix}.${k}` : k));
}

const LOCALES = ["en", "vi", "zh-CN"] as const;
const translated = LOCALES.map((locale) =>
  ["portal", "returns"].flatMap((ns) => keyPaths(JSON.parse(readFileSync(join(import.meta.dirname, `../../../app/locales/${locale}/${ns}.json`), "utf8")))),
);

/** Codes a portal page shows under a message key of another name (app/portal/LookupPage.tsx). */
const SHOWN_AS: Record<string, string> = { no_match: "lookup.notFound", rate_limited: "lookup.rateLimited" };

/** True when `code` names a message the portal has in every language (as a key or a key's parent). */
function portalMessage(code: string): boolean {
  const key = SHOWN_AS[code] ?? code;
  return translated.every((paths) => paths.some((p) => p === key || p.endsWith(`.${key}`) || p.includes(`.${key}.`)));
}

const SERVER_ERROR = /Unexpected Server Error|\n\s+at .+:\d+:\d+|PrismaClient|TypeError|RangeError|SyntaxError|ReferenceError/;

/** Why a 4xx answer does not say clearly what was wrong, or null when it does. `portalPage`: a JSON error is a code the page translates. */
export function unclearRefusal(answer: Answer, portalPage: boolean): string | null {
  const text = answer.text.trim();
  if (SERVER_ERROR.test(text)) return `internals in the body: ${text.slice(0, 300)}`;
  if (!text) return "an empty body";
  if (answer.contentType?.includes("json")) {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return `a JSON Content-Type with a body that is not JSON: ${text.slice(0, 100)}`;
    }
    if (portalPage) {
      // The portal's pages render these codes in the shopper's language: each must be translated.
      for (const key of ["portalError", "error", "formError"] as const) {
        const code = body[key];
        if (typeof code === "string") return portalMessage(code) ? null : `the portal code ${key}=${code} has no message in every language`;
      }
      if (Array.isArray(body.errors) && body.errors.length > 0) return null;
      if (typeof body.error === "string" && body.error) return null;
      return `no error in ${text.slice(0, 200)}`;
    }
    const message = body.error ?? body.message ?? body.errors;
    if (typeof message === "string" && message.trim()) return null;
    if (message && typeof message === "object" && Object.keys(message).length > 0) return null;
    return `no message in ${text.slice(0, 200)}`;
  }
  return text.length <= 2_000 ? null : `a ${text.length}-character body`;
}

/**
 * Checks one answer: below 500; a 4xx clearly worded and with nothing written; a success writes
 * only where the route may write.
 */
export function judge(route: string, spec: Pick<RouteSpec, "path" | "writes">, answer: Answer, changed: string[], describe: () => string): void {
  const where = () => `${route} answered ${answer.status} to ${describe()}`;
  expect(answer.status, `${where()}\n${answer.text.slice(0, 1_500)}`).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(unclearRefusal(answer, /^\/(portal|proxy\/portal)(\/|$)/.test(spec.path)), where()).toBeNull();
    expect(changed, `${where()}: a refusal changed tables`).toEqual([]);
  } else {
    const unexpected = changed.filter((t) => !(spec.writes ?? []).includes(t));
    expect(unexpected, `${where()}: a success changed tables it does not own`).toEqual([]);
  }
}

/** A short, printable description of a generated input (fast-check prints the counterexample too). */
export function summarize(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === "string" && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : v)).slice(0, 2_000);
}
