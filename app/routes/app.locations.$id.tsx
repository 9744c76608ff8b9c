import { readFormData } from "~/http/form-data.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation, type MetaFunction } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, InlineStack, Layout, Modal, Page, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { ActionToast } from "~/components/ActionToast";
import { adminT } from "~/components/admin-i18n";
import { adminTitle } from "~/components/page-title";
import { PAUSE_NOTE_MAX } from "~/domain/locations/location";
import type { FieldProblem } from "~/domain/text/field-problem";
import { adminLocale } from "~/http/admin-locale.server";
import type englishLocations from "~/locales/en/locations.json";
import { loadedResources, portalT } from "~/portal/i18n";
import { installedShop } from "~/services/installed-shop.server";
import { editLocationRouting, getLocationForEdit, setLocationRoutingPause, type EditLocationResult, type LocationFormField } from "~/services/edit-location-routing.server";
import { authenticate } from "~/shopify.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => adminTitle(data?.location?.name ?? "Location", data?.text?.title ?? "Locations");

async function requireShop(request: Request) {
  const { session } = await authenticate.admin(request);
  const user = session.onlineAccessInfo?.associated_user;
  return { shop: await installedShop(session.shop), actor: user?.email ?? `staff@${session.shop}`, locale: adminLocale(request, user?.locale) };
}

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { shop, locale } = await requireShop(request);
  const location = await getLocationForEdit(shop, params.id ?? "");
  if (!location) throw new Response("Location not found", { status: 404 });
  const text = loadedResources()[locale]!.locations as unknown as typeof englishLocations;
  const t = portalT(locale, "locations");
  const pausedAt = location.routingPausedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: shop.timezone }).format(location.routingPausedAt)
    : null;
  return {
    lang: locale,
    text,
    paused: pausedAt
      ? {
          since: location.routingPausedBy ? t("pause.pausedBy", { by: location.routingPausedBy, time: pausedAt }) : t("pause.pausedAt", { time: pausedAt }),
          note: location.routingPausedNote ? t("pause.pausedNote", { note: location.routingPausedNote }) : null,
        }
      : null,
    confirmTitle: t("pause.confirmTitle", { name: location.name }),
    location: {
      id: location.id,
      name: location.name,
      isActive: location.isActive,
      kind: location.kind,
      priority: location.priority,
      dailyCapacity: location.dailyCapacity,
      stockBuffer: location.stockBuffer,
      tags: location.tags,
      pickupEnabled: location.pickupEnabled,
    },
  };
};

type FieldErrors = Partial<Record<LocationFormField, string>>;

/** Save the routing settings (intent "save", the form's default), or pause or resume routing here. */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { shop, actor, locale } = await requireShop(request);
  const t = portalT(locale, "locations");
  const form = await readFormData(request, undefined, { single: true });
  const intent = form.get("intent") ?? "save";
  const id = params.id ?? "";
  let result: EditLocationResult;
  if (intent === "save") result = await editLocationRouting(shop, id, form);
  else if (intent === "pause") result = await setLocationRoutingPause(shop, id, { pause: true, note: String(form.get("note") ?? ""), by: actor });
  else if (intent === "resume") result = await setLocationRoutingPause(shop, id, { pause: false });
  else return data({ message: null, errors: {} as FieldErrors, error: t("detail.notUnderstood") }, { status: 400 });
  if (result.ok) {
    const message = intent === "save" ? t("detail.saved") : t(intent === "pause" ? "pause.pausedToast" : "pause.resumedToast", { name: result.location.name });
    return { message, errors: {} as FieldErrors, error: null };
  }
  if (result.status === 404) throw new Response("Location not found", { status: 404 });
  return data({ message: null, errors: problemWords(result.problems, locale), error: t("detail.notSaved") }, { status: 422 });
};

const FIELD_LABELS: Record<LocationFormField, string> = {
  kind: "detail.kind",
  priority: "detail.priority",
  dailyCapacity: "detail.capacity",
  stockBuffer: "detail.buffer",
  tags: "detail.tags",
  pauseNote: "pause.noteField",
};

/** Each field's problem as a sentence in the staff member's language ("Priority: enter 0 or more."). */
function problemWords(problems: Partial<Record<LocationFormField, FieldProblem>>, locale: ReturnType<typeof adminLocale>): FieldErrors {
  const t = portalT(locale, "locations");
  const words = adminT(locale, "admin-words");
  const errors: FieldErrors = {};
  for (const [field, problem] of Object.entries(problems) as [LocationFormField, FieldProblem][]) {
    errors[field] = words(`problems.${problem.code}`, { field: t(FIELD_LABELS[field]), limit: "limit" in problem ? problem.limit : "" });
  }
  return errors;
}

