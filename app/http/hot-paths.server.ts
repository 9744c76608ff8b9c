/**
 * The hot paths `npm start`'s server (scripts/serve.ts) answers on Node's HTTP server before
 * Express and Remix see the request: only endpoints whose code takes plain data and returns a
 * PlainResponse, so Remix's route and this path run the very same function. Measured by
 * `npm run bench:availability`: Remix's per-request route matching over every route of the app,
 * the Fetch Request/Response conversion and Express' middleware cost ~3× what the answer does.
 *
 * Exported from the server build (app/entry.server.tsx) so it shares the build's modules (one
 * Prisma client, one availability cache) instead of loading a second copy.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "~/logger.server";
import { AVAILABILITY_PATH, availabilityEndpoint } from "./availability-endpoint.server";
import type { PlainResponse } from "./plain-response";

/** True when it took the request (it then answers it); false to let the app handle it. */
export type HotPathHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

function send(res: ServerResponse, plain: PlainResponse, head: boolean): void {
  res.statusCode = plain.status;
  for (const [name, value] of Object.entries(plain.headers)) res.setHeader(name, value);
  if (plain.body === null || head) {
    if (plain.body !== null) res.setHeader("Content-Length", Buffer.byteLength(plain.body));
    res.end();
    return;
  }
  res.setHeader("Content-Length", Buffer.byteLength(plain.body));
  res.end(plain.body);
}

function fail(res: ServerResponse, error: unknown, url: string): void {
  logger.error({ err: error, url }, "hot path failed");
  if (res.headersSent) {
    res.destroy();
    return;
  }
  send(res, { status: 500, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" }, body: JSON.stringify({ error: "Unexpected error" }) }, false);
}

export const hotPath: HotPathHandler = (req, res) => {
  const url = req.url ?? "";
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (path !== AVAILABILITY_PATH || (req.method !== "GET" && req.method !== "HEAD")) return false;
  const query = new URLSearchParams(queryAt === -1 ? "" : url.slice(queryAt + 1));
  const ifNoneMatch = req.headers["if-none-match"] ?? null;
  availabilityEndpoint({ query, ifNoneMatch }).then(
    (plain) => send(res, plain, req.method === "HEAD"),
    (error: unknown) => fail(res, error, path),
  );
  return true;
};
