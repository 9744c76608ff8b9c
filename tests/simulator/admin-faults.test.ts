// AF-1..AF-3 (simulator/FIDELITY.md): an injected Admin API outage. The next `count` Admin GraphQL
// requests answer a 5xx (https://shopify.dev/docs/api/usage/response-codes: 500, 502, 503, 504);
// Shopify ran nothing, or (applied) ran it and the answer was lost; optionally late.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SHOP, startTestSimulator, warehouseItem, type Loose, type TestSimulator } from "./helpers";

let t: TestSimulator;
/** TEE-S at the Warehouse: what the mutation changes. */
let level: { itemId: string; warehouse: string };
beforeEach(async () => {
  t = await startTestSimulator();
  level = await warehouseItem(t, "TEE-S");
});
afterEach(() => t.close());

const SHOP_NAME = `{ shop { name } }`;
const ADJUST = (key: string) => `mutation($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) @idempotent(key: "${key}") { userErrors { code } } }`;
const adjust = (key: string) => t.gqlRaw(ADJUST(key), { input: { name: "available", reason: "correction", changes: [{ inventoryItemId: level.itemId, locationId: level.warehouse, delta: 1, changeFromQuantity: null }] } });

async function available(): Promise<number> {
  const data = await t.data(`query($i: ID!, $l: ID!) { inventoryItem(id: $i) { inventoryLevel(locationId: $l) { quantities(names: ["available"]) { quantity } } } }`, { i: level.itemId, l: level.warehouse });
  return data.inventoryItem.inventoryLevel.quantities[0].quantity as number;
}

const faults = (body: unknown) => t.control("PUT", `/_control/shops/${SHOP}/faults`, body);

describe("Admin API 5xx (AF-1)", () => {
  it.each([500, 502, 503, 504])("answers the next requests %i, then serves again", async (status) => {
    expect((await faults({ status, count: 2 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const answer = await t.gqlRaw(SHOP_NAME);
      expect(answer.status).toBe(status);
      expect(((await answer.json()) as Loose).errors).toEqual(expect.any(String));
    }
    const served = await t.gqlRaw(SHOP_NAME);
    expect(served.status).toBe(200);
    expect((await t.control("GET", `/_control/shops/${SHOP}/faults`)).body.faults).toMatchObject({ remaining: 0, failed: { queries: 2, mutations: 0 } });
  });

  it("runs nothing by default: a failed mutation leaves the state as it was", async () => {
    const before = await available();
    await faults({ status: 503, count: 1 });
    expect((await adjust("af-1")).status).toBe(503);
    expect(await available()).toBe(before);
  });

  it("fails only mutations, or only queries, when asked", async () => {
    await faults({ status: 502, count: 1, operations: "mutations" });
    expect((await t.gqlRaw(SHOP_NAME)).status).toBe(200);
    expect((await adjust("af-1b")).status).toBe(502);
    await faults({ status: 502, count: 1, operations: "queries" });
    expect((await adjust("af-1c")).status).toBe(200);
    expect((await t.gqlRaw(SHOP_NAME)).status).toBe(502);
  });

  it("refuses a status Shopify does not document for an outage, and count 0 clears the fault", async () => {
    expect((await faults({ status: 501, count: 1 })).status).toBe(400);
    expect((await faults({ status: 503, count: 5 })).status).toBe(200);
    expect((await faults({ count: 0 })).body.faults).toBeNull();
    expect((await t.gqlRaw(SHOP_NAME)).status).toBe(200);
  });
});

describe("applied: Shopify ran it, the answer was lost (AF-2)", () => {
  it("applies the mutation and answers the 5xx", async () => {
    const before = await available();
    await faults({ status: 504, count: 1, applied: true });
    expect((await adjust("af-2")).status).toBe(504);
    expect(await available()).toBe(before + 1);
  });
});

describe("late answers (AF-3)", () => {
  it("answers after delayMs", async () => {
    await faults({ status: 504, count: 1, delayMs: 400 });
    const started = Date.now();
    expect((await t.gqlRaw(SHOP_NAME)).status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });
});
