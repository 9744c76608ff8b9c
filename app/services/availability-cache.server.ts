/**
 * The storefront availability cache: in-process, per shop and per (shop, variant).
 *
 * Correctness does not rest on this process being told. At most every `revalidateAfterMs` a shop's
 * next request asks PostgreSQL one indexed question (models/storefront-availability.server.ts,
 * `checkStorefrontShop`): has the shop, its settings or its locations changed (a fingerprint), and
 * which variants' levels were written since the last check (each level records the transaction that
 * wrote it; the check remembers the oldest transaction still running when it asked, so a write
 * committed late is still found next time). Changed variants are dropped here; the rest are served
 * from memory without a query. So a change written by another process (the webhook worker, a second
 * web instance) shows within `revalidateAfterMs` plus one check, and `invalidateAvailability` —
 * called by the pipeline after it stores an inventory update, in whichever process that is — makes
 * it immediate in this one.
 */

export interface CacheOptions {
  /**
   * A shop checked less than this long ago is served without asking the database (default 500 ms:
   * with the check's own time, a change another process wrote shows within the README's second).
   */
  revalidateAfterMs: number;
  /**
   * A shop not checked for this long starts afresh instead of asking what changed since (default
   * 60 s: a long way behind, the answer would cost more than reloading what is asked again).
   */
  restartAfterMs: number;
  /** At most this many (shop, variant) entries; least recently used go first (default 10 000). */
  maxVariants: number;
  /** At most this many shops (default 1 000). */
  maxShops: number;
}

const defaults: CacheOptions = { revalidateAfterMs: 500, restartAfterMs: 60_000, maxVariants: 10_000, maxShops: 1_000 };
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
  /** A fingerprint of what the value was built from (for ETags). */
  version: string;
}

/** A shop's entry: its value, and where its change feed stands. */
export interface ShopEntry<T> extends Entry<T> {
  /** The change feed's position after the last check (see `ShopCheck.since`). */
  since: string;
  /** When the shop was last checked (ms, performance clock). */
  checkedAt: number;
}

/** What one check of a shop says (models/storefront-availability.server.ts, `checkStorefrontShop`). */
export interface ShopCheck {
  /** Fingerprint of the shop, its settings and its locations ("none" when unknown or uninstalled). */
  version: string;
  /** Where the next check starts: the oldest transaction still running when this one asked. */
  since: string;
  /** Variants whose levels were written since the previous position; "all" when too many to list. */
  changed: readonly string[] | "all";
}

const inflight = new Map<string, Promise<unknown>>();
/**
 * Per shop, bumped by every invalidation of it: a load that started before one is not kept. Per
 * shop, so that one shop's stock changes never cost another shop its loads; `generation` is bumped
 * when everything is forgotten at once.
 */
const epochs = new Map<string, number>();
let generation = 0;

function epochOf(domain: string): string {
  return `${generation}:${epochs.get(domain) ?? 0}`;
}

function bump(domain: string): void {
  if (epochs.size >= 100_000 && !epochs.has(domain)) {
    epochs.clear();
    generation++;
  }
  epochs.set(domain, (epochs.get(domain) ?? 0) + 1);
}

const shopEntries = new Lru<string, ShopEntry<unknown>>(() => options.maxShops);
const variantEntries = new Lru<string, Entry<unknown>>(() => options.maxVariants);

function variantKey(shopDomain: string, variantId: string): string {
  return `${shopDomain}\u0000${variantId}`;
}

/** Tests and benchmarks tune the cache; `reset` restores the defaults. Clears it either way. */
export function configureAvailabilityCache(next: Partial<CacheOptions> | "reset"): void {
  options = next === "reset" ? { ...defaults } : { ...options, ...next };
  generation++;
  epochs.clear();
  inflight.clear();
  shopEntries.clear();
  variantEntries.clear();
}

type ShopKey = string | { domain: string };
const domainOf = (shop: ShopKey) => (typeof shop === "string" ? shop : shop.domain);

function forgetVariant(domain: string, variantId: string): void {
  const key = variantKey(domain, variantId);
  variantEntries.delete(key);
  inflight.delete(key);
}

function forgetVariantsOf(domain: string): void {
  const prefix = `${domain}\u0000`;
  variantEntries.deleteWhere((key) => key.startsWith(prefix));
  for (const key of [...inflight.keys()]) if (key.startsWith(prefix)) inflight.delete(key);
}

/**
 * Forget what this process cached for a variant of a shop (after its stock changed). Without a
 * variant: everything about the shop (its locations or settings changed).
 */
export function invalidateAvailability(shop: ShopKey, variantId?: string | null): void {
  const domain = domainOf(shop);
  bump(domain);
  if (variantId) {
    forgetVariant(domain, variantId);
    return;
  }
  shopEntries.delete(domain);
  inflight.delete(domain);
  forgetVariantsOf(domain);
}

/** One load per key at a time: concurrent callers share it. */
async function once<E>(key: string, work: () => Promise<E>): Promise<E> {
  const running = inflight.get(key) as Promise<E> | undefined;
  if (running) return running;
  const started = work();
  inflight.set(key, started);
  try {
    return await started;
  } finally {
    if (inflight.get(key) === started) inflight.delete(key);
  }
}

/**
 * The shop's cached value, after a check when one is due. A first sight of the shop (or a changed
 * fingerprint) drops its variants and loads the value; otherwise the check drops the variants it
 * names. `load` runs after the check that fixes the feed's position, so a write it cannot see is
 * found by the next check.
 */
export async function shopEntry<T>(
  domain: string,
  io: { check: (since: string | null) => Promise<ShopCheck>; load: () => Promise<T> },
): Promise<ShopEntry<T>> {
  const found = shopEntries.get(domain) as ShopEntry<T> | undefined;
  const age = found ? performance.now() - found.checkedAt : Infinity;
  if (found && age < options.revalidateAfterMs) return found;
  const entry = age < options.restartAfterMs ? found : undefined;
  return once(domain, async (): Promise<ShopEntry<T>> => {
    const check = await io.check(entry ? entry.since : null);
    if (entry && check.version === entry.version) {
      if (check.changed === "all") forgetVariantsOf(domain);
      else for (const variantId of check.changed) forgetVariant(domain, variantId);
      // A variant load still running may predate what the check found: it is not kept.
      if (check.changed === "all" || check.changed.length > 0) bump(domain);
      entry.since = check.since;
      entry.checkedAt = performance.now();
      return entry;
    }
    // New to this process, or its shop, settings or locations changed: start the shop afresh.
    forgetVariantsOf(domain);
    bump(domain);
    const mark = epochOf(domain);
    const fresh: ShopEntry<T> = { value: await io.load(), version: check.version, since: check.since, checkedAt: performance.now() };
    // An invalidation during the load wins: don't keep what may predate it.
    if (epochOf(domain) === mark) shopEntries.set(domain, fresh as ShopEntry<unknown>);
    return fresh;
  });
}

/** A variant's cached value (kept until a shop check or an invalidation drops it), else loaded. */
export async function variantEntry<T>(domain: string, variantId: string, load: () => Promise<Entry<T>>): Promise<Entry<T>> {
  const key = variantKey(domain, variantId);
  const entry = variantEntries.get(key) as Entry<T> | undefined;
  if (entry) return entry;
  return once(key, async () => {
    const mark = epochOf(domain);
    const fresh = await load();
    // An invalidation during the load wins: don't keep what may predate it.
    if (epochOf(domain) === mark) variantEntries.set(key, fresh as Entry<unknown>);
    return fresh;
  });
}
