// The Batcher (app/batcher.ts) behind the storefront availability reads and the webhook inbox:
// lookups asked while every slot is busy leave together; nothing waits when a slot is free.
import { describe, expect, it } from "vitest";
import { Batcher } from "~/batcher";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** A batcher whose batches are answered by hand: `calls` records each batch's keys. */
function manual(limits: { maxInFlight: number; maxBatch: number; lingerMs?: number }) {
  const calls: { keys: string[]; answer: ReturnType<typeof deferred<Map<string, string>>> }[] = [];
  const batcher = new Batcher<string>((keys) => {
    const answer = deferred<Map<string, string>>();
    calls.push({ keys, answer });
    return answer.promise;
  }, limits);
  const answerAll = (i: number) => calls[i]!.answer.resolve(new Map(calls[i]!.keys.map((k) => [k, `v:${k}`])));
  return { batcher, calls, answerAll };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("Batcher", () => {
  it("sends what is asked in one tick as one batch, a key asked twice once", async () => {
    const { batcher, calls, answerAll } = manual({ maxInFlight: 2, maxBatch: 10 });
    const asked = [batcher.get("a"), batcher.get("b"), batcher.get("a")];
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([["a", "b"]]);
    answerAll(0);
    expect(await Promise.all(asked)).toEqual(["v:a", "v:b", "v:a"]);
  });

  it("holds lookups while every slot is busy and sends them together when one frees", async () => {
    const { batcher, calls, answerAll } = manual({ maxInFlight: 1, maxBatch: 10 });
    const first = batcher.get("a");
    await tick();
    const waiting = [batcher.get("b"), batcher.get("c")];
    await tick();
    await tick();
    expect(calls).toHaveLength(1);
    answerAll(0);
    expect(await first).toBe("v:a");
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([["a"], ["b", "c"]]);
    answerAll(1);
    expect(await Promise.all(waiting)).toEqual(["v:b", "v:c"]);
  });

  it("caps a batch at maxBatch keys, answers a key the batch left out with undefined, and rejects a failed batch's lookups only", async () => {
    const { batcher, calls } = manual({ maxInFlight: 1, maxBatch: 2 });
    const busy = batcher.get("x");
    await tick();
    const asked = ["a", "b", "c"].map((k) => batcher.get(k));
    calls[0]!.answer.reject(new Error("database down"));
    await expect(busy).rejects.toThrow("database down");
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([["x"], ["a", "b"]]);
    calls[1]!.answer.resolve(new Map([["a", "v:a"]]));
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([["x"], ["a", "b"], ["c"]]);
    calls[2]!.answer.resolve(new Map([["c", "v:c"]]));
    expect(await Promise.all(asked)).toEqual(["v:a", undefined, "v:c"]);
  });

  it("hands `run` the input given with each key (the first, when a key is asked twice), and treats a throwing run as a failed batch", async () => {
    const seen: [string, number][][] = [];
    const writes = new Batcher<number, number>(
      async (keys, inputs) => {
        seen.push(keys.map((k) => [k, inputs.get(k)!]));
        return new Map(keys.map((k) => [k, inputs.get(k)! * 10]));
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    expect(await Promise.all([writes.get("a", 1), writes.get("b", 2), writes.get("a", 3)])).toEqual([10, 20, 10]);
    expect(seen).toEqual([[["a", 1], ["b", 2]]]);

    const throwing = new Batcher<number>(
      () => {
        throw new Error("bad statement");
      },
      { maxInFlight: 1, maxBatch: 10 },
    );
    await expect(throwing.get("a")).rejects.toThrow("bad statement");
  });

  it("with lingerMs, holds a first key back for company, and lets a full batch leave at once", async () => {
    const lingering = manual({ maxInFlight: 1, maxBatch: 3, lingerMs: 40 });
    const first = lingering.batcher.get("a");
    await new Promise((r) => setTimeout(r, 10));
    expect(lingering.calls).toHaveLength(0);
    const second = lingering.batcher.get("b");
    await new Promise((r) => setTimeout(r, 50));
    expect(lingering.calls.map((c) => c.keys)).toEqual([["a", "b"]]);
    lingering.answerAll(0);
    expect(await Promise.all([first, second])).toEqual(["v:a", "v:b"]);

    const full = manual({ maxInFlight: 1, maxBatch: 2, lingerMs: 60_000 });
    const both = [full.batcher.get("a"), full.batcher.get("b")];
    await tick();
    expect(full.calls.map((c) => c.keys)).toEqual([["a", "b"]]);
    full.answerAll(0);
    expect(await Promise.all(both)).toEqual(["v:a", "v:b"]);
  });
});
