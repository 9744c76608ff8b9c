import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { typedTextProblem } from "~/domain/text/typed-text";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Badge, Button, Card, IndexTable, InlineStack, Page, Select, Text, TextField, useBreakpoints } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { decisionStatusTone } from "~/components/decision-status";
import { adminTitle } from "~/components/page-title";
import { StackedCell } from "~/components/StackedCell";
import { triggerWords } from "~/components/routing/decision-words";
import { explainer } from "~/components/routing/explain";
import { adminLocale } from "~/http/admin-locale.server";
import type englishRouting from "~/locales/en/routing.json";
import { loadedResources, portalT } from "~/portal/i18n";
import { installedShop } from "~/services/installed-shop.server";
import { listRoutingLog } from "~/services/review-routing-decisions.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => adminTitle(data?.text?.title ?? "Routing log");

const statuses = ["APPLIED", "NEEDS_REVIEW", "SUGGESTED", "NOT_ROUTABLE", "FAILED", "PENDING"] as const;
const paramsSchema = z.object({
  status: z.enum(statuses).optional().or(z.literal("").transform(() => undefined)),
  // Typed by staff: no control characters (a NUL would reach PostgreSQL, which refuses it).
  order: z.string().trim().max(40).refine((v) => typedTextProblem(v, 40) === null).optional(),
  location: z.string().startsWith("gid://shopify/Location/").optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

/** The routing log, newest first, in the staff member's language: statuses, reasons and triggers as words. */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = paramsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const shop = await installedShop(session.shop);
  const locale = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  const t = portalT(locale, "routing");
  const { status, order, location, page } = parsed.data;
  const log = await listRoutingLog(shop, { status, orderName: order || undefined, locationId: location }, page);
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: shop.timezone });
  const english = loadedResources()[locale]!.routing as unknown as typeof englishRouting;
  return {
    lang: locale,
    text: { ...english.log, subtitle: t("log.count", { count: log.total }), back: english.rulesPage.title },
    statuses: statuses.map((s) => ({ value: s, label: t(`decision.status.${s}`) })),
    rows: log.rows.map((row) => {
      const explain = explainer(locale, row.items);
      return {
        id: row.id,
        title: row.revision > 1 ? t("log.reroute", { order: row.orderName, n: row.revision - 1 }) : row.orderName,
        status: row.status,
        statusLabel: t(`decision.status.${row.status}`),
        shipsFrom: row.locations.join(", ") || "—",
        // A failure in words (what Shopify said is on the decision's page, labelled as Shopify's).
        why: row.summaryWhy ? explain.say(row.summaryWhy) : row.error ? t("decision.errorSummary") : explain.legacy(row.summary),
        // Only the engine's English (decisions stored before reasons were data) keeps lang="en".
        whyIsEnglish: !row.error && !row.summaryWhy,
        when: [when.format(new Date(row.createdAt)), triggerWords(t, row.trigger), row.createdBy ? t("decision.by", { who: row.createdBy }) : null].filter(Boolean).join(" · "),
      };
    }),
    page: { current: page, count: pages },
    pageLabel: t("log.page", { page, pages }),
    locations: log.locations,
    filters: parsed.data,
    filtered: Boolean(status || order || location),
  };
};

export default function RoutingLog() {
  const { lang, text, statuses: statusOptions, rows, page, pageLabel, locations, filters, filtered } = useLoaderData<typeof loader>();
  const [status, setStatus] = useState<string>(filters.status ?? "");
  const [order, setOrder] = useState(filters.order ?? "");
  const [location, setLocation] = useState<string>(filters.location ?? "");
  const { smDown } = useBreakpoints();
  const query = (n: number) => new URLSearchParams({ status: filters.status ?? "", order: filters.order ?? "", location: filters.location ?? "", page: String(n) }).toString();

  return (
    <div lang={lang}>
      <Page title={text.title} subtitle={text.subtitle} backAction={{ content: text.back, url: "/app/routing" }}>
        <Card padding="0">
          <div style={{ padding: "var(--p-space-400)" }}>
            <Form method="get">
              <InlineStack gap="300" blockAlign="end" wrap>
                <Select label={text.status} name="status" options={[{ value: "", label: text.any }, ...statusOptions]} value={status} onChange={setStatus} />
                <Select label={text.location} name="location" options={[{ value: "", label: text.any }, ...locations.map((l) => ({ value: l.id, label: l.name }))]} value={location} onChange={setLocation} />
                <TextField label={text.order} name="order" value={order} onChange={setOrder} autoComplete="off" placeholder="#1001" />
                <Button submit>{text.filter}</Button>
                {filtered && (
                  <Button url="/app/routing/log" variant="plain">
                    {text.clear}
                  </Button>
                )}
              </InlineStack>
            </Form>
          </div>
          <IndexTable
            condensed={smDown}
            resourceName={text.resource}
            itemCount={rows.length}
            selectable={false}
            emptyState={
              <div style={{ padding: "var(--p-space-400)" }}>
                <Text as="p">{text.empty}</Text>
              </div>
            }
            headings={[{ title: text.headings.order }, { title: text.headings.status }, { title: text.headings.shipsFrom }, { title: text.headings.why }, { title: text.headings.when }]}
          >
            {rows.map((row, index) => {
              const title = <Link to={`/app/routing/log/${row.id}`}>{row.title}</Link>;
              const badge = <Badge tone={decisionStatusTone[row.status]}>{row.statusLabel}</Badge>;
              const why = (
                <Text as="span" variant="bodySm">
                  {row.whyIsEnglish ? <span lang="en">{row.why}</span> : row.why}
                </Text>
              );
              const when = (
                <Text as="span" variant="bodySm" tone="subdued">
                  {row.when}
                </Text>
              );
              return (
                <IndexTable.Row id={row.id} key={row.id} position={index}>
                  {smDown ? (
                    // One stacked cell per decision at phone width, instead of a table scrolled sideways.
                    <StackedCell>
                        <InlineStack gap="200" blockAlign="center">
                          {title}
                          {badge}
                        </InlineStack>
                        <Text as="span" variant="bodySm">
                          {row.shipsFrom}
                        </Text>
                        {why}
                        {when}
                    </StackedCell>
                  ) : (
                    <>
                      <IndexTable.Cell>{title}</IndexTable.Cell>
                      <IndexTable.Cell>{badge}</IndexTable.Cell>
                      <IndexTable.Cell>
                        <div style={{ whiteSpace: "normal", minWidth: "10rem", maxWidth: "16rem" }}>{row.shipsFrom}</div>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <div style={{ whiteSpace: "normal", minWidth: "16rem", maxWidth: "28rem" }}>{why}</div>
                      </IndexTable.Cell>
                      <IndexTable.Cell>
                        <div style={{ whiteSpace: "normal", minWidth: "10rem", maxWidth: "16rem" }}>{when}</div>
                      </IndexTable.Cell>
                    </>
                  )}
                </IndexTable.Row>
              );
            })}
          </IndexTable>
          <div style={{ padding: "var(--p-space-400)" }}>
            <InlineStack gap="200" align="center" blockAlign="center">
              <Button url={`?${query(page.current - 1)}`} disabled={page.current <= 1}>
                {text.previous}
              </Button>
              <Text as="span">{pageLabel}</Text>
              <Button url={`?${query(page.current + 1)}`} disabled={page.current >= page.count}>
                {text.next}
              </Button>
            </InlineStack>
          </div>
        </Card>
      </Page>
    </div>
  );
}
