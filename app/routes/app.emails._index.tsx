import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate, useRevalidator, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineGrid,
  Layout,
  Page,
  Tabs,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { EMAIL_KIND_LABELS, EMAIL_LOCALE_LABELS, EMAIL_STATUS_BADGES } from "~/email/labels";
import { installedShop } from "~/services/installed-shop.server";
import { EMAIL_STATUSES, loadEmails } from "~/services/load-emails.server";
import { authenticate } from "~/shopify.server";

const filtersSchema = z.object({
  status: z.enum(EMAIL_STATUSES).optional(),
  cursor: z.string().max(500).optional(),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const parsed = filtersSchema.safeParse({
    status: url.searchParams.get("status") || undefined,
    cursor: url.searchParams.get("cursor") || undefined,
  });
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const shop = await installedShop(session.shop);
  return loadEmails({ shop, filters: { status: parsed.data.status ? [parsed.data.status] : undefined, cursor: parsed.data.cursor } });
};

const TABS = [
  { id: "all", content: "All", status: null },
  { id: "OUTBOX", content: "Outbox", status: "OUTBOX" },
  { id: "SENT", content: "Sent", status: "SENT" },
  { id: "PENDING", content: "Sending", status: "PENDING" },
  { id: "FAILED", content: "Failed", status: "FAILED" },
] as const;

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—";
}

export default function EmailsPage() {
  const view = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = params.get("status");
  const selectedTab = Math.max(0, TABS.findIndex((t) => t.status === status));

  // While messages are being sent, refresh until they are settled.
  const { revalidate, state: revalidation } = useRevalidator();
  useEffect(() => {
    if (view.counts.PENDING === 0 || revalidation !== "idle") return;
    const timer = setTimeout(revalidate, 2_000);
    return () => clearTimeout(timer);
  }, [view, revalidation, revalidate]);

  const counts = [
    { label: view.delivery === "outbox" ? "In outbox" : "Sent", value: view.delivery === "outbox" ? view.counts.OUTBOX : view.counts.SENT },
    { label: "Sending", value: view.counts.PENDING },
    { label: "Failed", value: view.counts.FAILED, tone: view.counts.FAILED > 0 ? ("critical" as const) : undefined },
  ];

  return (
    <Page title="Emails" subtitle="Messages Crossdock sends to shoppers about their returns">
      <Layout>
        {view.delivery === "outbox" && (
          <Layout.Section>
            <Banner tone="info" title="Emails are kept here, not sent">
              <p>
                No Resend API key is configured (RESEND_API_KEY), so every message stays in this outbox. Open one to see
                exactly what the shopper would receive.
              </p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 3 }} gap="400">
            {counts.map((c) => (
              <Card key={c.label}>
                <BlockStack gap="100">
                  <Text as="h2" variant="headingSm" tone="subdued">
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
        <Layout.Section>
          <Card padding="0">
            <Tabs
              tabs={TABS.map((t) => ({ id: t.id, content: t.content, accessibilityLabel: `${t.content} emails` }))}
              selected={selectedTab}
              onSelect={(index) => {
                const tab = TABS[index];
                navigate(tab?.status ? `?status=${tab.status}` : "?");
              }}
            />
            {view.rows.length === 0 ? (
              <EmptyState heading="No emails yet" image="">
                <p>Emails appear here when a return is requested, approved, declined, received or refunded.</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: "email", plural: "emails" }}
                itemCount={view.rows.length}
                selectable={false}
                headings={[{ title: "Recipient" }, { title: "Email" }, { title: "Language" }, { title: "Status" }, { title: "Date" }]}
                pagination={{
                  hasNext: view.nextCursor !== null,
                  onNext: () => {
                    const next = new URLSearchParams(params);
                    next.set("cursor", view.nextCursor ?? "");
                    navigate(`?${next.toString()}`);
                  },
                  hasPrevious: params.has("cursor"),
                  onPrevious: () => {
                    const next = new URLSearchParams(params);
                    next.delete("cursor");
                    navigate(`?${next.toString()}`);
                  },
                }}
              >
                {view.rows.map((row, index) => {
                  const badge = EMAIL_STATUS_BADGES[row.status];
                  return (
                    <IndexTable.Row id={row.id} key={row.id} position={index} onClick={() => navigate(`/app/emails/${row.id}`)}>
                      <IndexTable.Cell>
                        <Text as="span" fontWeight="semibold">
                          {row.to}
                        </Text>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <BlockStack gap="050">
                          <Text as="span">{EMAIL_KIND_LABELS[row.kind] ?? row.kind}</Text>
                          <Text as="span" tone="subdued" variant="bodySm">
                            {row.subject}
                          </Text>
                        </BlockStack>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{EMAIL_LOCALE_LABELS[row.locale] ?? row.locale}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <Badge tone={badge.tone}>{row.attempts > 1 ? `${badge.label} · ${row.attempts} attempts` : badge.label}</Badge>
                      </IndexTable.Cell>
                      <IndexTable.Cell>{formatTime(row.sentAt ?? row.createdAt)}</IndexTable.Cell>
                    </IndexTable.Row>
                  );
                })}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
