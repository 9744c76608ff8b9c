import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";

const root = join(import.meta.dirname, "..", "..");
const raw = readFileSync(join(root, "shopify.app.toml"), "utf8");

const toml = parse(raw) as unknown as {
  access_scopes: { scopes: string };
  webhooks: { api_version: string };
  app_proxy: { url: string; prefix: string; subpath: string };
};

describe("shopify.app.toml", () => {
  it("subscribes webhooks on the app's one Admin API version", () => {
    expect(toml.webhooks.api_version).toBe(ADMIN_API_VERSION);
  });

  it("serves the storefront and the portal through an app proxy", () => {
    expect(toml.app_proxy).toMatchObject({ prefix: "apps", subpath: "crossdock" });
    expect(new URL(toml.app_proxy.url).pathname).toBe("/proxy");
  });
});
