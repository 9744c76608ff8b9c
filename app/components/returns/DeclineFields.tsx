import { BlockStack, Select, TextField } from "@shopify/polaris";
import { useState } from "react";
import { DECLINE_REASON_LABELS } from "./labels";

/** The decline reason (Shopify's ReturnDeclineReason) and the note shown to the shopper, as form fields. */
export function DeclineFields({ errors }: { errors?: { reason?: string; note?: string } }) {
  const [reason, setReason] = useState("OTHER");
  const [note, setNote] = useState("");
  return (
    <BlockStack gap="300">
      <Select
        label="Decline reason"
        name="reason"
        options={Object.entries(DECLINE_REASON_LABELS).map(([value, label]) => ({ value, label }))}
        value={reason}
        onChange={setReason}
        error={errors?.reason}
      />
      <TextField
        label="Note to the customer"
        name="note"
        value={note}
        onChange={setNote}
        multiline={3}
        maxLength={500}
        showCharacterCount
        autoComplete="off"
        helpText="Shown on the return's page and in the email."
        error={errors?.note}
      />
    </BlockStack>
  );
}
