import { createHash } from "node:crypto";
import { logger } from "~/logger.server";
import type { EmailProvider } from "./provider";

/**
 * No RESEND_API_KEY (the demo, a test): nothing leaves the machine. The send use case marks the
 * message OUTBOX and the admin reads it on the Emails page.
 */
export function outboxProvider(): EmailProvider {
  return {
    kind: "outbox",
    async send(email) {
      const id = `outbox_${createHash("sha256").update(email.idempotencyKey).digest("hex").slice(0, 24)}`;
      logger.info({ to: email.to, subject: email.subject, id }, "email kept in the outbox (no RESEND_API_KEY)");
      return { status: "success", id };
    },
  };
}
