// Who an email is from: the address of EMAIL_FROM, shown with the shop's brand name, so the shopper
// sees "Saigon Threads <notifications@…>" and replies go to the shop (reply-to).

/** The bare address of "Name <address>" or "address". */
export function addressOf(from: string): string {
  const match = /<([^<>]+)>\s*$/.exec(from);
  return (match ? match[1]! : from).trim();
}

/** `"Brand" <address>`: quotes, angle brackets and line breaks are removed from the display name. */
export function senderFor(emailFrom: string, displayName: string | null | undefined): string {
  const name = (displayName ?? "").replace(/["<>\\\r\n]/g, "").replace(/\s+/g, " ").trim().slice(0, 100);
  const address = addressOf(emailFrom);
  return name ? `"${name}" <${address}>` : emailFrom;
}

/**
 * The key Resend dedupes on: Crossdock's Resend account serves every shop, so the shop is part of
 * it. Resend accepts 1–256 characters; longer keys are hashed (deterministically).
 */
export function providerIdempotencyKey(shopId: string, idempotencyKey: string, hash: (s: string) => string): string {
  const key = `crossdock/${shopId}/${idempotencyKey}`;
  return key.length <= 256 ? key : `crossdock/${shopId}/sha256-${hash(idempotencyKey)}`;
}
