// The webhook topic registry (app/jobs/webhook-topics.server.ts) against its mirror, shopify.app.toml:
// every subscribed topic has a row and every row a subscription, at the uri the one webhook route is
// mounted at, with the scopes the toml grants; each row's scope is the one Shopify names for the topic
// and its label reads in every language of the admin. README "Adding a webhook topic".
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import { CARRIER_TOPICS } from "~/jobs/carrier-topics.server";
import { WEBHOOK_TOPICS, createProcessors, type WebhookTopic } from "~/jobs/webhook-topics.server";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { routeMounts, WEBHOOK_ROUTE_FILE } from "../../app/route-mounts";
import { effectiveScopes, loadSchemaAccess } from "../../simulator/access/schema-access";
import { loadAppConfig } from "../../simulator/webhooks/app-config";
import { handOverRecorder } from "../support/order-routers";

const root = join(import.meta.dirname, "..", "..");
const tomlText = readFileSync(join(root, "shopify.app.toml"), "utf8");

type Row = Pick<WebhookTopic, "topic" | "scope" | "compliance">;

interface TomlSubscription {
  topics?: string[];
  compliance_topics?: string[];
  uri?: string;
  [other: string]: unknown;
}

/** Everything that keeps the registry and the toml from being one list; [] when they agree. */
function mismatches(rows: readonly Row[], text: string): string[] {
  const toml = parse(text) as { access_scopes?: { scopes?: string }; webhooks?: { subscriptions?: TomlSubscription[] } };
  const granted = effectiveScopes((toml.access_scopes?.scopes ?? "").split(","));
  const problems: string[] = [];
  const subscribed = new Map<string, { compliance: boolean; uri: string | undefined; narrowed: string[] }>();
  for (const block of toml.webhooks?.subscriptions ?? []) {
    // The processors parse Shopify's whole documented payload: a subscription that narrows it
    // (include_fields) or filters deliveries would starve them without a test noticing.
    const narrowed = Object.keys(block).filter((key) => !["topics", "compliance_topics", "uri"].includes(key));
    for (const topic of block.topics ?? []) subscribed.set(topic, { compliance: false, uri: block.uri, narrowed });
    for (const topic of block.compliance_topics ?? []) subscribed.set(topic, { compliance: true, uri: block.uri, narrowed });
  }
  for (const [topic, sub] of subscribed) {
    const row = rows.find((r) => r.topic === topic);
    if (!row) {
      problems.push(`${topic}: subscribed in shopify.app.toml, no row in the registry`);
      continue;
    }
    if (sub.uri !== `/webhooks/${topic}`) problems.push(`${topic}: uri ${sub.uri}, the route serves /webhooks/${topic}`);
    if (sub.compliance !== Boolean(row.compliance)) problems.push(`${topic}: ${sub.compliance ? "a compliance topic in the toml, not in the registry" : "a compliance topic in the registry, not in the toml"}`);
    if (sub.narrowed.length) problems.push(`${topic}: the subscription sets ${sub.narrowed.join(", ")}`);
    if (row.scope && !granted.has(row.scope)) problems.push(`${topic}: needs ${row.scope}, which [access_scopes] does not grant`);
  }
  for (const row of rows) if (!subscribed.has(row.topic)) problems.push(`${row.topic}: a row in the registry, not subscribed in shopify.app.toml`);
  return problems;
}

