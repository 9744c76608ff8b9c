import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { env } from "./env.server";
import { installWebJobDriver } from "./jobs/runtime.server";
import { logger } from "./logger.server";
import { jobDriver } from "./queue/handle.server";
import { addDocumentResponseHeaders } from "./shopify.server";
import { isPortalDocument, refuseFraming } from "./http/framing";

// Background jobs: the driver follows REDIS_URL. Without Redis the in-process runner starts here, at
// boot, so deliveries left in the inbox by a previous run are processed without waiting for traffic.
installWebJobDriver();
void jobDriver().catch((error: unknown) => logger.error({ err: error }, "jobs: the driver could not start"));

export const streamTimeout = 5000;

// Endpoints `npm start`'s server answers before Express and Remix (scripts/serve.ts).
export { createHotPath } from "./http/hot-paths.server";
// `npm run worker` runs this same build (scripts/worker.ts), so both processes execute the same code.
export { runWorkerProcess } from "./jobs/worker.server";

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  if (isPortalDocument(request)) {
    // Shopper pages are never framed (clickjacking of the lookup and return forms). The library's
    // headers are not added: with a ?shop= in the URL (every app-proxy request has one, and anyone
    // can add one) they would allow framing by that shop and Shopify admin.
    refuseFraming(responseHeaders);
  } else if (!env().CROSSDOCK_DEMO) {
    // Embedded in Shopify admin: frame-ancestors CSP and the App Bridge preload. The demo runs
    // outside the admin and loads nothing from Shopify's CDN.
    addDocumentResponseHeaders(request, responseHeaders);
  }
  const userAgent = request.headers.get("user-agent");
  const callbackName = isbot(userAgent ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} />,
      {
        [callbackName]: () => {
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error) {
          reject(error);
        },
        onError(error) {
          responseStatusCode = 500;
          logger.error({ err: error }, "render failed");
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
