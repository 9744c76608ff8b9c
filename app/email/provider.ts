// The email provider seam (Epic Stack style): `send` resolves to success or error and never throws
// for an expected failure (the provider said no, the network failed). Implementations: Resend
// (resend-provider.server.ts) and the outbox (outbox-provider.server.ts, no API key: nothing leaves).

export interface OutgoingEmail {
  /** "Name <address@domain>" or an address. */
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Where the shopper's reply goes (the shop's own address), if any. */
  replyTo?: string | null;
  /**
   * The same key on a retried send must never produce a second message (Resend keeps keys for
   * 24 hours and answers a repeated key with the first response).
   */
  idempotencyKey: string;
}

export type SendResult =
  | { status: "success"; id: string }
  | {
      status: "error";
      /** Human-readable, shown on the Emails page. */
      error: string;
      /** A later attempt may succeed (network, 5xx, rate limit, a concurrent request with the key). */
      retryable: boolean;
      /** The provider's error code (Resend's `name`, e.g. "validation_error"), when it gave one. */
      code?: string;
    };

export interface EmailProvider {
  /** "outbox": messages are recorded only (status OUTBOX); nothing is delivered. */
  readonly kind: "resend" | "outbox";
  send(email: OutgoingEmail): Promise<SendResult>;
}
