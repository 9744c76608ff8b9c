import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator, type TestSimulator, type Loose } from "./helpers";

let t: TestSimulator;
beforeAll(async () => {
  t = await startTestSimulator();
});
afterAll(() => t.close());

const names = async (query: string | null, extra = "") => {
  const data = await t.data(`query($q: String) { orders(first: 50, query: $q ${extra}) { nodes { name } } }`, { q: query });
  return data.orders.nodes.map((o: { name: string }) => o.name);
};

describe("connections", () => {
  it("pages forward with opaque cursors and accurate pageInfo", async () => {
    const page = (after: string | null) =>
      t.data(`query($after: String) { orders(first: 2, after: $after) { edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`, { after });
    const first = (await page(null)).orders;
    expect(first.edges.map((e: Loose) => e.node.name)).toEqual(["#1001", "#1002"]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[1].cursor });
    expect(first.pageInfo.endCursor).not.toContain("1002"); // opaque, not the raw id
    const second = (await page(first.pageInfo.endCursor)).orders;
    expect(second.edges.map((e: Loose) => e.node.name)).toEqual(["#1003", "#1004"]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const third = (await page(second.pageInfo.endCursor)).orders;
    expect(third.edges.map((e: Loose) => e.node.name)).toEqual(["#1005", "#1006"]);
    expect(third.pageInfo.hasNextPage).toBe(false);
  });

  it("pages backward with last/before", async () => {
    const data = await t.data(`{ orders(last: 2) { nodes { name } pageInfo { hasPreviousPage hasNextPage startCursor } } }`);
    expect(data.orders.nodes.map((o: Loose) => o.name)).toEqual(["#1005", "#1006"]);
    expect(data.orders.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await t.data(`query($c: String) { orders(last: 2, before: $c) { nodes { name } } }`, { c: data.orders.pageInfo.startCursor });
    expect(before.orders.nodes.map((o: Loose) => o.name)).toEqual(["#1003", "#1004"]);
  });

  it("sorts with sortKey and reverse", async () => {
    expect(await names(null, ", sortKey: CREATED_AT, reverse: true")).toEqual(["#1006", "#1005", "#1004", "#1003", "#1002", "#1001"]);
    const data = await t.data(`{ locations(first: 5, sortKey: NAME, reverse: true) { nodes { name } } }`);
    expect(data.locations.nodes.map((l: Loose) => l.name)).toEqual(["Warehouse", "SF Store"]);
  });

  it("rejects an invalid cursor", async () => {
    const body = await t.gql(`{ orders(first: 2, after: "not-a-cursor") { nodes { name } } }`);
    expect(Array.isArray(body.errors)).toBe(true);
  });
});

describe("query: filters", () => {
  it("filters orders by created_at and updated_at", async () => {
    expect(await names("created_at:>2026-10-04T00:00:00Z")).toEqual(["#1004", "#1005", "#1006"]);
    expect(await names("created_at:>=2026-10-02 created_at:<2026-10-03")).toEqual(["#1002"]);
    // #1003 was last touched on delivery (2026-10-06T09:00), #1006 on pick-up.
    expect(await names("updated_at:>=2026-10-06T00:00:00Z")).toEqual(["#1003", "#1006"]);
  });

  it("filters orders by name, email, status and fulfillment_status", async () => {
    expect(await names("name:#1002")).toEqual(["#1002"]);
    expect(await names("name:1002")).toEqual(["#1002"]);
    expect(await names("email:lin@example.com")).toEqual(["#1002", "#1004", "#1005"]);
    expect(await names("status:cancelled")).toEqual(["#1004"]);
    expect(await names("status:open")).toEqual(["#1001", "#1002", "#1003", "#1005", "#1006"]);
    expect(await names("fulfillment_status:unshipped")).toEqual(["#1001", "#1004"]);
    expect(await names("fulfillment_status:shipped")).toEqual(["#1003", "#1006"]);
    expect(await names("fulfillment_status:partial")).toEqual(["#1002"]);
    expect(await names("status:open fulfillment_status:unshipped")).toEqual(["#1001"]);
    expect(await names("-status:open")).toEqual(["#1004"]);
    expect(await names("name:#1001 OR name:#1003")).toEqual(["#1001", "#1003"]);
  });

  it("ignores unknown filter keys like Shopify", async () => {
    expect(await names("no_such_key:whatever")).toHaveLength(6);
  });

  it("filters locations by name and products by title or tag", async () => {
    const data = await t.data(`{
      loc: locations(first: 5, query: "name:'SF Store'") { nodes { name } }
      tee: products(first: 5, query: "title:'Crossdock Tee'") { nodes { title } }
      kitchen: products(first: 5, query: "tag:kitchen") { nodes { title } }
      apparel: products(first: 5, query: "tag:APPAREL") { nodes { title } }
      sku: productVariants(first: 5, query: "sku:TEE-M") { nodes { sku } }
    }`);
    expect(data.loc.nodes).toEqual([{ name: "SF Store" }]);
    expect(data.tee.nodes).toEqual([{ title: "Crossdock Tee" }]);
    expect(data.kitchen.nodes).toEqual([{ title: "Enamel Mug" }]);
    expect(data.apparel.nodes).toEqual([{ title: "Crossdock Tee" }]);
    expect(data.sku.nodes).toEqual([{ sku: "TEE-M" }]);
  });
});

describe("ordersCount (QC-15)", () => {
  const count = async (query: string | null, limit?: number | null) =>
    (await t.data(`query($q: String, $limit: Int) { ordersCount(query: $q, limit: $limit) { count precision } }`, { q: query, limit })).ordersCount;

  it("counts what orders(query:) lists, with the same filters", async () => {
    expect(await count(null)).toEqual({ count: 6, precision: "EXACT" });
    for (const query of ["fulfillment_status:fulfilled -status:cancelled", "fulfillment_status:partial", "created_at:>='2026-10-03T00:00:00Z' created_at:<'2026-10-05T00:00:00Z'", "status:cancelled"]) {
      expect((await count(query)).count).toBe((await names(query)).length);
    }
    expect((await count("fulfillment_status:partial")).count).toBe(1);
  });

  it("stops at the limit with precision AT_LEAST; null is no limit", async () => {
    expect(await count(null, 4)).toEqual({ count: 4, precision: "AT_LEAST" });
    expect(await count(null, 6)).toEqual({ count: 6, precision: "EXACT" });
    expect(await count(null, null)).toEqual({ count: 6, precision: "EXACT" });
  });
});
