// The storefront availability cache's bookkeeping (app/services/availability-cache.server.ts): a
// load that an invalidation overtook is not kept, and that holds per shop: one shop's stock changes
// never cost another shop its loads.
import { beforeEach, describe, expect, it } from "vitest";
import { configureAvailabilityCache, invalidateAvailability, shopEntry, variantEntry } from "~/services/availability-cache.server";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** A variant load answered by hand, counting its calls. */
function loader() {
  const calls: ReturnType<typeof deferred<{ value: number; version: string }>>[] = [];
  const load = () => {
    const d = deferred<{ value: number; version: string }>();
    calls.push(d);
    return d.promise;
  };
  return { calls, load };
}

beforeEach(() => configureAvailabilityCache("reset"));

describe("the availability cache's loads", () => {
  it("keeps a variant load another shop's invalidation overtook, drops one its own shop's overtook", async () => {
    const a = loader();
    const pending = variantEntry("a.myshopify.com", "v1", a.load);
    invalidateAvailability("b.myshopify.com", "v1"); // another shop
    a.calls[0]!.resolve({ value: 1, version: "1" });
    expect((await pending).value).toBe(1);
    const second = variantEntry("a.myshopify.com", "v1", a.load);
    expect(a.calls).toHaveLength(1); // kept: served from memory
    expect((await second).value).toBe(1);

    const b = loader();
    const overtaken = variantEntry("a.myshopify.com", "v2", b.load);
    invalidateAvailability("a.myshopify.com", "v9"); // the same shop, another variant: still a change of it
    b.calls[0]!.resolve({ value: 2, version: "2" });
    expect((await overtaken).value).toBe(2); // the caller gets it
    const again = variantEntry("a.myshopify.com", "v2", b.load);
    expect(b.calls).toHaveLength(2); // but it was not kept
    b.calls[1]!.resolve({ value: 3, version: "3" });
    expect((await again).value).toBe(3);
  });

  it("drops the variants a shop check names, and keeps the others", async () => {
    let changed: string[] = [];
    const io = { check: async () => ({ version: "s1", since: "10", changed }), load: async () => "shop" };
    configureAvailabilityCache({ revalidateAfterMs: 0 });
    await shopEntry("a.myshopify.com", io);
    const loads: string[] = [];
    const load = (id: string) => async () => (loads.push(id), { value: id, version: id });
    await variantEntry("a.myshopify.com", "v1", load("v1"));
    await variantEntry("a.myshopify.com", "v2", load("v2"));
    changed = ["v2"];
    await shopEntry("a.myshopify.com", io);
    await variantEntry("a.myshopify.com", "v1", load("v1"));
    await variantEntry("a.myshopify.com", "v2", load("v2"));
    expect(loads).toEqual(["v1", "v2", "v2"]);
  });

  it("asks what changed since its last check, unless that check is older than restartAfterMs", async () => {
    const asked: (string | null)[] = [];
    const io = { check: async (since: string | null) => (asked.push(since), { version: "s1", since: String(asked.length), changed: [] }), load: async () => "shop" };
    configureAvailabilityCache({ revalidateAfterMs: 0, restartAfterMs: 60_000 });
    await shopEntry("a.myshopify.com", io);
    await shopEntry("a.myshopify.com", io);
    expect(asked).toEqual([null, "1"]);
    configureAvailabilityCache({ revalidateAfterMs: 0, restartAfterMs: 0 });
    asked.length = 0;
    await shopEntry("a.myshopify.com", io);
    await shopEntry("a.myshopify.com", io);
    expect(asked).toEqual([null, null]);
  });
});
