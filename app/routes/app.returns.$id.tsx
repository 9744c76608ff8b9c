import { readFormData } from "~/http/form-data.server";
import { isRowId } from "~/models/scope.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Button, Card, Checkbox, Divider, InlineStack, Layout, Link as PolarisLink, List, Page, Select, Text } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { DeclineFields } from "~/components/returns/DeclineFields";
import { actorLabel, DISPOSITION_LABELS, EVENT_LABELS, formatDateTime, formatMoney, METHOD_LABELS, REASON_LABELS, STATUS_LABELS, STATUS_TONES } from "~/components/returns/labels";
import { RETURN_DECLINE_REASONS } from "~/domain/returns/reasons";
import { closeReturn } from "~/services/close-return.server";
import { decideReturn } from "~/services/decide-return.server";
import { MAX_DECLINE_NOTE_LENGTH } from "~/services/decline-return.server";
import { installedShop } from "~/services/installed-shop.server";
import { loadReturnDetail } from "~/services/load-return-detail.server";
import { receiveReturn } from "~/services/receive-return.server";
import { authenticate } from "~/shopify.server";

async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const actor = session.onlineAccessInfo?.associated_user?.email ?? `staff@${session.shop}`;
  return { shop, admin, actor };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, admin } = await requireShop(request);
  if (!isRowId(params.id ?? "")) throw new Response("Return not found", { status: 404 });
  const detail = await loadReturnDetail({ shop, graphql: admin.graphql, returnId: params.id ?? "" });
  if (!detail) throw new Response("Return not found", { status: 404 });
  return detail;
};

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("approve") }),
  z.object({
    intent: z.literal("decline"),
    reason: z.enum(RETURN_DECLINE_REASONS, "choose a decline reason"),
    note: z.string().trim().max(MAX_DECLINE_NOTE_LENGTH, `at most ${MAX_DECLINE_NOTE_LENGTH} characters`).optional(),
  }),
  z.object({ intent: z.literal("receive"), locationId: z.string().default(""), refund: z.literal("on").optional() }),
  z.object({ intent: z.literal("close") }),
]);

type ActionResult = { ok: true; message: string } | { ok: false; message: string; errors?: Record<string, string> };

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop, admin, actor } = await requireShop(request);
  const returnId = params.id ?? "";
  if (!isRowId(returnId)) throw new Response("Return not found", { status: 404 });
  const form = await readFormData(request, undefined, { single: true });
  const parsed = intentSchema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")));
  if (!parsed.success) {
    const errors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "_form"), i.message]));
    return data<ActionResult>({ ok: false, message: "Check the highlighted fields.", errors }, { status: 422 });
  }
  const intent = parsed.data;
  const fail = (message: string, errors?: Record<string, string>) => data<ActionResult>({ ok: false, message, errors }, { status: 422 });
  switch (intent.intent) {
    case "approve":
    case "decline": {
      const result = await decideReturn({
        shop,
        graphql: admin.graphql,
        returnId,
        actor,
        decision: intent.intent === "approve" ? { type: "approve" } : { type: "decline", reason: intent.reason, note: intent.note ?? null },
      });
      if (result.status === "not-found") throw new Response("Return not found", { status: 404 });
      if (result.status === "invalid" || result.status === "refused") return fail(result.message);
      return data<ActionResult>({ ok: true, message: result.status === "unchanged" ? "Nothing to change: it was already done." : `Return ${result.status}.` });
    }
    case "receive": {
      const lines = [...form.entries()]
        .filter(([k]) => k.startsWith("disposition:"))
        .map(([k, v]) => ({ lineId: k.slice("disposition:".length), disposition: String(v) as "RESTOCKED" }));
      const result = await receiveReturn({ shop, graphql: admin.graphql, returnId, actor, request: { locationId: intent.locationId, lines, refund: intent.refund === "on" } });
      if (result.status === "not-found") throw new Response("Return not found", { status: 404 });
      if (result.status === "invalid") return fail("The return was not received: check the highlighted fields.", result.errors);
      if (result.status === "refused") return fail(result.message);
      const refunded = result.ret.refundedAmount != null && intent.refund === "on" ? ` Refunded ${formatMoney(result.ret.refundedAmount.toFixed(2), result.ret.currency)}.` : "";
      return data<ActionResult>({ ok: true, message: (result.status === "unchanged" ? "Nothing to change: it was already received." : "Return received.") + refunded });
    }
    case "close": {
      const result = await closeReturn({ shop, graphql: admin.graphql, returnId, actor });
      if (result.status === "not-found") throw new Response("Return not found", { status: 404 });
      if (result.status === "refused") return fail(result.message);
      return data<ActionResult>({ ok: true, message: result.status === "unchanged" ? "Nothing to change: it was already closed." : "Return closed." });
    }
  }
};

function AmountRow({ label, amount }: { label: string; amount: string }) {
  return (
    <InlineStack align="space-between">
      <Text as="span">{label}</Text>
      <Text as="span" fontWeight="semibold">
        {amount}
      </Text>
    </InlineStack>
  );
}

