/**
 * The hot paths `npm start`'s server (scripts/serve.ts) answers on Node's HTTP server before
 * Express and Remix see the request: the storefront's availability endpoint and Shopify's webhook
 * deliveries. Measured by `npm run bench:availability` and `bench:webhooks`: Remix's per-request
 * matching over every route of the app, the Fetch Request/Response conversion and Express'
 * middleware cost several times what the answer itself does. The availability endpoint gets its
 * URL and If-None-Match (no Fetch `Request`: building one cost more than checking the signature);
 * the webhook endpoint takes plain headers and body (docs/decisions/006-hot-paths-before-remix.md).
 *
 * Nothing here decides anything: a path is hot when its Remix route's loader or action *is* one of
 * the functions below (availabilityLoader, webhookAction), and the hot path then calls the same
 * endpoint function that loader or action calls. So the routes stay the single source of the URL
 * space (and serve every request under `remix vite:dev` or `shopify app dev`), and a route that
 * stops exporting one of them stops being hot.
 *
 * `createHotPath` is exported from the server build (app/entry.server.tsx) so it shares the build's
 * modules (one Prisma client, one availability cache, one job driver) instead of loading a copy.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { env } from "~/env.server";
import { logger } from "~/logger.server";
import { availabilityEndpoint, availabilityLoader, type AvailabilityHttpRequest } from "./availability-endpoint.server";
import type { PlainResponse } from "./plain-response";
import { BodyTooLarge, decodeBody, MAX_WEBHOOK_BODY_BYTES, TOO_LARGE, webhookAction, webhookEndpoint } from "./webhook-endpoint.server";

/** True when it took the request (it then answers it); false to let the app handle it. */
export type HotPathHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

type Answer = (req: IncomingMessage) => Promise<PlainResponse>;

/** The request went away before its body was read (client aborted, socket closed). */
class ClientGone extends Error {
  override name = "ClientGone";
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(decodeBody(Buffer.concat(chunks, size))));
    req.on("error", () => reject(new ClientGone()));
    req.on("close", () => {
      if (!req.complete) reject(new ClientGone());
    });
  });
}

/** The request's path, without its query. */
function pathOf(req: IncomingMessage): string {
  const url = req.url ?? "";
  const queryAt = url.indexOf("?");
  return queryAt === -1 ? url : url.slice(0, queryAt);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** What the availability endpoint reads of a request: its URL on the app's public origin and its If-None-Match. */
function availabilityRequest(req: IncomingMessage): AvailabilityHttpRequest {
  return { url: new URL(req.url ?? "/", env().SHOPIFY_APP_URL), ifNoneMatch: headerOf(req, "if-none-match") };
}

const fromLoader = new Map<unknown, { methods: ReadonlySet<string>; answer: Answer }>([
  [availabilityLoader, { methods: new Set(["GET", "HEAD"]), answer: (req) => availabilityEndpoint(availabilityRequest(req)) }],
]);

const fromAction = new Map<unknown, { methods: ReadonlySet<string>; answer: Answer }>([
  [
    webhookAction,
    {
      methods: new Set(["POST"]),
      answer: async (req) => {
        let body: string;
        try {
          body = await readBody(req, MAX_WEBHOOK_BODY_BYTES);
        } catch (error) {
          if (error instanceof BodyTooLarge) return TOO_LARGE;
          throw error;
        }
        return webhookEndpoint({ method: "POST", path: pathOf(req), header: (name) => headerOf(req, name), body });
      },
    },
  ],
]);

type Routes = ServerBuild["routes"];

/** "/a/b" for a route and its parents, or null when it has dynamic segments (or is an index). */
function staticPath(routes: Routes, id: string): string | null {
  const parts: string[] = [];
  for (let route = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path);
  }
  const path = `/${parts.join("/")}`;
  return /[:*?]/.test(path) ? null : path;
}

function send(res: ServerResponse, plain: PlainResponse, head: boolean): void {
  res.statusCode = plain.status;
  for (const [name, value] of Object.entries(plain.headers)) res.setHeader(name, value);
  if (plain.body === null) {
    res.end();
    return;
  }
  res.setHeader("Content-Length", Buffer.byteLength(plain.body));
  res.end(head ? undefined : plain.body);
}

function fail(res: ServerResponse, error: unknown, path: string): void {
  if (error instanceof ClientGone || res.destroyed) {
    logger.debug({ path }, "hot path: the client went away");
    return;
  }
  logger.error({ err: error, path }, "hot path failed");
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: "Unexpected error" });
  send(res, { status: 500, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" }, body }, false);
}

/** The hot paths of a server build's routes (ServerBuild.routes). */
export function createHotPath(routes: Routes): HotPathHandler & { paths: string[] } {
  const byPath = new Map<string, { methods: ReadonlySet<string>; answer: Answer }[]>();
  for (const [id, route] of Object.entries(routes)) {
    const hot = [fromLoader.get(route.module.loader), fromAction.get(route.module.action)].filter((h) => h !== undefined);
    const path = hot.length ? staticPath(routes, id) : null;
    if (path) byPath.set(path, hot);
  }
  const handler: HotPathHandler = (req, res) => {
    const path = pathOf(req);
    const hot = byPath.get(path)?.find((h) => h.methods.has(req.method ?? ""));
    if (!hot) return false;
    hot
      .answer(req)
      .then((plain) => send(res, plain, req.method === "HEAD"))
      .catch((error: unknown) => fail(res, error, path));
    return true;
  };
  return Object.assign(handler, { paths: [...byPath.keys()].sort() });
}
