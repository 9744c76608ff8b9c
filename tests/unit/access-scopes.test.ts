/**
 * The scopes in shopify.app.toml are exactly what the code needs: derived here from every #graphql
 * document in app/ (each field's and returned type's `requiredAccess` in the 2026-10 schema), the
 * webhook topics the toml subscribes (each topic's "Requires …" in `WebhookSubscriptionTopic`), the
 * app proxy, and the decisions below, which no document can show.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_API_VERSION } from "~/shopify/api-version";
import { loadAdminSchema } from "../../simulator/admin-schema";
import { documentRequirements } from "../../simulator/access/document-access";
import { effectiveScopes, loadSchemaAccess, type AccessRequirement } from "../../simulator/access/schema-access";
import { loadAppConfig } from "../../simulator/webhooks/app-config";
import { collectDocuments } from "../support/graphql-documents";

const root = join(import.meta.dirname, "..", "..");
const schema = loadAdminSchema(ADMIN_API_VERSION);
const access = loadSchemaAccess(ADMIN_API_VERSION);

/** Scopes chosen for what Shopify would otherwise hide; README "Access scopes" explains each. */
const DECISIONS: Record<string, string> = {
  // schema: `Order` — "Only the last 60 days' worth of orders … are accessible … by default".
  read_all_orders: "returns are counted from delivery (windows up to 3,650 days) and tracking links live 30 days: orders older than 60 days",
  // schema: `FulfillmentOrder`, "API access scopes": which fulfillment orders the app sees and
  // moves depends on who manages their location; order management apps request both of these.
  write_merchant_managed_fulfillment_orders: "fulfillment orders at the merchant's own warehouses and stores, the ones Crossdock routes",
  write_third_party_fulfillment_orders: "fulfillment orders at 3PL locations: stock held there is routed to, and their orders are moved",
};

/** shopify.dev/docs/apps/build/online-store/app-proxies: "Configuring an app proxy requires the `write_app_proxy` access scope." */
const APP_PROXY_SCOPE = "write_app_proxy";

interface Need {
  where: string;
  requirement: AccessRequirement;
}

function appNeeds(tomlPath: string): Need[] {
  const needs: Need[] = [];
  for (const doc of collectDocuments(join(root, "app"), root)) {
    for (const found of documentRequirements(schema, access, doc.source)) {
      needs.push({ where: `${doc.file}:${doc.line} ${found.where}`, requirement: found.requirement });
    }
  }
  return [...needs, ...topicNeeds(tomlPath)];
}

function topicNeeds(tomlPath: string): Need[] {
  return loadAppConfig(tomlPath, ADMIN_API_VERSION).subscriptions.flatMap(({ topic }) => {
    const requirement = access.webhookTopics.get(topic);
    return requirement ? [{ where: `webhook ${topic}`, requirement }] : [];
  });
}

/**
 * The smallest scope set meeting every need: clauses with fewer options first; a clause nothing
 * chosen meets yet takes the first scope Shopify names (the ordinary one: `read_orders` before
 * `read_marketplace_orders`, `read_returns` before `read_marketplace_returns`).
 */
function deriveScopes(needs: Need[], chosen: string[]): string[] {
  const scopes = new Set(chosen);
  const clauses = needs.flatMap((n) => n.requirement.clauses).sort((a, b) => a.length - b.length);
  for (const clause of clauses) {
    if (!clause.some((s) => effectiveScopes(scopes).has(s))) scopes.add(clause[0]!);
  }
  return minimal(scopes);
}

/** Without a read scope its write scope already grants ("Any scope that writes a resource also grants read access to it"). */
function minimal(scopes: Iterable<string>): string[] {
  const all = new Set(scopes);
  return [...all].filter((s) => !(s.startsWith("read_") && all.has(`write_${s.slice(5)}`))).sort();
}

/** What the toml requests that the derivation does not need, and what it needs that the toml lacks. */
function compareScopes(requested: readonly string[], needed: readonly string[]): { missing: string[]; unused: string[] } {
  return {
    missing: needed.filter((s) => !requested.includes(s)).sort(),
    unused: requested.filter((s) => !needed.includes(s)).sort(),
  };
}

/** The scopes named in the first column of README's "Access scopes" table. */
function readmeScopes(): string[] {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = /^## Access scopes\n([\s\S]*?)^## /m.exec(readme)?.[1] ?? "";
  return [...section.matchAll(/^\| `([a-z_]+)` \|/gm)].map((m) => m[1]!).sort();
}

