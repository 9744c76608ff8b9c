import { readFormData } from "~/http/form-data.server";
import { typedTextProblem } from "~/domain/text/typed-text";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useRevalidator, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  EmptyState,
  Filters,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Modal,
  Page,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { useCallback, useEffect, useState } from "react";
import { z } from "zod";
import { jobDriver } from "~/jobs/runtime.server";
import { discardDeliveries } from "~/services/discard-deliveries.server";
import { ACTIVITY_STATUSES, loadActivity, type ActivityRow } from "~/services/load-activity.server";
import { requestReconcile } from "~/services/request-reconcile.server";
import { retryDeliveries } from "~/services/retry-deliveries.server";
import { authenticate } from "~/shopify.server";

const filtersSchema = z.object({
  status: z.array(z.enum(ACTIVITY_STATUSES)).default([]),
  // Typed into the URL: a NUL or another control character is refused here, not by PostgreSQL.
  topic: z.string().max(100).refine((v) => typedTextProblem(v, 100) === null).optional(),
  cursor: z.string().max(500).optional(),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const parsed = filtersSchema.safeParse({
    status: url.searchParams.getAll("status"),
    topic: url.searchParams.get("topic") || undefined,
    cursor: url.searchParams.get("cursor") || undefined,
  });
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  return loadActivity({ shop: session.shop, driver: jobDriver(), filters: parsed.data });
};

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("retry"), ids: z.array(z.string().min(1).max(100)).min(1).max(250) }),
  z.object({ intent: z.literal("discard"), ids: z.array(z.string().min(1).max(100)).min(1).max(250) }),
  z.object({ intent: z.literal("reconcile") }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = await readFormData(request, undefined, { single: true, repeatable: ["id"] });
  const parsed = actionSchema.safeParse({ intent: form.get("intent"), ids: form.getAll("id") });
  if (!parsed.success) {
    return Response.json({ ok: false, error: "Choose Retry or Discard and at least one failed job." }, { status: 400 });
  }
  const driver = jobDriver();
  switch (parsed.data.intent) {
    case "retry": {
      const result = await retryDeliveries({ shop: session.shop, ids: parsed.data.ids, driver });
      return Response.json({ ok: true, message: `${result.retried} job${result.retried === 1 ? "" : "s"} sent to retry`, ...result });
    }
    case "discard": {
      const result = await discardDeliveries({ shop: session.shop, ids: parsed.data.ids, driver });
      return Response.json({ ok: true, message: `${result.discarded} job${result.discarded === 1 ? "" : "s"} discarded`, ...result });
    }
    case "reconcile":
      await requestReconcile({ shop: session.shop, driver });
      return Response.json({ ok: true, message: "Checking with Shopify in the background" });
  }
};

const TOPIC_LABELS: Record<string, string> = {
  "orders/create": "New order",
  "orders/updated": "Order updated",
  "orders/cancelled": "Order cancelled",
  "fulfillment_orders/order_routing_complete": "Order ready to route",
  "inventory_levels/update": "Stock changed",
  "locations/create": "Location added",
  "locations/update": "Location changed",
  "locations/delete": "Location removed",
  "app/uninstalled": "App uninstalled",
  "app/scopes_update": "Permissions changed",
  "customers/data_request": "Customer data request",
  "customers/redact": "Customer data erasure",
  "shop/redact": "Shop data erasure",
};

const STATUS: Record<ActivityRow["status"], { label: string; tone?: "success" | "critical" | "attention" | "info" | "warning" }> = {
  RECEIVED: { label: "Waiting", tone: "info" },
  QUEUED: { label: "Waiting", tone: "info" },
  PROCESSING: { label: "Running", tone: "attention" },
  PROCESSED: { label: "Done", tone: "success" },
  FAILED: { label: "Failed", tone: "critical" },
  DISCARDED: { label: "Discarded" },
  SKIPPED: { label: "Nothing to do" },
};

/**
 * What a failure means for the merchant, in plain words, for the errors staff can act on. The
 * technical message stays beside it for support.
 */
