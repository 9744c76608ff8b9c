/** Tiny node:http helpers: body reading, JSON answers, a pattern router. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { toJson } from "../webhooks/json";

export interface HttpResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  constructor(
    public readonly status: number,
    public readonly body: unknown,
  ) {
    super(typeof body === "string" ? body : JSON.stringify(body));
  }
}

export async function readBody(req: IncomingMessage, limit = 20 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, { error: "Request body too large" });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON or form-encoded bodies as a plain object. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return {};
  if (contentType?.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, { error: "Body is not valid JSON" });
  }
}

/** JSON.stringify, or for a body holding bigints (webhook payloads with 64-bit ids, see webhooks/json.ts) lossless-json's. */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof TypeError && /BigInt/i.test(error.message)) return toJson(value);
    throw error;
  }
}

export function send(res: ServerResponse, result: HttpResult): void {
  const body = jsonText(result.body);
  res.writeHead(result.status, { "Content-Type": "application/json; charset=utf-8", ...result.headers });
  res.end(body);
}

export interface RouteContext {
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  rawBody: string;
  body: unknown;
}

export interface Route {
  method: string;
  pattern: RegExp;
  handle: (ctx: RouteContext) => Promise<HttpResult> | HttpResult;
}

/** `/shops/:shop/orders` → a RegExp with named groups. */
export function route(method: string, path: string, handle: Route["handle"]): Route {
  const pattern = new RegExp(`^${path.replace(/:(\w+)/g, (_m, name: string) => `(?<${name}>[^/]+)`)}/?$`);
  return { method, pattern, handle };
}

export function matchRoute(routes: Route[], method: string, pathname: string): { route: Route; params: Record<string, string> } | null {
  for (const r of routes) {
    if (r.method !== method) continue;
    const match = r.pattern.exec(pathname);
    if (match) {
      const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      return { route: r, params };
    }
  }
  return null;
}
