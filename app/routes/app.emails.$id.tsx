import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { Badge, Banner, BlockStack, Box, Card, InlineStack, Layout, Page, Text } from "@shopify/polaris";
import { z } from "zod";
import { adminT } from "~/components/admin-i18n";
import { EMAIL_STATUS_TONES, emailKindWords, emailLanguageName } from "~/email/labels";
import { adminLocale } from "~/http/admin-locale.server";
import { retryFailedEmail } from "~/services/enqueue-email.server";
import { installedShop } from "~/services/installed-shop.server";
import { loadEmail } from "~/services/load-emails.server";
import { authenticate } from "~/shopify.server";
import { adminTitle } from "~/components/page-title";

export const meta: MetaFunction<typeof loader> = ({ data }) => adminTitle(data?.message?.subject ?? "Email", data?.text?.back ?? "Emails");

const idSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = idSchema.safeParse(params.id);
  if (!id.success) throw new Response("Not found", { status: 404 });
  const shop = await installedShop(session.shop);
  const view = await loadEmail({ shop, id: id.data });
  if (!view) throw new Response("Not found", { status: 404 });
  const lang = adminLocale(request, session.onlineAccessInfo?.associated_user?.locale);
  const t = adminT(lang, "admin-emails");
  const when = new Intl.DateTimeFormat(lang, {
    dateStyle: "medium",
    timeStyle: "medium",
    timeZone: shop.timezone,
  });
  const time = (iso: string | null) => (iso ? when.format(new Date(iso)) : "—");
  const { message } = view;
  return {
    ...view,
    lang,
    text: {
      back: t("detail.back"),
      status: t(`status.${message.status}`),
      tone: EMAIL_STATUS_TONES[message.status],
      sendAgain: t("detail.sendAgain"),
      lastFailed: t("detail.lastFailed"),
      keptInOutbox: t("detail.keptInOutbox"),
      details: t("detail.details"),
      preview: t("detail.preview"),
      previewOf: t("detail.previewOf", { subject: message.subject }),
      plain: t("detail.plain"),
    },
    facts: [
      [t("detail.to"), message.to],
      [t("detail.email"), emailKindWords(t, message.kind)],
      [t("detail.language"), emailLanguageName(message.locale)],
      [t("detail.created"), time(message.createdAt)],
      [message.status === "OUTBOX" ? t("detail.kept") : t("detail.sent"), time(message.sentAt)],
      [t("detail.attempts"), String(message.attempts)],
      ...(message.providerMessageId ? [[t("detail.providerId"), message.providerMessageId]] : []),
    ] as Array<[string, string]>,
  };
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const t = adminT(adminLocale(request, session.onlineAccessInfo?.associated_user?.locale), "admin-emails");
  const id = idSchema.safeParse(params.id);
  const form = await readFormData(request, undefined, { single: true });
  if (!id.success || form.get("intent") !== "retry") {
    return Response.json({ ok: false, error: t("detail.onlyFailed") }, { status: 400 });
  }
  const shop = await installedShop(session.shop);
  const retried = await retryFailedEmail(shop, id.data);
  if (!retried) return Response.json({ ok: false, error: t("detail.notFailed") }, { status: 409 });
  return Response.json({ ok: true, message: t("detail.sending") });
};

export default function EmailPage() {
  const { message, delivery, lang, text, facts } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<{
    ok: boolean;
    message?: string;
    error?: string;
  }>();
  return (
    <div lang={lang}>
      <Page
        title={message.subject}
        titleMetadata={<Badge tone={text.tone}>{text.status}</Badge>}
        backAction={{ content: text.back, url: "/app/emails" }}
        primaryAction={
          message.status === "FAILED"
            ? {
                content: text.sendAgain,
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
              <Banner tone={message.status === "FAILED" ? "critical" : "warning"} title={text.lastFailed}>
                {/* The provider's own words (Resend answers in English). */}
                <p lang="en">{message.lastError}</p>
              </Banner>
            </Layout.Section>
          )}
          {delivery === "outbox" && message.status === "OUTBOX" && (
            <Layout.Section>
              <Banner tone="info">
                <p>{text.keptInOutbox}</p>
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {text.details}
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
                      {text.preview}
                    </Text>
                  </InlineStack>
                  {/* The message's HTML in a sandbox: no scripts, no forms, no access to this page. */}
                  <iframe
                    title={text.previewOf}
                    sandbox=""
                    srcDoc={message.html}
                    referrerPolicy="no-referrer"
                    style={{
                      width: "100%",
                      height: 640,
                      border: "1px solid #e3e3e3",
                      borderRadius: 8,
                      background: "#fff",
                    }}
                  />
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {text.plain}
                  </Text>
                  <Box background="bg-surface-secondary" padding="300" borderRadius="200">
                    <pre
                      lang={message.locale}
                      style={{
                        margin: 0,
                        whiteSpace: "pre-wrap",
                        wordBreak: "break-word",
                        fontFamily: "inherit",
                      }}
                    >
                      {message.text}
                    </pre>
                  </Box>
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Page>
    </div>
  );
}
