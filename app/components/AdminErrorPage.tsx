import { isRouteErrorResponse, useLocation } from "@remix-run/react";
import { BlockStack, Button, Card, InlineStack, Page, Text } from "@shopify/polaris";
import { DEFAULT_LOCALE, matchLocale, type PortalLocale } from "~/domain/portal/locale";
import en from "~/locales/en/admin-errors.json";
import vi from "~/locales/vi/admin-errors.json";
import zh from "~/locales/zh-CN/admin-errors.json";

const words: Record<PortalLocale, typeof en> = { en, vi, "zh-CN": zh };

type ProblemKind = "throttled" | "unavailable" | "notFound" | "generic";

export interface AdminProblem {
  kind: ProblemKind;
  locale: PortalLocale;
  retryAfterSeconds: number | null;
}

/**
 * What the admin's ErrorBoundary shows for what a loader or action threw: the 503 of
 * app/http/staff-admin.server.ts (Shopify throttling or unreachable, with the staff member's
 * language), a 404, or anything unexpected (an Error: never its message or stack). Null for the
 * other answers (Shopify's authentication responses), which Shopify's boundary renders.
 */
export function adminProblemOf(error: unknown, fallbackLocale: string | null | undefined): AdminProblem | null {
  const locale = matchLocale(fallbackLocale) ?? DEFAULT_LOCALE;
  if (isRouteErrorResponse(error)) {
    const body = error.data as { adminError?: unknown; locale?: unknown; retryAfterSeconds?: unknown } | null;
    if (error.status === 503 && body && typeof body === "object" && (body.adminError === "throttled" || body.adminError === "unavailable")) {
      return {
        kind: body.adminError,
        locale: matchLocale(typeof body.locale === "string" ? body.locale : null) ?? locale,
        retryAfterSeconds: typeof body.retryAfterSeconds === "number" ? body.retryAfterSeconds : null,
      };
    }
    if (error.status === 404) return { kind: "notFound", locale, retryAfterSeconds: null };
    return null;
  }
  return { kind: "generic", locale, retryAfterSeconds: null };
}

/** The friendly page: what happened and what to do, in the staff member's language, with Try again. */
export function AdminErrorPage({ problem }: { problem: AdminProblem }) {
  const location = useLocation();
  const t = words[problem.locale];
  const text = t[problem.kind];
  const body = text.body.replace("{{seconds}}", String(problem.retryAfterSeconds ?? 30));
  return (
    <div lang={problem.locale}>
      <Page title={text.title}>
        <Card>
          <BlockStack gap="400">
            <Text as="p" variant="bodyMd">
              {body}
            </Text>
            <InlineStack gap="300">
              {problem.kind === "notFound" ? (
                <Button url="/app" variant="primary">
                  {t.home}
                </Button>
              ) : (
                <Button url={`${location.pathname}${location.search}`} variant="primary">
                  {t.retry}
                </Button>
              )}
            </InlineStack>
          </BlockStack>
        </Card>
      </Page>
    </div>
  );
}