describe("the webhook topic registry and shopify.app.toml", () => {
  it("are one list: a row for every subscription and a subscription for every row, at /webhooks/<topic>, with the scopes granted", () => {
    expect(mismatches(WEBHOOK_TOPICS, tomlText)).toEqual([]);
  });

  it("would catch a subscription without a row, a row without a subscription, another uri, a missing scope, a narrowed payload", () => {
    const rows = WEBHOOK_TOPICS.filter((r) => r.topic !== "orders/cancelled");
    expect(mismatches(rows, tomlText)).toEqual(["orders/cancelled: subscribed in shopify.app.toml, no row in the registry"]);
    const extra: Row = { topic: "products/update", scope: "read_products" };
    expect(mismatches([...WEBHOOK_TOPICS, extra], tomlText)).toEqual(["products/update: a row in the registry, not subscribed in shopify.app.toml"]);
    expect(mismatches(WEBHOOK_TOPICS, tomlText.replace('uri = "/webhooks/orders/create"', 'uri = "/webhooks/orders"'))).toEqual([
      "orders/create: uri /webhooks/orders, the route serves /webhooks/orders/create",
    ]);
    expect(mismatches(WEBHOOK_TOPICS, tomlText.replace("read_inventory,", ""))).toEqual(["inventory_levels/update: needs read_inventory, which [access_scopes] does not grant"]);
    expect(mismatches(WEBHOOK_TOPICS, tomlText.replace('uri = "/webhooks/orders/create"', 'uri = "/webhooks/orders/create"\n  include_fields = ["id"]'))).toEqual([
      "orders/create: the subscription sets include_fields",
    ]);
    const notCompliance = WEBHOOK_TOPICS.map((r) => (r.topic === "shop/redact" ? { ...r, compliance: undefined } : r));
    expect(mismatches(notCompliance, tomlText)).toEqual(["shop/redact: a compliance topic in the toml, not in the registry"]);
  });

  it("serves every subscription's uri with the one webhook route module, and no other route file", () => {
    const uris = [...new Set((parse(tomlText) as { webhooks: { subscriptions: { uri: string }[] } }).webhooks.subscriptions.map((s) => s.uri))].sort();
    const webhookMounts = routeMounts(root).filter((m) => m.file === WEBHOOK_ROUTE_FILE);
    expect(webhookMounts.map((m) => `/${m.path}`).sort()).toEqual(uris);
    expect(new Set(webhookMounts.map((m) => m.id)).size).toBe(webhookMounts.length);
    expect(readdirSync(join(root, "app", "routes")).filter((name) => name.startsWith("webhooks"))).toEqual([]);
  });

  it("names, for each topic, the scope Shopify requires to deliver it (none for the app and compliance topics)", () => {
    const access = loadSchemaAccess(ADMIN_API_VERSION);
    for (const row of WEBHOOK_TOPICS) {
      const required = access.webhookTopics.get(row.topic);
      if (!required) expect(row.scope, row.topic).toBeNull();
      else expect(required.clauses.every((clause) => clause.includes(row.scope!)), `${row.topic}: ${row.scope} meets ${JSON.stringify(required.clauses)}`).toBe(true);
    }
  });

  it("subscribes the topics that release an order held before routing: its payment (orders/updated) and a new risk assessment", () => {
    // Hold before routing (issue 14 item 5): routed when the payment or the risk changes, not 15 minutes later.
    const subscribed = loadAppConfig(join(root, "shopify.app.toml"), ADMIN_API_VERSION).subscriptions.map((s) => s.topic);
    for (const topic of ["orders/updated", "orders/risk_assessment_changed"]) {
      expect(subscribed, topic).toContain(topic);
      expect(WEBHOOK_TOPICS.find((r) => r.topic === topic), topic).toMatchObject({ scope: "read_orders" });
    }
    // The schema's own requirement for the risk topic: "Requires the `read_orders` scope."
    expect(loadSchemaAccess(ADMIN_API_VERSION).webhookTopics.get("orders/risk_assessment_changed")?.clauses).toEqual([["read_orders"]]);
  });

  it("builds a processor for every row, and none for a topic without one", () => {
    const processors = createProcessors({ admin: () => Promise.reject(new Error("not called")), orderRouter: handOverRecorder() });
    expect(Object.keys(processors).sort()).toEqual([...WEBHOOK_TOPICS, ...CARRIER_TOPICS].map((r) => r.topic).sort());
    for (const row of CARRIER_TOPICS) expect(typeof processors[row.topic], row.topic).toBe("function");
    for (const row of WEBHOOK_TOPICS) expect(typeof processors[row.topic], row.topic).toBe("function");
    expect(new Set(WEBHOOK_TOPICS.map((r) => r.topic)).size).toBe(WEBHOOK_TOPICS.length);
  });
});

describe("the Activity page's topic names", () => {
  const locales = readdirSync(join(root, "app", "locales"));
  const labels = (locale: string) =>
    (JSON.parse(readFileSync(join(root, "app", "locales", locale, "activity.json"), "utf8")) as { topics: Record<string, string> }).topics;

  it("has a name for every topic in every language of the admin, and none for a topic that is gone", () => {
    expect(locales.sort()).toEqual(["en", "vi", "zh-CN"]);
    const keys = [...WEBHOOK_TOPICS, ...CARRIER_TOPICS].map((r) => r.label).sort();
    expect(new Set(keys).size).toBe(keys.length);
    for (const locale of locales) {
      const names = labels(locale);
      expect(Object.keys(names).sort(), locale).toEqual(keys);
      for (const key of keys) expect(names[key]?.trim(), `${locale} ${key}`).toBeTruthy();
      // Two topics with one name could not be told apart in the Event filter.
      expect(new Set(Object.values(names)).size, locale).toBe(keys.length);
    }
  });
});
