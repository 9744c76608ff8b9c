// How the admin names emails and their states.
import type { EmailStatus } from "@prisma/client";

export const EMAIL_KIND_LABELS: Record<string, string> = {
  "return-requested": "Return request received",
  "return-approved": "Return approved",
  "return-declined": "Return declined",
  "return-received": "Returned items received",
  "return-refunded": "Refund issued",
};

export const EMAIL_LOCALE_LABELS: Record<string, string> = { en: "English", vi: "Tiếng Việt", "zh-CN": "简体中文" };

export const EMAIL_STATUS_BADGES: Record<EmailStatus, { label: string; tone?: "success" | "critical" | "info" | "attention" }> = {
  PENDING: { label: "Sending", tone: "attention" },
  SENT: { label: "Sent", tone: "success" },
  FAILED: { label: "Failed", tone: "critical" },
  OUTBOX: { label: "In outbox", tone: "info" },
};