function explainProblem(error: string | null): string | null {
  if (!error) return null;
  if (/Invalid API key or access token|\b401\b|Unauthorized|access token cannot be renewed/i.test(error)) {
    return "Shopify did not accept Crossdock's access to your store. Open Crossdock from your Shopify admin to renew it, then retry.";
  }
  if (/SessionNotFound|not installed/i.test(error)) return "Crossdock is not installed on this store any more. Install it again, then retry.";
  if (/still failing after|HTTP 5\d\d|\(5\d\d [A-Z]|fetch failed|ECONNREFUSED|ECONNRESET|ETIMEDOUT/i.test(error)) {
    return "Shopify could not be reached. Retry once Shopify is available again.";
  }
  if (/throttled/i.test(error)) return "Shopify asked Crossdock to slow down. Retry in a few minutes.";
  return null;
}

function describeRow(row: ActivityRow): string {
  return `${TOPIC_LABELS[row.topic] ?? row.topic} received ${formatTime(row.receivedAt)}`;
}

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "short", timeStyle: "medium" }) : "—";
}

function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export default function ActivityPage() {
  const view = useLoaderData<typeof loader>();
  const fetcher = useFetcher<{ ok: boolean; message?: string; error?: string }>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const statusFilter = params.getAll("status");
  const topicFilter = params.get("topic");
  const filtered = statusFilter.length > 0 || topicFilter !== null;
  const failedRows = view.rows.filter((r) => r.status === "FAILED");
  // Giving jobs up for good needs a confirmation: the ids waiting for it.
  const [discarding, setDiscarding] = useState<string[] | null>(null);

  // While something is waiting or running (after a Retry, say), refresh until it is finished.
  const { revalidate, state: revalidation } = useRevalidator();
  const pending = view.counts.queued + view.counts.active > 0;
  useEffect(() => {
    if (!pending || revalidation !== "idle") return;
    const timer = setTimeout(revalidate, 2_000);
    return () => clearTimeout(timer);
  }, [pending, revalidation, revalidate, view]);
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(
    failedRows.map((r) => ({ id: r.id })),
  );

  const setFilter = useCallback(
    (name: "status" | "topic", values: string[]) => {
      const next = new URLSearchParams(params);
      next.delete(name);
      next.delete("cursor");
      for (const v of values) next.append(name, v);
      navigate(`?${next.toString()}`);
    },
    [navigate, params],
  );

  const submit = (intent: "retry" | "discard" | "reconcile", ids: string[] = []) => {
    const form = new FormData();
    form.set("intent", intent);
    for (const id of ids) form.append("id", id);
    fetcher.submit(form, { method: "post" });
    clearSelection();
  };

  const busy = fetcher.state !== "idle";
  const discardingRows = discarding ? view.rows.filter((r) => discarding.includes(r.id)) : [];
  const counts = [
    { label: "Waiting", value: view.counts.queued },
    { label: "Running", value: view.counts.active },
    { label: "Failed", value: view.counts.failed, tone: view.counts.failed > 0 ? ("critical" as const) : undefined },
    { label: "Done", value: view.counts.processed },
  ];

  return (
    <Page
      title="Activity"
      subtitle={`Everything Shopify told Crossdock, and what Crossdock did with it · ${view.driver.label}`}
      primaryAction={{ content: "Check with Shopify now", onAction: () => submit("reconcile"), loading: busy }}
    >
      <Layout>
        <Layout.Section>
          <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
            {counts.map((c) => (
              <Card key={c.label}>
                <BlockStack gap="100">
                  <Text as="h3" variant="headingSm" tone="subdued">
                    {c.label}
                  </Text>
                  <Text as="p" variant="heading2xl" tone={c.tone}>
                    {c.value}
                  </Text>
                </BlockStack>
              </Card>
            ))}
          </InlineGrid>
        </Layout.Section>
        {fetcher.data && fetcher.state === "idle" && (
          <Layout.Section>
            <Banner tone={fetcher.data.ok ? "success" : "critical"}>
              <p>{fetcher.data.message ?? fetcher.data.error ?? ""}</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <Card padding="0">
            <Filters
              queryValue=""
              hideQueryField
              onQueryChange={() => undefined}
              onQueryClear={() => undefined}
              onClearAll={() => navigate("?")}
              filters={[
                {
                  key: "status",
                  label: "Status",
                  filter: (
                    <ChoiceList
                      title="Status"
                      titleHidden
                      allowMultiple
                      choices={[
                        { label: "Failed", value: "FAILED" },
                        { label: "Waiting (received)", value: "RECEIVED" },
                        { label: "Waiting (queued)", value: "QUEUED" },
                        { label: "Running", value: "PROCESSING" },
                        { label: "Done", value: "PROCESSED" },
                        { label: "Nothing to do", value: "SKIPPED" },
                        { label: "Discarded", value: "DISCARDED" },
                      ]}
                      selected={statusFilter}
                      onChange={(values) => setFilter("status", values)}
                    />
                  ),
                  pinned: true,
                },
                {
                  key: "topic",
                  label: "Event",
                  filter: (
                    <ChoiceList
                      title="Event"
                      titleHidden
                      choices={view.topics.map((t) => ({ label: TOPIC_LABELS[t] ?? t, value: t }))}
                      selected={topicFilter ? [topicFilter] : []}
                      onChange={(values) => setFilter("topic", values.slice(0, 1))}
                    />
                  ),
                  pinned: true,
                },
              ]}
              appliedFilters={[
                ...(statusFilter.length
                  ? [{ key: "status", label: `Status: ${statusFilter.map((s) => STATUS[s as ActivityRow["status"]]?.label ?? s).join(", ")}`, onRemove: () => setFilter("status", []) }]
                  : []),
                ...(topicFilter ? [{ key: "topic", label: `Event: ${TOPIC_LABELS[topicFilter] ?? topicFilter}`, onRemove: () => setFilter("topic", []) }] : []),
              ]}
            />
            {view.rows.length === 0 ? (
              filtered ? (
                <EmptyState heading="No events match these filters" image="" action={{ content: "Clear filters", onAction: () => navigate("?") }}>
                  <p>Change or clear the filters to see other events.</p>
                </EmptyState>
              ) : (
                <EmptyState heading="Nothing here yet" image="">
                  <p>New orders, stock changes and other events from Shopify appear here as they arrive.</p>
                </EmptyState>
              )
            ) : (
              <IndexTable
                resourceName={{ singular: "job", plural: "jobs" }}
                itemCount={view.rows.length}
                selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                onSelectionChange={handleSelectionChange}
                promotedBulkActions={[
                  { content: "Retry", onAction: () => submit("retry", selectedResources) },
                  { content: "Discard", onAction: () => setDiscarding(selectedResources) },
                ]}
                headings={[
                  { title: "Event" },
                  { title: "Status" },
                  { title: "Attempts", alignment: "end" },
                  { title: "Received" },
                  { title: "Finished" },
                  { title: "Took", alignment: "end" },
                  { title: "Problem" },
                ]}
              >
                {view.rows.map((row, index) => {
                  const status = STATUS[row.status];
                  const failed = row.status === "FAILED";
                  const explanation = failed ? explainProblem(row.lastError) : null;
                  return (
                    <IndexTable.Row
                      id={row.id}
                      key={row.id}
                      position={index}
                      selected={selectedResources.includes(row.id)}
                      disabled={!failed}
                    >
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          <Text as="span" fontWeight="semibold">
                            {TOPIC_LABELS[row.topic] ?? row.topic}
                          </Text>
                          <Text as="span" variant="bodySm" tone="subdued">
                            {row.topic}
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={status.tone}>{status.label}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" alignment="end" numeric>
                          {row.attempts}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{formatTime(row.receivedAt)}</IndexTable.Cell>
                      <IndexTable.Cell>
                        {row.processedAt
                          ? formatTime(row.processedAt)
                          : row.nextAttemptAt && row.status === "QUEUED"
                            ? `Next try ${formatTime(row.nextAttemptAt)}`
                            : "—"}
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <Text as="span" alignment="end" numeric>
                          {formatDuration(row.durationMs)}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {/* The problem, then what staff can do about it, together: no scrolling sideways to act. */}
                        <div style={{ minWidth: 240, maxWidth: 380, whiteSpace: "normal", overflowWrap: "anywhere" }}>
                          <BlockStack gap="100">
                            {explanation && (
                              <Text as="span" variant="bodySm" tone="critical">
                                {explanation}
                              </Text>
                            )}
                            {row.lastError && (
                              <Text as="span" variant="bodySm" tone={failed && !explanation ? "critical" : "subdued"}>
                                {row.lastError}
                              </Text>
                            )}
                            {failed && (
                              // A click on these buttons must not also select the row (IndexTable rows select on click).
                              <div onClick={(event) => event.stopPropagation()}>
                                <InlineStack gap="300" wrap={false} blockAlign="center">
                                  <Button size="slim" onClick={() => submit("retry", [row.id])} disabled={busy} accessibilityLabel={`Retry ${describeRow(row)}`}>
                                    Retry
                                  </Button>
                                  <Button
                                    size="slim"
                                    tone="critical"
                                    variant="plain"
                                    onClick={() => setDiscarding([row.id])}
                                    disabled={busy}
                                    accessibilityLabel={`Discard ${describeRow(row)}`}
                                  >
                                    Discard
                                  </Button>
                                </InlineStack>
                              </div>
                            )}
                          </BlockStack>
                        </div>
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  );
                })}
              </IndexTable>
            )}
            {view.nextCursor && (
              <div style={{ padding: "var(--p-space-300)" }}>
                <Button
                  onClick={() => {
                    const next = new URLSearchParams(params);
                    next.set("cursor", view.nextCursor!);
                    navigate(`?${next.toString()}`);
                  }}
                >
                  Older
                </Button>
              </div>
            )}
          </Card>
        </Layout.Section>
        {/* Below the table, not beside it: the table needs the full width for the problem and the actions. */}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400" alignItems="start">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Checks with Shopify
                </Text>
                {view.jobRuns.length === 0 ? (
                  <Text as="p" tone="subdued">
                    Crossdock compares its copy of orders, locations and stock with Shopify regularly and repairs what a missed event left out of date.
                  </Text>
                ) : (
                  view.jobRuns.map((run) => (
                    <InlineStack key={run.id} align="space-between" blockAlign="center">
                      <Text as="span" variant="bodySm">
                        {formatTime(run.startedAt)} · {formatDuration(run.durationMs)}
                      </Text>
                      <Badge tone={run.status === "SUCCEEDED" ? "success" : run.status === "FAILED" ? "critical" : "attention"}>
                        {run.status === "SUCCEEDED" ? "Done" : run.status === "FAILED" ? "Failed" : "Running"}
                      </Badge>
                    </InlineStack>
                  ))
                )}
              </BlockStack>
            </Card>
            {view.exports.length > 0 && (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    Customer data requests
                  </Text>
                  {view.exports.map((e) => (
                    <InlineStack key={e.id} align="space-between" blockAlign="center">
                      <Text as="span" variant="bodySm">
                        Customer {e.customerId.replace("gid://shopify/Customer/", "")} · {formatTime(e.createdAt)}
                      </Text>
                      <Button size="slim" url={`/app/activity/exports/${e.id}`} download>
                        Download
                      </Button>
                    </InlineStack>
                  ))}
                </BlockStack>
              </Card>
            )}
          </InlineGrid>
        </Layout.Section>
      </Layout>
      <Modal
        open={discarding !== null}
        onClose={() => setDiscarding(null)}
        title={discarding && discarding.length > 1 ? `Discard ${discarding.length} failed jobs?` : "Discard this failed job?"}
        primaryAction={{
          content: "Discard",
          destructive: true,
          loading: busy,
          onAction: () => {
            if (discarding) submit("discard", discarding);
            setDiscarding(null);
          },
        }}
        secondaryActions={[{ content: "Cancel", onAction: () => setDiscarding(null) }]}
      >
        <Modal.Section>
          <BlockStack gap="200">
            <Text as="p">
              {discarding && discarding.length > 1
                ? "Crossdock will stop trying these events and cannot retry them later."
                : "Crossdock will stop trying this event and cannot retry it later."}{" "}
              If the problem has been fixed, choose Retry instead.
            </Text>
            {discardingRows.map((r) => (
              <Text key={r.id} as="p" variant="bodySm" tone="subdued">
                {describeRow(r)}
              </Text>
            ))}
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
