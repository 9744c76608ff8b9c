import { Session } from "@shopify/shopify-api";
import { Cookies, abstractFetch } from "@shopify/shopify-api/runtime";
import { env } from "~/env.server";
import { onShopAuthenticated } from "~/services/on-shop-authenticated.server";
import { sessionStorage, unauthenticated } from "~/shopify.server";

/**
 * Demo mode: the admin opens in a plain browser, outside Shopify admin, against the local
 * simulator. env.server.ts refuses to start with it on in production or with a real app URL; every
 * demo route also answers 404 unless it is on.
 */
export function demoShop(): string | null {
  const config = env();
  if (!config.CROSSDOCK_DEMO || config.NODE_ENV === "production") return null;
  return config.CROSSDOCK_DEMO_SHOP;
}

export function requireDemoShop(): string {
  const shop = demoShop();
  if (!shop) throw new Response("Not Found", { status: 404 });
  return shop;
}

const SESSION_COOKIE = "shopify_app_session";

/**
 * Signs the browser in to the demo shop the way Shopify's authorization-code grant ends: the app
 * exchanges a code for an offline token at the shop's `/admin/oauth/access_token` (answered by the
 * simulator), stores the session with Shopify's session storage, and sets the library's own signed
 * session cookie, which `authenticate.admin` reads when the app is not embedded.
 */
export async function signInToDemoShop(shop: string): Promise<Headers> {
  const config = env();
  const response = await abstractFetch(`https://${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      client_id: config.SHOPIFY_API_KEY,
      client_secret: config.SHOPIFY_API_SECRET,
      code: "crossdock-demo",
      // An expiring offline token, as the embedded app asks for (future.expiringOfflineAccessTokens).
      expiring: "1",
    }),
  });
  if (!response.ok) {
    throw new Error(`The simulated shop refused the demo sign-in (${response.status}); is the simulator seeded?`);
  }
  const grant = (await response.json()) as {
    access_token: string;
    scope: string;
    expires_in?: number;
    refresh_token?: string;
    refresh_token_expires_in?: number;
  };
  const session = new Session({
    id: `offline_${shop}`,
    shop,
    state: "demo",
    isOnline: false,
    accessToken: grant.access_token,
    scope: grant.scope,
    ...(grant.expires_in ? { expires: new Date(Date.now() + grant.expires_in * 1000) } : {}),
    ...(grant.refresh_token && grant.refresh_token_expires_in
      ? { refreshToken: grant.refresh_token, refreshTokenExpires: new Date(Date.now() + grant.refresh_token_expires_in * 1000) }
      : {}),
  });
  await sessionStorage.storeSession(session);

  const { admin } = await unauthenticated.admin(shop);
  await onShopAuthenticated({ shop, graphql: admin.graphql });

  const cookies = new Cookies({ headers: {} } as never, { headers: {} } as never, {
    keys: [config.SHOPIFY_API_SECRET],
  });
  await cookies.setAndSign(SESSION_COOKIE, session.id, { path: "/", sameSite: "lax" });
  const headers = new Headers();
  for (const cookie of cookies.toHeaders()) headers.append("Set-Cookie", cookie);
  return headers;
}
