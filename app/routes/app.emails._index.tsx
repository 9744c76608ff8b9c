import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { CountCards } from "~/components/CountCards";
import { useLoaderData, useNavigate, useRevalidator, useSearchParams } from "@remix-run/react";
import { Badge, Banner, BlockStack, Card, EmptyState, IndexTable, InlineStack, Layout, Page, Tabs, Text, useBreakpoints } from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { adminT } from "~/components/admin-i18n";
import { EMAIL_STATUS_TONES, emailKindWords, emailLanguageName } from "~/email/labels";
import { adminLocale } from "~/http/admin-locale.server";
import { installedShop } from "~/services/installed-shop.server";
import { EMAIL_STATUSES, loadEmails } from "~/services/load-emails.server";
import { authenticate } from "~/shopify.server";
import { adminTitle } from "~/components/page-title";
import { StackedCell } from "~/components/StackedCell";

export const meta: MetaFunction<typeof loader> = ({ data }) => adminTitle(data?.text?.title ?? "Emails");

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
  const lang = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  const t = adminT(lang, "admin-emails");
  const view = await loadEmails({
    shop,
    filters: {
      status: parsed.data.status ? [parsed.data.status] : undefined,
      cursor: parsed.data.cursor,
    },
  });
  const when = new Intl.DateTimeFormat(lang, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: shop.timezone,
  });
  return {
    lang,
    delivery: view.delivery,
    counts: view.counts,
    nextCursor: view.nextCursor,
    text: {
      title: t("title"),
      subtitle: t("subtitle"),
      outboxTitle: t("outboxTitle"),
      outboxBody: t("outboxBody"),
      counts: {
        outbox: t("counts.outbox"),
        sent: t("counts.sent"),
        sending: t("counts.sending"),
        failed: t("counts.failed"),
      },
      tabs: TABS.map((tab) => ({
        id: tab.id,
        status: tab.status,
        content: t(`tabs.${tab.id}`),
        accessibilityLabel: t("tabLabel", { tab: t(`tabs.${tab.id}`) }),
      })),
      emptyHeading: t("emptyHeading"),
      emptyBody: t("emptyBody"),
      resource: {
        singular: t("resource.singular"),
        plural: t("resource.plural"),
      },
      headings: [t("headings.to"), t("headings.email"), t("headings.language"), t("headings.status"), t("headings.date")].map((title) => ({ title })),
    },
    rows: view.rows.map((row) => {
      const status = t(`status.${row.status}`);
      return {
        id: row.id,
        to: row.to,
        kind: emailKindWords(t, row.kind),
        subject: row.subject,
        // The message's own language, so a screen reader says its subject in that language.
        locale: row.locale,
        language: emailLanguageName(row.locale),
        tone: EMAIL_STATUS_TONES[row.status],
        status: row.attempts > 1 ? t("attempts", { status, count: row.attempts }) : status,
        date: when.format(new Date(row.sentAt ?? row.createdAt)),
      };
    }),
  };
};

const TABS = [
  { id: "all", status: null },
  { id: "OUTBOX", status: "OUTBOX" },
  { id: "SENT", status: "SENT" },
  { id: "PENDING", status: "PENDING" },
  { id: "FAILED", status: "FAILED" },
] as const;

export default function EmailsPage() {
  const view = useLoaderData<typeof loader>();
  const { text } = view;
  const { smDown } = useBreakpoints();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const status = params.get("status");
  const selectedTab = Math.max(
    0,
    text.tabs.findIndex((t) => t.status === status)
  );

  // While messages are being sent, refresh until they are settled.
  const { revalidate, state: revalidation } = useRevalidator();
  useEffect(() => {
    if (view.counts.PENDING === 0 || revalidation !== "idle") return;
    const timer = setTimeout(revalidate, 2_000);
    return () => clearTimeout(timer);
  }, [view, revalidation, revalidate]);

  const counts = [
    {
      label: view.delivery === "outbox" ? text.counts.outbox : text.counts.sent,
      value: view.delivery === "outbox" ? view.counts.OUTBOX : view.counts.SENT,
    },
    { label: text.counts.sending, value: view.counts.PENDING },
    {
      label: text.counts.failed,
      value: view.counts.FAILED,
      tone: view.counts.FAILED > 0 ? ("critical" as const) : undefined,
    },
  ];

  return (
    <div lang={view.lang}>
      <Page title={text.title} subtitle={text.subtitle}>
        <Layout>
          {view.delivery === "outbox" && (
            <Layout.Section>
              <Banner tone="info" title={text.outboxTitle}>
                <p>{text.outboxBody}</p>
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <CountCards counts={counts} columns={{ xs: 1, sm: 3 }} headingAs="h2" />
          </Layout.Section>
          <Layout.Section>
            <Card padding="0">
              <Tabs
                tabs={text.tabs.map((t) => ({
                  id: t.id,
                  content: t.content,
                  accessibilityLabel: t.accessibilityLabel,
                }))}
                selected={selectedTab}
                onSelect={(index) => {
                  const tab = text.tabs[index];
                  navigate(tab?.status ? `?status=${tab.status}` : "?");
                }}
              />
              {view.rows.length === 0 ? (
                <EmptyState heading={text.emptyHeading} image="">
                  <p>{text.emptyBody}</p>
                </EmptyState>
              ) : (
                <IndexTable
                  condensed={smDown}
                  resourceName={text.resource}
                  itemCount={view.rows.length}
                  selectable={false}
                  headings={text.headings as [{ title: string }, ...{ title: string }[]]}
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
                    const to = (
                      <Text as="span" fontWeight="semibold" breakWord>
                        {row.to}
                      </Text>
                    );
                    const email = (
                      <BlockStack gap="050">
                        <Text as="span">{row.kind}</Text>
                        <Text as="span" tone="subdued" variant="bodySm" breakWord>
                          <span lang={row.locale}>{row.subject}</span>
                        </Text>
                      </BlockStack>
                    );
                    const badge = <Badge tone={row.tone}>{row.status}</Badge>;
                    return (
                      <IndexTable.Row id={row.id} key={row.id} position={index} onClick={() => navigate(`/app/emails/${row.id}`)}>
                        {smDown ? (
                          // One stacked cell per email at phone width, instead of a table scrolled sideways.
                          <StackedCell>
                            {to}
                            {email}
                            <InlineStack gap="200" blockAlign="center">
                              {badge}
                              <Text as="span" variant="bodySm" tone="subdued">
                                {`${row.language} · ${row.date}`}
                              </Text>
                            </InlineStack>
                          </StackedCell>
                        ) : (
                          <>
                            <IndexTable.Cell>{to}</IndexTable.Cell>
                            <IndexTable.Cell>{email}</IndexTable.Cell>
                            <IndexTable.Cell>{row.language}</IndexTable.Cell>
                            <IndexTable.Cell>{badge}</IndexTable.Cell>
                            <IndexTable.Cell>{row.date}</IndexTable.Cell>
                          </>
                        )}
                      </IndexTable.Row>
                    );
                  })}
                </IndexTable>
              )}
            </Card>
          </Layout.Section>
        </Layout>
      </Page>
    </div>
  );
}
