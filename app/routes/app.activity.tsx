import { CountCards } from "~/components/CountCards";
import { readFormData } from "~/http/form-data.server";
import { typedTextProblem } from "~/domain/text/typed-text";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { adminLocale } from "~/http/admin-locale.server";
import { CARRIER_TOPICS } from "~/jobs/carrier-topics.server";
import { WEBHOOK_TOPICS } from "~/jobs/webhook-topics.server";
import { portalT } from "~/portal/i18n";
import type { PortalLocale } from "~/domain/portal/locale";
import { jobDriver } from "~/queue/handle.server";
import { discardDeliveries } from "~/services/discard-deliveries.server";
import { ACTIVITY_STATUSES, loadActivity, type ActivityRow } from "~/services/load-activity.server";
import { requestReconcile } from "~/services/request-reconcile.server";
import { retryDeliveries } from "~/services/retry-deliveries.server";
import { authenticate } from "~/shopify.server";
import { adminTitle, menuWord } from "~/components/page-title";
import { problemKey } from "~/domain/activity/problem";
import { topicArea } from "~/domain/activity/subject";
import { adminT } from "~/components/admin-i18n";
import { ActionToast } from "~/components/ActionToast";
import type { TFunction } from "i18next";

export const meta: MetaFunction = ({ matches }) => adminTitle(menuWord(matches, "/app/activity", "Activity"));

const filtersSchema = z.object({
  status: z.array(z.enum(ACTIVITY_STATUSES)).default([]),
  // Typed into the URL: a NUL or another control character is refused here, not by PostgreSQL.
  topic: z
    .string()
    .max(100)
    .refine((v) => typedTextProblem(v, 100) === null)
    .optional(),
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
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  // Each topic's name in the staff member's language (app/locales/<lng>/activity.json).
  return {
    ...(await loadActivity({
      shop: session.shop,
      driver: await jobDriver(),
      filters: parsed.data,
    })),
    topicLabels: topicLabels(locale),
    lang: locale,
  };
};

/** Every subscribed topic's name for merchants, in `locale`. */
function topicLabels(locale: PortalLocale): Record<string, string> {
  const t = portalT(locale, "activity");
  return Object.fromEntries([...WEBHOOK_TOPICS, ...CARRIER_TOPICS].map((row) => [row.topic, t(`topics.${row.label}`)]));
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("retry"),
    ids: z.array(z.string().min(1).max(100)).min(1).max(250),
  }),
  z.object({
    intent: z.literal("discard"),
    ids: z.array(z.string().min(1).max(100)).min(1).max(250),
  }),
  z.object({ intent: z.literal("reconcile") }),
]);

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const t = adminT(adminLocale(request, session.onlineAccessInfo?.associated_user?.locale), "admin-activity");
  const form = await readFormData(request, undefined, {
    single: true,
    repeatable: ["id"],
  });
  const parsed = actionSchema.safeParse({
    intent: form.get("intent"),
    ids: form.getAll("id"),
  });
  if (!parsed.success) {
    return Response.json({ ok: false, error: t("invalid") }, { status: 400 });
  }
  const driver = await jobDriver();
  switch (parsed.data.intent) {
    case "retry": {
      const result = await retryDeliveries({
        shop: session.shop,
        ids: parsed.data.ids,
        driver,
      });
      return Response.json({
        ok: true,
        message: t("retried", { count: result.retried }),
        ...result,
      });
    }
    case "discard": {
      const result = await discardDeliveries({
        shop: session.shop,
        ids: parsed.data.ids,
        driver,
      });
      return Response.json({
        ok: true,
        message: t("discarded", { count: result.discarded }),
        ...result,
      });
    }
    case "reconcile":
      await requestReconcile({ shop: session.shop, driver });
      return Response.json({ ok: true, message: t("reconciling") });
  }
};

const STATUS_TONE: Record<ActivityRow["status"], "success" | "critical" | "attention" | "info" | "warning" | undefined> = {
  RECEIVED: "info",
  QUEUED: "info",
  PROCESSING: "attention",
  PROCESSED: "success",
  FAILED: "critical",
  DISCARDED: undefined,
  SKIPPED: undefined,
};

