// Settings → Returns: which outcomes shoppers may choose (refund, store credit, an exchange for
// another variant), the bonuses for choosing store credit or an exchange (a percentage or a fixed
// amount of the shop's currency), whether an exchange that costs more may be chosen, and when the
// new items ship.
import { Form } from "@remix-run/react";
import { BlockStack, Button, Card, Checkbox, InlineStack, RadioButton, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { adminT } from "~/components/admin-i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import { formatMoney, fromMinor, isAmount, percentOf, toMinor } from "~/domain/returns/money";
import type { OutcomePolicy } from "~/domain/returns/store-credit";

export function ReturnOutcomesForm(props: { lang: PortalLocale; policy: OutcomePolicy; currency: string; errors?: Record<string, string>; busy: boolean }) {
  const t = adminT(props.lang, "admin-return-outcomes");
  const e = props.errors ?? {};
  const [refund, setRefund] = useState(props.policy.outcomes.includes("REFUND"));
  const [credit, setCredit] = useState(props.policy.outcomes.includes("STORE_CREDIT"));
  const [kind, setKind] = useState(props.policy.bonusKind);
  const [value, setValue] = useState(props.policy.bonusValue);
  const [exchange, setExchange] = useState(props.policy.exchange.allowed);
  const [payDifference, setPayDifference] = useState(props.policy.exchange.payDifference);
  const [exchangeKind, setExchangeKind] = useState(props.policy.exchange.bonusKind);
  const [exchangeValue, setExchangeValue] = useState(props.policy.exchange.bonusValue);
  const [timing, setTiming] = useState(props.policy.exchange.timing);
  const base = toMinor("100", props.currency);
  const example = isAmount(value.trim() || "0") ? fromMinor(percentOf(base, value.trim() || "0"), props.currency) : "0";
  const help =
    kind === "PERCENT"
      ? t("bonusValuePercentHelp", { example: formatMoney(props.lang, example, props.currency), base: formatMoney(props.lang, "100", props.currency) })
      : t("bonusValueFixedHelp", { currency: props.currency });
  return (
    <Card>
      <Form method="post" aria-label={t("title")}>
        <input type="hidden" name="intent" value="outcomes" />
        <BlockStack gap="300">
          <BlockStack gap="100">
            <Checkbox label={t("refund")} checked={refund} onChange={setRefund} />
            <Checkbox label={t("storeCredit")} checked={credit} onChange={setCredit} error={e.outcomes ? t(`errors.${e.outcomes}`) : undefined} />
            {refund && <input type="hidden" name="outcomes" value="REFUND" />}
            {credit && <input type="hidden" name="outcomes" value="STORE_CREDIT" />}
          </BlockStack>
          <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} disabled={!credit}>
            <legend style={{ padding: 0, marginBottom: "var(--p-space-200)" }}>{t("bonusKind")}</legend>
            <BlockStack gap="200">
              <RadioButton label={t("bonusPercent")} id="bonusKind-percent" name="bonusKind" value="PERCENT" checked={kind === "PERCENT"} onChange={() => setKind("PERCENT")} />
              <RadioButton label={t("bonusFixed", { currency: props.currency })} id="bonusKind-fixed" name="bonusKind" value="FIXED" checked={kind === "FIXED"} onChange={() => setKind("FIXED")} />
              <TextField
                label={t("bonusValue")}
                name="bonusValue"
                value={value}
                onChange={setValue}
                autoComplete="off"
                inputMode="decimal"
                suffix={kind === "PERCENT" ? "%" : props.currency}
                helpText={help}
                error={e.bonusValue ? t(`errors.${e.bonusValue}`) : e.bonusKind ? t(`errors.${e.bonusKind}`) : undefined}
              />
            </BlockStack>
          </fieldset>
          <BlockStack gap="100">
            <Checkbox label={t("exchange")} helpText={t("exchangeHelp")} checked={exchange} onChange={setExchange} />
            {exchange && <input type="hidden" name="exchangeAllowed" value="on" />}
          </BlockStack>
          <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} disabled={!exchange}>
            <legend style={{ padding: 0, marginBottom: "var(--p-space-200)" }}>{t("exchangeSettings")}</legend>
            <BlockStack gap="200">
              <Checkbox label={t("payDifference")} helpText={t("payDifferenceHelp")} checked={payDifference} onChange={setPayDifference} disabled={!exchange} />
              {payDifference && <input type="hidden" name="exchangePayDifference" value="on" />}
              <RadioButton label={t("exchangeBonusPercent")} id="exchangeBonusKind-percent" name="exchangeBonusKind" value="PERCENT" checked={exchangeKind === "PERCENT"} onChange={() => setExchangeKind("PERCENT")} />
              <RadioButton label={t("bonusFixed", { currency: props.currency })} id="exchangeBonusKind-fixed" name="exchangeBonusKind" value="FIXED" checked={exchangeKind === "FIXED"} onChange={() => setExchangeKind("FIXED")} />
              <TextField
                label={t("exchangeBonusValue")}
                name="exchangeBonusValue"
                value={exchangeValue}
                onChange={setExchangeValue}
                autoComplete="off"
                inputMode="decimal"
                suffix={exchangeKind === "PERCENT" ? "%" : props.currency}
                helpText={exchangeKind === "PERCENT" ? t("exchangeBonusPercentHelp") : t("exchangeBonusFixedHelp", { currency: props.currency })}
                error={e.exchangeBonusValue ? t(`errors.${e.exchangeBonusValue}`) : e.exchangeBonusKind ? t(`errors.${e.exchangeBonusKind}`) : undefined}
              />
              <RadioButton label={t("timingAfterReceipt")} helpText={t("timingAfterReceiptHelp")} id="exchangeTiming-after" name="exchangeTiming" value="AFTER_RECEIPT" checked={timing === "AFTER_RECEIPT"} onChange={() => setTiming("AFTER_RECEIPT")} />
              <RadioButton label={t("timingBeforeReceipt")} helpText={t("timingBeforeReceiptHelp")} id="exchangeTiming-before" name="exchangeTiming" value="BEFORE_RECEIPT" checked={timing === "BEFORE_RECEIPT"} onChange={() => setTiming("BEFORE_RECEIPT")} />
              {e.exchangeTiming && <Text as="p" tone="critical">{t(`errors.${e.exchangeTiming}`)}</Text>}
            </BlockStack>
          </fieldset>
          <InlineStack>
            <Button submit variant="primary" disabled={props.busy}>
              {t("save")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}
