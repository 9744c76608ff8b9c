/**
 * A response as plain data: what the hot endpoints return, so the same code answers through Remix
 * (`toFetchResponse`) and straight on Node's HTTP server (app/http/hot-paths.server.ts).
 */
export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  /** Already serialized; null for an empty body (304, 200 to a webhook). */
  body: string | null;
}

export function plainJson(status: number, value: unknown, headers: Record<string, string> = {}): PlainResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers }, body: JSON.stringify(value) };
}

export function toFetchResponse(plain: PlainResponse): Response {
  return new Response(plain.body, { status: plain.status, headers: plain.headers });
}
