// The return's destination on its page in the desk: where the goods go, and for a mail return
// without a label a choice of another location (the label and packing slip follow it).
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import type englishWords from "~/locales/en/return-destinations.json";

export type DestinationText = (typeof englishWords)["detail"];

interface Place {
  id: string;
  name: string;
  countryCode: string | null;
}

interface Props {
  lang: string;
  text: DestinationText;
  method: "MAIL" | "DROP_OFF";
  destination: {
    location: (Place & { address1: string | null; city: string | null; province: string | null; zip: string | null }) | null;
    canChange: boolean;
    /** Why it goes there under the merchant's rules (absent when they would send it elsewhere). */
    why?: DestinationWhy | null;
  };
  locations: readonly Place[];
  busy: boolean;
  error?: string;
}

type DestinationWhy =
  | { reason: "country-rule" | "nearest" | "in-country"; countryCode: string }
  | { reason: "market-rule"; market: string }
  | { reason: "fallback" };

/** "Rule for the market Vietnam": the reason in the staff member's words, countries by name. */
function whyWords(text: DestinationText, lang: string, why: DestinationWhy): string {
  const values: Record<string, string> = why.reason === "market-rule" ? { market: why.market } : why.reason === "fallback" ? {} : { country: countryName(lang, why.countryCode) };
  return text.why[why.reason].replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? "");
}

/** "US" → "United States" in the staff member's language; the code when the runtime has no name. */
export function countryName(lang: string, code: string | null): string {
  if (!code) return "";
  try {
    return new Intl.DisplayNames([lang], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function ReturnDestinationCard({ lang, text, method, destination, locations, busy, error }: Props) {
  const here = destination.location;
  const [choice, setChoice] = useState(here?.id ?? locations[0]?.id ?? "");
  const label = (l: Place) => (l.countryCode ? `${l.name} (${countryName(lang, l.countryCode)})` : l.name);
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {text.title}
        </Text>
        {here ? (
          <address style={{ fontStyle: "normal" }} aria-label={text.title} data-return-destination>
            <Text as="p" fontWeight="semibold">
              {here.name}
            </Text>
            {here.address1 && <Text as="p">{here.address1}</Text>}
            <Text as="p">{[[here.city, here.province].filter(Boolean).join(", "), here.zip].filter(Boolean).join(" ")}</Text>
            <Text as="p">{countryName(lang, here.countryCode)}</Text>
          </address>
        ) : (
          <Text as="p" tone="subdued">
            {text.none}
          </Text>
        )}
        {method === "MAIL" && destination.why && (
          <div data-destination-why>
            <Text as="p">
              <Text as="span" fontWeight="semibold">
                {text.why.title}:
              </Text>{" "}
              {whyWords(text, lang, destination.why)}
            </Text>
          </div>
        )}
        <Text as="p" tone="subdued">
          {method === "MAIL" ? text.mailHelp : text.dropOffHelp}
        </Text>
        {destination.canChange ? (
          <Form method="post" aria-label={text.change}>
            <input type="hidden" name="intent" value="destination" />
            <BlockStack gap="200">
              <Select label={text.sendTo} name="locationId" options={locations.map((l) => ({ value: l.id, label: label(l) }))} value={choice} onChange={setChoice} error={error} />
              <InlineStack>
                <Button submit disabled={busy || choice === here?.id}>
                  {text.change}
                </Button>
              </InlineStack>
            </BlockStack>
          </Form>
        ) : method === "MAIL" && here ? (
          <Text as="p" tone="subdued">
            {text.locked}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}
