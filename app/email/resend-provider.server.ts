import { Resend } from "resend";
import type { EmailProvider, OutgoingEmail, SendResult } from "./provider";

export interface ResendProviderOptions {
  apiKey: string;
  /** Resend's API origin (RESEND_BASE_URL); tests use tools/resend-stand-in.ts. */
  baseUrl?: string;
  /** Give up on one request after this long (a retry follows). Default 15 s. */
  timeoutMs?: number;
}

/** Resend error names a later attempt can fix; everything else (validation, auth, quota) cannot. */
const RETRYABLE_CODES = new Set(["rate_limit_exceeded", "concurrent_idempotent_requests", "application_error", "internal_server_error"]);

/** Resend idempotency keys are 1–256 characters. */
const MAX_IDEMPOTENCY_KEY = 256;

/**
 * Sends through Resend's API with the `resend` SDK (`POST {baseUrl}/emails`). The SDK already turns
 * HTTP and network failures into `{ error }`; this maps them onto SendResult and never throws.
 */
export function resendProvider(options: ResendProviderOptions): EmailProvider {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/+$/, "") } : undefined);
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    kind: "resend",
    async send(email: OutgoingEmail): Promise<SendResult> {
      if (!email.idempotencyKey || email.idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
        return { status: "error", error: "The idempotency key must be 1 to 256 characters", retryable: false, code: "invalid_idempotency_key" };
      }
      try {
        const { data, error } = await client.emails.send(
          {
            from: email.from,
            to: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
            ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          },
          { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
        );
        if (error) {
          const status = error.statusCode;
          const retryable = status === null || status >= 500 || RETRYABLE_CODES.has(error.name);
          const where = status === null ? "no answer from Resend" : `Resend answered ${status}`;
          return { status: "error", error: `${where}: ${error.name}: ${error.message}`, retryable, code: error.name };
        }
        if (!data?.id) return { status: "error", error: "Resend answered without a message id", retryable: true };
        return { status: "success", id: data.id };
      } catch (error) {
        // The SDK catches fetch failures itself; this is for anything it does not (a bug, an abort).
        return { status: "error", error: `Sending failed: ${error instanceof Error ? error.message : String(error)}`, retryable: true };
      }
    },
  };
}
