// Settings → Returns, "Where returns go": destination rules by the shopper's country and by the
// Shopify market it is in (the shop's active markets, named as the merchant named them), the locations
// that receive mail returns, the fallback, the drop-off distance and the drop-off instructions per
// language. Words come from the loader in the staff member's language (return-destinations.json).
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import type englishWords from "~/locales/en/return-destinations.json";
import { countryName } from "./ReturnDestinationCard";

export type DestinationSettingsText = (typeof englishWords)["settings"];

const LANGUAGES = ["en", "vi", "zh-CN"] as const;

// Region codes Intl names that are not countries a shopper ships to.
const NOT_COUNTRIES = new Set(["AC", "CP", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"]);

/** Every country Intl knows, as [code, name] in the staff member's language, by name. */
export function countryOptions(lang: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
  const out: { value: string; label: string }[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names.of(code);
      if (name && name !== code) out.push({ value: code, label: name });
    }
  }
  return out.sort((x, y) => x.label.localeCompare(y.label, lang));
}

interface Place {
  id: string;
  name: string;
  countryCode: string | null;
}

interface DestinationFormValues {
  rules: { country: string; locationId: string }[];
  marketRules: { market: string; locationId: string }[];
  mailReturnLocationIds: string[];
  fallbackLocationId: string;
  dropOffMaxDistanceKm: string;
  dropOffInstructions: Record<string, string>;
}

export function ReturnDestinationsForm(props: {
  lang: string;
  text: DestinationSettingsText;
  defaultInstructions: Record<string, string>;
  countries: { value: string; label: string }[];
  locations: readonly Place[];
  /** The shop's active markets (mirrored from Shopify), and any other a stored rule names: chosen by name, sent by id. */
  markets: readonly { id: string; name: string; active: boolean }[];
  values: DestinationFormValues;
  errors?: Record<string, string>;
  busy: boolean;
}) {
  const { text, values } = props;
  const e = props.errors ?? {};
  const [rules, setRules] = useState([...values.rules, { country: "", locationId: "" }]);
  const [marketRules, setMarketRules] = useState([...values.marketRules, { market: "", locationId: "" }]);
  const [receiving, setReceiving] = useState(new Set(values.mailReturnLocationIds));
  const [fallback, setFallback] = useState(values.fallbackLocationId);
  const [distance, setDistance] = useState(values.dropOffMaxDistanceKm);
  const [instructions, setInstructions] = useState<Record<string, string>>(values.dropOffInstructions);
  const place = (l: Place) => (l.countryCode ? `${l.name} (${countryName(props.lang, l.countryCode)})` : l.name);
  const locationOptions = props.locations.map((l) => ({ value: l.id, label: place(l) }));
  const setRule = (index: number, change: Partial<{ country: string; locationId: string }>) =>
    setRules((current) => {
      const next = current.map((r, i) => (i === index ? { ...r, ...change } : r));
      // Always one blank row at the end to add another country.
      return next[next.length - 1]!.country || next[next.length - 1]!.locationId ? [...next, { country: "", locationId: "" }] : next;
    });
  const setMarketRule = (index: number, change: Partial<{ market: string; locationId: string }>) =>
    setMarketRules((current) => {
      const next = current.map((r, i) => (i === index ? { ...r, ...change } : r));
      return next[next.length - 1]!.market || next[next.length - 1]!.locationId ? [...next, { market: "", locationId: "" }] : next;
    });
  const marketOptions = props.markets.map((m) => ({ value: m.id, label: m.name }));

  return (
    <Card>
      <Form method="post" aria-label={text.title}>
        <input type="hidden" name="intent" value="destinations" />
        <BlockStack gap="400">
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {text.rulesHeading}
            </Text>
            <Text as="p" tone="subdued">
              {text.rulesHelp}
            </Text>
            {rules.map((rule, index) => (
              <InlineGrid key={index} columns={{ xs: 1, sm: 2 }} gap="200">
                <Select
                  label={text.country}
                  name="ruleCountry"
                  options={[{ value: "", label: text.noCountry }, ...props.countries]}
                  value={rule.country}
                  onChange={(country) => setRule(index, { country })}
                  error={e[`rules.${index}.country`]}
                />
                <Select
                  label={text.sendTo}
                  name="ruleLocation"
                  options={[{ value: "", label: text.chooseLocation }, ...locationOptions]}
                  value={rule.locationId}
                  onChange={(locationId) => setRule(index, { locationId })}
                  error={e[`rules.${index}.locationId`]}
                />
              </InlineGrid>
            ))}
          </BlockStack>

          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {text.marketRulesHeading}
            </Text>
            {!props.markets.some((m) => m.active) && (
              <Text as="p" tone="subdued">
                {text.noMarkets}
              </Text>
            )}
            {props.markets.length > 0 && (
              <>
                <Text as="p" tone="subdued">
                  {text.marketRulesHelp}
                </Text>
                {marketRules.map((rule, index) => (
                  <InlineGrid key={index} columns={{ xs: 1, sm: 2 }} gap="200">
                    <Select
                      label={text.market}
                      name="ruleMarket"
                      options={[{ value: "", label: text.noMarket }, ...marketOptions]}
                      value={rule.market}
                      onChange={(market) => setMarketRule(index, { market })}
                      error={e[`marketRules.${index}.market`]}
                    />
                    <Select
                      label={text.sendTo}
                      name="ruleMarketLocation"
                      options={[{ value: "", label: text.chooseLocation }, ...locationOptions]}
                      value={rule.locationId}
                      onChange={(locationId) => setMarketRule(index, { locationId })}
                      error={e[`marketRules.${index}.locationId`]}
                    />
                  </InlineGrid>
                ))}
              </>
            )}
          </BlockStack>

          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {text.receivingHeading}
            </Text>
            <Text as="p" tone="subdued">
              {text.receivingHelp}
            </Text>
            {props.locations.map((l) => (
              <Checkbox
                key={l.id}
                label={place(l)}
                checked={receiving.has(l.id)}
                onChange={(on) =>
                  setReceiving((current) => {
                    const next = new Set(current);
                    if (on) next.add(l.id);
                    else next.delete(l.id);
                    return next;
                  })
                }
              />
            ))}
            {[...receiving].map((id) => (
              <input key={id} type="hidden" name="mailReturnLocationIds" value={id} />
            ))}
            {e.mailReturnLocationIds && (
              <Text as="p" tone="critical">
                {e.mailReturnLocationIds}
              </Text>
            )}
          </BlockStack>

          <Select
            label={text.fallback}
            name="fallbackLocationId"
            options={[{ value: "", label: text.fallbackFirst }, ...locationOptions]}
            value={fallback}
            onChange={setFallback}
            error={e.fallbackLocationId}
          />
          <TextField
            label={text.distance}
            name="dropOffMaxDistanceKm"
            type="number"
            min={1}
            max={2000}
            value={distance}
            onChange={setDistance}
            autoComplete="off"
            helpText={text.distanceHelp}
            error={e.dropOffMaxDistanceKm}
          />

          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              {text.instructionsHeading}
            </Text>
            <Text as="p" tone="subdued">
              {text.instructionsHelp}
            </Text>
            {LANGUAGES.map((lang) => (
              <TextField
                key={lang}
                label={text.languages[lang]}
                name={`instructions:${lang}`}
                value={instructions[lang] ?? ""}
                onChange={(value) => setInstructions((current) => ({ ...current, [lang]: value }))}
                multiline={2}
                maxLength={500}
                autoComplete="off"
                helpText={<DefaultInstructions template={text.instructionsDefault} lang={lang} text={props.defaultInstructions[lang] ?? ""} />}
                error={e[`instructions:${lang}`]}
              />
            ))}
          </BlockStack>

          <InlineStack>
            <Button submit variant="primary" disabled={props.busy}>
              {text.save}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

/** "Default: …" in the staff member's language, the default itself marked as the shopper's language it is written in. */
function DefaultInstructions({ template, lang, text }: { template: string; lang: string; text: string }) {
  const [before = "", after = ""] = template.split("{{text}}");
  return (
    <>
      {before}
      <span lang={lang}>{text}</span>
      {after}
    </>
  );
}
