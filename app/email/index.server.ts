import { env, type Env } from "~/env.server";
import { outboxProvider } from "./outbox-provider.server";
import type { EmailProvider } from "./provider";
import { resendProvider } from "./resend-provider.server";

export type { EmailProvider,   } from "./provider";

/** Resend when RESEND_API_KEY is set, else the outbox. */
export function emailProviderFromEnv(config: Env = env()): EmailProvider {
  if (!config.RESEND_API_KEY) return outboxProvider();
  return resendProvider({ apiKey: config.RESEND_API_KEY, baseUrl: config.RESEND_BASE_URL });
}
