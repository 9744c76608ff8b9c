/**
 * POST /admin/oauth/access_token: the authorization-code grant, the token-exchange grant (session
 * token → offline or online access token) and the refresh-token grant of expiring offline tokens,
 * answered for the configured app. `expiring=1` asks for an expiring offline token
 * (simulator/store/access-tokens.ts; FIDELITY.md "Access tokens").
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import {
  issueExpiringTokens,
  recordTokenRequest,
  refreshExpiringTokens,
  type TokenRequestRecord,
} from "../store/access-tokens";
import type { ShopState } from "../store/shop-state";
import type { SimulatorStore } from "../store/store";
import type { HttpResult } from "./util";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const REFRESH_TOKEN = "refresh_token";
const ONLINE_TOKEN = "urn:shopify:params:oauth:token-type:online-access-token";

/** `expiring` as apps send it: "1" / 1 / true ask for an expiring offline token; anything else does not. */
function wantsExpiring(value: unknown): boolean {
  return value === "1" || value === 1 || value === true || value === "true";
}

export interface AppCredentials {
  apiKey: string;
  apiSecret: string;
}

export function accessTokenRequest(store: SimulatorStore, app: AppCredentials, shopDomain: string, body: Record<string, unknown>): HttpResult {
  const shop = store.shop(shopDomain);
  if (!shop) return { status: 404, body: { errors: "Not Found" } };
  const grantType: TokenRequestRecord["grantType"] =
    body.grant_type === TOKEN_EXCHANGE ? "token_exchange" : body.grant_type === REFRESH_TOKEN ? "refresh_token" : "authorization_code";
  const expiring = grantType === "refresh_token" || wantsExpiring(body.expiring);
  const result = answerTokenRequest(store, shop, app, body, grantType, expiring);
  const error = (result.body as { error?: unknown } | null)?.error;
  recordTokenRequest(shop, {
    grantType,
    expiring,
    at: new Date(store.clock.now()).toISOString(),
    status: result.status,
    ...(typeof error === "string" ? { error } : {}),
  });
  return result;
}

function answerTokenRequest(
  store: SimulatorStore,
  shop: ShopState,
  app: AppCredentials,
  body: Record<string, unknown>,
  grantType: TokenRequestRecord["grantType"],
  expiring: boolean,
): HttpResult {
  if (body.client_id !== app.apiKey || body.client_secret !== app.apiSecret) {
    return { status: 400, body: { error: "invalid_client", error_description: "Client credentials are invalid" } };
  }
  const offline = (): HttpResult => {
    if (!expiring) return { status: 200, body: { access_token: store.issueToken(shop.domain), scope: shop.scopes } };
    return { status: 200, body: { ...issueExpiringTokens(shop, store.clock.now()), scope: shop.scopes } };
  };
  if (grantType === "refresh_token") {
    if (typeof body.refresh_token !== "string" || !body.refresh_token) {
      return { status: 400, body: { error: "invalid_request", error_description: "The refresh_token parameter is missing" } };
    }
    const outcome = refreshExpiringTokens(shop, body.refresh_token, store.clock.now());
    if (!outcome.ok) return { status: 400, body: { error: "invalid_grant", error_description: outcome.reason } };
    return { status: 200, body: { ...outcome.pair, scope: shop.scopes } };
  }
  if (grantType === "token_exchange") {
    const subject = typeof body.subject_token === "string" ? verifySessionToken(body.subject_token, app) : null;
    if (!subject || subject.dest !== `https://${shop.domain}`) {
      return { status: 400, body: { error: "invalid_subject_token", error_description: "The subject token is invalid" } };
    }
    if (body.requested_token_type === ONLINE_TOKEN) {
      const userId = Number(subject.sub ?? 1) || 1;
      return {
        status: 200,
        body: {
          access_token: store.issueToken(shop.domain),
          scope: shop.scopes,
          expires_in: 86399,
          associated_user_scope: shop.scopes,
          associated_user: {
            id: userId,
            first_name: "Demo",
            last_name: "Staff",
            email: `staff@${shop.domain}`,
            email_verified: true,
            account_owner: true,
            locale: "en",
            collaborator: false,
          },
        },
      };
    }
    return offline();
  }
  if (typeof body.code !== "string" || !body.code) {
    return { status: 400, body: { error: "invalid_request", error_description: "The authorization code was not found or was already used" } };
  }
  return offline();
}

interface SessionTokenClaims {
  iss?: string;
  dest?: string;
  aud?: string;
  sub?: string;
  exp?: number;
  nbf?: number;
}

/** An App Bridge session token: HS256 JWT signed with the API secret, aud = API key. */
export function verifySessionToken(token: string, app: AppCredentials): SessionTokenClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = createHmac("sha256", app.apiSecret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as SessionTokenClaims;
    const now = Date.now() / 1000;
    if (claims.aud !== app.apiKey) return null;
    if (claims.exp != null && claims.exp + 5 < now) return null;
    return claims;
  } catch {
    return null;
  }
}

/**
 * GET /admin/oauth/authorize: the merchant approves at once; Shopify redirects to the app's
 * redirect_uri with a code and an HMAC-signed query (hex HMAC-SHA256 of the sorted parameters).
 */
export function authorizeRequest(store: SimulatorStore, app: AppCredentials, shopDomain: string, query: URLSearchParams): HttpResult {
  const shop = store.shop(shopDomain);
  if (!shop) return { status: 404, body: { errors: "Not Found" } };
  const redirectUri = query.get("redirect_uri");
  if (query.get("client_id") !== app.apiKey || !redirectUri) {
    return { status: 400, body: { errors: "Oauth error invalid_request: The redirect_uri and application url must have matching hosts" } };
  }
  const params: Record<string, string> = {
    code: randomBytes(16).toString("hex"),
    host: Buffer.from(`admin.shopify.com/store/${shop.domain.replace(/\.myshopify\.com$/, "")}`).toString("base64url"),
    shop: shop.domain,
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  const state = query.get("state");
  if (state) params.state = state;
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
  const target = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
  target.searchParams.set("hmac", createHmac("sha256", app.apiSecret).update(message).digest("hex"));
  return { status: 302, body: null, headers: { Location: target.toString() } };
}
