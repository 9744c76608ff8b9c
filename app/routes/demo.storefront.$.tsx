import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireDemoShop } from "~/demo/demo.server";
import {
  addToCart,
  forwardToApp,
  getCart,
  proxiedPath,
  renderCartPage,
  renderIndex,
  renderProductPage,
  serveAsset,
  updateCart,
} from "~/demo/storefront.server";

// Demo only (404 otherwise): the storefront harness under /demo/storefront/ (app/demo/storefront.server.ts).
// GET: product pages, the block's assets, /cart.js, /cart, and the app proxy; POST: /cart/add, /cart/update.js and the app proxy.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const shop = requireDemoShop();
  const path = params["*"] ?? "";
  const proxied = proxiedPath(path);
  if (proxied !== null) return forwardToApp(request, shop, proxied);
  if (path === "") return renderIndex(shop);
  if (path === "cart.js") return getCart(request);
  if (path === "cart") return renderCartPage(shop, request);
  const product = /^products\/([^/]+)$/.exec(path);
  if (product) return renderProductPage(shop, product[1]!, new URL(request.url));
  const asset = /^assets\/([^/]+)$/.exec(path);
  if (asset) return serveAsset(asset[1]!);
  throw new Response("Not Found", { status: 404 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const shop = requireDemoShop();
  const path = params["*"] ?? "";
  const proxied = proxiedPath(path);
  if (proxied !== null) return forwardToApp(request, shop, proxied);
  if (path === "cart/update.js") return updateCart(request);
  if (path === "cart/add") return addToCart(request);
  throw new Response("Not Found", { status: 404 });
}
