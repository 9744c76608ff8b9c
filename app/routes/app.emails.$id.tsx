import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { EMAIL_KIND_LABELS, EMAIL_LOCALE_LABELS, EMAIL_STATUS_BADGES } from "~/email/labels";
import { retryFailedEmail } from "~/services/enqueue-email.server";
import { installedShop } from "~/services/installed-shop.server";
import { loadEmail } from "~/services/load-emails.server";
import { authenticate } from "~/shopify.server";

const idSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const shop = await installedShop(session.shop);
  const view = await loadEmail({ shop, id: id.data });
  if (!view) throw new Response("Not found", { status: 404 });
  return view;
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = idSchema.safeParse(params.id);
  const form = await readFormData(request, undefined, { single: true });
  if (!id.success || form.get("intent") !== "retry") {
    return Response.json({ ok: false, error: "Only a failed email can be sent again." }, { status: 400 });
  }
  const shop = await installedShop(session.shop);
  const retried = await retryFailedEmail(shop, id.data);
  if (!retried) return Response.json({ ok: false, error: "This email has not failed: there is nothing to retry." }, { status: 409 });
  return Response.json({ ok: true, message: "Sending again" });
};

function formatTime(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" }) : "—";
}

export default function EmailPage() {
  const { message, delivery } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<{ ok: boolean; message?: string; error?: string }>();
  const badge = EMAIL_STATUS_BADGES[message.status];
  const facts: Array<[string, string]> = [
    ["To", message.to],
    ["Email", EMAIL_KIND_LABELS[message.kind] ?? message.kind],
    ["Language", EMAIL_LOCALE_LABELS[message.locale] ?? message.locale],
    ["Created", formatTime(message.createdAt)],
    [message.status === "OUTBOX" ? "Kept in outbox" : "Sent", formatTime(message.sentAt)],
    ["Attempts", String(message.attempts)],
    ...(message.providerMessageId ? ([["Resend message id", message.providerMessageId]] as Array<[string, string]>) : []),
  ];
  return (
    <Page
      title={message.subject}
      titleMetadata={<Badge tone={badge.tone}>{badge.label}</Badge>}
      backAction={{ content: "Emails", url: "/app/emails" }}
      primaryAction={
        message.status === "FAILED"
          ? {
              content: "Send again",
              loading: fetcher.state !== "idle",
              onAction: () => fetcher.submit({ intent: "retry" }, { method: "post" }),
            }
          : undefined
      }
    >
      <Layout>
        {fetcher.data && fetcher.state === "idle" && (
          <Layout.Section>
            <Banner tone={fetcher.data.ok ? "success" : "critical"}>
              <p>{fetcher.data.message ?? fetcher.data.error}</p>
            </Banner>
          </Layout.Section>
        )}
        {message.lastError && message.status !== "SENT" && (
          <Layout.Section>
            <Banner tone={message.status === "FAILED" ? "critical" : "warning"} title="Last attempt failed">
              <p>{message.lastError}</p>
            </Banner>
          </Layout.Section>
        )}
        {delivery === "outbox" && message.status === "OUTBOX" && (
          <Layout.Section>
            <Banner tone="info">
              <p>This message was kept in the outbox: no Resend API key is configured, so it was not delivered.</p>
            </Banner>
          </Layout.Section>
        )}
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Details
              </Text>
              {facts.map(([label, value]) => (
                <BlockStack gap="050" key={label}>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {label}
                  </Text>
                  <Text as="span" breakWord>
                    {value}
                  </Text>
                </BlockStack>
              ))}
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <Card>
              <BlockStack gap="300">
                <InlineStack align="space-between">
                  <Text as="h2" variant="headingMd">
                    As the shopper sees it
                  </Text>
                </InlineStack>
                {/* The message's HTML in a sandbox: no scripts, no forms, no access to this page. */}
                <iframe
                  title={`Preview of "${message.subject}"`}
                  sandbox=""
                  srcDoc={message.html}
                  referrerPolicy="no-referrer"
                  style={{ width: "100%", height: 640, border: "1px solid #e3e3e3", borderRadius: 8, background: "#fff" }}
                />
              </BlockStack>
            </Card>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Plain-text version
                </Text>
                <Box background="bg-surface-secondary" padding="300" borderRadius="200">
                  <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-word", fontFamily: "inherit" }}>{message.text}</pre>
                </Box>
              </BlockStack>
            </Card>
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
