// FIDELITY.md "Access tokens (expiring offline tokens)": AT-1 … AT-7. Each test names its row.
import "@shopify/shopify-api/adapters/node";
import { createHmac } from "node:crypto";
import { ApiVersion, LogSeverity, shopifyApi } from "@shopify/shopify-api";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ALL_SCOPES, API_KEY, API_SECRET, SHOP, startTestSimulator, type TestSimulator } from "./helpers";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.control("POST", `/_control/shops/${SHOP}/tokens`, { clearRequests: true, endpointLatencyMs: 0 });
});

interface TokenBody {
  access_token: string;
  scope: string;
  expires_in?: number;
  refresh_token?: string;
  refresh_token_expires_in?: number;
  error?: string;
}

function sessionToken(): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: `https://${SHOP}/admin`, dest: `https://${SHOP}`, aud: API_KEY, sub: "42", exp: now + 60, nbf: now - 5, iat: now, jti: `j${now}`, sid: "s" };
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = `${enc({ alg: "HS256", typ: "JWT" })}.${enc(claims)}`;
  return `${head}.${createHmac("sha256", API_SECRET).update(head).digest("base64url")}`;
}

async function tokenRequest(body: Record<string, unknown>): Promise<{ status: number; body: TokenBody }> {
  const response = await fetch(`${t.sim.url}/shops/${SHOP}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ client_id: API_KEY, client_secret: API_SECRET, ...body }),
  });
  return { status: response.status, body: (await response.json()) as TokenBody };
}

const exchange = (expiring: "0" | "1" | undefined) =>
  tokenRequest({
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token: sessionToken(),
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    ...(expiring === undefined ? {} : { expiring }),
  });

const refresh = (refreshToken: string) => tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken });

const status = async (token: string) => (await t.gqlRaw(`{ shop { name } }`, undefined, { token })).status;

const advance = (seconds: number) => t.control("POST", "/_control/clock", { advanceSeconds: seconds });

describe("expiring offline access tokens", () => {
  it("AT-1: token exchange with expiring=1 answers expires_in 3600, a refresh token and its 90-day lifetime; without it no expiry", async () => {
    const expiring = await exchange("1");
    expect(expiring.status).toBe(200);
    expect(expiring.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7_776_000 });
    expect(expiring.body.refresh_token).toEqual(expect.any(String));
    expect(expiring.body.scope).toBe(ALL_SCOPES);
    expect(await status(expiring.body.access_token)).toBe(200);

    for (const legacy of [await exchange("0"), await exchange(undefined)]) {
      expect(legacy.status).toBe(200);
      expect(legacy.body).not.toHaveProperty("expires_in");
      expect(legacy.body).not.toHaveProperty("refresh_token");
    }
  });

  it("AT-1: the authorization code grant with expiring=1 gives the same pair", async () => {
    const granted = await tokenRequest({ code: "c0de", expiring: 1 });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7_776_000 });
  });

  it("AT-2: an access token past its expires_in gets 401 with Shopify's body; a non-expiring token does not expire", async () => {
    const { body } = await exchange("1");
    const legacy = (await exchange("0")).body.access_token;
    await advance(3_599);
    expect(await status(body.access_token)).toBe(200);
    await advance(2);
    const expired = await t.gqlRaw(`{ shop { name } }`, undefined, { token: body.access_token });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" });
    expect(await status(legacy)).toBe(200);
  });

  it("AT-3: refreshing returns a new pair; the old access token stops working (one active expiring token per shop)", async () => {
    const first = (await exchange("1")).body;
    const refreshed = await refresh(first.refresh_token!);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toMatchObject({ expires_in: 3600, refresh_token_expires_in: 7_776_000 });
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.access_token);
    expect(await status(refreshed.body.access_token)).toBe(200);
    expect(await status(first.access_token)).toBe(401);
  });

  it("AT-3: a refresh after expiry works (refresh before or after the access token expires)", async () => {
    const first = (await exchange("1")).body;
    await advance(7_200);
    expect(await status(first.access_token)).toBe(401);
    const refreshed = await refresh(first.refresh_token!);
    expect(refreshed.status).toBe(200);
    expect(await status(refreshed.body.access_token)).toBe(200);
  });

  it("AT-4: the used refresh token may be retried until its replacement is used, then it is retired", async () => {
    const first = (await exchange("1")).body;
    const lost = (await refresh(first.refresh_token!)).body; // the app never stored this answer
    const retried = await refresh(first.refresh_token!);
    expect(retried.status).toBe(200);
    // The retry supersedes the lost pair.
    expect(await status(lost.access_token)).toBe(401);
    expect((await refresh(lost.refresh_token!)).status).toBe(400);

    const next = await refresh(retried.body.refresh_token!); // the replacement is used: its predecessor retires
    expect(next.status).toBe(200);
    const stale = await refresh(first.refresh_token!);
    expect(stale.status).toBe(400);
    expect(stale.body.error).toBe("invalid_grant");
  });

  it("AT-4: the retry period ends 30 days after the first use", async () => {
    const first = (await exchange("1")).body;
    expect((await refresh(first.refresh_token!)).status).toBe(200);
    await advance(30 * 86_400 + 1);
    const late = await refresh(first.refresh_token!);
    expect(late.status).toBe(400);
    expect(late.body.error).toBe("invalid_grant");
  });

  it("AT-5: a refresh token expires after 90 days; an unknown one is refused with invalid_grant", async () => {
    const first = (await exchange("1")).body;
    await advance(90 * 86_400 + 1);
    expect((await refresh(first.refresh_token!)).body.error).toBe("invalid_grant");
    const unknown = await refresh("shprt_nope");
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe("invalid_grant");
  });

  it("AT-6: a new token exchange revokes the previous expiring tokens of the shop", async () => {
    const first = (await exchange("1")).body;
    const second = (await exchange("1")).body;
    expect(await status(first.access_token)).toBe(401);
    expect((await refresh(first.refresh_token!)).body.error).toBe("invalid_grant");
    expect(await status(second.access_token)).toBe(200);
  });

  it("AT-6: uninstalling revokes expiring tokens too", async () => {
    await t.control("POST", "/_control/shops", { shop: "leaving.myshopify.com" });
    const response = await fetch(`${t.sim.url}/shops/leaving.myshopify.com/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ client_id: API_KEY, client_secret: API_SECRET, code: "x", expiring: "1" }),
    });
    const pair = (await response.json()) as TokenBody;
    expect(await status2(pair.access_token)).toBe(200);
    await t.control("POST", "/_control/shops/leaving.myshopify.com/uninstall");
    expect(await status2(pair.access_token)).toBe(401);

    async function status2(token: string) {
      return (await t.gqlRaw(`{ shop { name } }`, undefined, { token, shop: "leaving.myshopify.com" })).status;
    }
  });

  it("AT-7: @shopify/shopify-api's own tokenExchange and refreshToken read the answers into a session with expiry and refresh token", async () => {
    const api = shopifyApi({ apiKey: API_KEY, apiSecretKey: API_SECRET, apiVersion: ApiVersion.October26, hostName: "localhost:3000", isEmbeddedApp: true, logger: { level: LogSeverity.Error } });
    const { setAbstractFetchFunc, abstractFetch } = await import("@shopify/shopify-api/runtime");
    const original = abstractFetch;
    setAbstractFetchFunc((input, init) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
      return original(`${t.sim.url}/shops/${url.hostname}${url.pathname}`, init);
    });
    try {
      const { session } = await api.auth.tokenExchange({ shop: SHOP, sessionToken: sessionToken(), requestedTokenType: "urn:shopify:params:oauth:token-type:offline-access-token" as never, expiring: true });
      expect(session.refreshToken).toEqual(expect.any(String));
      expect(session.expires!.getTime() - Date.now()).toBeGreaterThan(3_500_000);
      expect(session.refreshTokenExpires!.getTime() - Date.now()).toBeGreaterThan(89 * 86_400_000);
      const { session: refreshed } = await api.auth.refreshToken({ shop: SHOP, refreshToken: session.refreshToken! });
      expect(refreshed.accessToken).not.toBe(session.accessToken);
      expect(await status(refreshed.accessToken!)).toBe(200);
    } finally {
      setAbstractFetchFunc(original);
    }
  });

  it("the control API advances the clock, logs token requests and validates its bodies", async () => {
    const before = await t.control("GET", "/_control/clock");
    const after = await advance(60);
    expect(after.body.offsetSeconds - before.body.offsetSeconds).toBe(60);
    expect((await t.control("POST", "/_control/clock", { advanceSeconds: -5 })).status).toBe(400);
    expect((await t.control("POST", `/_control/shops/${SHOP}/tokens`, { endpointLatencyMs: "slow" })).status).toBe(400);
    const first = (await exchange("1")).body;
    await refresh(first.refresh_token!);
    await refresh("shprt_unknown");
    const log = await t.control("GET", `/_control/shops/${SHOP}/tokens`);
    expect(log.body.requests.map((r: { grantType: string; status: number }) => [r.grantType, r.status])).toEqual([
      ["token_exchange", 200],
      ["refresh_token", 200],
      ["refresh_token", 400],
    ]);
  });
});
