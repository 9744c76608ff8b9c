// The email job's body: send one stored message exactly once.
//
// Exactly once, even when a process dies between Resend's answer and the database update: every
// attempt at a message sends it with the same Idempotency-Key (derived from the shop and the
// message's key), so a repeated request returns the first message's id and sends nothing new. The
// row is the record: attempts and the last error are kept on it, and SENT/OUTBOX rows are never
// sent again.
import { createHash } from "node:crypto";
import { env } from "~/env.server";
import type { EmailProvider } from "~/email/provider";
import { providerIdempotencyKey, senderFor } from "~/email/sender";
import { logger } from "~/logger.server";
import {
  beginEmailAttempt,
  finishEmailSent,
  loadEmailSender,
  recordEmailFailure,
} from "~/models/email-messages.server";

/** A failure a later attempt may fix: the job system retries it with back-off. */
export class RetryableEmailError extends Error {
  override name = "RetryableEmailError";
}

export interface SendEmailOptions {
  provider: EmailProvider;
  /** Attempts in all (counted on the message); the last failing one records FAILED. */
  maxAttempts: number;
  /** The job system says no attempt follows this one. */
  finalAttempt?: boolean;
  /** EMAIL_FROM; default from the environment. */
  emailFrom?: string;
}

export type SendEmailOutcome =
  | { outcome: "sent"; providerMessageId: string }
  | { outcome: "outbox" }
  | { outcome: "nothing-to-do"; reason: string }
  | { outcome: "failed"; error: string };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export async function sendEmail(job: { shopId: string; messageId: string }, options: SendEmailOptions): Promise<SendEmailOutcome> {
  const shop = { id: job.shopId };
  const log = logger.child({ shopId: job.shopId, messageId: job.messageId });
  // Counts the attempt first: a crash after this point is still an attempt.
  const message = await beginEmailAttempt(shop, job.messageId);
  if (!message) return { outcome: "nothing-to-do", reason: "The message is not waiting to be sent (sent, in the outbox, failed or gone)" };

  const finalAttempt = options.finalAttempt === true || message.attempts >= options.maxAttempts;
  const sender = await loadEmailSender(shop);
  const result = await options.provider.send({
    from: senderFor(options.emailFrom ?? env().EMAIL_FROM, sender?.settings?.portalBrandName ?? sender?.name),
    to: message.to,
    subject: message.subject,
    html: message.html,
    text: message.text,
    replyTo: sender?.email ?? null,
    idempotencyKey: providerIdempotencyKey(job.shopId, message.idempotencyKey, sha256),
  });

  if (result.status === "success") {
    const status = options.provider.kind === "outbox" ? "OUTBOX" : "SENT";
    await finishEmailSent(shop, message.id, { status, providerMessageId: status === "SENT" ? result.id : null });
    log.info({ kind: message.kind, status, providerMessageId: result.id, attempt: message.attempts }, "email settled");
    return status === "SENT" ? { outcome: "sent", providerMessageId: result.id } : { outcome: "outbox" };
  }

  if (result.retryable && !finalAttempt) {
    await recordEmailFailure(shop, message.id, { error: result.error, final: false });
    log.warn({ kind: message.kind, attempt: message.attempts, error: result.error }, "email attempt failed, will retry");
    throw new RetryableEmailError(result.error);
  }
  await recordEmailFailure(shop, message.id, { error: result.error, final: true });
  log.error({ kind: message.kind, attempt: message.attempts, error: result.error, retryable: result.retryable }, "email failed");
  return { outcome: "failed", error: result.error };
}
