// The email job processor: a thin adapter from an email job to the send-email use case.
import type { EmailProvider } from "~/email/provider";
import { sendEmail } from "~/services/send-email.server";
import type { EmailJobProcessor } from "./processor";

export function createEmailProcessor(deps: { provider: EmailProvider; maxAttempts: number; emailFrom?: string }): EmailJobProcessor {
  return async (job, attempt) => {
    const result = await sendEmail(job, { ...deps, finalAttempt: attempt.finalAttempt });
    return result.outcome === "failed" ? { outcome: "failed", error: result.error } : { outcome: result.outcome };
  };
}
