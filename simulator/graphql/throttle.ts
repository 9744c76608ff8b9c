/** Shopify's per-shop leaky bucket of query cost points. */
import type { BucketState } from "../store/shop-state";

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

/** Sets the bucket size / restore rate (control API); the bucket starts full. */
export function configureBucket(bucket: BucketState, settings: { maximumAvailable?: number; restoreRate?: number; currentlyAvailable?: number }): void {
  if (settings.maximumAvailable !== undefined) bucket.maximumAvailable = settings.maximumAvailable;
  if (settings.restoreRate !== undefined) bucket.restoreRate = settings.restoreRate;
  bucket.currentlyAvailable = Math.min(bucket.maximumAvailable, settings.currentlyAvailable ?? bucket.maximumAvailable);
  bucket.updatedAtMs = Date.now();
}
