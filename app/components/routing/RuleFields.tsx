import { BlockStack, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type { RuleFieldView } from "~/domain/routing/registry";

/**
 * A rule's settings as plain form fields (they post with the surrounding <Form>, without
 * JavaScript too), one renderer for every rule: each field's kind (from the rule's definition in
 * app/domain/routing/rules) picks the control. `choices` fields repeat their name once per ticked box.
 */
export function RuleFields({ fields }: { fields: readonly RuleFieldView[] }) {
  const [values, setValues] = useState(() => Object.fromEntries(fields.map((f) => [f.name, f.value])));
  const set = (name: string, value: string | string[]) => setValues((old) => ({ ...old, [name]: value }));
  return (
    <InlineStack gap="300" blockAlign="start" wrap>
      {fields.map((field) => (
        <div key={field.name} style={{ minWidth: "10rem" }}>
          <RuleField field={field} value={values[field.name] ?? field.value} onChange={(v) => set(field.name, v)} />
        </div>
      ))}
    </InlineStack>
  );
}

function RuleField({ field, value, onChange }: { field: RuleFieldView; value: string | string[]; onChange: (value: string | string[]) => void }) {
  const text = Array.isArray(value) ? value.join(", ") : value;
  switch (field.kind) {
    case "choices": {
      const ticked = Array.isArray(value) ? value : [];
      return (
        <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
          <legend style={{ padding: 0, marginBottom: "var(--p-space-100)" }}>
            <Text as="span">{field.label}</Text>
          </legend>
          <BlockStack gap="0">
            {(field.options ?? []).map((option) => (
              <Checkbox
                key={option.value}
                name={field.name}
                value={option.value}
                label={option.label}
                checked={ticked.includes(option.value)}
                onChange={(checked) => onChange(checked ? [...ticked, option.value] : ticked.filter((v) => v !== option.value))}
              />
            ))}
          </BlockStack>
          {field.help && (
            <Text as="p" tone="subdued">
              {field.help}
            </Text>
          )}
        </fieldset>
      );
    }
    case "choice":
      return <Select label={field.label} name={field.name} options={field.options ?? []} value={text} onChange={onChange} helpText={field.help} />;
    case "number":
    case "text":
    case "list":
      return (
        <TextField
          label={field.label}
          name={field.name}
          value={text}
          onChange={onChange}
          autoComplete="off"
          inputMode={field.kind === "number" ? "decimal" : undefined}
          helpText={field.help}
        />
      );
  }
}
