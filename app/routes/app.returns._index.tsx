import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
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
import { useState } from "react";
import { DeclineFields } from "~/components/returns/DeclineFields";
import { AGE_BUCKETS, formatMoney, METHOD_LABELS, REASON_LABELS, STATUS_LABELS, STATUS_TONES } from "~/components/returns/labels";
import { bulkDecideReturns, bulkDecisionSchema } from "~/services/bulk-decide-returns.server";
import { installedShop } from "~/services/installed-shop.server";
import { loadReturnsQueue, parseQueueParams } from "~/services/load-returns-queue.server";
import { authenticate } from "~/shopify.server";

async function requireShop(request: Request) {
  const { session, admin } = await authenticate.admin(request);
  const shop = await installedShop(session.shop);
  const actor = session.onlineAccessInfo?.associated_user?.email ?? `staff@${session.shop}`;
  return { shop, admin, actor };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop } = await requireShop(request);
  return loadReturnsQueue(shop, parseQueueParams(new URL(request.url)));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, admin, actor } = await requireShop(request);
  const form = await readFormData(request, undefined, { single: true, repeatable: ["ids"] });
  const parsed = bulkDecisionSchema.safeParse({
    decision: form.get("decision"),
    ids: form.getAll("ids").map(String),
    reason: form.get("reason") ?? undefined,
    note: form.get("note") ?? undefined,
  });
  if (!parsed.success) {
    return data({ error: parsed.error.issues.map((i) => i.message).join("; "), outcomes: [] }, { status: 422 });
  }
  const outcomes = await bulkDecideReturns({ shop, graphql: admin.graphql, actor, request: parsed.data });
  const failed = outcomes.some((o) => o.status === "refused" || o.status === "not-found");
  const refused = outcomes.filter((o) => o.status === "refused" || o.status === "not-found").length;
  return data({ error: failed ? `${refused} of ${outcomes.length} returns were not changed: each one says why.` : null, outcomes }, { status: failed ? 422 : 200 });
};

const statusOptions = [{ value: "", label: "Any status" }, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))];
const reasonOptions = [{ value: "", label: "Any reason" }, ...Object.entries(REASON_LABELS).map(([value, label]) => ({ value, label }))];
const methodOptions = [{ value: "", label: "Any method" }, ...Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))];
const ageOptions = [{ value: "", label: "Any age" }, ...Object.keys(AGE_BUCKETS).map((value) => ({ value, label: `${value} days` }))];

