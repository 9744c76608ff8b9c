// HMAC-SHA256 signing for the customer portal: order access tokens, signed URLs (labels) and CSRF
// tokens. Every signature is domain-separated by a purpose string, compared in constant time, and
// keyed by PORTAL_SECRET (app/env.server.ts).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "~/env.server";

export type SigningPurpose = "order-access" | "signed-url" | "csrf" | "lookup";

let secretOverride: string | undefined;

/** Tests only: sign with another secret (undefined restores the environment's). */
export function setPortalSecretForTests(secret: string | undefined): void {
  secretOverride = secret;
}

function secret(): string {
  return secretOverride ?? env().PORTAL_SECRET;
}

export function base64url(bytes: Buffer | string): string {
  return Buffer.from(bytes).toString("base64url");
}

export function fromBase64url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  return Buffer.from(text, "base64url").toString("utf8");
}

/** base64url(HMAC-SHA256(secret, purpose "\n" parts joined by "\n")). */
export function sign(purpose: SigningPurpose, ...parts: string[]): string {
  return createHmac("sha256", secret()).update([purpose, ...parts].join("\n")).digest("base64url");
}

/** Constant-time comparison of two strings (different lengths compare as unequal, still in constant time). */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  // Compare equal-length digests so that neither the content nor the length leaks through timing.
  const dl = createHmac("sha256", "cmp").update(left).digest();
  const dr = createHmac("sha256", "cmp").update(right).digest();
  return timingSafeEqual(dl, dr) && left.length === right.length;
}

export function verifySignature(signature: string, purpose: SigningPurpose, ...parts: string[]): boolean {
  return constantTimeEqual(signature, sign(purpose, ...parts));
}

export function randomToken(bytes = 18): string {
  return randomBytes(bytes).toString("base64url");
}

export function nowSeconds(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000);
}