export default function ReturnDetail() {
  const ret = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = result && !result.ok ? (result.errors ?? {}) : {};
  const [location, setLocation] = useState(ret.returnLocationId ?? ret.locations[0]?.id ?? "");
  const [dispositions, setDispositions] = useState<Record<string, string>>(Object.fromEntries(ret.lines.map((l) => [l.id, "RESTOCKED"])));
  const [refundNow, setRefundNow] = useState(false);
  const shop = ret.inShopCurrency;
  /** The shopper's amount, and the shop's equivalent beside it when they paid in another currency. */
  const both = (amount: string, inShop?: string | null) => (inShop != null && shop ? `${formatMoney(amount, ret.currency)} (≈ ${formatMoney(inShop, shop.currency)})` : formatMoney(amount, ret.currency));

  return (
    <Page
      title={ret.rma}
      titleMetadata={
        <InlineStack gap="100">
          <Badge tone={STATUS_TONES[ret.status]}>{STATUS_LABELS[ret.status] ?? ret.status}</Badge>
          {ret.flagged && <Badge tone="warning">Flagged</Badge>}
        </InlineStack>
      }
      subtitle={`${ret.orderName} · ${METHOD_LABELS[ret.method]} · ${ret.source === "SHOPIFY" ? "made in Shopify" : "from the customer portal"}`}
      backAction={{ content: "Returns", url: "/app/returns" }}
    >
      <Layout>
        {result && (
          <Layout.Section>
            <Banner tone={result.ok ? "success" : "critical"} title={result.ok ? result.message : "The action did not go through"}>
              {!result.ok && <p>{result.message}</p>}
            </Banner>
          </Layout.Section>
        )}
        {ret.flagged && (
          <Layout.Section>
            <Banner tone="warning" title="Flagged for review">
              <List>
                {ret.flagReasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Items
                </Text>
                {ret.lines.map((l) => (
                  <BlockStack key={l.id} gap="100">
                    <InlineStack align="space-between">
                      <Text as="span" fontWeight="semibold">{`${l.quantity} × ${l.title}${l.variantTitle ? ` (${l.variantTitle})` : ""}`}</Text>
                      <Text as="span">{l.quantity > 1 ? `${formatMoney(l.unitPrice, ret.currency)} each` : formatMoney(l.unitPrice, ret.currency)}</Text>
                    </InlineStack>
                    <Text as="p" tone="subdued">{`Reason: ${REASON_LABELS[l.reason] ?? l.reason}${l.sku ? ` · SKU ${l.sku}` : ""}`}</Text>
                    {l.customerNote && <Text as="p">{`Customer's note: “${l.customerNote}”`}</Text>}
                    {l.disposition && <Text as="p">{`${DISPOSITION_LABELS[l.disposition] ?? l.disposition}${l.dispositionLocation ? ` at ${l.dispositionLocation}` : ""}`}</Text>}
                  </BlockStack>
                ))}
                <Divider />
                {shop && <Text as="p" tone="subdued">{`The shopper paid in ${ret.currency}: amounts are in ${ret.currency}, as Shopify refunds them, with ${shop.currency} (your store's currency) at the order's exchange rate.`}</Text>}
                <AmountRow label="Value" amount={both(ret.totalValue, shop?.totalValue)} />
                <AmountRow label="Return shipping fee" amount={both(ret.returnShippingFee, shop?.returnShippingFee)} />
                <AmountRow label="Restocking fee" amount={both(ret.restockingFee, shop?.restockingFee)} />
                <AmountRow label="Refund quoted to the shopper" amount={both(ret.quotedRefund, shop?.quotedRefund)} />
                {ret.refundedAmount !== null && <AmountRow label="Refunded in Shopify" amount={both(ret.refundedAmount, shop?.refundedAmount)} />}
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Actions
                </Text>
                {ret.actions.approve && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="approve" />
                    <Button submit variant="primary" loading={busy}>
                      {ret.status === "APPROVED" ? "Create the label" : ret.method === "MAIL" ? "Approve and send label" : "Approve"}
                    </Button>
                  </Form>
                )}
                {ret.actions.decline && (
                  <Form method="post" aria-label="Decline the return">
                    <input type="hidden" name="intent" value="decline" />
                    <BlockStack gap="200">
                      <DeclineFields errors={{ reason: errors.reason, note: errors.note }} />
                      <InlineStack>
                        <Button submit tone="critical" disabled={busy}>
                          Decline
                        </Button>
                      </InlineStack>
                    </BlockStack>
                  </Form>
                )}
                {ret.actions.receive && (
                  <Form method="post" aria-label="Receive the return">
                    <input type="hidden" name="intent" value="receive" />
                    <BlockStack gap="200">
                      <Select
                        label="Received at"
                        name="locationId"
                        options={ret.locations.map((l) => ({ value: l.id, label: l.name }))}
                        value={location}
                        onChange={setLocation}
                        error={errors.locationId}
                        helpText="Restocked items go back into stock here."
                      />
                      {ret.lines.map((l) => (
                        <Select
                          key={l.id}
                          label={`What happens to ${l.title}`}
                          name={`disposition:${l.id}`}
                          options={["RESTOCKED", "NOT_RESTOCKED", "MISSING"].map((value) => ({ value, label: DISPOSITION_LABELS[value]! }))}
                          value={dispositions[l.id]}
                          onChange={(value) => setDispositions((d) => ({ ...d, [l.id]: value }))}
                          error={errors[l.id]}
                        />
                      ))}
                      <Checkbox
                        label={`Refund the shopper ${both(ret.quotedRefund, shop?.quotedRefund)} now`}
                        helpText="The items less the return's fees, as quoted to the shopper: Shopify processes the return and refunds it in the currency they paid in."
                        checked={refundNow}
                        onChange={setRefundNow}
                      />
                      {refundNow && <input type="hidden" name="refund" value="on" />}
                      <InlineStack>
                        <Button submit disabled={busy}>
                          Receive
                        </Button>
                      </InlineStack>
                    </BlockStack>
                  </Form>
                )}
                {ret.actions.close && (
                  <Form method="post">
                    <input type="hidden" name="intent" value="close" />
                    <Button submit disabled={busy}>
                      Close return
                    </Button>
                  </Form>
                )}
                {!ret.actions.approve && !ret.actions.decline && !ret.actions.receive && !ret.actions.close && (
                  <Text as="p" tone="subdued">
                    Nothing left to do on this return.
                  </Text>
                )}
              </BlockStack>
            </Card>

            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Timeline
                </Text>
                <ol aria-label="Timeline" style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
                  {ret.timeline.map((e) => (
                    <li key={e.id}>
                      <Text as="span" fontWeight="semibold">
                        {EVENT_LABELS[e.type] ?? e.type.replaceAll("_", " ")}
                      </Text>
                      <Text as="span" tone="subdued">{` · ${actorLabel(e.actor)} · ${formatDateTime(e.at)}`}</Text>
                      {e.message && <Text as="p">{e.message}</Text>}
                    </li>
                  ))}
                </ol>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Order and customer
                </Text>
                <PolarisLink url={ret.orderUrl} target="_blank">{`Order ${ret.orderName}`}</PolarisLink>
                {ret.orderNote && <Text as="p" tone="caution">{ret.orderNote}</Text>}
                <Text as="p">{ret.customerName ?? "—"}</Text>
                <Text as="p" tone="subdued">{ret.customerEmail ?? "No email"}</Text>
                {ret.returnLocation && <Text as="p">{`Goods go to ${ret.returnLocation}`}</Text>}
                {ret.label && <Text as="p">{`Label: ${ret.label.carrier ?? "carrier"} ${ret.label.trackingNumber ?? ""}`}</Text>}
                {ret.decidedBy && ret.decidedAt && <Text as="p" tone="subdued">{`Decided by ${ret.decidedBy}`}</Text>}
                {ret.declineReason && <Text as="p">{`Declined: ${ret.declineReason}${ret.declineNote ? ` — “${ret.declineNote}”` : ""}`}</Text>}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Policy checks
                </Text>
                <ul aria-label="Policy checks" style={{ listStyle: "none", margin: 0, padding: 0 }}>
                  {ret.checks.map((c) => (
                    <li key={c.label} style={{ marginBottom: "0.5rem" }}>
                      <InlineStack gap="200" blockAlign="center">
                        <Badge tone={c.passed ? "success" : "critical"}>{c.passed ? "Passed" : "Failed"}</Badge>
                        <Text as="span" fontWeight="semibold">
                          {c.label}
                        </Text>
                      </InlineStack>
                      <Text as="p" tone="subdued">
                        {c.detail}
                      </Text>
                    </li>
                  ))}
                </ul>
                {ret.rules && (
                  <Box paddingBlockStart="200">
                    <Text as="p" tone="subdued">{`Rules: ${ret.rules.explanation ?? ""}`}</Text>
                  </Box>
                )}
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Risk signals
                </Text>
                <Text as="p">{`${ret.risk.returnsLast90Days} other return(s) by this customer in the last 90 days (${formatMoney(ret.risk.valueLast90Days, ret.risk.valueCurrency)})`}</Text>
                <Text as="p">{`This return: ${both(ret.totalValue, shop?.totalValue)}`}</Text>
                {ret.risk.reasonsLast90Days.length > 0 && (
                  <Text as="p" tone="subdued">{`Earlier reasons: ${ret.risk.reasonsLast90Days.map((r) => `${REASON_LABELS[r.reason] ?? r.reason} ×${r.count}`).join(", ")}`}</Text>
                )}
                {ret.risk.recent.map((r) => (
                  <PolarisLink key={r.id} url={`/app/returns/${r.id}`}>{`${r.rma} (${STATUS_LABELS[r.status] ?? r.status})`}</PolarisLink>
                ))}
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
