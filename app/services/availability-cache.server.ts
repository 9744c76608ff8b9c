/**
 * The storefront availability cache: in-process, per shop and per (shop, variant).
 *
 * Correctness does not rest on invalidation alone. Each entry carries a fingerprint of the rows it
 * was built from (models/storefront-availability.server.ts); once an entry is older than
 * `revalidateAfterMs` the next request compares the fingerprint with one cheap indexed query and
 * reloads on a difference. So a change written by another process (the webhook worker, a second
 * web instance) shows within `revalidateAfterMs`, and `invalidateAvailability` — called by the
 * pipeline after it stores an inventory update, in whichever process that is — makes it immediate
 * in this one.
 */

export interface CacheOptions {
  /**
   * Entries younger than this are served without asking the database (default 500 ms: with the
   * fingerprint query's own time, a change another process wrote shows within the README's second).
   */
  revalidateAfterMs: number;
  /** At most this many (shop, variant) entries; least recently used go first (default 10 000). */
  maxVariants: number;
  /** At most this many shops (default 1 000). */
  maxShops: number;
}

const defaults: CacheOptions = { revalidateAfterMs: 500, maxVariants: 10_000, maxShops: 1_000 };
let options: CacheOptions = { ...defaults };

/** A Map keeps insertion order: re-inserting on read makes the first key the least recently used. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: () => number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max()) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  delete(key: K): boolean {
    return this.map.delete(key);
  }

  deleteWhere(predicate: (key: K) => boolean): number {
    let n = 0;
    for (const key of [...this.map.keys()]) if (predicate(key) && this.map.delete(key)) n++;
    return n;
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

export interface Entry<T> {
  value: T;
  version: string;
  /** When the version was last confirmed (ms, performance clock). */
  checkedAt: number;
}

const inflight = new Map<string, Promise<unknown>>();
/** Bumped by every invalidation: a load that started before one is not kept. */
let epoch = 0;

export const shopEntries = new Lru<string, Entry<unknown>>(() => options.maxShops);
export const variantEntries = new Lru<string, Entry<unknown>>(() => options.maxVariants);

export function variantKey(shopDomain: string, variantId: string): string {
  return `${shopDomain}\u0000${variantId}`;
}

export function cacheOptions(): Readonly<CacheOptions> {
  return options;
}

/** Tests and benchmarks tune the cache; `reset` restores the defaults. Clears it either way. */
export function configureAvailabilityCache(next: Partial<CacheOptions> | "reset"): void {
  options = next === "reset" ? { ...defaults } : { ...options, ...next };
  epoch++;
  inflight.clear();
  shopEntries.clear();
  variantEntries.clear();
}

type ShopKey = string | { domain: string };
const domainOf = (shop: ShopKey) => (typeof shop === "string" ? shop : shop.domain);

/**
 * Forget what this process cached for a variant of a shop (after its stock changed). Without a
 * variant: everything about the shop (its locations or settings changed).
 */
export function invalidateAvailability(shop: ShopKey, variantId?: string | null): void {
  const domain = domainOf(shop);
  epoch++;
  if (variantId) {
    const key = variantKey(domain, variantId);
    variantEntries.delete(key);
    inflight.delete(key);
    return;
  }
  shopEntries.delete(domain);
  inflight.delete(domain);
  const prefix = `${domain}\u0000`;
  variantEntries.deleteWhere((key) => key.startsWith(prefix));
  for (const key of [...inflight.keys()]) if (key.startsWith(prefix)) inflight.delete(key);
}

/**
 * The cached value, revalidated by fingerprint when due, else loaded. `load` returns the value with
 * the fingerprint of the rows it was built from, so a miss costs one read; when `load` cannot read
 * both at once it reads the fingerprint first, so a write landing in between leaves a stale
 * fingerprint (reloaded next time), never a stale value under a fresh one. Concurrent misses of
 * one key share a single load.
 */
export async function cached<T>(
  lru: Lru<string, Entry<unknown>>,
  key: string,
  io: { version: () => Promise<string>; load: () => Promise<{ value: T; version: string }> },
): Promise<Entry<T>> {
  const entry = lru.get(key) as Entry<T> | undefined;
  if (entry && performance.now() - entry.checkedAt < options.revalidateAfterMs) return entry;
  const running = inflight.get(key) as Promise<Entry<T>> | undefined;
  if (running) return running;
  const startedEpoch = epoch;
  const work = (async (): Promise<Entry<T>> => {
    if (entry) {
      const version = await io.version();
      if (version === entry.version) {
        entry.checkedAt = performance.now();
        return entry;
      }
    }
    const loaded = await io.load();
    const fresh: Entry<T> = { value: loaded.value, version: loaded.version, checkedAt: performance.now() };
    // An invalidation during the load wins: don't keep what may predate it.
    if (epoch === startedEpoch) lru.set(key, fresh as Entry<unknown>);
    return fresh;
  })();
  inflight.set(key, work);
  try {
    return await work;
  } finally {
    if (inflight.get(key) === work) inflight.delete(key);
  }
}

/**
 * Gathers lookups into batches: a key asked while fewer than `maxInFlight` batches are running goes
 * out at once, with whatever else was asked in the same tick; keys asked while all slots are busy
 * wait and leave together in the next batch (at most `maxBatch` keys each). At low load nothing
 * waits; under load N lookups cost one statement instead of N round trips to the database (the
 * largest cost of the storefront endpoint in bench:availability's CPU profiles).
 */
export class Batcher<V> {
  private waiting = new Map<string, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (keys: string[]) => Promise<Map<string, V>>,
    private readonly limits: { maxInFlight: number; maxBatch: number },
  ) {}

  get(key: string): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(key, [{ resolve, reject }]);
      if (!this.scheduled && this.inFlight < this.limits.maxInFlight) {
        this.scheduled = true;
        queueMicrotask(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    while (this.waiting.size > 0 && this.inFlight < this.limits.maxInFlight) {
      const batch = new Map<string, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>();
      for (const [key, waiters] of this.waiting) {
        if (batch.size >= this.limits.maxBatch) break;
        batch.set(key, waiters);
      }
      for (const key of batch.keys()) this.waiting.delete(key);
      this.inFlight++;
      this.run([...batch.keys()])
        .then(
          (results) => {
            for (const [key, waiters] of batch) for (const w of waiters) w.resolve(results.get(key));
          },
          (error: unknown) => {
            for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
          },
        )
        .finally(() => {
          this.inFlight--;
          this.flush();
        });
    }
  }
}
