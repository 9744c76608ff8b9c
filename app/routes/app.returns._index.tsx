import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigate, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  IndexTable,
  InlineStack,
  Layout,
  Modal,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { ActionToast } from "~/components/ActionToast";
import { adminT } from "~/components/admin-i18n";
import { adminLocale } from "~/http/admin-locale.server";
import { DeclineFields } from "~/components/returns/DeclineFields";
import { flagReasonText } from "~/components/returns/rule-words";
import { QUEUE_AGE_BUCKETS } from "~/domain/returns/queue-age";
import { formatMoney, METHOD_LABELS, REASON_LABELS, STATUS_LABELS, STATUS_TONES } from "~/components/returns/labels";
import type { PortalLocale } from "~/domain/portal/locale";
import { bulkDecideReturns, bulkDecisionSchema } from "~/services/bulk-decide-returns.server";
import { installedShop } from "~/services/installed-shop.server";
import { loadReturnsQueue, parseQueueParams } from "~/services/load-returns-queue.server";
import { authenticate } from "~/shopify.server";
import { adminTitle, menuWord } from "~/components/page-title";

export const meta: MetaFunction = ({ matches }) => adminTitle(menuWord(matches, "/app/returns", "Returns"));

async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const user = session.onlineAccessInfo?.associated_user;
  const actor = user?.email ?? `staff@${session.shop}`;
  // The page speaks the staff member's language (Shopify admin's `locale`, their account's, the browser's).
  return { shop, admin, actor, lang: adminLocale(request, user?.locale) };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, lang } = await requireShop(request);
  return {
    ...(await loadReturnsQueue(shop, parseQueueParams(new URL(request.url)))),
    lang,
  };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin, actor, lang } = await requireShop(request);
  const t = adminT(lang, "admin-returns");
  const form = await readFormData(request, undefined, {
    single: true,
    repeatable: ["ids"],
  });
  const parsed = bulkDecisionSchema.safeParse({
    decision: form.get("decision"),
    ids: form.getAll("ids").map(String),
    reason: form.get("reason") ?? undefined,
    note: form.get("note") ?? undefined,
  });
  if (!parsed.success) {
    return data({ error: t("queue.invalid"), toast: null, outcomes: [] }, { status: 422 });
  }
  const outcomes = await bulkDecideReturns({
    shop,
    graphql: admin.graphql,
    actor,
    request: parsed.data,
  });
  const refused = outcomes.filter((o) => o.status === "refused" || o.status === "not-found").length;
  const done = outcomes.length - refused;
  return data(
    {
      error: refused ? t("queue.someNotChanged", { refused, count: outcomes.length }) : null,
      // The toast says what happened; the banner below lists each return's outcome.
      toast: done === 0 ? null : refused ? t("queue.toastSome", { done, count: outcomes.length }) : t("queue.toastDone", { count: done }),
      outcomes,
    },
    { status: refused ? 422 : 200 }
  );
};

/** The filters as the URL carries them (the dropdowns show these, also after Clear or a badge's link). */
function filtersFrom(params: URLSearchParams) {
  const keys = ["status", "reason", "method", "age", "location", "minValue", "maxValue", "q"] as const;
  return Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<(typeof keys)[number], string>;
}

/** Every code the queue shows, as words in the staff member's language. */
function queueWords(lang: PortalLocale) {
  const t = adminT(lang, "admin-returns");
  const words = (group: string, codes: Record<string, string>) => Object.fromEntries(Object.keys(codes).map((code) => [code, t(`${group}.${code}`)]));
  return {
    t,
    status: words("status", STATUS_LABELS),
    reason: words("reasons", REASON_LABELS),
    method: words("methods", METHOD_LABELS),
  };
}

