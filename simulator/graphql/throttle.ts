/**
 * Shopify's per-app-and-shop leaky bucket of query cost points (FIDELITY.md, QC-*): the requested
 * cost is taken before execution (THROTTLED when the bucket cannot pay), the unused part
 * (requested − actual) is given back afterwards, and the bucket refills at the plan's restore rate.
 */
import type { BucketState } from "../store/shop-state";

/**
 * Restore rates by plan, from "GraphQL Admin API rate limits" (shopify.dev): Standard 100
 * points/second, Advanced Shopify 200, Shopify Plus 1000, Shopify for enterprise (Commerce
 * Components) 2000. The page gives no bucket size; Shopify's responses report
 * `maximumAvailable` 20 seconds of restore (2000 at 100/s, 20000 at 1000/s, as the docs' own
 * example has 1000 at the former 50/s), so the bucket holds twenty seconds of restore here too.
 */
export const PLANS = {
  standard: { restoreRate: 100, maximumAvailable: 2000 },
  advanced: { restoreRate: 200, maximumAvailable: 4000 },
  plus: { restoreRate: 1000, maximumAvailable: 20000 },
  enterprise: { restoreRate: 2000, maximumAvailable: 40000 },
} as const;
export type Plan = keyof typeof PLANS;

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export function refill(bucket: BucketState, nowMs = Date.now()): void {
  const elapsed = Math.max(0, nowMs - bucket.updatedAtMs) / 1000;
  bucket.currentlyAvailable = Math.min(bucket.maximumAvailable, bucket.currentlyAvailable + elapsed * bucket.restoreRate);
  bucket.updatedAtMs = nowMs;
}

/** Takes `cost` points if the bucket holds them. */
export function take(bucket: BucketState, cost: number, nowMs = Date.now()): boolean {
  refill(bucket, nowMs);
  if (cost > bucket.currentlyAvailable) return false;
  bucket.currentlyAvailable -= cost;
  return true;
}

/** Gives back what was charged but not used (requested − actual). */
export function refund(bucket: BucketState, points: number): void {
  if (points > 0) bucket.currentlyAvailable = Math.min(bucket.maximumAvailable, bucket.currentlyAvailable + points);
}

export function throttleStatus(bucket: BucketState): ThrottleStatus {
  return {
    maximumAvailable: bucket.maximumAvailable,
    currentlyAvailable: Math.floor(bucket.currentlyAvailable),
    restoreRate: bucket.restoreRate,
  };
}

/**
 * Sets the bucket by plan and/or explicit size and restore rate (control API; explicit values win);
 * the bucket starts full unless `currentlyAvailable` says otherwise.
 */
export function configureBucket(
  bucket: BucketState,
  settings: { plan?: Plan; maximumAvailable?: number; restoreRate?: number; currentlyAvailable?: number },
): void {
  if (settings.plan) Object.assign(bucket, PLANS[settings.plan]);
  if (settings.maximumAvailable !== undefined) bucket.maximumAvailable = settings.maximumAvailable;
  if (settings.restoreRate !== undefined) bucket.restoreRate = settings.restoreRate;
  bucket.currentlyAvailable = Math.min(bucket.maximumAvailable, settings.currentlyAvailable ?? bucket.maximumAvailable);
  bucket.updatedAtMs = Date.now();
}
