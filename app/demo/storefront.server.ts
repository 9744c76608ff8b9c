/**
 * The storefront harness (demo mode only): plays the part of a Shopify online store for the theme
 * app extension, so that the block runs in a browser as it would on a store.
 *
 * - Product pages render the block's real Liquid (extensions/crossdock-availability/blocks) with a
 *   real Liquid engine (liquidjs), Shopify's `t` filter over the extension's locales, and the
 *   objects the block reads (product, block settings from its schema, app metafields,
 *   localization), inside a minimal product page with a variant picker like Dawn's.
 * - `/{prefix}/{subpath}/*` (shopify.app.toml) is forwarded to the app over HTTP, signed exactly as
 *   Shopify's app proxy signs it (shop, logged_in_customer_id, path_prefix, timestamp, signature).
 * - `/cart.js` and `/cart/update.js` keep the cart's attributes in a cookie, with Shopify's JSON;
 *   `/cart/add` (the product form) adds the variant and opens `/cart`, the cart page, which shows the
 *   items and the pickup store the block wrote to the cart attribute.
 *
 * Everything lives under /demo/storefront/ (Shopify.routes.root) and answers 404 outside demo mode.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { Liquid, Tag, TagToken as LiquidTagToken, type Liquid as LiquidEngine, type TopLevelToken } from "liquidjs";
import { appProxyConfig } from "~/config/app-proxy";
import { env } from "~/env.server";
import { PICKUP_LOCATION_ATTRIBUTE } from "~/domain/availability";
import { hasInventoryLevels } from "~/models/inventory-sync.server";
import { listLocations } from "~/models/locations.server";
import { getShop } from "~/models/shops.server";
import { PROXY_PATH_METAFIELD } from "~/services/publish-storefront-config.server";
import { inventorySyncInProgress } from "~/services/sync-inventory.server";
import { getAppMetafield } from "~/shopify/app-metafields";
import { fetchCartVariants } from "~/shopify/cart-variants";
import { fetchProductByHandle, fetchProductHandles, type StorefrontProduct } from "~/shopify/products";
import { offlineAdminGraphql } from "~/shopify.server";
import { PEER_ADDRESS_HEADER } from "~/http/client-address.server";
// The harness plays Shopify's app proxy: it signs with the simulator's signer, written from shopify.dev.
import { signedProxyParams } from "../../simulator/app-proxy";
import { signInToDemoShop } from "./demo.server";

export const STOREFRONT_ROOT = "/demo/storefront/";
const EXTENSION_DIR = resolve(process.cwd(), "extensions", "crossdock-availability");
const BLOCK_FILE = join(EXTENSION_DIR, "blocks", "pickup-availability.liquid");
const LOCALES = new Map([
  ["en", "en.default"],
  ["vi", "vi"],
  ["zh-CN", "zh-CN"],
]);
const CART_COOKIE = "crossdock_demo_cart";

// ---------------------------------------------------------------------------------------------
// Demo shop readiness: the harness needs the shop installed (session, locations, stock).
// ---------------------------------------------------------------------------------------------

let ready: Promise<void> | null = null;

async function ensureShopReady(shop: string): Promise<void> {
  const existing = await getShop(shop);
  if (!existing || existing.uninstalledAt || !(await hasInventoryLevels(existing))) {
    ready ??= signInToDemoShop(shop)
      .then(() => undefined)
      .finally(() => {
        ready = null;
      });
    await ready;
  }
  // A storefront shows the shop's stock: wait for the initial sync the sign-in started.
  await inventorySyncInProgress(shop);
}

async function adminGraphql(shop: string) {
  await ensureShopReady(shop);
  return offlineAdminGraphql(shop);
}

// ---------------------------------------------------------------------------------------------
// Liquid
// ---------------------------------------------------------------------------------------------

type Translations = Record<string, unknown>;

async function readJson(path: string): Promise<Translations> {
  return JSON.parse(await readFile(path, "utf8")) as Translations;
}

function lookup(tree: Translations, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Translations)[part] : undefined), tree);
}

/** `{% schema %}…{% endschema %}` renders nothing on a storefront. */
class SchemaTag extends Tag {
  constructor(token: LiquidTagToken, remainTokens: TopLevelToken[], liquid: LiquidEngine) {
    super(token, remainTokens, liquid);
    while (remainTokens.length > 0) {
      const next = remainTokens.shift();
      if (next instanceof LiquidTagToken && next.name === "endschema") return;
    }
    throw new Error("{% schema %} is not closed");
  }
  render(): void {}
}

