// A local stand-in for EasyPost's shipment API: what `@easypost/api` calls to rate and buy a return
// label, with EasyPost's error shape, plus a control API for tests. Each behaviour and the EasyPost
// page it follows: tools/EASYPOST-FIDELITY.md.
//
//   POST /v2/shipments              Basic auth (key as user); {shipment: {to_address, from_address,
//                                   parcel, is_return, reference, options}} → the Shipment with rates
//                                   (or none, with `messages`); an address that cannot be verified → 422
//                                   ADDRESS.VERIFY.FAILURE.
//   GET  /v2/shipments/:id          by id or by the reference given at creation; 404 NOT_FOUND.
//   POST /v2/shipments/:id/buy      {rate: {id}} → the Shipment with postage_label, tracking_code,
//                                   selected_rate, tracker; a bought shipment cannot be bought again (422).
//   GET  /labels/:id.pdf            the label PDF (4×6 in, carrier, service, addresses, Code 128 of the
//                                   tracking code).
//   POST /_control/fail             {count, mode: "500" | "503" | "slow", delayMs?, step?: "create" |
//                                   "buy" | "retrieve"}: the next `count` API requests (of that step)
//                                   fail, or are answered after delayMs (the work still done).
//   POST /_control/no-rates         {on: boolean}: shipments get no rates (carriers' rate_error messages).
//   POST /v2/webhooks               {webhook: {url, webhook_secret}} → the Webhook; every tracker Event is
//                                   POSTed to each webhook, signed with its secret (X-Hmac-Signature:
//                                   "hmac-sha256-hex=" + HMAC-SHA256 of the body).
//   GET  /v2/webhooks               {webhooks: [...]}.   DELETE /v2/webhooks/:id.
//   GET  /v2/trackers/:id           the Tracker a bought label got (by id or tracking code).
//   POST /_control/trackers/:code/advance  {status?, message?, datetime?}: the tracker moves to `status`
//                                   (default: the next of pre_transit → in_transit → out_for_delivery →
//                                   delivered), a TrackingDetail is added, and a "tracker.updated" Event
//                                   is POSTed to every webhook; answers {event, deliveries: [{url, status}]}.
//   POST /_control/events/:id/resend  POST that Event again, as it was (EasyPost's at-least-once delivery).
//   POST /_control/reset            forget shipments, trackers, webhooks, events and pending failures.
//
// Run it alone: `npx tsx tools/easypost-stand-in.ts [--port 3026] [--api-key EZTK_test]`, then
// EASYPOST_API_KEY=EZTK_test EASYPOST_BASE_URL=http://127.0.0.1:3026/v2/. Tests start it in-process.
import { createHmac, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import bwipjs from "bwip-js/node";
import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

export type EasyPostFailure = "500" | "503" | "slow";
/** Which requests a failure waits for: any API request, or only shipment creation, buying or look-up. */
export type EasyPostStep = "any" | "create" | "buy" | "retrieve";

interface Address {
  name?: string;
  company?: string;
  street1?: string;
  street2?: string;
  city?: string;
  state?: string;
  zip?: string;
  country?: string;
  phone?: string;
}

interface Rate {
  id: string;
  object: "Rate";
  shipment_id: string;
  carrier: string;
  service: string;
  rate: string;
  currency: string;
  delivery_days: number | null;
  carrier_account_id: string;
}

export interface StandInShipment {
  id: string;
  object: "Shipment";
  mode: "test";
  reference: string | null;
  is_return: boolean;
  to_address: Address;
  from_address: Address;
  parcel: Record<string, unknown>;
  options: Record<string, unknown>;
  rates: Rate[];
  messages: Array<{ carrier: string; carrier_account_id: string; type: string; message: string }>;
  selected_rate: Rate | null;
  postage_label: { object: "PostageLabel"; id: string; label_file_type: string; label_url: string; label_pdf_url: string } | null;
  tracking_code: string | null;
  tracker: StandInTracker | null;
  status: string;
  created_at: string;
}

/** EasyPost's Tracker statuses (docs/trackers). */
export type TrackerStatus = "unknown" | "pre_transit" | "in_transit" | "out_for_delivery" | "delivered" | "available_for_pickup" | "return_to_sender" | "failure" | "cancelled" | "error";

interface TrackingDetail {
  object: "TrackingDetail";
  message: string;
  status: TrackerStatus;
  datetime: string;
  source: string;
  tracking_location: { object: "TrackingLocation"; city: string | null; state: string | null; country: string | null; zip: string | null };
}

export interface StandInTracker {
  id: string;
  object: "Tracker";
  mode: "test";
  tracking_code: string;
  status: TrackerStatus;
  status_detail: string;
  created_at: string;
  updated_at: string;
  signed_by: string | null;
  weight: null;
  est_delivery_date: string | null;
  shipment_id: string;
  carrier: string;
  tracking_details: TrackingDetail[];
  public_url: string;
}

export interface StandInEvent {
  id: string;
  object: "Event";
  mode: "test";
  description: "tracker.created" | "tracker.updated";
  previous_attributes: { status?: TrackerStatus };
  pending_urls: string[];
  completed_urls: string[];
  created_at: string;
  updated_at: string;
  result: StandInTracker;
}

interface StandInWebhook {
  id: string;
  object: "Webhook";
  mode: "test";
  url: string;
  disabled_at: null;
  created_at: string;
  /** Kept, never answered (EasyPost does not return the secret). */
  secret: string | null;
}

/** EasyPost's signature of a webhook body: "hmac-sha256-hex=" + HMAC-SHA256 (key: the secret, NFKD). */
export function easypostSignature(body: string, secret: string): string {
  return `hmac-sha256-hex=${createHmac("sha256", Buffer.from(secret.normalize("NFKD"), "utf8")).update(body, "utf8").digest("hex")}`;
}

/** The walk `advance` takes without a status, and the stand-in's words for each step (made up, USPS-like). */
const TRACKER_WALK: readonly TrackerStatus[] = ["pre_transit", "in_transit", "out_for_delivery", "delivered"];
const TRACKER_WORDS: Record<TrackerStatus, string> = {
  unknown: "Status not available",
  pre_transit: "Pre-Shipment Info Sent to USPS",
  in_transit: "Arrived at USPS Regional Facility",
  out_for_delivery: "Out for Delivery",
  delivered: "Delivered, Front Desk/Reception",
  available_for_pickup: "Available for Pickup",
  return_to_sender: "Return to Sender Processed",
  failure: "Delivery Attempted - No Access to Delivery Location",
  cancelled: "Shipment Cancelled",
  error: "Tracking Error",
};

export interface EasyPostStandIn {
  /** The API base to give the SDK (`baseUrl`), e.g. http://127.0.0.1:3026/v2/ */
  baseUrl: string;
  origin: string;
  apiKey: string;
  shipments(): StandInShipment[];
  /** POST /v2/shipments/:id/buy requests that bought a label. */
  purchases(): number;
  /** Every API request seen, "METHOD /path". */
  requests(): string[];
  /** The next `count` requests of `step` fail (or, "slow", are answered after delayMs; the work is still done, as a server that finishes after its client gave up). */
  failNext(count: number, mode?: EasyPostFailure, options?: { delayMs?: number; step?: EasyPostStep }): void;
  setNoRates(on: boolean): void;
  trackers(): StandInTracker[];
  /** Every Event made, oldest first. */
  events(): StandInEvent[];
  /** Moves a label's tracker on and POSTs a signed "tracker.updated" Event to every webhook. */
  advanceTracker(code: string, change?: { status?: TrackerStatus; message?: string; datetime?: string }): Promise<{ event: StandInEvent; deliveries: Array<{ url: string; status: number }> }>;
  /** POSTs an Event again, as it was. */
  resendEvent(id: string): Promise<Array<{ url: string; status: number }>>;
  reset(): void;
  close(): Promise<void>;
}

/** The rates every shipment gets (test-mode prices, USD). */
const RATE_TABLE: ReadonlyArray<Pick<Rate, "carrier" | "service" | "rate" | "delivery_days">> = [
  { carrier: "USPS", service: "GroundAdvantage", rate: "6.07", delivery_days: 5 },
  { carrier: "USPS", service: "Priority", rate: "9.35", delivery_days: 2 },
  { carrier: "USPS", service: "Express", rate: "31.25", delivery_days: 1 },
  { carrier: "UPS", service: "Ground", rate: "12.48", delivery_days: 4 },
  { carrier: "UPS", service: "NextDayAir", rate: "58.10", delivery_days: 1 },
];

function id(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString("hex")}`;
}

function apiError(status: number, code: string, message: string, errors: unknown[] = []) {
  return { status, body: { error: { code, message, errors } } };
}

/** The stand-in's address check: a US address needs a house number in street1, a city, a state and a 5-digit ZIP. */
function verifyAddress(a: Address | undefined, field: string): Array<{ field: string; message: string; suggestion: null }> {
  if (!a) return [{ field, message: "Address is required", suggestion: null }];
  const problems: Array<{ field: string; message: string; suggestion: null }> = [];
  const country = (a.country ?? "US").toUpperCase();
  if (!a.street1?.trim()) problems.push({ field: "street1", message: "Street is missing", suggestion: null });
  else if (country === "US" && !/^\s*\d/.test(a.street1)) problems.push({ field: "street1", message: "House number is missing", suggestion: null });
  if (!a.city?.trim()) problems.push({ field: "city", message: "City is missing", suggestion: null });
  if (country === "US" && !/^\d{5}(-\d{4})?$/.test(a.zip?.trim() ?? "")) problems.push({ field: "zip", message: "Invalid ZIP code", suggestion: null });
  if (country === "US" && !/^[A-Za-z]{2}$/.test(a.state?.trim() ?? "")) problems.push({ field: "state", message: "Invalid state", suggestion: null });
  return problems;
}

/** A USPS-like 22-digit tracking code (test mode). */
function trackingCode(carrier: string): string {
  const digits = Array.from(randomBytes(18), (b) => String(b % 10)).join("");
  return carrier === "UPS" ? `1Z${digits.slice(0, 16).toUpperCase()}` : `9400${digits}`;
}

async function labelPdf(s: StandInShipment): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`${s.selected_rate!.carrier} ${s.tracking_code}`);
  doc.setSubject(`EasyPost test label ${s.id}`);
  doc.setCreator("EasyPost stand-in");
  const page = doc.addPage([288, 432]);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  // WinAnsi fonts: a name outside it is printed with "?" (the stand-in's labels are for tests).
  const safe = (t: string) => t.replace(/[^\x20-\x7E]/g, "?");
  const line = (t: string, x: number, y: number, size: number, font = regular) => page.drawText(safe(t), { x, y, size, font });
  page.drawRectangle({ x: 0, y: 398, width: 288, height: 34, color: rgb(0, 0, 0) });
  page.drawText(safe(`${s.selected_rate!.carrier} ${s.selected_rate!.service}`.toUpperCase()), { x: 12, y: 410, size: 13, font: bold, color: rgb(1, 1, 1) });
  line("TEST LABEL - DO NOT SHIP", 12, 384, 8, bold);
  // A return label ships to the from_address (is_return: true).
  const [sender, recipient] = s.is_return ? [s.to_address, s.from_address] : [s.from_address, s.to_address];
  const block = (a: Address, top: number, size: number) => {
    const lines = [a.name, a.company, a.street1, a.street2, [a.city, a.state, a.zip].filter(Boolean).join(" "), a.country].filter((l): l is string => !!l && !!l.trim());
    lines.forEach((l, i) => line(l, 12, top - i * (size + 2), size, i === 0 ? bold : regular));
  };
  line("FROM", 12, 366, 7, bold);
  block(sender, 356, 8);
  line("SHIP TO", 12, 286, 8, bold);
  block(recipient, 274, 11);
  const png = await bwipjs.toBuffer({ bcid: "code128", text: s.tracking_code!, scale: 3, height: 16, includetext: false, backgroundcolor: "FFFFFF", paddingwidth: 10, paddingheight: 2 });
  page.drawImage(await doc.embedPng(png), { x: 12, y: 60, width: 264, height: 70 });
  line(`TRACKING # ${s.tracking_code}`, 12, 44, 10, bold);
  line(`Postage ${s.selected_rate!.rate} ${s.selected_rate!.currency}`, 12, 28, 8);
  return doc.save();
}

