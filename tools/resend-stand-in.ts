// A local stand-in for Resend's API: what the `resend` SDK calls to send an email, with Resend's
// error shapes and Idempotency-Key semantics, plus a control API for tests.
//
//   POST /emails              Authorization: Bearer <key>; JSON {from, to, subject, html|text, …};
//                             Idempotency-Key: the same key with the same payload answers the first
//                             message's id and records nothing new; with another payload → 409.
//   GET  /emails/:id          the message as Resend describes a sent email.
//   GET  /_control/emails     {data: messages received, requests: POST /emails seen, replays}
//   POST /_control/fail       {count, mode: "500" | "drop" | "drop-after-accept"}: the next `count`
//                             POST /emails fail: answer 500, drop the connection before accepting,
//                             or accept (record) the message and then drop the connection unanswered.
//   POST /_control/reset      forget messages, keys and pending failures.
//
// Run it alone: `npx tsx tools/resend-stand-in.ts [--port 3025] [--api-key re_test_key]`, then
// RESEND_API_KEY=re_test_key RESEND_BASE_URL=http://127.0.0.1:3025. Tests start it in-process.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export interface StandInMessage {
  id: string;
  createdAt: string;
  idempotencyKey: string | null;
  from: string;
  to: string[];
  subject: string;
  html: string | null;
  text: string | null;
  replyTo: string[];
}

export type FailureMode = "500" | "drop" | "drop-after-accept";

export interface ResendStandIn {
  /** The origin to use as RESEND_BASE_URL / the SDK's baseUrl. */
  url: string;
  apiKey: string;
  /** Messages accepted, in order (a replayed idempotent request adds none). */
  messages(): StandInMessage[];
  /** POST /emails requests seen (including failed and replayed ones). */
  requests(): number;
  /** Requests answered from the idempotency store. */
  replays(): number;
  failNext(count: number, mode?: FailureMode): void;
  reset(): void;
  close(): Promise<void>;
}

interface ApiError {
  statusCode: number;
  name: string;
  message: string;
}

