import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
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
  Page,
  Text,
  useIndexResourceState,
} from "@shopify/polaris";
import { useCallback } from "react";
import { z } from "zod";
import { jobDriver } from "~/jobs/runtime.server";
import { discardDeliveries } from "~/services/discard-deliveries.server";
import { ACTIVITY_STATUSES, loadActivity, type ActivityRow } from "~/services/load-activity.server";
import { requestReconcile } from "~/services/request-reconcile.server";
import { retryDeliveries } from "~/services/retry-deliveries.server";
import { authenticate } from "~/shopify.server";

const filtersSchema = z.object({
  status: z.array(z.enum(ACTIVITY_STATUSES)).default([]),
  topic: z.string().max(100).optional(),
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
  const form = await request.formData();
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

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : "—";
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
  const failedRows = view.rows.filter((r) => r.status === "FAILED");
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
        {fetcher.data && (
          <Layout.Section>
            <Banner ok={fetcher.data.ok} text={fetcher.data.message ?? fetcher.data.error ?? ""} />
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
                  shortcut: true,
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
                  shortcut: true,
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
              <EmptyState heading="Nothing here yet" image="">
                <p>New orders, stock changes and other events from Shopify appear here as they arrive.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "job", plural: "jobs" }}
                itemCount={view.rows.length}
                selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                onSelectionChange={handleSelectionChange}
                promotedBulkActions={[
                  { content: "Retry", onAction: () => submit("retry", selectedResources) },
                  { content: "Discard", onAction: () => submit("discard", selectedResources) },
                ]}
                headings={[
                  { title: "Event" },
                  { title: "Status" },
                  { title: "Attempts", alignment: "end" },
                  { title: "Received" },
                  { title: "Finished" },
                  { title: "Took", alignment: "end" },
                  { title: "Problem" },
                  { title: "" },
                ]}
              >
                {view.rows.map((row, index) => {
                  const status = STATUS[row.status];
                  const failed = row.status === "FAILED";
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
                        <div style={{ maxWidth: 360, whiteSpace: "normal", wordBreak: "break-word" }}>
                          <Text as="span" variant="bodySm" tone={failed ? "critical" : "subdued"}>
                            {row.lastError ?? ""}
                          </Text>
                        </div>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        {failed && (
                          <InlineStack gap="200" wrap={false}>
                            <Button size="slim" onClick={() => submit("retry", [row.id])} disabled={busy}>
                              Retry
                            </Button>
                            <Button size="slim" tone="critical" variant="plain" onClick={() => submit("discard", [row.id])} disabled={busy}>
                              Discard
                            </Button>
                          </InlineStack>
                        )}
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
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
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
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Banner({ ok, text }: { ok: boolean; text: string }) {
  return (
    <Card>
      <Text as="p" tone={ok ? "success" : "critical"}>
        {text}
      </Text>
    </Card>
  );
}
