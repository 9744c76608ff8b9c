import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "~/env.server";

const base = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "http://localhost:3000",
};

describe("configuration checked at start-up", () => {
  it("accepts a minimal real configuration", () => {
    const env = parseEnv({
      ...base,
      SHOPIFY_APP_URL: "https://crossdock.example.com",
      NODE_ENV: "production",
      PORTAL_SECRET: "0123456789abcdef0123456789abcdef",
    });
    expect(env.CROSSDOCK_DEMO).toBe(false);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("names every missing or malformed variable", () => {
    expect(() => parseEnv({ SHOPIFY_APP_URL: "not a url" })).toThrow(ConfigurationError);
    try {
      parseEnv({ SHOPIFY_APP_URL: "not a url" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("SHOPIFY_API_KEY");
      expect(message).toContain("SHOPIFY_API_SECRET");
      expect(message).toContain("SHOPIFY_APP_URL");
    }
  });

  describe("the demo sign-in can never be switched on in production", () => {
    const demo = { ...base, CROSSDOCK_DEMO: "1", SHOPIFY_ADMIN_API_ORIGIN: "http://127.0.0.1:3100" };

    it("is allowed locally, against the simulator", () => {
      expect(parseEnv({ ...demo, NODE_ENV: "development" }).CROSSDOCK_DEMO).toBe(true);
    });

    it("refuses NODE_ENV=production", () => {
      expect(() => parseEnv({ ...demo, NODE_ENV: "production" })).toThrow(/demo mode can never run with NODE_ENV=production/);
    });

    it("refuses a real app URL", () => {
      expect(() => parseEnv({ ...demo, SHOPIFY_APP_URL: "https://crossdock.example.com" })).toThrow(
        /demo mode needs a local SHOPIFY_APP_URL/,
      );
    });

    it("refuses real Shopify (no local Admin API origin)", () => {
      const { SHOPIFY_ADMIN_API_ORIGIN: _omit, ...withoutSimulator } = demo;
      expect(() => parseEnv(withoutSimulator)).toThrow(/SHOPIFY_ADMIN_API_ORIGIN/);
    });
  });
});
