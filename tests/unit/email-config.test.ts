import { describe, expect, it } from "vitest";
import { emailProviderFromEnv } from "~/email/index.server";
import { ConfigurationError, parseEnv } from "~/env.server";

const base = { SHOPIFY_API_KEY: "key", SHOPIFY_API_SECRET: "secret", SHOPIFY_APP_URL: "http://localhost:3000", NODE_ENV: "test" };

describe("email configuration", () => {
  it("defaults: no key (the outbox), Resend's sender for tests", () => {
    const env = parseEnv(base);
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.EMAIL_FROM).toBe("Crossdock <onboarding@resend.dev>");
    expect(emailProviderFromEnv(env).kind).toBe("outbox");
    expect(emailProviderFromEnv(parseEnv({ ...base, RESEND_API_KEY: "  " })).kind).toBe("outbox");
  });

  it("a key selects Resend", () => {
    const env = parseEnv({ ...base, RESEND_API_KEY: "re_123", RESEND_BASE_URL: "http://127.0.0.1:3025", EMAIL_FROM: "Returns <returns@shop.example>" });
    expect(env.RESEND_BASE_URL).toBe("http://127.0.0.1:3025");
    expect(emailProviderFromEnv(env).kind).toBe("resend");
  });

  it("names a malformed base URL or sender", () => {
    expect(() => parseEnv({ ...base, RESEND_BASE_URL: "api.resend.com" })).toThrow(/RESEND_BASE_URL/);
    expect(() => parseEnv({ ...base, EMAIL_FROM: "Returns <not-an-address>" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ ...base, EMAIL_FROM: "Returns <not-an-address>" })).toThrow(/EMAIL_FROM/);
    expect(parseEnv({ ...base, EMAIL_FROM: "returns@shop.example" }).EMAIL_FROM).toBe("returns@shop.example");
  });
});
