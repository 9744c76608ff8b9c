import { Form } from "@remix-run/react";
import { BlockStack, Button, Checkbox, ChoiceList, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { RuleFormValues } from "~/services/update-return-rules.server";
import { DECLINE_REASON_LABELS, METHOD_LABELS, REASON_LABELS } from "./labels";

/** The editor's values of one rule: the service's form shape (type only; nothing server-side is bundled). */
export type RuleValues = RuleFormValues;

const ACTIONS = [
  { value: "AUTO_APPROVE", label: "Approve automatically" },
  { value: "AUTO_DECLINE", label: "Decline automatically" },
  { value: "FLAG", label: "Flag for review" },
];

/**
 * One rule as a plain form (works without JavaScript): its name, the action, and the conditions
 * (all must hold; empty fields are not conditions). `index` is "new" for the add form.
 */
export function RuleEditor({ index, initial, errors, busy, label }: { index: number | "new"; initial: RuleValues; errors?: Record<string, string>; busy: boolean; label: string }) {
  const [v, setV] = useState(initial);
  const set =
    <K extends keyof RuleValues>(key: K) =>
    (value: RuleValues[K]) =>
      setV((old) => ({ ...old, [key]: value }));
  const e = errors ?? {};
  return (
    <Form method="post" aria-label={label}>
      <input type="hidden" name="intent" value="save-rule" />
      <input type="hidden" name="index" value={String(index)} />
      <BlockStack gap="300">
        {e._form && (
          <Text as="p" tone="critical">
            {e._form}
          </Text>
        )}
        <InlineStack gap="300" wrap blockAlign="end">
          <div style={{ minWidth: "16rem", flexGrow: 1 }}>
            <TextField label="Rule name" name="name" value={v.name} onChange={set("name")} autoComplete="off" error={e.name} />
          </div>
          <Select label="Then" name="action" options={ACTIONS} value={v.action} onChange={(value) => set("action")(value as RuleValues["action"])} error={e.action} />
          <Checkbox label="On" name="enabled" checked={v.enabled} onChange={set("enabled")} />
          {v.enabled && <input type="hidden" name="enabled" value="on" />}
        </InlineStack>
        {v.action === "AUTO_DECLINE" && (
          <InlineStack gap="300" wrap>
            <Select
              label="Decline reason"
              name="declineReason"
              options={Object.entries(DECLINE_REASON_LABELS).map(([value, l]) => ({ value, label: l }))}
              value={v.declineReason}
              onChange={set("declineReason")}
              error={e.declineReason}
            />
            <div style={{ minWidth: "20rem", flexGrow: 1 }}>
              <TextField label="Note to the customer" name="declineNote" value={v.declineNote} onChange={set("declineNote")} autoComplete="off" error={e.declineNote} />
            </div>
          </InlineStack>
        )}
        {v.action === "FLAG" && (
          <TextField label="Why it is flagged" name="flagReason" value={v.flagReason} onChange={set("flagReason")} autoComplete="off" error={e.flagReason} />
        )}
        <Text as="h4" variant="headingSm">
          When all of these hold (leave empty to ignore)
        </Text>
        <InlineStack gap="300" wrap>
          <Field label="Days since delivery at most" name="daysMax" value={v.daysMax} onChange={set("daysMax")} error={e.daysMax} />
          <Field label="Days since delivery at least" name="daysMin" value={v.daysMin} onChange={set("daysMin")} error={e.daysMin} />
          <Field label="Value at most" name="valueMax" value={v.valueMax} onChange={set("valueMax")} error={e.valueMax} />
          <Field label="Value at least" name="valueMin" value={v.valueMin} onChange={set("valueMin")} error={e.valueMin} />
          <Field label="Customer's returns in 90 days at least" name="customerReturnsMin" value={v.customerReturnsMin} onChange={set("customerReturnsMin")} error={e.customerReturnsMin} />
          <Field label="Product tags (any)" name="tags" value={v.tags} onChange={set("tags")} error={e.tags} wide />
          <Field label="Product types (any)" name="types" value={v.types} onChange={set("types")} error={e.types} wide />
        </InlineStack>
        <InlineStack gap="600" wrap>
          <ChoiceList
            allowMultiple
            title="Reason is one of"
            name="reasons"
            choices={Object.entries(REASON_LABELS).filter(([value]) => value !== "UNKNOWN").map(([value, l]) => ({ value, label: l }))}
            selected={v.reasons}
            onChange={set("reasons")}
            error={e.reasons}
          />
          <ChoiceList
            allowMultiple
            title="Method is one of"
            name="methods"
            choices={Object.entries(METHOD_LABELS).map(([value, l]) => ({ value, label: l }))}
            selected={v.methods}
            onChange={set("methods")}
            error={e.methods}
          />
        </InlineStack>
        {/* ChoiceList names its inputs "name[]"; the values travel as plain fields too. */}
        {v.reasons.map((r) => (
          <input key={r} type="hidden" name="reasons" value={r} />
        ))}
        {v.methods.map((m) => (
          <input key={m} type="hidden" name="methods" value={m} />
        ))}
        <InlineStack>
          <Button submit variant={index === "new" ? "primary" : undefined} disabled={busy}>
            {index === "new" ? "Add rule" : "Save rule"}
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

function Field(props: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string; wide?: boolean }) {
  return (
    <div style={{ width: props.wide ? "16rem" : "11rem" }}>
      <TextField label={props.label} name={props.name} value={props.value} onChange={props.onChange} error={props.error} autoComplete="off" />
    </div>
  );
}