export default function ReturnsQueue() {
  const queue = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const { t, ...labels } = queueWords(queue.lang);
  const ruleWords = adminT(queue.lang, "admin-return-rules");
  const submit = useSubmit();
  const [searchParams] = useSearchParams();
  const busy = navigation.state !== "idle";
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(queue.rows);
  const [declineOpen, setDeclineOpen] = useState(false);
  const [approveOpen, setApproveOpen] = useState(false);

  const [filters, setFilters] = useState(() => filtersFrom(searchParams));
  // A new URL (Clear filters, a status badge, Back) sets the dropdowns to what the list shows.
  const query = searchParams.toString();
  useEffect(() => setFilters(filtersFrom(new URLSearchParams(query))), [query]);
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));
  const options = (any: string, codes: Record<string, string>) => [
    { value: "", label: t(any) },
    ...Object.entries(codes).map(([value, label]) => ({ value, label })),
  ];
  const count = selectedResources.length;

  const bulk = (decision: "approve") => {
    const body = new FormData();
    body.set("decision", decision);
    for (const id of selectedResources) body.append("ids", id);
    submit(body, { method: "post" });
    clearSelection();
  };

  const pageUrl = (page: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };

  return (
    <div lang={queue.lang}>
      <Page title={t("queue.title")} subtitle={t("queue.subtitle")} secondaryActions={[{ content: t("queue.rulesAndPolicy"), url: "/app/settings/returns" }]}>
        <ActionToast event={actionData} message={actionData?.toast} />
        <Layout>
          {actionData?.error && (
            <Layout.Section>
              <Banner tone="critical" title={t("queue.nothingChanged")}>
                {actionData.error}
              </Banner>
            </Layout.Section>
          )}
          {actionData && actionData.outcomes.length > 0 && (
            <Layout.Section>
              <Banner
                tone={actionData.outcomes.some((o) => o.status === "refused" || o.status === "not-found") ? "warning" : "success"}
                title={t("queue.bulkDone")}
              >
                <ul>
                  {actionData.outcomes.map((o) => (
                    <li key={o.id}>
                      {o.rma}: {t(`queue.outcomes.${o.status}`)}
                      {o.message ? ` (${o.message})` : ""}
                    </li>
                  ))}
                </ul>
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <InlineStack gap="200" wrap>
              {Object.entries(labels.status).map(([status, label]) => (
                <Link
                  key={status}
                  to={`?status=${status}`}
                  aria-label={t("queue.showStatus", {
                    status: label.toLowerCase(),
                  })}
                >
                  <Badge tone={STATUS_TONES[status]}>
                    {t("queue.statusCount", {
                      status: label,
                      count: queue.counts[status as keyof typeof queue.counts] ?? 0,
                    })}
                  </Badge>
                </Link>
              ))}
              <Link to="?flagged=1&status=REQUESTED" aria-label={t("queue.showFlagged")}>
                <Badge tone="warning">{t("queue.flaggedCount", { count: queue.counts.flagged })}</Badge>
              </Link>
            </InlineStack>
          </Layout.Section>
          <Layout.Section>
            <Card>
              <Form method="get" aria-label={t("queue.filtersLabel")}>
                <BlockStack gap="300">
                  <InlineStack gap="300" wrap blockAlign="end">
                    <div style={{ minWidth: "16rem", flexGrow: 1 }}>
                      <TextField
                        label={t("queue.search")}
                        name="q"
                        value={filters.q}
                        onChange={set("q")}
                        autoComplete="off"
                        placeholder={t("queue.searchPlaceholder")}
                      />
                    </div>
                    {(
                      [
                        ["status", options("queue.anyStatus", labels.status)],
                        ["reason", options("queue.anyReason", labels.reason)],
                        ["method", options("queue.anyMethod", labels.method)],
                        ["age", options("queue.anyAge", Object.fromEntries(Object.keys(QUEUE_AGE_BUCKETS).map((bucket) => [bucket, t(`queue.ages.${bucket}`)])))],
                        ["location", [{ value: "", label: t("queue.anyLocation") }, ...queue.locations.map((l) => ({ value: l.id, label: l.name }))]],
                      ] as const
                    ).map(([key, choices]) => (
                      <Select key={key} label={t(`queue.${key}`)} name={key} options={[...choices]} value={filters[key]} onChange={set(key)} />
                    ))}
                    <div style={{ width: "7rem" }}>
                      <TextField
                        label={t("queue.valueFrom")}
                        name="minValue"
                        value={filters.minValue}
                        onChange={set("minValue")}
                        autoComplete="off"
                        inputMode="decimal"
                      />
                    </div>
                    <div style={{ width: "7rem" }}>
                      <TextField
                        label={t("queue.valueTo")}
                        name="maxValue"
                        value={filters.maxValue}
                        onChange={set("maxValue")}
                        autoComplete="off"
                        inputMode="decimal"
                      />
                    </div>
                    {searchParams.get("flagged") && <input type="hidden" name="flagged" value="1" />}
                    <Button submit variant="primary" loading={busy && navigation.formMethod === "GET"}>
                      {t("queue.apply")}
                    </Button>
                    <Button
                      onClick={() => {
                        setFilters(filtersFrom(new URLSearchParams()));
                        navigate("/app/returns");
                      }}
                    >
                      {t("queue.clear")}
                    </Button>
                  </InlineStack>
                </BlockStack>
              </Form>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <Card padding="0">
              <IndexTable
                resourceName={{
                  singular: t("queue.resource", { count: 1 }),
                  plural: t("queue.resource", { count: 2 }),
                }}
                itemCount={queue.rows.length}
                selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                onSelectionChange={handleSelectionChange}
                promotedBulkActions={[
                  // Both ask first: approving sends labels and emails; declining tells the shoppers.
                  {
                    content: t("queue.approveSelected"),
                    onAction: () => setApproveOpen(true),
                    disabled: busy,
                  },
                  {
                    content: t("queue.declineSelected"),
                    onAction: () => setDeclineOpen(true),
                    disabled: busy,
                  },
                ]}
                headings={[
                  { title: t("queue.headings.rma") },
                  { title: t("queue.headings.order") },
                  { title: t("queue.headings.customer") },
                  { title: t("queue.headings.status") },
                  { title: t("queue.headings.reasons") },
                  { title: t("queue.headings.method") },
                  { title: t("queue.headings.value"), alignment: "end" },
                  { title: t("queue.headings.age") },
                ]}
                emptyState={
                  <Box padding="600">
                    <Text as="p" alignment="center" tone="subdued">
                      {t("queue.empty")}
                    </Text>
                  </Box>
                }
              >
                {queue.rows.map((row, index) => (
                  <IndexTable.Row id={row.id} key={row.id} position={index} selected={selectedResources.includes(row.id)}>
                    <IndexTable.Cell>
                      <InlineStack gap="100" blockAlign="center" wrap={false}>
                        <Link to={`/app/returns/${row.id}`} data-primary-link>
                          <Text as="span" fontWeight="semibold">
                            {row.rma}
                          </Text>
                        </Link>
                        {row.flagged && (
                          <span title={row.flags.map((f) => flagReasonText(f, ruleWords, t)).join("; ")}>
                            <Badge tone="warning">{t("queue.flagged")}</Badge>
                          </span>
                        )}
                      </InlineStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{row.orderName}</IndexTable.Cell>
                    <IndexTable.Cell>{row.customer}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Badge tone={STATUS_TONES[row.status]}>{labels.status[row.status] ?? row.status}</Badge>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{row.reasons.map((r) => labels.reason[r] ?? r).join(", ")}</IndexTable.Cell>
                    <IndexTable.Cell>
                      {row.location
                        ? t("queue.methodTo", {
                            method: labels.method[row.method] ?? row.method,
                            location: row.location,
                          })
                        : labels.method[row.method] ?? row.method}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {formatMoney(row.totalValue, row.currency, queue.lang)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{t("queue.ageDays", { count: row.ageDays })}</IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
              <Box padding="300">
                <InlineStack align="space-between" blockAlign="center">
                  <Text as="p" tone="subdued">
                    {t("queue.total", { count: queue.total })}
                  </Text>
                  <Pagination
                    hasPrevious={queue.page > 1}
                    previousURL={pageUrl(queue.page - 1)}
                    hasNext={queue.page < queue.pageCount}
                    nextURL={pageUrl(queue.page + 1)}
                  />
                </InlineStack>
              </Box>
            </Card>
          </Layout.Section>
        </Layout>
        <Modal
          open={approveOpen}
          onClose={() => setApproveOpen(false)}
          title={t("queue.confirmApproveTitle", { count })}
          primaryAction={{
            content: t("queue.confirmApprove", { count }),
            onAction: () => {
              setApproveOpen(false);
              bulk("approve");
            },
          }}
          secondaryActions={[
            {
              content: t("queue.cancel"),
              onAction: () => setApproveOpen(false),
            },
          ]}
        >
          <Modal.Section>
            <BlockStack gap="200">
              <Text as="p">{t("queue.confirmApproveBody")}</Text>
              <Text as="p" tone="subdued">
                {queue.rows
                  .filter((r) => selectedResources.includes(r.id))
                  .map((r) => `${r.rma} (${r.orderName})`)
                  .join(", ")}
              </Text>
            </BlockStack>
          </Modal.Section>
        </Modal>
        <Modal open={declineOpen} onClose={() => setDeclineOpen(false)} title={t("queue.declineTitle", { count })}>
          <Form
            method="post"
            onSubmit={() => {
              setDeclineOpen(false);
              clearSelection();
            }}
          >
            <Modal.Section>
              <input type="hidden" name="decision" value="decline" />
              {selectedResources.map((id) => (
                <input key={id} type="hidden" name="ids" value={id} />
              ))}
              <BlockStack gap="300">
                <DeclineFields lang={queue.lang} />
                <InlineStack align="end">
                  <Button submit variant="primary" tone="critical">
                    {t("queue.declineButton", { count })}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Modal.Section>
          </Form>
        </Modal>
      </Page>
    </div>
  );
}