const EMAIL = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/;
const NAMED_EMAIL = /^[^<>]*<([^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+)>$/;

function validAddress(value: string): boolean {
  const v = value.trim();
  return EMAIL.test(v) || NAMED_EMAIL.test(v);
}

function list(value: unknown): string[] | null {
  if (typeof value === "string") return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value as string[];
  return null;
}

function validate(body: Record<string, unknown>): ApiError | null {
  const error = (name: string, message: string): ApiError => ({ statusCode: 422, name, message });
  if (body.from === undefined || body.from === null || body.from === "") return error("missing_required_field", "Missing `from` field.");
  if (typeof body.from !== "string" || !validAddress(body.from)) {
    return error("invalid_from_address", "Invalid `from` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.");
  }
  if (body.to === undefined || body.to === null || body.to === "") return error("missing_required_field", "Missing `to` field.");
  const to = list(body.to);
  if (!to || to.length === 0 || !to.every(validAddress)) {
    return error("validation_error", "Invalid `to` field. The email address needs to follow the `email@example.com` or `Name <email@example.com>` format.");
  }
  if (to.length > 50) return error("validation_error", "Too many recipients: `to` accepts at most 50 addresses.");
  if (typeof body.subject !== "string" || body.subject === "") return error("missing_required_field", "Missing `subject` field.");
  const hasHtml = typeof body.html === "string" && body.html !== "";
  const hasText = typeof body.text === "string" && body.text !== "";
  if (!hasHtml && !hasText && body.template === undefined) return error("missing_required_field", "Missing `html` or `text` field.");
  if (body.reply_to !== undefined && !(list(body.reply_to) ?? [""]).every(validAddress)) {
    return error("validation_error", "Invalid `reply_to` field.");
  }
  return null;
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(json) });
  res.end(json);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startResendStandIn(options: { port?: number; host?: string; apiKey?: string } = {}): Promise<ResendStandIn> {
  const apiKey = options.apiKey ?? "re_test_stand_in_key";
  let messages: StandInMessage[] = [];
  /** Idempotency-Key → the payload's hash and the answer given. */
  let keys = new Map<string, { hash: string; id: string }>();
  let requests = 0;
  let replays = 0;
  let failures: FailureMode[] = [];

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { statusCode: 500, name: "internal_server_error", message: String(error) });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const path = url.pathname.replace(/\/+$/, "") || "/";

    if (path === "/_control/emails" && req.method === "GET") return send(res, 200, { data: messages, requests, replays });
    if (path === "/_control/reset" && req.method === "POST") {
      messages = [];
      keys = new Map();
      requests = replays = 0;
      failures = [];
      return send(res, 200, { ok: true });
    }
    if (path === "/_control/fail" && req.method === "POST") {
      const body = JSON.parse((await readBody(req)) || "{}") as { count?: number; mode?: FailureMode };
      const mode = body.mode ?? "500";
      if (!["500", "drop", "drop-after-accept"].includes(mode)) return send(res, 400, { error: "mode: 500 | drop | drop-after-accept" });
      failures.push(...Array.from({ length: Math.max(0, Math.trunc(body.count ?? 1)) }, () => mode));
      return send(res, 200, { ok: true, pending: failures.length });
    }

    if (path === "/emails" && req.method === "POST") requests++;
    const auth = req.headers.authorization;
    if (path.startsWith("/emails")) {
      if (!auth || !/^Bearer\s+\S+/.test(auth)) {
        return send(res, 401, {
          statusCode: 401,
          name: "missing_api_key",
          message: "Missing API key in the authorization header. Include the following header in the request: Authorization: Bearer YOUR_API_KEY",
        });
      }
      if (auth.replace(/^Bearer\s+/, "") !== apiKey) return send(res, 403, { statusCode: 403, name: "invalid_api_key", message: "API key is invalid" });
    }

    if (path === "/emails" && req.method === "POST") {
      const raw = await readBody(req);
      const failure = failures.shift();
      if (failure === "500") {
        return send(res, 500, { statusCode: 500, name: "internal_server_error", message: "An unexpected error occurred." });
      }
      if (failure === "drop") {
        req.socket.destroy();
        return;
      }
      let body: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(raw);
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
        body = parsed as Record<string, unknown>;
      } catch {
        return send(res, 422, { statusCode: 422, name: "validation_error", message: "The request body must be a JSON object." });
      }
      const key = req.headers["idempotency-key"];
      const idempotencyKey = typeof key === "string" ? key : null;
      if (idempotencyKey !== null && (idempotencyKey.length < 1 || idempotencyKey.length > 256)) {
        return send(res, 400, { statusCode: 400, name: "invalid_idempotency_key", message: "The key must be between 1-256 chars." });
      }
      const invalid = validate(body);
      if (invalid) return send(res, invalid.statusCode, invalid);

      const hash = createHash("sha256").update(raw).digest("hex");
      if (idempotencyKey !== null) {
        const seen = keys.get(idempotencyKey);
        if (seen && seen.hash !== hash) {
          return send(res, 409, {
            statusCode: 409,
            name: "invalid_idempotent_request",
            message: "Same idempotency key used with a different request payload. Change your idempotency key or payload.",
          });
        }
        if (seen) {
          replays++;
          if (failure === "drop-after-accept") {
            req.socket.destroy();
            return;
          }
          return send(res, 200, { id: seen.id });
        }
      }
      const message: StandInMessage = {
        id: randomUUID(),
        createdAt: new Date().toISOString(),
        idempotencyKey,
        from: body.from as string,
        to: list(body.to)!,
        subject: body.subject as string,
        html: typeof body.html === "string" ? body.html : null,
        text: typeof body.text === "string" ? body.text : null,
        replyTo: list(body.reply_to) ?? [],
      };
      messages.push(message);
      if (idempotencyKey !== null) keys.set(idempotencyKey, { hash, id: message.id });
      if (failure === "drop-after-accept") {
        // Accepted and recorded, but the client never hears about it: it will retry.
        req.socket.destroy();
        return;
      }
      return send(res, 200, { id: message.id });
    }

    const one = /^\/emails\/([^/]+)$/.exec(path);
    if (one && req.method === "GET") {
      const m = messages.find((x) => x.id === one[1]);
      if (!m) return send(res, 404, { statusCode: 404, name: "not_found", message: "Email not found" });
      return send(res, 200, {
        object: "email",
        id: m.id,
        to: m.to,
        from: m.from,
        created_at: m.createdAt,
        subject: m.subject,
        html: m.html,
        text: m.text,
        bcc: null,
        cc: null,
        reply_to: m.replyTo.length ? m.replyTo : null,
        last_event: "delivered",
      });
    }
    return send(res, 404, { statusCode: 404, name: "not_found", message: "The requested endpoint does not exist." });
  }

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}`,
    apiKey,
    messages: () => messages.map((m) => ({ ...m })),
    requests: () => requests,
    replays: () => replays,
    failNext(count, mode = "500") {
      failures.push(...Array.from({ length: count }, () => mode));
    },
    reset() {
      messages = [];
      keys = new Map();
      requests = replays = 0;
      failures = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const standIn = await startResendStandIn({ port: Number(argument("--port") ?? 3025), apiKey: argument("--api-key") });
  process.stdout.write(`Resend stand-in on ${standIn.url} (API key ${standIn.apiKey})\n`);
  const stop = () => void standIn.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
