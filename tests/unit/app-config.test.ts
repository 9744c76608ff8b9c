import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { COMPLIANCE_TOPICS, SUBSCRIBED_TOPICS } from "~/shopify/webhook-topics";

const root = join(import.meta.dirname, "..", "..");
const raw = readFileSync(join(root, "shopify.app.toml"), "utf8");

interface Subscription {
  topics?: string[];
  compliance_topics?: string[];
  uri: string;
}
const toml = parse(raw) as unknown as {
  access_scopes: { scopes: string };
  webhooks: { api_version: string; subscriptions: Subscription[] };
  app_proxy: { url: string; prefix: string; subpath: string };
};

describe("shopify.app.toml", () => {
  it("subscribes webhooks on the app's one Admin API version", () => {
    expect(toml.webhooks.api_version).toBe(ADMIN_API_VERSION);
  });

  it("declares every topic Crossdock handles, and the three compliance topics", () => {
    const topics = toml.webhooks.subscriptions.flatMap((s) => s.topics ?? []);
    expect(topics.sort()).toEqual([...SUBSCRIBED_TOPICS].sort());
    const compliance = toml.webhooks.subscriptions.flatMap((s) => s.compliance_topics ?? []);
    expect(compliance.sort()).toEqual([...COMPLIANCE_TOPICS].sort());
  });

  it("names, for every subscription, a route file that exists and matches its URI", () => {
    const blocks = raw.split("[[webhooks.subscriptions]]").slice(1);
    expect(blocks).toHaveLength(toml.webhooks.subscriptions.length);
    for (const block of blocks) {
      const handler = /# Handled by: (\S+)/.exec(block)?.[1];
      const uri = /uri = "([^"]+)"/.exec(block)?.[1];
      expect(handler, block).toBeDefined();
      expect(existsSync(join(root, handler!)), `${handler} exists`).toBe(true);
      // Remix flat routes: /webhooks/orders/create <-> webhooks.orders.create.tsx
      expect(handler).toBe(`app/routes/${uri!.slice(1).replaceAll("/", ".")}.tsx`);
    }
  });

  it("serves the storefront and the portal through an app proxy", () => {
    expect(toml.app_proxy).toMatchObject({ prefix: "apps", subpath: "crossdock" });
    expect(new URL(toml.app_proxy.url).pathname).toBe("/proxy");
  });
});