export async function startEasyPostStandIn(options: { port?: number; host?: string; apiKey?: string } = {}): Promise<EasyPostStandIn> {
  const apiKey = options.apiKey ?? "EZTK_stand_in_test_key";
  let shipments: StandInShipment[] = [];
  let requests: string[] = [];
  let failures: Array<{ mode: EasyPostFailure; delayMs: number; step: EasyPostStep }> = [];
  let purchases = 0;
  let noRates = false;
  let webhooks: StandInWebhook[] = [];
  let events: StandInEvent[] = [];
  let origin = "";

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const find = (key: string) => shipments.find((s) => s.id === key || (s.reference !== null && s.reference === key));

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void handle(req, res, Buffer.concat(chunks).toString("utf8")).catch((error: unknown) => {
        if (!res.headersSent) send(res, 500, { error: { code: "INTERNAL_SERVER_ERROR", message: String(error), errors: [] } });
      });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, raw: string) {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const json = (): Record<string, unknown> => {
      try {
        return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return {};
      }
    };

    const advance = /^\/_control\/trackers\/([^/]+)\/advance$/.exec(path);
    if (advance && req.method === "POST") {
      const body = json();
      try {
        return send(res, 200, await api.advanceTracker(decodeURIComponent(advance[1]!), { status: body.status as TrackerStatus | undefined, message: body.message as string | undefined, datetime: body.datetime as string | undefined }));
      } catch (error) {
        return send(res, 404, { error: { code: "NOT_FOUND", message: String(error), errors: [] } });
      }
    }
    const resend = /^\/_control\/events\/([^/]+)\/resend$/.exec(path);
    if (resend && req.method === "POST") {
      try {
        return send(res, 200, { deliveries: await api.resendEvent(decodeURIComponent(resend[1]!)) });
      } catch (error) {
        return send(res, 404, { error: { code: "NOT_FOUND", message: String(error), errors: [] } });
      }
    }
    if (path.startsWith("/_control/") && req.method === "POST") {
      const body = json();
      if (path === "/_control/fail") api.failNext(Number(body.count ?? 1), (body.mode as EasyPostFailure) ?? "500", { delayMs: Number(body.delayMs ?? 5000), step: (body.step as EasyPostStep) ?? "any" });
      else if (path === "/_control/no-rates") noRates = body.on === true;
      else if (path === "/_control/reset") api.reset();
      return send(res, 200, { ok: true });
    }

    const pdf = /^\/labels\/([^/]+)\.pdf$/.exec(path);
    if (pdf && req.method === "GET") {
      const s = shipments.find((x) => x.postage_label?.id === pdf[1]);
      if (!s) return send(res, 404, { error: { code: "NOT_FOUND", message: "The requested resource could not be found.", errors: [] } });
      res.writeHead(200, { "content-type": "application/pdf" });
      res.end(Buffer.from(await labelPdf(s)));
      return;
    }

    if (!path.startsWith("/v2/")) return send(res, 404, { error: { code: "NOT_FOUND", message: "The requested resource could not be found.", errors: [] } });
    requests.push(`${req.method} ${path}`);
    const auth = req.headers.authorization ?? "";
    const user = auth.startsWith("Basic ") ? Buffer.from(auth.slice(6), "base64").toString("utf8").split(":")[0] : null;
    if (user !== apiKey) return send(res, 401, { error: { code: "APIKEY.INACTIVE", message: "This api key is no longer active. Please use a different api key or reactivate this key.", errors: [] } });

    if (path.startsWith("/v2/webhooks") || path.startsWith("/v2/trackers")) {
      const answer = routeTracking(req.method ?? "GET", path, json());
      return send(res, answer.status, answer.body);
    }
    const step: EasyPostStep = req.method === "GET" ? "retrieve" : path.endsWith("/buy") ? "buy" : "create";
    const at = failures.findIndex((f) => f.step === "any" || f.step === step);
    const failure = at >= 0 ? failures.splice(at, 1)[0] : undefined;
    if (failure?.mode === "500") return send(res, 500, { error: { code: "INTERNAL_SERVER_ERROR", message: "We're sorry, something went wrong. If the problem persists please contact support.", errors: [] } });
    if (failure?.mode === "503") return send(res, 503, { error: { code: "SERVICE.UNAVAILABLE", message: "The service is temporarily unavailable.", errors: [] } });
    if (failure?.mode === "slow") await new Promise((r) => setTimeout(r, failure.delayMs));

    const answer = route(req.method ?? "GET", path, json());
    // "A tracker.created Event is created whenever a Tracker is created" (docs/events). EasyPost names
    // no order between it and the buy's answer; the stand-in posts it first, so the label's buyer has
    // not yet recorded the tracking code (the Event names a parcel it does not know yet), every time.
    if (answer.created) await post(makeEvent("tracker.created", answer.created, {}));
    return send(res, answer.status, answer.body);
  }

  function route(method: string, path: string, body: Record<string, unknown>): { status: number; body: unknown; created?: StandInTracker } {
    if (method === "POST" && path === "/v2/shipments") {
      const input = (body.shipment ?? {}) as Record<string, unknown>;
      const to = input.to_address as Address | undefined;
      const from = input.from_address as Address | undefined;
      const problems = [...verifyAddress(to, "to_address"), ...verifyAddress(from, "from_address")];
      if (problems.length) return apiError(422, "ADDRESS.VERIFY.FAILURE", "Unable to verify address.", [{ field: "address", message: "Address not found", suggestion: null }, ...problems]);
      if (!input.parcel || typeof input.parcel !== "object") return apiError(422, "PARAMETER.REQUIRED", "Missing required parameter.", [{ field: "parcel", message: "cannot be blank" }]);
      const shipmentId = id("shp");
      const rates: Rate[] = noRates
        ? []
        : RATE_TABLE.map((r) => ({ ...r, id: id("rate"), object: "Rate", shipment_id: shipmentId, currency: "USD", carrier_account_id: `ca_${r.carrier.toLowerCase()}_test` }));
      const shipment: StandInShipment = {
        id: shipmentId,
        object: "Shipment",
        mode: "test",
        reference: typeof input.reference === "string" ? input.reference : null,
        is_return: input.is_return === true,
        to_address: { ...to },
        from_address: { ...from },
        parcel: input.parcel as Record<string, unknown>,
        options: (input.options as Record<string, unknown>) ?? {},
        rates,
        messages: noRates
          ? RATE_TABLE.filter((r, i, all) => all.findIndex((x) => x.carrier === r.carrier) === i).map((r) => ({
              carrier: r.carrier,
              carrier_account_id: `ca_${r.carrier.toLowerCase()}_test`,
              type: "rate_error",
              message: "No service available for this origin and destination",
            }))
          : [],
        selected_rate: null,
        postage_label: null,
        tracking_code: null,
        tracker: null,
        status: "unknown",
        created_at: new Date().toISOString(),
      };
      shipments.push(shipment);
      return { status: 201, body: shipment };
    }

    const buy = /^\/v2\/shipments\/([^/]+)\/buy$/.exec(path);
    if (method === "POST" && buy) {
      const s = find(decodeURIComponent(buy[1]!));
      if (!s) return apiError(404, "NOT_FOUND", "The requested resource could not be found.");
      if (s.postage_label) return apiError(422, "SHIPMENT.POSTAGE.EXISTS", "This shipment already has postage.");
      const rateId = (body.rate as { id?: string } | undefined)?.id;
      const rate = s.rates.find((r) => r.id === rateId);
      if (!rate) return apiError(422, "SHIPMENT.RATE.NOT_FOUND", "The rate you selected could not be found.", [{ field: "rate", message: "not found" }]);
      const code = trackingCode(rate.carrier);
      const labelId = id("pl");
      s.selected_rate = rate;
      s.tracking_code = code;
      s.postage_label = { object: "PostageLabel", id: labelId, label_file_type: "application/pdf", label_url: `${origin}/labels/${labelId}.pdf`, label_pdf_url: `${origin}/labels/${labelId}.pdf` };
      const now = new Date().toISOString();
      s.tracker = {
        id: id("trk"),
        object: "Tracker",
        mode: "test",
        tracking_code: code,
        status: "pre_transit",
        status_detail: "status_update",
        created_at: now,
        updated_at: now,
        signed_by: null,
        weight: null,
        est_delivery_date: rate.delivery_days ? new Date(Date.now() + rate.delivery_days * 86_400_000).toISOString() : null,
        shipment_id: s.id,
        carrier: rate.carrier,
        tracking_details: [detail("pre_transit", TRACKER_WORDS.pre_transit, now)],
        public_url: `${origin}/track/${code}`,
      };
      s.status = "pre_transit";
      purchases++;
      return { status: 200, body: s, created: s.tracker };
    }

    const one = /^\/v2\/shipments\/([^/]+)$/.exec(path);
    if (method === "GET" && one) {
      const s = find(decodeURIComponent(one[1]!));
      return s ? { status: 200, body: s } : apiError(404, "NOT_FOUND", "The requested resource could not be found.");
    }
    return apiError(404, "NOT_FOUND", "The requested resource could not be found.");
  }

  function detail(status: TrackerStatus, message: string, datetime: string): TrackingDetail {
    return { object: "TrackingDetail", message, status, datetime, source: "USPS", tracking_location: { object: "TrackingLocation", city: null, state: null, country: null, zip: null } };
  }

  function makeEvent(description: StandInEvent["description"], tracker: StandInTracker, previous: StandInEvent["previous_attributes"]): StandInEvent {
    const now = new Date().toISOString();
    const event: StandInEvent = { id: id("evt"), object: "Event", mode: "test", description, previous_attributes: previous, pending_urls: [], completed_urls: [], created_at: now, updated_at: now, result: structuredClone(tracker) };
    events.push(event);
    return event;
  }

  /** POSTs the Event to every webhook, signed with its secret; the HTTP status each answered (0: unreachable). */
  async function post(event: StandInEvent): Promise<Array<{ url: string; status: number }>> {
    const body = JSON.stringify(event);
    return Promise.all(
      webhooks.map(async (hook) => {
        try {
          const response = await fetch(hook.url, {
            method: "POST",
            headers: { "content-type": "application/json", "user-agent": "EasyPost WebHook Agent 1.0", ...(hook.secret && { "x-hmac-signature": easypostSignature(body, hook.secret) }) },
            body,
            signal: AbortSignal.timeout(10_000),
          });
          await response.arrayBuffer();
          return { url: hook.url, status: response.status };
        } catch {
          return { url: hook.url, status: 0 };
        }
      }),
    );
  }

  function routeTracking(method: string, path: string, body: Record<string, unknown>): { status: number; body: unknown } {
    if (method === "POST" && path === "/v2/webhooks") {
      const input = (body.webhook ?? {}) as { url?: unknown; webhook_secret?: unknown };
      if (typeof input.url !== "string" || !/^https?:\/\//.test(input.url)) return apiError(422, "PARAMETER.REQUIRED", "Missing required parameter.", [{ field: "url", message: "cannot be blank" }]);
      const hook: StandInWebhook = { id: id("hook"), object: "Webhook", mode: "test", url: input.url, disabled_at: null, created_at: new Date().toISOString(), secret: typeof input.webhook_secret === "string" ? input.webhook_secret : null };
      webhooks.push(hook);
      const { secret: _secret, ...shown } = hook;
      return { status: 201, body: shown };
    }
    if (method === "GET" && path === "/v2/webhooks") return { status: 200, body: { webhooks: webhooks.map(({ secret: _secret, ...shown }) => shown) } };
    const hook = /^\/v2\/webhooks\/([^/]+)$/.exec(path);
    if (method === "DELETE" && hook) {
      const before = webhooks.length;
      webhooks = webhooks.filter((w) => w.id !== hook[1]);
      return webhooks.length < before ? { status: 200, body: {} } : apiError(404, "NOT_FOUND", "The requested resource could not be found.");
    }
    const tracker = /^\/v2\/trackers\/([^/]+)$/.exec(path);
    if (method === "GET" && tracker) {
      const key = decodeURIComponent(tracker[1]!);
      const found = shipments.find((s) => s.tracker && (s.tracker.id === key || s.tracker.tracking_code === key))?.tracker;
      return found ? { status: 200, body: found } : apiError(404, "NOT_FOUND", "The requested resource could not be found.");
    }
    return apiError(404, "NOT_FOUND", "The requested resource could not be found.");
  }

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${host}:${port}`;

  const api: EasyPostStandIn = {
    baseUrl: `${origin}/v2/`,
    origin,
    apiKey,
    shipments: () => shipments.map((s) => structuredClone(s)),
    purchases: () => purchases,
    requests: () => [...requests],
    failNext(count, mode = "500", options = {}) {
      failures.push(...Array.from({ length: count }, () => ({ mode, delayMs: options.delayMs ?? 5000, step: options.step ?? "any" })));
    },
    setNoRates(on) {
      noRates = on;
    },
    trackers: () => shipments.flatMap((s) => (s.tracker ? [structuredClone(s.tracker)] : [])),
    events: () => events.map((e) => structuredClone(e)),
    async advanceTracker(code, change = {}) {
      const s = shipments.find((x) => x.tracker?.tracking_code === code);
      if (!s?.tracker) throw new Error(`No tracker has the tracking code ${code}`);
      const tracker = s.tracker;
      const previous = tracker.status;
      const status = change.status ?? TRACKER_WALK[Math.min(TRACKER_WALK.indexOf(previous) + 1, TRACKER_WALK.length - 1)] ?? "in_transit";
      const datetime = change.datetime ?? new Date().toISOString();
      tracker.status = status;
      tracker.updated_at = new Date().toISOString();
      if (status === "delivered") tracker.signed_by = "FRONT DESK";
      tracker.tracking_details.push(detail(status, change.message ?? TRACKER_WORDS[status], datetime));
      s.status = status;
      const event = makeEvent("tracker.updated", tracker, previous !== status ? { status: previous } : {});
      return { event: structuredClone(event), deliveries: await post(event) };
    },
    async resendEvent(eventId) {
      const event = events.find((e) => e.id === eventId);
      if (!event) throw new Error(`No Event ${eventId}`);
      return post(event);
    },
    reset() {
      shipments = [];
      requests = [];
      failures = [];
      purchases = 0;
      noRates = false;
      webhooks = [];
      events = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const standIn = await startEasyPostStandIn({ port: Number(argument("--port") ?? 3026), apiKey: argument("--api-key") });
  process.stdout.write(`EasyPost stand-in on ${standIn.baseUrl} (API key ${standIn.apiKey})\n`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
