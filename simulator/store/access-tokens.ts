/**
 * Expiring offline access tokens, as shopify.dev documents them (FIDELITY.md, "Access tokens"):
 *
 * - requested with `expiring=1` (token exchange or authorization code grant), an offline access token
 *   lives 3,600 s and comes with a refresh token that lives 90 days (`expires_in`, `refresh_token`,
 *   `refresh_token_expires_in`);
 * - one expiring offline token is active per app and shop: acquiring a new one revokes the previous
 *   ones;
 * - `grant_type=refresh_token` returns a new pair. The refresh token just used stays usable for a
 *   retry until the app uses its replacement (at most 30 days from its first use, never beyond its
 *   own 90 days); once the replacement is used, the predecessor is retired.
 *
 * Non-expiring tokens (seeded, the control API, `expiring=0`) stay in `ShopState.tokens`. Times are
 * read from the store's SimulatorClock, which the control API can advance.
 */
import { randomBytes } from "node:crypto";
import type { ShopState } from "./shop-state";

export const EXPIRING_ACCESS_TOKEN_TTL_S = 3_600;
export const REFRESH_TOKEN_TTL_S = 90 * 24 * 3_600;
/** How long a used refresh token may be retried while its replacement is unused. */
export const REFRESH_RETRY_WINDOW_S = 30 * 24 * 3_600;

interface RefreshTokenRecord {
  token: string;
  expiresAt: number;
  firstUsedAt: number | null;
  /** The refresh token issued when this one was last used. */
  replacement: string | null;
  /** What this one replaced (retired when this one is first used). */
  predecessor: string | null;
  revoked: boolean;
}

export interface TokenRequestRecord {
  grantType: "authorization_code" | "token_exchange" | "refresh_token";
  expiring: boolean;
  at: string;
  status: number;
  error?: string;
}

interface ExpiringTokenState {
  access: { token: string; expiresAt: number } | null;
  refresh: Map<string, RefreshTokenRecord>;
  requests: TokenRequestRecord[];
  /** A test aid, not a Shopify behaviour: delay before the token endpoint answers. */
  endpointLatencyMs: number;
}

const states = new WeakMap<ShopState, ExpiringTokenState>();

function stateOf(shop: ShopState): ExpiringTokenState {
  let state = states.get(shop);
  if (!state) states.set(shop, (state = { access: null, refresh: new Map(), requests: [], endpointLatencyMs: 0 }));
  return state;
}

export interface ExpiringTokenPair {
  access_token: string;
  expires_in: number;
  refresh_token: string;
  refresh_token_expires_in: number;
}

function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString("hex")}`;
}

/** A new expiring pair; every earlier expiring access token of the shop stops working. */
function issuePair(state: ExpiringTokenState, now: number, predecessor: string | null): ExpiringTokenPair {
  const access = newToken("shpat");
  const refresh = newToken("shprt");
  state.access = { token: access, expiresAt: now + EXPIRING_ACCESS_TOKEN_TTL_S * 1000 };
  state.refresh.set(refresh, {
    token: refresh,
    expiresAt: now + REFRESH_TOKEN_TTL_S * 1000,
    firstUsedAt: null,
    replacement: null,
    predecessor,
    revoked: false,
  });
  return {
    access_token: access,
    expires_in: EXPIRING_ACCESS_TOKEN_TTL_S,
    refresh_token: refresh,
    refresh_token_expires_in: REFRESH_TOKEN_TTL_S,
  };
}

/**
 * Token exchange or code grant with `expiring=1`: a fresh pair; every earlier expiring token of the
 * shop (access and refresh) is revoked ("Acquiring a new expiring token will revoke all previous
 * expiring tokens for that shop").
 */
export function issueExpiringTokens(shop: ShopState, now: number): ExpiringTokenPair {
  const state = stateOf(shop);
  for (const record of state.refresh.values()) record.revoked = true;
  shop.installed = true;
  return issuePair(state, now, null);
}

export type RefreshOutcome = { ok: true; pair: ExpiringTokenPair } | { ok: false; reason: string };

/** `grant_type=refresh_token`. */
export function refreshExpiringTokens(shop: ShopState, refreshToken: string, now: number): RefreshOutcome {
  const state = stateOf(shop);
  const record = state.refresh.get(refreshToken);
  if (!record || record.revoked) return { ok: false, reason: "The refresh token is invalid or was revoked" };
  if (now >= record.expiresAt) return { ok: false, reason: "The refresh token has expired" };
  if (record.replacement) {
    const replacement = state.refresh.get(record.replacement);
    if (replacement && replacement.firstUsedAt !== null) {
      return { ok: false, reason: "The refresh token was replaced and its replacement is in use" };
    }
    if (record.firstUsedAt !== null && now >= record.firstUsedAt + REFRESH_RETRY_WINDOW_S * 1000) {
      return { ok: false, reason: "The refresh token's retry period has ended" };
    }
    // A retry: the unused replacement is superseded by the pair issued now.
    if (replacement) replacement.revoked = true;
  }
  record.firstUsedAt ??= now;
  // Using a replacement retires the token it replaced.
  if (record.predecessor) {
    const predecessor = state.refresh.get(record.predecessor);
    if (predecessor) predecessor.revoked = true;
  }
  const pair = issuePair(state, now, record.token);
  record.replacement = pair.refresh_token;
  return { ok: true, pair };
}

export type AccessTokenStatus = "valid" | "expired" | "unknown";

/** Whether an Admin API request with this token is accepted at `now`. */
export function accessTokenStatus(shop: ShopState, token: string, now: number): AccessTokenStatus {
  if (shop.tokens.has(token)) return "valid";
  const access = states.get(shop)?.access;
  if (!access || access.token !== token || !shop.installed) return "unknown";
  return now < access.expiresAt ? "valid" : "expired";
}

/** Uninstalling revokes every token, expiring ones included. */
export function revokeExpiringTokens(shop: ShopState): void {
  const state = states.get(shop);
  if (!state) return;
  state.access = null;
  for (const record of state.refresh.values()) record.revoked = true;
}

export function recordTokenRequest(shop: ShopState, record: TokenRequestRecord): void {
  const requests = stateOf(shop).requests;
  requests.push(record);
  if (requests.length > 1_000) requests.shift();
}

export function tokenEndpointLatency(shop: ShopState): number {
  return states.get(shop)?.endpointLatencyMs ?? 0;
}

export function configureTokenEndpoint(shop: ShopState, options: { endpointLatencyMs?: number }): void {
  if (options.endpointLatencyMs !== undefined) stateOf(shop).endpointLatencyMs = options.endpointLatencyMs;
}

/** What the control API shows: the requests the token endpoint answered and the active token's expiry. */
export function tokenSummary(shop: ShopState) {
  const state = stateOf(shop);
  return {
    requests: state.requests,
    activeExpiringAccessToken: state.access
      ? { expiresAt: new Date(state.access.expiresAt).toISOString(), token: state.access.token }
      : null,
    endpointLatencyMs: state.endpointLatencyMs,
  };
}

export function clearTokenRequests(shop: ShopState): void {
  stateOf(shop).requests.length = 0;
}
