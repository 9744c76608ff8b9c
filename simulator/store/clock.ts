/**
 * The simulator's clock: wall time plus an offset the control API can advance
 * (`POST /_control/clock`), so a test can make an hour pass without waiting for it. Token lifetimes
 * (simulator/store/access-tokens.ts) are measured on it.
 */
export class SimulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves the clock forward (never back: Shopify's time does not run backwards). */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError("The clock only moves forward");
    this.offsetMs += ms;
  }

  get offset(): number {
    return this.offsetMs;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
