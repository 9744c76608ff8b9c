// `npm start`: Crossdock's production HTTP server (the web process; `npm run worker` is the other).
//
//   tsx scripts/serve.ts [build/server/index.js]     PORT (3000), HOST (all interfaces)
//   (default: $CROSSDOCK_BUILD_DIR/server/index.js, else build/server/index.js, as `npm run worker`)
//
// It does what `remix-serve` does (Express, the Remix request handler, hashed assets cached for a
// year, public/ for an hour, compression, graceful shutdown) with differences that matter for
// Shopify's hot paths, measured by bench:webhooks and bench:availability:
// - Hot paths (the storefront's availability endpoint, webhook deliveries) are answered on Node's
//   HTTP server before Express and Remix, by the handler the server build's `createHotPath` makes
//   from its routes (the same code those routes run; app/http/hot-paths.server.ts says why).
// - No per-request access log line on stdout (remix-serve's morgan): requests are logged through
//   the app's pino logger at debug level, and the app logs what matters itself.
// - App-proxy requests (/proxy/*, the portal through the shop's domain) skip the static-file lookups.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { stampPeerAddress } from "../app/http/client-address.server";
import type { createHotPath } from "../app/http/hot-paths.server";
import { logger } from "../app/logger.server";

const buildPath = resolve(process.argv[2] ?? join(process.env.CROSSDOCK_BUILD_DIR ?? "build", "server", "index.js"));
if (!existsSync(buildPath)) {
  console.error(`No server build at ${buildPath}: run \`npm run build\` first.`);
  process.exit(1);
}
process.env.NODE_ENV ??= "production";

const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
installGlobals({ nativeFetch: build.future.v3_singleFetch });

const unlessProxied =
  (middleware: express.RequestHandler): express.RequestHandler =>
  (req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith("/proxy/") ? next() : middleware(req, res, next);

const app = express();
app.disable("x-powered-by");
app.use(compression());
app.use(build.publicPath, unlessProxied(express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" })));
app.use(unlessProxied(express.static("public", { maxAge: "1h" })));
app.all("*", createRequestHandler({ build, mode: process.env.NODE_ENV }));

const port = Number(process.env.PORT ?? 3000);
const onListen = () => logger.info({ port, build: buildPath }, `Crossdock listening on http://${process.env.HOST ?? "localhost"}:${port}`);
const hotPath = (build.entry.module as { createHotPath?: typeof createHotPath }).createHotPath?.(build.routes);
logger.info({ paths: hotPath?.paths ?? [] }, "hot paths answered before Express and Remix");
const debug = logger.isLevelEnabled("debug");
const server = createServer((req, res) => {
  // The socket address, for per-client limits (app/http/client-address.server.ts).
  stampPeerAddress(req);
  if (debug) {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.debug({ method: req.method, url: req.url, status: res.statusCode, ms: Number(ms.toFixed(2)) }, "request");
    });
  }
  if (hotPath?.(req, res)) return;
  app(req, res);
});
if (process.env.HOST) server.listen(port, process.env.HOST, onListen);
else server.listen(port, onListen);
// Shopify re-sends what it could not deliver; still, finish the requests in flight before leaving.
server.keepAliveTimeout = 65_000;

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down: finishing requests in flight");
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