describe("shopify.app.toml [access_scopes]", () => {
  const toml = join(root, "shopify.app.toml");
  const requested = loadAppConfig(toml, ADMIN_API_VERSION).scopes!.split(",").map((s) => s.trim());
  const needs = appNeeds(toml);

  it("finds what the documents and topics ask for", () => {
    const wheres = needs.map((n) => n.where);
    expect(wheres.some((w) => w.endsWith("Mutation.fulfillmentOrderMove"))).toBe(true);
    expect(wheres).toContain("webhook orders/create");
    // A held order's new risk assessment (orders/risk_assessment_changed: "Requires the `read_orders` scope").
    expect(needs.find((n) => n.where === "webhook orders/risk_assessment_changed")?.requirement.clauses).toEqual([["read_orders"]]);
    expect(needs.length).toBeGreaterThan(50);
  });

  const derived = deriveScopes(needs, [...Object.keys(DECISIONS), APP_PROXY_SCOPE]);

  it("requests exactly the scopes the code needs, each once", () => {
    expect(compareScopes(requested, derived)).toEqual({ missing: [], unused: [] });
    expect(new Set(requested).size).toBe(requested.length);
  });

  it("would catch a toml that drops a needed scope or adds one nothing uses", () => {
    expect(compareScopes(requested.filter((s) => s !== "read_locations"), derived)).toEqual({ missing: ["read_locations"], unused: [] });
    expect(compareScopes([...requested, "write_inventory"], derived)).toEqual({ missing: [], unused: ["write_inventory"] });
    // A document that starts using draft orders would need a scope the toml lacks.
    const more = deriveScopes(
      [...needs, ...documentRequirements(schema, access, "query Q { draftOrders(first: 1) { nodes { id } } }").map((r) => ({ where: "Q", requirement: r.requirement }))],
      [...Object.keys(DECISIONS), APP_PROXY_SCOPE],
    );
    expect(compareScopes(requested, more).missing).toEqual(["read_draft_orders"]);
  });

  it("justifies every requested scope in README's Access scopes table, and no other", () => {
    expect(readmeScopes()).toEqual([...requested].sort());
  });

  it("meets every need with what it requests", () => {
    const held = effectiveScopes(requested);
    const unmet = needs.flatMap((n) =>
      n.requirement.clauses.filter((c) => !c.some((s) => held.has(s))).map((c) => `${n.where}: ${c.join(" | ")}`),
    );
    expect(unmet).toEqual([]);
  });

  it("keeps the fixture toml of the simulator's tests able to receive its topics", () => {
    const fixture = join(root, "tests", "fixtures", "simulator.shopify.app.toml");
    const held = effectiveScopes(loadAppConfig(fixture, ADMIN_API_VERSION).scopes!.split(","));
    const unmet = topicNeeds(fixture).filter((n) => n.requirement.clauses.some((c) => !c.some((s) => held.has(s))));
    expect(unmet.map((n) => n.where)).toEqual([]);
  });
});

describe("the derivation itself", () => {
  const needsOf = (source: string) => documentRequirements(schema, access, source).flatMap((r) => r.requirement.clauses);

  it("reads a root connection as its node type", () => {
    expect(needsOf("query Q { orders(first: 1) { nodes { id } } }")).toContainEqual([
      "read_orders",
      "read_marketplace_orders",
      "read_quick_sale",
    ]);
  });

  it("reads a mutation's own requirement", () => {
    expect(
      needsOf(`mutation M($id: ID!, $to: ID!) { fulfillmentOrderMove(id: $id, newLocationId: $to) { userErrors { message } } }`),
    ).toContainEqual(["write_merchant_managed_fulfillment_orders", "write_third_party_fulfillment_orders"]);
  });

  it("reads a field's own requirement and the type behind a fragment", () => {
    const clauses = needsOf(`query Q($id: ID!) { node(id: $id) { ... on InventoryItem { inventoryLevels(first: 1) { nodes { id } } } } }`);
    expect(clauses).toContainEqual(["read_inventory", "read_products"]);
    expect(clauses).toContainEqual(["read_inventory"]);
  });

  it("takes the first scope Shopify names unless a narrower need or a decision already meets the clause", () => {
    const need = (...clause: string[]) => ({ where: "x", requirement: { text: "", clauses: [clause] } });
    expect(deriveScopes([need("read_a", "read_b")], [])).toEqual(["read_a"]);
    expect(deriveScopes([need("read_a", "read_b")], ["write_b"])).toEqual(["write_b"]);
    expect(deriveScopes([need("read_a", "read_b", "read_c"), need("write_b", "write_c")], [])).toEqual(["write_b"]);
  });

  it("reads an input field's requirement through a variable's input type", () => {
    expect(needsOf(`mutation M($input: GiftCardCreateInput!) { giftCardCreate(input: $input) { userErrors { message } } }`)).toContainEqual([
      "write_customers",
    ]);
  });

  it("drops a read scope its write scope grants", () => {
    expect(minimal(["read_orders", "write_orders", "read_products"])).toEqual(["read_products", "write_orders"]);
  });
});