function createEngine(translations: Translations, fallback: Translations): LiquidEngine {
  const liquid = new Liquid({ strictFilters: true, ownPropertyOnly: true });
  liquid.registerTag("schema", SchemaTag);
  // Shopify's `t`: the shopper's locale, then the default locale; `{{ name }}` interpolation.
  liquid.registerFilter("t", (key: string, ...args: unknown[]) => {
    const value = lookup(translations, key) ?? lookup(fallback, key);
    if (typeof value !== "string") return `translation missing: ${key}`;
    const vars = Object.fromEntries(args.filter(Array.isArray) as [string, unknown][]);
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_all, name: string) => String(vars[name] ?? ""));
  });
  return liquid;
}

interface SchemaSetting {
  id?: string;
  type: string;
  default?: unknown;
  min?: number;
  max?: number;
}

function blockSettings(source: string, overrides: URLSearchParams): Record<string, unknown> {
  const match = /\{%-?\s*schema\s*-?%\}([\s\S]*?)\{%-?\s*endschema\s*-?%\}/.exec(source);
  const schema = JSON.parse(match?.[1] ?? "{}") as { settings?: SchemaSetting[] };
  const settings: Record<string, unknown> = {};
  for (const setting of schema.settings ?? []) {
    if (!setting.id) continue;
    let value = setting.default ?? (setting.type === "checkbox" ? false : "");
    // ?setting.<id>=… plays the merchant's theme-editor choice.
    const override = overrides.get(`setting.${setting.id}`);
    if (override !== null) {
      if (setting.type === "checkbox") value = override === "true";
      else if (setting.type === "range" || setting.type === "number") {
        const n = Number(override);
        if (Number.isFinite(n)) value = Math.min(setting.max ?? n, Math.max(setting.min ?? n, n));
      } else value = override;
    }
    settings[setting.id] = value;
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Pages
// ---------------------------------------------------------------------------------------------

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function layout(input: { title: string; lang: string; body: string; head?: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(input.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)} · Crossdock demo storefront</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; }
  header { padding: 1rem 2rem; border-bottom: 1px solid #ddd; }
  main { max-width: 40rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
  select, button { font: inherit; }
  .price { font-size: 1.25rem; }
</style>
${input.head ?? ""}
</head>
<body>
<header><a href="${STOREFRONT_ROOT}">Crossdock demo storefront</a> · harness for the theme app extension</header>
<main>
${input.body}
</main>
</body>
</html>`;
}

export async function renderIndex(shop: string): Promise<Response> {
  const products = await fetchProductHandles(await adminGraphql(shop));
  const items = products
    .map((p) => `<li><a href="${STOREFRONT_ROOT}products/${encodeURIComponent(p.handle)}">${escapeHtml(p.title)}</a></li>`)
    .join("\n");
  return html(layout({ title: "Products", lang: "en", body: `<h1>Products</h1>\n<ul>${items}</ul>` }));
}

export async function renderProductPage(shop: string, handle: string, url: URL): Promise<Response> {
  const graphql = await adminGraphql(shop);
  const [product, proxyPath] = await Promise.all([
    fetchProductByHandle(graphql, handle),
    // What Shopify hands the block as app.metafields.crossdock.proxy_path: what the app published.
    getAppMetafield(graphql, PROXY_PATH_METAFIELD.namespace, PROXY_PATH_METAFIELD.key),
  ]);
  if (!product || product.variants.length === 0) return new Response("Not Found", { status: 404 });
  const locale = LOCALES.has(url.searchParams.get("locale") ?? "") ? url.searchParams.get("locale")! : "en";
  const selected =
    product.variants.find((v) => v.legacyId === url.searchParams.get("variant")) ??
    product.variants.find((v) => v.availableForSale) ??
    product.variants[0]!;

  const [source, translations, fallback] = await Promise.all([
    readFile(BLOCK_FILE, "utf8"),
    readJson(join(EXTENSION_DIR, "locales", `${LOCALES.get(locale)}.json`)),
    readJson(join(EXTENSION_DIR, "locales", "en.default.json")),
  ]);
  const block = await createEngine(translations, fallback).parseAndRender(source, {
    product: {
      id: product.legacyId,
      title: product.title,
      handle: product.handle,
      selected_or_first_available_variant: { id: selected.legacyId, title: selected.title },
    },
    block: { id: "crossdock-availability-1", settings: blockSettings(source, url.searchParams), shopify_attributes: "" },
    // A store's proxy path is relative to the shop's root; here that is the harness's root.
    app: { metafields: { crossdock: { proxy_path: proxyPath ? { value: `${STOREFRONT_ROOT.replace(/\/$/, "")}${proxyPath}` } : null } } },
    localization: { country: { iso_code: url.searchParams.get("country") ?? "US" } },
  });
  return html(layout({ title: product.title, lang: locale, head: assetTags(), body: productBody(product, selected.legacyId, block) }));
}

function assetTags(): string {
  // Shopify injects an app block's `stylesheet` and `javascript` (deferred) into the page.
  return `<script>window.Shopify = { routes: { root: ${JSON.stringify(STOREFRONT_ROOT)} } };</script>
<link rel="stylesheet" href="${STOREFRONT_ROOT}assets/crossdock-availability.css">
<script src="${STOREFRONT_ROOT}assets/crossdock-availability.js" defer></script>`;
}

function productBody(product: StorefrontProduct, selected: string, block: string): string {
  const options = product.variants
    .map((v) => `<option value="${v.legacyId}" data-price="${escapeHtml(v.price)}"${v.legacyId === selected ? " selected" : ""}>${escapeHtml(v.title)} (${escapeHtml(v.sku ?? "")})</option>`)
    .join("");
  const price = product.variants.find((v) => v.legacyId === selected)?.price ?? "";
  return `<h1>${escapeHtml(product.title)}</h1>
<p class="price" data-price>$${escapeHtml(Number(price).toFixed(2))}</p>
<form action="${STOREFRONT_ROOT}cart/add" method="post" data-product-form>
  <label for="variant">Variant</label>
  <select id="variant" name="id">${options}</select>
  <input type="hidden" name="quantity" value="1">
  <button type="submit">Add to cart</button>
</form>
${block}
<section data-below-block><h2>Description</h2><p>${escapeHtml(product.description)}</p></section>
<script>
  // Like Dawn: a new variant updates the price and the URL's ?variant=.
  document.getElementById("variant").addEventListener("change", function (event) {
    var option = event.target.selectedOptions[0];
    document.querySelector("[data-price]").textContent = "$" + Number(option.dataset.price).toFixed(2);
    var url = new URL(location.href);
    url.searchParams.set("variant", option.value);
    history.replaceState(null, "", url);
  });
</script>`;
}

function html(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export async function serveAsset(file: string): Promise<Response> {
  const names = await readdir(join(EXTENSION_DIR, "assets"));
  if (!/^[\w.-]+\.(js|css)$/.test(file) || !names.includes(file)) return new Response("Not Found", { status: 404 });
  const type = file.endsWith(".js") ? "text/javascript" : "text/css";
  return new Response(await readFile(join(EXTENSION_DIR, "assets", file)), {
    headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "no-cache" },
  });
}

// ---------------------------------------------------------------------------------------------
// App proxy
// ---------------------------------------------------------------------------------------------

/** The path under the storefront root that Shopify would proxy, or null. */
export function proxiedPath(path: string): string | null {
  const { prefix, subpath } = appProxyConfig();
  const base = `${prefix}/${subpath}`;
  if (path === base) return "";
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : null;
}

/** Forwards a storefront request under /{prefix}/{subpath}/ to the app, signed like Shopify. */
export async function forwardToApp(request: Request, shop: string, rest: string): Promise<Response> {
  const config = env();
  const proxy = appProxyConfig();
  const query = signedProxyParams(new URL(request.url).searchParams, {
    shop,
    // The harness's storefront root is /demo/storefront: the prefix as the shopper's browser sees
    // it, so that links the app builds from path_prefix (the customer portal) work here too.
    pathPrefix: `/demo/storefront${proxy.storefrontPath}`,
    secret: config.SHOPIFY_API_SECRET,
  });
  const target = `${config.SHOPIFY_APP_URL.replace(/\/$/, "")}${proxy.appPath}/${rest}?${query}`;
  const headers = new Headers();
  for (const name of ["accept", "accept-language", "content-type", "if-none-match", "user-agent"]) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  // As Shopify's app proxy does: the shopper's address in X-Forwarded-For (authenticate-app-proxies).
  const shopper = request.headers.get(PEER_ADDRESS_HEADER);
  if (shopper) headers.set("X-Forwarded-For", shopper);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  let upstream: Response;
  try {
    upstream = await fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? await request.arrayBuffer() : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    // What a shopper gets when Shopify cannot reach the app.
    return new Response("<h1>Bad Gateway</h1><p>The app could not be reached.</p>", {
      status: 502,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const out = new Headers();
  for (const name of ["content-type", "cache-control", "etag", "location"]) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(upstream.status === 304 ? null : await upstream.arrayBuffer(), { status: upstream.status, headers: out });
}

// ---------------------------------------------------------------------------------------------
// Cart (/cart.js, /cart/update.js): attributes and note, kept in a cookie
// ---------------------------------------------------------------------------------------------

interface CartItem {
  /** The variant's numeric id, as Shopify's cart form posts it. */
  id: string;
  quantity: number;
}

interface CartState {
  note: string | null;
  attributes: Record<string, string>;
  items: CartItem[];
}

const MAX_CART_LINES = 20;

function readCart(request: Request): CartState {
  const cookie = request.headers.get("Cookie") ?? "";
  const raw = cookie
    .split(/;\s*/)
    .find((c) => c.startsWith(`${CART_COOKIE}=`))
    ?.slice(CART_COOKIE.length + 1);
  if (!raw) return { note: null, attributes: {}, items: [] };
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<CartState>;
    const items = Array.isArray(parsed.items)
      ? parsed.items.filter((i): i is CartItem => /^\d{1,20}$/.test(String(i?.id)) && Number.isInteger(i?.quantity) && i.quantity > 0)
      : [];
    return { note: typeof parsed.note === "string" ? parsed.note : null, attributes: { ...parsed.attributes }, items };
  } catch {
    return { note: null, attributes: {}, items: [] };
  }
}

function cartCookie(cart: CartState): string {
  return `${CART_COOKIE}=${Buffer.from(JSON.stringify(cart)).toString("base64url")}; Path=/; SameSite=Lax; HttpOnly`;
}

function cartJson(cart: CartState, headers?: HeadersInit): Response {
  const body = {
    token: "crossdock-demo-cart",
    note: cart.note,
    attributes: cart.attributes,
    original_total_price: 0,
    total_price: 0,
    total_discount: 0,
    total_weight: 0,
    item_count: cart.items.reduce((sum, i) => sum + i.quantity, 0),
    items: cart.items.map((i) => ({ id: Number(i.id), variant_id: Number(i.id), quantity: i.quantity })),
    requires_shipping: cart.items.length > 0,
    currency: "USD",
  };
  const response = Response.json(body, { headers });
  response.headers.set("Cache-Control", "no-store");
  return response;
}

/** Shopify's product form posts to /cart/add (`id`: the variant, `quantity`); the theme then opens the cart. */
export async function addToCart(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const id = String(form?.get("id") ?? "").trim();
  const quantity = Number(form?.get("quantity") ?? 1);
  if (!/^\d{1,20}$/.test(id) || !Number.isInteger(quantity) || quantity < 1 || quantity > 99) {
    return new Response("This item can't be added to the cart.", { status: 422, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const cart = readCart(request);
  const line = cart.items.find((i) => i.id === id);
  if (line) line.quantity = Math.min(99, line.quantity + quantity);
  else if (cart.items.length < MAX_CART_LINES) cart.items.push({ id, quantity });
  return new Response(null, { status: 303, headers: { Location: `${STOREFRONT_ROOT}cart`, "Set-Cookie": cartCookie(cart) } });
}

/** The cart page: what is in the cart and the pickup store the block chose (a hint: checkout's delivery method decides). */
export async function renderCartPage(shop: string, request: Request): Promise<Response> {
  const cart = readCart(request);
  const graphql = await adminGraphql(shop);
  const variants = await fetchCartVariants(graphql, cart.items.map((i) => `gid://shopify/ProductVariant/${i.id}`));
  const lines = cart.items
    .map((i) => {
      const variant = variants.get(`gid://shopify/ProductVariant/${i.id}`);
      const name = variant ? `${variant.displayName}${variant.sku ? ` (${variant.sku})` : ""}` : "An item no longer sold";
      return `<li data-cart-line>${escapeHtml(name)} × ${i.quantity}</li>`;
    })
    .join("\n");
  const chosen = cart.attributes[PICKUP_LOCATION_ATTRIBUTE];
  const record = await getShop(shop);
  const store = chosen && record ? (await listLocations(record)).find((l) => l.shopifyId === chosen) : undefined;
  const pickup = chosen
    ? `<p data-cart-pickup>Pickup store: <strong>${escapeHtml(store?.name ?? "a store this shop no longer has")}</strong>. It travels with the cart as the attribute <code>${PICKUP_LOCATION_ATTRIBUTE}</code>; at checkout, choosing “Pick up” there decides where the order goes.</p>`
    : `<p data-cart-pickup>No pickup store chosen: the order will be shipped unless “Pick up” is chosen at checkout.</p>`;
  const body = cart.items.length
    ? `<h1>Your cart</h1>\n<ul>${lines}</ul>\n${pickup}`
    : `<h1>Your cart</h1>\n<p>Your cart is empty.</p>\n${pickup}`;
  return html(layout({ title: "Cart", lang: "en", body: `${body}\n<p><a href="${STOREFRONT_ROOT}">Continue shopping</a></p>` }));
}

export function getCart(request: Request): Response {
  return cartJson(readCart(request));
}

/**
 * Shopify's /cart/update.js: `attributes` (JSON object, or form fields `attributes[name]`) are
 * merged into the cart's; a blank value removes the attribute; `note` replaces the note.
 */
export async function updateCart(request: Request): Promise<Response> {
  const cart = readCart(request);
  const type = request.headers.get("Content-Type") ?? "";
  let attributes: Record<string, unknown> = {};
  let note: unknown;
  if (type.includes("application/json")) {
    const body = (await request.json().catch(() => null)) as { attributes?: Record<string, unknown>; note?: unknown } | null;
    if (!body || typeof body !== "object") return Response.json({ status: 400, message: "Bad Request", description: "Invalid JSON" }, { status: 400 });
    attributes = body.attributes && typeof body.attributes === "object" ? body.attributes : {};
    note = body.note;
  } else {
    const form = await request.formData();
    for (const [name, value] of form) {
      const match = /^attributes\[(.+)\]$/.exec(name);
      if (match) attributes[match[1]!] = String(value);
      else if (name === "note") note = String(value);
    }
  }
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || String(value) === "") delete cart.attributes[name];
    else cart.attributes[name] = String(value);
  }
  if (typeof note === "string") cart.note = note;
  return cartJson(cart, { "Set-Cookie": cartCookie(cart) });
}
