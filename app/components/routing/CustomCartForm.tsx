import { Form } from "@remix-run/react";
import { adminT } from "~/components/admin-i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import { Badge, BlockStack, Box, Button, Divider, InlineError, InlineGrid, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { CustomCartFields, FieldErrors } from "~/domain/routing/custom-cart";
import type { CartSearchResult } from "~/services/preview-cart-items.server";

export interface CustomCartFormView {
  fields: CustomCartFields;
  labels: Record<string, string>;
  search: { query: string; results: CartSearchResult[] } | null;
  errors: FieldErrors;
}

const visuallyHidden = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" } as const;

/**
 * The simulator's custom cart: items found by title or SKU, their quantities, a destination (an
 * address, or a pickup location) and the two strategies. One Remix <Form method="post">; every
 * button sets the submitted `intent` (search, add:<variant>, remove:<line>, preview), the cart
 * travels in the form, and the server answers with the fields as submitted, so nothing typed is lost.
 */
export function CustomCartForm(props: {
  view: CustomCartFormView;
  pickupLocations: { id: string; name: string }[];
  strategyOptions: { value: string; label: string }[];
  busy: boolean;
  lang: PortalLocale;
}) {
  const { view, busy } = props;
  const t = adminT(props.lang, "admin-simulator");
  const [fields, setFields] = useState(view.fields);
  useEffect(() => setFields(view.fields), [view]);
  const formRef = useRef<HTMLFormElement>(null);
  const intentRef = useRef<HTMLInputElement>(null);
  const setIntent = (intent: string) => () => {
    if (intentRef.current) intentRef.current.value = intent;
  };
  const set = <K extends keyof CustomCartFields>(key: K) => (value: CustomCartFields[K]) => setFields((f) => ({ ...f, [key]: value }));
  const setQuantity = (index: number) => (quantity: string) =>
    setFields((f) => ({ ...f, lines: f.lines.map((l, i) => (i === index ? { ...l, quantity } : l)) }));
  // Enter in the search box searches; anywhere else it previews (the hidden first button).
  const searchOnEnter = (event: KeyboardEvent) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    setIntent("search")();
    formRef.current?.requestSubmit();
  };
  const error = (name: string) => view.errors[name];
  const shipping = fields.deliveryMethod !== "pickup";
  const addressFields = ["countryCode", "province", "city", "postalCode", "latitude", "longitude"] as const;

  return (
    <Form method="post" ref={formRef} aria-label={t("cart.form")}>
      <button type="submit" tabIndex={-1} aria-hidden="true" style={visuallyHidden} onClick={setIntent("preview")}>
        {t("cart.preview")}
      </button>
      <input ref={intentRef} type="hidden" name="intent" defaultValue="preview" />
      <BlockStack gap="400">
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("cart.items")}
          </Text>
          <div onKeyDown={searchOnEnter}>
            <TextField
              label={t("cart.find")}
              name="q"
              value={fields.q}
              onChange={set("q")}
              autoComplete="off"
              placeholder={t("cart.findPlaceholder")}
              connectedRight={
                <Button submit onClick={setIntent("search")} disabled={busy}>
                  {t("cart.search")}
                </Button>
              }
            />
          </div>
          {view.search && (
            <Box>
              {view.search.results.length === 0 ? (
                <Text as="p" tone="subdued">{t("cart.noMatch", { query: view.search.query })}</Text>
              ) : (
                <ul aria-label={t("cart.results")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {view.search.results.map((result) => (
                    <li key={result.id} style={{ padding: "4px 0" }}>
                      <InlineStack gap="200" blockAlign="center" wrap={false}>
                        <Button submit size="slim" onClick={setIntent(`add:${result.id}`)} accessibilityLabel={t("cart.addItem", { item: result.label })} disabled={busy}>
                          {t("cart.add")}
                        </Button>
                        <Text as="span">{result.label}</Text>
                        {result.productStatus && <Badge>{t(`cart.productStatus.${result.productStatus}`, { defaultValue: t("cart.productStatus.other") })}</Badge>}
                      </InlineStack>
                    </li>
                  ))}
                </ul>
              )}
            </Box>
          )}
          {fields.lines.length === 0 ? (
            <Text as="p" tone="subdued">
              {t("cart.empty")}
            </Text>
          ) : (
            <ul aria-label={t("cart.list")} style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {fields.lines.map((line, index) => {
                const label = view.labels[line.variantId] ?? line.variantId;
                return (
                  <li key={`${line.variantId}-${index}`} style={{ padding: "4px 0" }}>
                    <input type="hidden" name="lineVariantId" value={line.variantId} />
                    <InlineStack gap="300" blockAlign="start" wrap={false}>
                      <div style={{ width: 96 }}>
                        <TextField
                          label={t("cart.quantityOf", { item: label })}
                          labelHidden
                          name="lineQuantity"
                          inputMode="numeric"
                          value={line.quantity}
                          onChange={setQuantity(index)}
                          autoComplete="off"
                          error={error(`lines.${index}.quantity`)}
                        />
                      </div>
                      <BlockStack gap="100">
                        <Text as="span">{label}</Text>
                        {error(`lines.${index}.variantId`) && <InlineError message={error(`lines.${index}.variantId`)!} fieldID={`line-${index}`} />}
                      </BlockStack>
                      <Button submit size="slim" variant="plain" tone="critical" onClick={setIntent(`remove:${index}`)} accessibilityLabel={t("cart.removeItem", { item: label })} disabled={busy}>
                        {t("cart.remove")}
                      </Button>
                    </InlineStack>
                  </li>
                );
              })}
            </ul>
          )}
          {error("lines") && <InlineError message={error("lines")!} fieldID="cart-lines" />}
        </BlockStack>

        <Divider />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {t("cart.destination")}
          </Text>
          <Select
            label={t("cart.deliveryMethod")}
            name="deliveryMethod"
            options={[
              { value: "shipping", label: t("cart.shipping") },
              { value: "pickup", label: t("cart.pickup") },
            ]}
            value={fields.deliveryMethod}
            onChange={set("deliveryMethod")}
            error={error("deliveryMethod")}
          />
          {shipping ? (
            <>
              <InlineGrid columns={{ xs: 1, md: 4 }} gap="300">
                <TextField label={t("cart.countryCode")} name="countryCode" value={fields.countryCode} onChange={set("countryCode")} autoComplete="off" placeholder="US" maxLength={2} error={error("countryCode")} />
                <TextField label={t("cart.province")} name="province" value={fields.province} onChange={set("province")} autoComplete="off" error={error("province")} />
                <TextField label={t("cart.city")} name="city" value={fields.city} onChange={set("city")} autoComplete="off" error={error("city")} />
                <TextField label={t("cart.postalCode")} name="postalCode" value={fields.postalCode} onChange={set("postalCode")} autoComplete="off" error={error("postalCode")} />
              </InlineGrid>
              <InlineGrid columns={{ xs: 1, md: 4 }} gap="300">
                <TextField label={t("cart.latitude")} name="latitude" value={fields.latitude} onChange={set("latitude")} autoComplete="off" inputMode="decimal" error={error("latitude")} />
                <TextField label={t("cart.longitude")} name="longitude" value={fields.longitude} onChange={set("longitude")} autoComplete="off" inputMode="decimal" error={error("longitude")} />
              </InlineGrid>
              <Text as="p" tone="subdued">
                {t("cart.placeHelp")}
              </Text>
              <input type="hidden" name="pickupLocationId" value={fields.pickupLocationId} />
            </>
          ) : (
            <>
              <Select
                label={t("cart.pickupLocation")}
                name="pickupLocationId"
                options={[{ value: "", label: t("cart.chooseLocation") }, ...props.pickupLocations.map((l) => ({ value: l.id, label: l.name }))]}
                value={fields.pickupLocationId}
                onChange={set("pickupLocationId")}
                error={error("pickupLocationId")}
                helpText={props.pickupLocations.length ? undefined : t("cart.noPickup")}
              />
              {addressFields.map((name) => (
                <input key={name} type="hidden" name={name} value={fields[name]} />
              ))}
            </>
          )}
        </BlockStack>

        <Divider />
        <InlineGrid columns={{ xs: 1, md: 2 }} gap="300">
          <Select label={t("strategyA")} name="a" options={props.strategyOptions} value={fields.a} onChange={set("a")} error={error("a")} />
          <Select label={t("strategyB")} name="b" options={props.strategyOptions} value={fields.b} onChange={set("b")} error={error("b")} />
        </InlineGrid>
        <InlineStack>
          <Button submit variant="primary" onClick={setIntent("preview")} loading={busy}>
            {t("cart.previewCart")}
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}
