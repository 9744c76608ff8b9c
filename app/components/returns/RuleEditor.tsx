import { Form } from "@remix-run/react";
import { BlockStack, Button, Checkbox, ChoiceList, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { RuleFormValues } from "~/services/update-return-rules.server";
import { adminT } from "~/components/admin-i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import { RETURN_METHODS } from "~/domain/returns/policy";
import { RETURN_DECLINE_REASONS, RETURN_REASONS } from "~/domain/returns/reasons";

/** The editor's values of one rule: the service's form shape (type only; nothing server-side is bundled). */
export type RuleValues = RuleFormValues;

const ACTIONS = ["AUTO_APPROVE", "AUTO_DECLINE", "FLAG"] as const;

/**
 * One rule as a plain form (works without JavaScript): its name, the action, and the conditions
 * (all must hold; empty fields are not conditions). `index` is "new" for the add form.
 */
export function RuleEditor({ lang, index, initial, errors, busy, label }: { lang: PortalLocale; index: number | "new"; initial: RuleValues; errors?: Record<string, string>; busy: boolean; label: string }) {
  const [v, setV] = useState(initial);
  const t = adminT(lang, "admin-return-rules");
  const returns = adminT(lang, "admin-returns");
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
            <TextField label={t("editor.name")} name="name" value={v.name} onChange={set("name")} autoComplete="off" error={e.name} />
          </div>
          <Select label={t("editor.then")} name="action" options={ACTIONS.map((value) => ({ value, label: t(`editor.actions.${value}`) }))} value={v.action} onChange={(value) => set("action")(value as RuleValues["action"])} error={e.action} />
          <Checkbox label={t("editor.on")} name="enabled" checked={v.enabled} onChange={set("enabled")} />
          {v.enabled && <input type="hidden" name="enabled" value="on" />}
        </InlineStack>
        {v.action === "AUTO_DECLINE" && (
          <InlineStack gap="300" wrap>
            <Select
              label={t("editor.declineReason")}
              name="declineReason"
              options={RETURN_DECLINE_REASONS.map((value) => ({ value, label: returns(`declineReasons.${value}`) }))}
              value={v.declineReason}
              onChange={set("declineReason")}
              error={e.declineReason}
            />
            <div style={{ minWidth: "20rem", flexGrow: 1 }}>
              <TextField label={t("editor.declineNote")} name="declineNote" value={v.declineNote} onChange={set("declineNote")} autoComplete="off" error={e.declineNote} />
            </div>
          </InlineStack>
        )}
        {v.action === "FLAG" && (
          <TextField label={t("editor.flagReason")} name="flagReason" value={v.flagReason} onChange={set("flagReason")} autoComplete="off" error={e.flagReason} />
        )}
        <Text as="h4" variant="headingSm">
          {t("editor.when")}
        </Text>
        <InlineStack gap="300" wrap>
          <Field label={t("editor.daysMax")} name="daysMax" value={v.daysMax} onChange={set("daysMax")} error={e.daysMax} />
          <Field label={t("editor.daysMin")} name="daysMin" value={v.daysMin} onChange={set("daysMin")} error={e.daysMin} />
          <Field label={t("editor.valueMax")} name="valueMax" value={v.valueMax} onChange={set("valueMax")} error={e.valueMax} />
          <Field label={t("editor.valueMin")} name="valueMin" value={v.valueMin} onChange={set("valueMin")} error={e.valueMin} />
          <Field label={t("editor.customerReturnsMin")} name="customerReturnsMin" value={v.customerReturnsMin} onChange={set("customerReturnsMin")} error={e.customerReturnsMin} />
          <Field label={t("editor.tags")} name="tags" value={v.tags} onChange={set("tags")} error={e.tags} wide />
          <Field label={t("editor.types")} name="types" value={v.types} onChange={set("types")} error={e.types} wide />
        </InlineStack>
        <InlineStack gap="600" wrap>
          <ChoiceList
            allowMultiple
            title={t("editor.reasons")}
            name="reasons"
            choices={RETURN_REASONS.filter((value) => value !== "UNKNOWN").map((value) => ({ value, label: returns(`reasons.${value}`) }))}
            selected={v.reasons}
            onChange={set("reasons")}
            error={e.reasons}
          />
          <ChoiceList
            allowMultiple
            title={t("editor.methods")}
            name="methods"
            choices={RETURN_METHODS.map((value) => ({ value, label: returns(`methods.${value}`) }))}
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
            {index === "new" ? t("editor.add") : t("editor.save")}
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
