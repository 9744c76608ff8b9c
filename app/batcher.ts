/**
 * Group commit for hot statements: many concurrent callers' lookups or writes leave as one
 * statement. Used by the storefront availability reads (services/get-availability.server.ts), the
 * webhook inbox (models/webhook-deliveries.server.ts: store, claim, finish) and the BullMQ enqueue.
 */

/**
 * Gathers lookups into batches: a key asked while fewer than `maxInFlight` batches are running goes
 * out at once, with whatever else was asked in the same tick; keys asked while all slots are busy
 * wait and leave together in the next batch (at most `maxBatch` keys each). At low load nothing
 * waits; under load N lookups cost one statement instead of N round trips to the database (the
 * largest cost of the storefront endpoint in bench:availability's CPU profiles).
 *
 * `lingerMs` (for work nobody waits on, such as a worker's bookkeeping): a first key waits that long
 * for company before it leaves, unless `maxBatch` keys gather first. Larger batches, fewer statements.
 */
export class Batcher<V, I = undefined> {
  private waiting = new Map<string, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>();
  private inputs = new Map<string, I>();
  private inFlight = 0;
  private scheduled = false;
  private lingering: ReturnType<typeof setTimeout> | undefined;

  /**
   * `run` answers a batch: the keys, and the input given with each (the first one, when a key is
   * asked twice before its batch leaves: both callers get the one answer).
   */
  constructor(
    private readonly run: (keys: string[], inputs: ReadonlyMap<string, I>) => Promise<Map<string, V>>,
    private readonly limits: { maxInFlight: number; maxBatch: number; lingerMs?: number },
  ) {}

  get(key: string, ...input: I extends undefined ? [] : [I]): Promise<V | undefined> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(key);
      if (waiters) waiters.push({ resolve, reject });
      else {
        this.waiting.set(key, [{ resolve, reject }]);
        this.inputs.set(key, input[0] as I);
      }
      if (!this.scheduled && this.inFlight < this.limits.maxInFlight) {
        this.scheduled = true;
        if (this.limits.lingerMs) this.lingering = setTimeout(this.fire, this.limits.lingerMs);
        else queueMicrotask(this.fire);
      } else if (this.lingering && this.waiting.size >= this.limits.maxBatch) {
        this.fire();
      }
    });
  }

  private readonly fire = (): void => {
    clearTimeout(this.lingering);
    this.lingering = undefined;
    this.scheduled = false;
    this.flush();
  };

  private flush(): void {
    while (this.waiting.size > 0 && this.inFlight < this.limits.maxInFlight) {
      const batch = new Map<string, { resolve: (value: V | undefined) => void; reject: (error: unknown) => void }[]>();
      for (const [key, waiters] of this.waiting) {
        if (batch.size >= this.limits.maxBatch) break;
        batch.set(key, waiters);
      }
      const inputs = new Map<string, I>();
      for (const key of batch.keys()) {
        this.waiting.delete(key);
        inputs.set(key, this.inputs.get(key) as I);
        this.inputs.delete(key);
      }
      this.inFlight++;
      // A `run` that throws at once is a failed batch, like one that rejects.
      Promise.resolve()
        .then(() => this.run([...batch.keys()], inputs))
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
