import type { LoaderFunctionArgs } from "@remix-run/node";
import { typedTextProblem } from "~/domain/text/typed-text";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Badge, Button, Card, IndexTable, InlineStack, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { z } from "zod";
import { decisionStatusTone } from "~/components/decision-status";
import { installedShop } from "~/services/installed-shop.server";
import { listRoutingLog } from "~/services/review-routing-decisions.server";
import { authenticate } from "~/shopify.server";

const statuses = ["APPLIED", "SUGGESTED", "NOT_ROUTABLE", "FAILED", "PENDING"] as const;
const paramsSchema = z.object({
  status: z.enum(statuses).optional().or(z.literal("").transform(() => undefined)),
  // Typed by staff: no control characters (a NUL would reach PostgreSQL, which refuses it).
  order: z.string().trim().max(40).refine((v) => typedTextProblem(v, 40) === null, "The order filter contains characters an order name cannot have.").optional(),
  location: z.string().startsWith("gid://shopify/Location/").optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(1000).default(1),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const parsed = paramsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new Response("Invalid filters", { status: 400 });
  const shop = await installedShop(session.shop);
  const { status, order, location, page } = parsed.data;
  const log = await listRoutingLog(shop, { status, orderName: order || undefined, locationId: location }, page);
  return { ...log, filters: parsed.data };
};

export default function RoutingLog() {
  const { rows, total, pageSize, locations, filters } = useLoaderData<typeof loader>();
  const [status, setStatus] = useState<string>(filters.status ?? "");
  const [order, setOrder] = useState(filters.order ?? "");
  const [location, setLocation] = useState<string>(filters.location ?? "");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const query = (page: number) => new URLSearchParams({ status, order, location, page: String(page) }).toString();

  return (
    <Page title="Routing log" subtitle={`${total} decision(s)`} backAction={{ content: "Routing", url: "/app/routing" }}>
      <Card padding="0">
        <div style={{ padding: "var(--p-space-400)" }}>
          <Form method="get">
            <InlineStack gap="300" blockAlign="end" wrap>
              <Select label="Status" name="status" options={[{ value: "", label: "Any" }, ...statuses.map((s) => ({ value: s, label: s.replace("_", " ").toLowerCase() }))]} value={status} onChange={setStatus} />
              <Select label="Location" name="location" options={[{ value: "", label: "Any" }, ...locations.map((l) => ({ value: l.id, label: l.name }))]} value={location} onChange={setLocation} />
              <TextField label="Order" name="order" value={order} onChange={setOrder} autoComplete="off" placeholder="#1001" />
              <Button submit>Filter</Button>
            </InlineStack>
          </Form>
        </div>
        <IndexTable
          resourceName={{ singular: "decision", plural: "decisions" }}
          itemCount={rows.length}
          selectable={false}
          emptyState={<div style={{ padding: "var(--p-space-400)" }}><Text as="p">No routing decisions match.</Text></div>}
          headings={[{ title: "Order" }, { title: "Status" }, { title: "Ships from" }, { title: "Why" }, { title: "When" }]}
        >
          {rows.map((row, index) => (
            <IndexTable.Row id={row.id} key={row.id} position={index}>
              <IndexTable.Cell>
                <Link to={`/app/routing/log/${row.id}`}>{`${row.orderName}${row.revision > 1 ? ` (re-route ${row.revision - 1})` : ""}`}</Link>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Badge tone={decisionStatusTone[row.status]}>{row.status.replace("_", " ").toLowerCase()}</Badge>
              </IndexTable.Cell>
              <IndexTable.Cell>{row.locations.join(", ") || "—"}</IndexTable.Cell>
              <IndexTable.Cell>
                <div style={{ whiteSpace: "normal", maxWidth: "28rem" }}>
                  <Text as="span" variant="bodySm">
                    {row.error ?? row.summary}
                  </Text>
                </div>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" variant="bodySm">{`${new Date(row.createdAt).toLocaleString("en-US")} · ${row.trigger}${row.createdBy ? ` · ${row.createdBy}` : ""}`}</Text>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </IndexTable>
        <div style={{ padding: "var(--p-space-400)" }}>
          <InlineStack gap="200" align="center">
            <Button url={`?${query(filters.page - 1)}`} disabled={filters.page <= 1}>Previous</Button>
            <Text as="span">{`Page ${filters.page} of ${pages}`}</Text>
            <Button url={`?${query(filters.page + 1)}`} disabled={filters.page >= pages}>Next</Button>
          </InlineStack>
        </div>
      </Card>
    </Page>
  );
}
