import { BlockStack, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminT } from "~/components/admin-i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import { RETURN_DECLINE_REASONS } from "~/domain/returns/reasons";

/** The decline reason (Shopify's ReturnDeclineReason) and the note shown to the shopper, as form fields, in the staff member's language. */
export function DeclineFields({ lang, errors }: { lang: PortalLocale; errors?: { reason?: string; note?: string } }) {
  const [reason, setReason] = useState("OTHER");
  const [note, setNote] = useState("");
  const t = adminT(lang, "admin-return-detail");
  const returns = adminT(lang, "admin-returns");
  return (
    <BlockStack gap="300">
      <Select
        label={t("declineReason")}
        name="reason"
        options={RETURN_DECLINE_REASONS.map((value) => ({ value, label: returns(`declineReasons.${value}`) }))}
        value={reason}
        onChange={setReason}
        error={errors?.reason}
      />
      <TextField
        label={t("declineNote")}
        name="note"
        value={note}
        onChange={setNote}
        multiline={3}
        maxLength={500}
        showCharacterCount
        autoComplete="off"
        helpText={t("declineNoteHelp")}
        error={errors?.note}
      />
    </BlockStack>
  );
}