export default function LocationRoutingSettings() {
  const { lang, text, paused, confirmTitle, location } = useLoaderData<typeof loader>();
  // The settings form's answer stays on the page while staff pause or resume (a fetcher of its own).
  const result = useActionData<typeof action>();
  const errors: FieldErrors = result?.errors ?? {};
  const busy = useNavigation().state !== "idle";
  const pausing = useFetcher<typeof action>();
  const pauseError = pausing.data?.errors.pauseNote ?? pausing.data?.error ?? null;
  const [kind, setKind] = useState<string>(location.kind);
  const [priority, setPriority] = useState(String(location.priority));
  const [capacity, setCapacity] = useState(location.dailyCapacity === null ? "" : String(location.dailyCapacity));
  const [buffer, setBuffer] = useState(location.stockBuffer === null ? "" : String(location.stockBuffer));
  const [tags, setTags] = useState(location.tags.join(", "));
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const d = text.detail;
  const p = text.pause;

  return (
    <div lang={lang}>
      <Page title={location.name} subtitle={d.subtitle} backAction={{ content: text.title, url: "/app/locations" }}>
        <ActionToast event={result} message={result?.message} />
        <ActionToast event={pausing.data} message={pausing.data?.message} />
        <Layout>
          {result?.error && (
            <Layout.Section>
              <Banner tone="critical" title={result.error}>
                {Object.keys(errors).length > 0 && d.checkFields}
              </Banner>
            </Layout.Section>
          )}
          <Layout.Section>
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {p.heading}
                </Text>
                {paused ? (
                  <Banner tone="warning" title={p.pausedTitle}>
                    <BlockStack gap="200">
                      <Text as="p">{paused.since}</Text>
                      {paused.note && <Text as="p">{paused.note}</Text>}
                    </BlockStack>
                  </Banner>
                ) : (
                  <Text as="p" tone="subdued">
                    {location.isActive ? p.open : p.inactive}
                  </Text>
                )}
                <InlineStack>
                  {paused ? (
                    <pausing.Form method="post">
                      <input type="hidden" name="intent" value="resume" />
                      <Button submit variant="primary" loading={pausing.state !== "idle"}>
                        {p.resume}
                      </Button>
                    </pausing.Form>
                  ) : (
                    <Button
                      tone="critical"
                      loading={pausing.state !== "idle"}
                      onClick={() => {
                        setNote("");
                        setConfirming(true);
                      }}
                    >
                      {p.button}
                    </Button>
                  )}
                </InlineStack>
                {pauseError && pausing.state === "idle" && (
                  <Text as="p" tone="critical">
                    {pauseError}
                  </Text>
                )}
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section>
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="save" />
                <FormLayout>
                  <Select label={d.kind} name="kind" options={[{ value: "WAREHOUSE", label: text.kinds.WAREHOUSE }, { value: "STORE", label: text.kinds.STORE }]} value={kind} onChange={setKind} />
                  <TextField label={d.priority} name="priority" type="number" value={priority} onChange={setPriority} autoComplete="off" helpText={d.priorityHelp} error={errors.priority} />
                  <TextField label={d.capacity} name="dailyCapacity" type="number" value={capacity} onChange={setCapacity} autoComplete="off" helpText={d.capacityHelp} error={errors.dailyCapacity} />
                  <TextField label={d.buffer} name="stockBuffer" type="number" value={buffer} onChange={setBuffer} autoComplete="off" helpText={d.bufferHelp} error={errors.stockBuffer} />
                  <TextField label={d.tags} name="tags" value={tags} onChange={setTags} autoComplete="off" helpText={d.tagsHelp} error={errors.tags} />
                  <Text as="p" tone="subdued">
                    {location.pickupEnabled ? d.pickupOn : d.pickupOff}
                  </Text>
                  <Button submit variant="primary" loading={busy}>
                    {d.save}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
          </Layout.Section>
        </Layout>
        <Modal open={confirming} onClose={() => setConfirming(false)} title={confirmTitle}>
          <pausing.Form method="post" onSubmit={() => setConfirming(false)}>
            <Modal.Section>
              <input type="hidden" name="intent" value="pause" />
              <BlockStack gap="300">
                <Text as="p">{p.confirmBody}</Text>
                <TextField label={p.note} name="note" value={note} onChange={setNote} autoComplete="off" maxLength={PAUSE_NOTE_MAX} helpText={p.noteHelp} />
                <InlineStack align="end" gap="200">
                  <Button onClick={() => setConfirming(false)}>{p.cancel}</Button>
                  <Button submit variant="primary" tone="critical">
                    {p.confirm}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Modal.Section>
          </pausing.Form>
        </Modal>
      </Page>
    </div>
  );
}