/** The row's event and what it is about: "New order · Order #1021", "Stock changed · Stock sync". */
function rowName(row: ActivityRow, labels: Readonly<Record<string, string>>, t: TFunction): string {
  return `${labels[row.topic] ?? t("unknownTopic")} · ${rowAbout(row, t)}`;
}

/** What the row was about, in words: its order, return, location or stock, else the kind of change. */
function rowAbout(row: ActivityRow, t: TFunction): string {
  return row.subject ? t(`subject.${row.subject.kind}`, { name: row.subject.name }) : t(`about.${topicArea(row.topic)}`);
}

function describeRow(row: ActivityRow, labels: Readonly<Record<string, string>>, t: TFunction, lang: string): string {
  return t("describeRow", {
    event: rowName(row, labels, t),
    time: formatTime(row.receivedAt, lang),
  });
}

function formatTime(iso: string | null, lang: string): string {
  return iso
    ? new Date(iso).toLocaleString(lang, {
        dateStyle: "short",
        timeStyle: "medium",
      })
    : "—";
}

function formatDuration(ms: number | null, t: TFunction): string {
  if (ms === null) return "—";
  return ms < 1000 ? t("ms", { n: ms }) : t("s", { n: (ms / 1000).toFixed(1) });
}

export default function ActivityPage() {
  const view = useLoaderData<typeof loader>();
  const labels = view.topicLabels;
  const lang = view.lang;
  const t = adminT(lang, "admin-activity");
  const fetcher = useFetcher<{
    ok: boolean;
    message?: string;
    error?: string;
  }>();
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
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(failedRows.map((r) => ({ id: r.id })));

  const setFilter = useCallback(
    (name: "status" | "topic", values: string[]) => {
      const next = new URLSearchParams(params);
      next.delete(name);
      next.delete("cursor");
      for (const v of values) next.append(name, v);
      navigate(`?${next.toString()}`);
    },
    [navigate, params]
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
    { label: t("counts.waiting"), value: view.counts.queued },
    { label: t("counts.running"), value: view.counts.active },
    {
      label: t("counts.failed"),
      value: view.counts.failed,
      tone: view.counts.failed > 0 ? ("critical" as const) : undefined,
    },
    { label: t("counts.done"), value: view.counts.processed },
  ];
  const statusLabel = (row: ActivityRow) => (row.waitingForRateLimit ? t("status.rateLimit") : t(`status.${row.status}`));

  return (
    <div lang={lang}>
      <Page
        title={t("title")}
        subtitle={t("subtitle", {
          driver: t(`drivers.${view.driver.kind === "bullmq" ? "bullmq" : "inline"}`),
        })}
        primaryAction={{
          content: t("checkNow"),
          onAction: () => submit("reconcile"),
          loading: busy,
        }}
      >
        <ActionToast event={fetcher.state === "idle" ? fetcher.data : null} message={fetcher.data?.ok ? fetcher.data.message : null} />
        <Layout>
          <Layout.Section>
            <CountCards counts={counts} columns={{ xs: 2, md: 4 }} headingAs="h3" />
          </Layout.Section>
          {/* Done is confirmed by a toast; a refusal stays on the page. */}
          {fetcher.data && !fetcher.data.ok && fetcher.state === "idle" && (
            <Layout.Section>
              <Banner tone="critical">
                <p>{fetcher.data.error ?? ""}</p>
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
                    label: t("filterStatus"),
                    filter: (
                      <ChoiceList
                        title={t("filterStatus")}
                        titleHidden
                        allowMultiple
                        choices={["FAILED", "RECEIVED", "QUEUED", "PROCESSING", "PROCESSED", "SKIPPED", "DISCARDED"].map((value) => ({
                          label: t(`choices.${value}`),
                          value,
                        }))}
                        selected={statusFilter}
                        onChange={(values) => setFilter("status", values)}
                      />
                    ),
                    pinned: true,
                  },
                  {
                    key: "topic",
                    label: t("filterEvent"),
                    filter: (
                      <ChoiceList
                        title={t("filterEvent")}
                        titleHidden
                        choices={view.topics.map((topic) => ({
                          label: labels[topic] ?? t("unknownTopic"),
                          value: topic,
                        }))}
                        selected={topicFilter ? [topicFilter] : []}
                        onChange={(values) => setFilter("topic", values.slice(0, 1))}
                      />
                    ),
                    pinned: true,
                  },
                ]}
                appliedFilters={[
                  ...(statusFilter.length
                    ? [
                        {
                          key: "status",
                          label: t("appliedStatus", {
                            list: statusFilter.map((s) => t(`choices.${s}`)).join(", "),
                          }),
                          onRemove: () => setFilter("status", []),
                        },
                      ]
                    : []),
                  ...(topicFilter
                    ? [
                        {
                          key: "topic",
                          label: t("appliedEvent", {
                            name: labels[topicFilter] ?? t("unknownTopic"),
                          }),
                          onRemove: () => setFilter("topic", []),
                        },
                      ]
                    : []),
                ]}
              />
              {view.rows.length === 0 ? (
                filtered ? (
                  <EmptyState
                    heading={t("emptyFilteredHeading")}
                    image=""
                    action={{
                      content: t("clearFilters"),
                      onAction: () => navigate("?"),
                    }}
                  >
                    <p>{t("emptyFilteredBody")}</p>
                  </EmptyState>
                ) : (
                  <EmptyState heading={t("emptyHeading")} image="">
                    <p>{t("emptyBody")}</p>
                  </EmptyState>
                )
              ) : (
                <IndexTable
                  resourceName={{
                    singular: t("resource", { count: 1 }),
                    plural: t("resource", { count: 2 }),
                  }}
                  itemCount={view.rows.length}
                  selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                  onSelectionChange={handleSelectionChange}
                  promotedBulkActions={[
                    {
                      content: t("retry"),
                      onAction: () => submit("retry", selectedResources),
                    },
                    {
                      content: t("discard"),
                      onAction: () => setDiscarding(selectedResources),
                    },
                  ]}
                  headings={[
                    { title: t("headings.event") },
                    { title: t("headings.status") },
                    { title: t("headings.attempts"), alignment: "end" },
                    { title: t("headings.received") },
                    { title: t("headings.finished") },
                    { title: t("headings.took"), alignment: "end" },
                    { title: t("headings.problem") },
                  ]}
                >
                  {view.rows.map((row, index) => {
                    const failed = row.status === "FAILED";
                    const problem = failed || row.lastError ? problemKey(row.lastError) : null;
                    return (
                      <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)} disabled={!failed}>
                        <IndexTable.Cell>
                          <BlockStack gap="050">
                            <Text as="span" fontWeight="semibold">
                              {labels[row.topic] ?? t("unknownTopic")}
                            </Text>
                            {/* What the event is about (never the topic code nor an empty line): "Order #1021", "Return #1021-R1", "Stock sync". */}
                            <Text as="span" variant="bodySm" tone="subdued">
                              {rowAbout(row, t)}
                            </Text>
                          </BlockStack>
                        </IndexTable.Cell>
                        <IndexTable.Cell>
                          <Badge tone={row.waitingForRateLimit ? "warning" : STATUS_TONE[row.status]}>{statusLabel(row)}</Badge>
                        </IndexTable.Cell>
                        <IndexTable.Cell>
                          <Text as="span" alignment="end" numeric>
                            {row.attempts}
                          </Text>
                        </IndexTable.Cell>
                        <IndexTable.Cell>{formatTime(row.receivedAt, lang)}</IndexTable.Cell>
                        <IndexTable.Cell>
                          {row.processedAt
                            ? formatTime(row.processedAt, lang)
                            : row.nextAttemptAt && row.status === "QUEUED"
                            ? t("nextTry", {
                                time: formatTime(row.nextAttemptAt, lang),
                              })
                            : "—"}
                        </IndexTable.Cell>
                        <IndexTable.Cell>
                          <Text as="span" alignment="end" numeric>
                            {formatDuration(row.durationMs, t)}
                          </Text>
                        </IndexTable.Cell>
                        <IndexTable.Cell>
                          {/* The problem, then what staff can do about it, together: no scrolling sideways to act. */}
                          <div
                            style={{
                              minWidth: 240,
                              maxWidth: 380,
                              whiteSpace: "normal",
                              overflowWrap: "anywhere",
                            }}
                          >
                            <BlockStack gap="100">
                              {row.waitingForRateLimit && (
                                <Text as="span" variant="bodySm" tone="subdued">
                                  {t("rateLimitNote")}
                                </Text>
                              )}
                              {problem && !row.waitingForRateLimit && (
                                <Text as="span" variant="bodySm" tone={failed ? "critical" : "subdued"}>
                                  {t(`problems.${problem}`)}
                                </Text>
                              )}
                              {/* The exception itself, folded away: for support, not the first thing a merchant reads. */}
                              {row.lastError && (
                                <details>
                                  <summary>
                                    <Text as="span" variant="bodySm" tone="subdued">
                                      {t("details")}
                                    </Text>
                                  </summary>
                                  <Text as="span" variant="bodySm" tone="subdued">
                                    <span lang="en">{row.lastError}</span>
                                  </Text>
                                </details>
                              )}
                              {failed && (
                                // A click on these buttons must not also select the row (IndexTable rows select on click).
                                <div onClick={(event) => event.stopPropagation()}>
                                  <InlineStack gap="300" wrap={false} blockAlign="center">
                                    <Button
                                      size="slim"
                                      onClick={() => submit("retry", [row.id])}
                                      disabled={busy}
                                      accessibilityLabel={t("retryRow", {
                                        row: describeRow(row, labels, t, lang),
                                      })}
                                    >
                                      {t("retry")}
                                    </Button>
                                    <Button
                                      size="slim"
                                      tone="critical"
                                      variant="plain"
                                      onClick={() => setDiscarding([row.id])}
                                      disabled={busy}
                                      accessibilityLabel={t("discardRow", {
                                        row: describeRow(row, labels, t, lang),
                                      })}
                                    >
                                      {t("discard")}
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
                    {t("older")}
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
                    {t("checksHeading")}
                  </Text>
                  {view.jobRuns.length === 0 ? (
                    <Text as="p" tone="subdued">
                      {t("checksEmpty")}
                    </Text>
                  ) : (
                    view.jobRuns.map((run) => (
                      <InlineStack key={run.id} align="space-between" blockAlign="center">
                        <BlockStack gap="050">
                          <Text as="span" variant="bodySm" fontWeight="semibold">
                            {t(`runs.${run.name}`, { defaultValue: t("runs.other") })}
                          </Text>
                          <Text as="span" variant="bodySm" tone="subdued">
                            {formatTime(run.startedAt, lang)} · {formatDuration(run.durationMs, t)}
                          </Text>
                        </BlockStack>
                        <Badge tone={run.status === "SUCCEEDED" ? "success" : run.status === "FAILED" ? "critical" : "attention"}>
                          {t(`runStatus.${run.status === "SUCCEEDED" || run.status === "FAILED" ? run.status : "RUNNING"}`)}
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
                      {t("dataRequests")}
                    </Text>
                    {view.exports.map((e) => (
                      <InlineStack key={e.id} align="space-between" blockAlign="center">
                        <Text as="span" variant="bodySm">
                          {t("dataRequest", {
                            time: formatTime(e.createdAt, lang),
                          })}
                        </Text>
                        <Button size="slim" url={`/app/activity/exports/${e.id}`} download>
                          {t("download")}
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
          title={t("discardTitle", { count: discarding?.length ?? 1 })}
          primaryAction={{
            content: t("discard"),
            destructive: true,
            loading: busy,
            onAction: () => {
              if (discarding) submit("discard", discarding);
              setDiscarding(null);
            },
          }}
          secondaryActions={[{ content: t("cancel"), onAction: () => setDiscarding(null) }]}
        >
          <Modal.Section>
            <BlockStack gap="200">
              <Text as="p">{t("discardBody", { count: discarding?.length ?? 1 })}</Text>
              {discardingRows.map((r) => (
                <Text key={r.id} as="p" variant="bodySm" tone="subdued">
                  {describeRow(r, labels, t, lang)}
                </Text>
              ))}
            </BlockStack>
          </Modal.Section>
        </Modal>
      </Page>
    </div>
  );
}
