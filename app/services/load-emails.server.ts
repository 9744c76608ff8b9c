// The Emails page (the outbox): the shop's messages and one message with its bodies.
import { env } from "~/env.server";
import {
  countEmailsByStatus,
  getEmailMessage,
  listEmailMessages,
  type EmailMessageSummary,
  type EmailStatus,
} from "~/models/email-messages.server";
import type { ShopRef } from "~/models/scope.server";

export const EMAIL_STATUSES = ["PENDING", "SENT", "FAILED", "OUTBOX"] as const satisfies readonly EmailStatus[];

export interface EmailRow {
  id: string;
  kind: string;
  locale: string;
  to: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

function emailRow(m: EmailMessageSummary): EmailRow {
  return {
    id: m.id,
    kind: m.kind,
    locale: m.locale,
    to: m.to,
    subject: m.subject,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

export interface EmailsView {
  /** "outbox": no RESEND_API_KEY, nothing is delivered. */
  delivery: "resend" | "outbox";
  counts: Record<EmailStatus, number>;
  rows: EmailRow[];
  nextCursor: string | null;
}

function deliveryMode(): EmailsView["delivery"] {
  return env().RESEND_API_KEY ? "resend" : "outbox";
}

export async function loadEmails(input: {
  shop: ShopRef;
  filters: { status?: EmailStatus[]; cursor?: string | null };
}): Promise<EmailsView> {
  const [counts, page] = await Promise.all([
    countEmailsByStatus(input.shop),
    listEmailMessages(input.shop, { status: input.filters.status }, { limit: 50, cursor: input.filters.cursor ?? null }),
  ]);
  return {
    delivery: deliveryMode(),
    counts,
    rows: page.items.map(emailRow),
    nextCursor: page.nextCursor,
  };
}

export interface EmailDetail extends EmailRow {
  html: string;
  text: string;
  providerMessageId: string | null;
}

/** One message of the shop with its HTML and text; null when the shop has no such message. */
export async function loadEmail(input: { shop: ShopRef; id: string }): Promise<{ delivery: EmailsView["delivery"]; message: EmailDetail } | null> {
  const m = await getEmailMessage(input.shop, input.id);
  if (!m) return null;
  return {
    delivery: deliveryMode(),
    message: {
      ...emailRow(m),
      html: m.html,
      text: m.text,
      providerMessageId: m.providerMessageId,
    },
  };
}
