import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestSimulator, warehouseItem, type TestSimulator, type Loose } from "./helpers";

let t: TestSimulator;
let itemId: string;
let warehouse: string;
beforeEach(async () => {
  t = await startTestSimulator();
  ({ itemId, warehouse } = await warehouseItem(t, "TEE-S"));
});
afterEach(() => t.close());

async function quantities(): Promise<Record<string, number>> {
  const data = await t.data(`query($i: ID!, $l: ID!) { inventoryItem(id: $i) { inventoryLevel(locationId: $l) { quantities(names: ["available", "on_hand", "committed", "damaged"]) { name quantity } } } }`, { i: itemId, l: warehouse });
  return Object.fromEntries(data.inventoryItem.inventoryLevel.quantities.map((q: Loose) => [q.name, q.quantity]));
}

const SET = (key: string) => `mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) @idempotent(key: "${key}") {
  inventoryAdjustmentGroup { id reason changes { name delta quantityAfterChange item { sku } location { name } } } userErrors { field message code } } }`;
const ADJUST = (key: string) => `mutation($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) @idempotent(key: "${key}") {
  inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } } userErrors { field message code } } }`;

describe("inventorySetQuantities", () => {
  it("sets available through on_hand, keeping committed", async () => {
    expect(await quantities()).toEqual({ available: 48, on_hand: 50, committed: 2, damaged: 0 });
    const data = await t.data(SET("k1"), { input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId: warehouse, quantity: 10, changeFromQuantity: 48 }] } });
    const result = data.inventorySetQuantities;
    expect(result.userErrors).toEqual([]);
    expect(result.inventoryAdjustmentGroup.reason).toBe("correction");
    expect(result.inventoryAdjustmentGroup.changes).toContainEqual({ name: "available", delta: -38, quantityAfterChange: 10, item: { sku: "TEE-S" }, location: { name: "Warehouse" } });
    expect(await quantities()).toEqual({ available: 10, on_hand: 12, committed: 2, damaged: 0 });
  });

  it("rejects a stale changeFromQuantity (compare-and-swap) and changes nothing", async () => {
    const data = await t.data(SET("k2"), { input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId: warehouse, quantity: 10, changeFromQuantity: 47 }] } });
    expect(data.inventorySetQuantities.inventoryAdjustmentGroup).toBeNull();
    expect(data.inventorySetQuantities.userErrors).toEqual([
      { field: ["input", "quantities", "0", "changeFromQuantity"], message: "The changeFromQuantity value does not match persisted value.", code: "CHANGE_FROM_QUANTITY_STALE" },
    ]);
    expect((await quantities()).available).toBe(48);
  });

  it("requires changeFromQuantity to be given (null skips the check)", async () => {
    const omitted = await t.data(SET("k3"), { input: { name: "on_hand", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId: warehouse, quantity: 7 }] } });
    expect(omitted.inventorySetQuantities.userErrors[0].code).toBe("COMPARE_QUANTITY_REQUIRED");
    const skipped = await t.data(SET("k4"), { input: { name: "on_hand", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId: warehouse, quantity: 7, changeFromQuantity: null }] } });
    expect(skipped.inventorySetQuantities.userErrors).toEqual([]);
    expect(await quantities()).toMatchObject({ on_hand: 7, available: 5 });
  });

  it("validates name, reason, item and location", async () => {
    const run = async (input: Record<string, unknown>) => (await t.data(SET(`v-${JSON.stringify(input).length}-${Math.random()}`), { input })).inventorySetQuantities.userErrors.map((e: Loose) => e.code);
    const q = { inventoryItemId: itemId, locationId: warehouse, quantity: 1, changeFromQuantity: null };
    expect(await run({ name: "committed", reason: "correction", quantities: [q] })).toEqual(["INVALID_NAME"]);
    expect(await run({ name: "available", reason: "because", quantities: [q] })).toEqual(["INVALID_REASON"]);
    expect(await run({ name: "available", reason: "correction", quantities: [{ ...q, inventoryItemId: "gid://shopify/InventoryItem/999999" }] })).toEqual(["INVALID_INVENTORY_ITEM"]);
    expect(await run({ name: "available", reason: "correction", quantities: [{ ...q, locationId: "gid://shopify/Location/999999" }] })).toEqual(["INVALID_LOCATION"]);
  });

  it("requires the @idempotent directive and replays a repeated key", async () => {
    const withoutKey = await t.gql(`mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }`, {
      input: { name: "available", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId: warehouse, quantity: 1, changeFromQuantity: null }] },
    });
    expect((withoutKey.errors as { message: string }[])[0]!.message).toMatch(/@idempotent/);
    const input = { name: "on_hand", reason: "correction", quantities: [{ inventoryItemId: itemId, locationId: warehouse, quantity: 40, changeFromQuantity: null }] };
    await t.data(SET("same"), { input });
    await t.data(ADJUST("other"), { input: { name: "available", reason: "correction", changes: [{ inventoryItemId: itemId, locationId: warehouse, delta: 5, changeFromQuantity: null }] } });
    const replay = await t.data(SET("same"), { input });
    expect(replay.inventorySetQuantities.userErrors).toEqual([]);
    expect((await quantities()).on_hand).toBe(45); // the replay did not set 40 again
    const mismatch = await t.data(SET("same"), { input: { ...input, quantities: [{ ...input.quantities[0], quantity: 1 }] } });
    expect(mismatch.inventorySetQuantities.userErrors[0].code).toBe("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
  });
});