export default function ReturnsQueue() {
  const queue = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const [searchParams] = useSearchParams();
  const busy = navigation.state !== "idle";
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } = useIndexResourceState(queue.rows);
  const [declineOpen, setDeclineOpen] = useState(false);

  const [filters, setFilters] = useState({
    status: searchParams.get("status") ?? "",
    reason: searchParams.get("reason") ?? "",
    method: searchParams.get("method") ?? "",
    age: searchParams.get("age") ?? "",
    location: searchParams.get("location") ?? "",
    minValue: searchParams.get("minValue") ?? "",
    maxValue: searchParams.get("maxValue") ?? "",
    q: searchParams.get("q") ?? "",
  });
  const set = (key: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [key]: value }));

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
    <Page title="Returns" subtitle="Requests from the customer portal and from Shopify" secondaryActions={[{ content: "Rules and policy", url: "/app/settings/returns" }]}>
      <Layout>
        {actionData?.error && (
          <Layout.Section>
            <Banner tone="critical" title="Nothing was changed">
              {actionData.error}
            </Banner>
          </Layout.Section>
        )}
        {actionData && actionData.outcomes.length > 0 && (
          <Layout.Section>
            <Banner tone={actionData.outcomes.some((o) => o.status === "refused" || o.status === "not-found") ? "warning" : "success"} title="Bulk action done">
              <ul>
                {actionData.outcomes.map((o) => (
                  <li key={o.id}>
                    {o.rma}: {o.status}
                    {o.message ? ` (${o.message})` : ""}
                  </li>
                ))}
              </ul>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineStack gap="200" wrap>
            {Object.entries(STATUS_LABELS).map(([status, label]) => (
              <Link key={status} to={`?status=${status}`} aria-label={`Show ${label.toLowerCase()} returns`}>
                <Badge tone={STATUS_TONES[status]}>{`${label}: ${queue.counts[status as keyof typeof queue.counts] ?? 0}`}</Badge>
              </Link>
            ))}
            <Link to="?flagged=1&status=REQUESTED" aria-label="Show flagged returns">
              <Badge tone="warning">{`Flagged: ${queue.counts.flagged}`}</Badge>
            </Link>
          </InlineStack>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <Form method="get" aria-label="Filter returns">
              <BlockStack gap="300">
                <InlineStack gap="300" wrap blockAlign="end">
                  <div style={{ minWidth: "16rem", flexGrow: 1 }}>
                    <TextField label="Search" name="q" value={filters.q} onChange={set("q")} autoComplete="off" placeholder="RMA, order number or email" />
                  </div>
                  <Select label="Status" name="status" options={statusOptions} value={filters.status} onChange={set("status")} />
                  <Select label="Reason" name="reason" options={reasonOptions} value={filters.reason} onChange={set("reason")} />
                  <Select label="Method" name="method" options={methodOptions} value={filters.method} onChange={set("method")} />
                  <Select label="Age" name="age" options={ageOptions} value={filters.age} onChange={set("age")} />
                  <Select
                    label="Location"
                    name="location"
                    options={[{ value: "", label: "Any location" }, ...queue.locations.map((l) => ({ value: l.id, label: l.name }))]}
                    value={filters.location}
                    onChange={set("location")}
                  />
                  <div style={{ width: "7rem" }}>
                    <TextField label="Value from" name="minValue" value={filters.minValue} onChange={set("minValue")} autoComplete="off" inputMode="decimal" />
                  </div>
                  <div style={{ width: "7rem" }}>
                    <TextField label="Value to" name="maxValue" value={filters.maxValue} onChange={set("maxValue")} autoComplete="off" inputMode="decimal" />
                  </div>
                  {searchParams.get("flagged") && <input type="hidden" name="flagged" value="1" />}
                  <Button submit variant="primary" loading={busy && navigation.formMethod === "GET"}>
                    Apply filters
                  </Button>
                  <Button url="/app/returns">Clear</Button>
                </InlineStack>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <IndexTable
              resourceName={{ singular: "return", plural: "returns" }}
              itemCount={queue.rows.length}
              selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
              onSelectionChange={handleSelectionChange}
              promotedBulkActions={[
                { content: "Approve selected", onAction: () => bulk("approve"), disabled: busy },
                { content: "Decline selected", onAction: () => setDeclineOpen(true), disabled: busy },
              ]}
              headings={[{ title: "RMA" }, { title: "Order" }, { title: "Customer" }, { title: "Status" }, { title: "Reasons" }, { title: "Method" }, { title: "Value", alignment: "end" }, { title: "Age" }]}
              emptyState={
                <Box padding="600">
                  <Text as="p" alignment="center" tone="subdued">
                    No returns match these filters.
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
                        <span title={row.flagReasons.join("; ")}>
                          <Badge tone="warning">Flagged</Badge>
                        </span>
                      )}
                    </InlineStack>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{row.orderName}</IndexTable.Cell>
                  <IndexTable.Cell>{row.customer}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Badge tone={STATUS_TONES[row.status]}>{STATUS_LABELS[row.status] ?? row.status}</Badge>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{row.reasons.map((r) => REASON_LABELS[r] ?? r).join(", ")}</IndexTable.Cell>
                  <IndexTable.Cell>{`${METHOD_LABELS[row.method] ?? row.method}${row.location ? ` → ${row.location}` : ""}`}</IndexTable.Cell>
                  <IndexTable.Cell>
                    <Text as="span" alignment="end" numeric>
                      {formatMoney(row.totalValue, row.currency)}
                    </Text>
                  </IndexTable.Cell>
                  <IndexTable.Cell>{`${row.ageDays} d`}</IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
            <Box padding="300">
              <InlineStack align="space-between" blockAlign="center">
                <Text as="p" tone="subdued">{`${queue.total} return(s)`}</Text>
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
      <Modal open={declineOpen} onClose={() => setDeclineOpen(false)} title={`Decline ${selectedResources.length} return(s)`}>
        <Form method="post" onSubmit={() => { setDeclineOpen(false); clearSelection(); }}>
          <Modal.Section>
            <input type="hidden" name="decision" value="decline" />
            {selectedResources.map((id) => (
              <input key={id} type="hidden" name="ids" value={id} />
            ))}
            <BlockStack gap="300">
              <DeclineFields />
              <InlineStack align="end">
                <Button submit variant="primary" tone="critical">
                  Decline returns
                </Button>
              </InlineStack>
            </BlockStack>
          </Modal.Section>
        </Form>
      </Modal>
    </Page>
  );
}