describe("inventoryAdjustQuantities", () => {
  it("adjusts available by a delta", async () => {
    const data = await t.data(ADJUST("a1"), { input: { name: "available", reason: "received", changes: [{ inventoryItemId: itemId, locationId: warehouse, delta: -8, changeFromQuantity: 48 }] } });
    expect(data.inventoryAdjustQuantities.userErrors).toEqual([]);
    expect(data.inventoryAdjustQuantities.inventoryAdjustmentGroup.changes).toContainEqual({ name: "available", delta: -8, quantityAfterChange: 40 });
    expect(await quantities()).toEqual({ available: 40, on_hand: 42, committed: 2, damaged: 0 });
  });

  it("moves units into damaged (on_hand up, available unchanged) with a ledger document", async () => {
    const data = await t.data(ADJUST("a2"), { input: { name: "damaged", reason: "damaged", changes: [{ inventoryItemId: itemId, locationId: warehouse, delta: 3, changeFromQuantity: null, ledgerDocumentUri: "gid://crossdock/Damage/1" }] } });
    expect(data.inventoryAdjustQuantities.userErrors).toEqual([]);
    expect(await quantities()).toEqual({ available: 48, on_hand: 53, committed: 2, damaged: 3 });
  });

  it("returns userErrors for an invalid quantity name, a missing ledger document and a stale changeFromQuantity", async () => {
    const run = async (key: string, name: string, change: Record<string, unknown>) =>
      (await t.data(ADJUST(key), { input: { name, reason: "correction", changes: [{ inventoryItemId: itemId, locationId: warehouse, delta: 1, changeFromQuantity: null, ...change }] } })).inventoryAdjustQuantities.userErrors.map((e: Loose) => e.code);
    expect(await run("e1", "committed", {})).toEqual(["INVALID_QUANTITY_NAME"]);
    expect(await run("e2", "damaged", {})).toEqual(["INVALID_QUANTITY_DOCUMENT"]);
    expect(await run("e3", "available", { changeFromQuantity: 1 })).toEqual(["CHANGE_FROM_QUANTITY_STALE"]);
    expect((await quantities()).available).toBe(48);
  });
});

describe("replacements of deprecated fields (FIDELITY DP-1, DP-2)", () => {
  it("DP-1: InventoryItem.variants lists the variant that references the item, as the deprecated variant did", async () => {
    const data = await t.data(`query($i: ID!) { inventoryItem(id: $i) { variant { id sku } variants(first: 5) { nodes { id sku } pageInfo { hasNextPage } } } }`, { i: itemId });
    expect(data.inventoryItem.variants.nodes).toEqual([data.inventoryItem.variant]);
    expect(data.inventoryItem.variants.nodes[0].sku).toBe("TEE-S");
    expect(data.inventoryItem.variants.pageInfo.hasNextPage).toBe(false);
    const levels = await t.data(`query($l: ID!) { location(id: $l) { inventoryLevels(first: 50) { nodes { item { sku variants(first: 1) { nodes { sku } } } } } } }`, { l: warehouse });
    for (const level of levels.location.inventoryLevels.nodes) expect(level.item.variants.nodes).toEqual([{ sku: level.item.sku }]);
  });

  it("DP-2: Shop.shopAddress carries the shop's country and ShopPlan.publicDisplayName one of the documented names", async () => {
    const data = await t.data(`{ shop { billingAddress { countryCodeV2 } shopAddress { countryCodeV2 } plan { displayName publicDisplayName } } }`);
    expect(data.shop.shopAddress.countryCodeV2).toBe("US");
    expect(data.shop.shopAddress).toEqual(data.shop.billingAddress);
    // schema: ShopPlan.publicDisplayName "Possible values are: Advanced, Agentic, … Development, …"
    const documented = ["Advanced", "Agentic", "Agentic Enterprise", "Basic", "Development", "Grow", "Inactive", "Lite", "Other", "Paused", "Plus", "Plus Trial", "Retail", "Shop Component", "Staff Business", "Starter", "Trial"];
    expect(documented).toContain(data.shop.plan.publicDisplayName);
  });
});
