// `npm run worker`: the background worker (BullMQ processors, inbox drain, reconciliation).
//
//   tsx scripts/worker.ts [build/server/index.js]     (default: $CROSSDOCK_BUILD_DIR/server/index.js, else build/)
//
// It runs the same server build as `npm start` (the build's entry exports `runWorkerProcess`), so the
// web process and the worker execute the same bundled code: what Vite resolves for one (imports such
// as `shopify.app.toml?raw`, path aliases) it resolves for the other. Run `npm run build` first.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { runWorkerProcess } from "../app/jobs/worker.server";

const buildPath = resolve(process.argv[2] ?? join(process.env.CROSSDOCK_BUILD_DIR ?? "build", "server", "index.js"));
if (!existsSync(buildPath)) {
  console.error(`No server build at ${buildPath}: run \`npm run build\` first.`);
  process.exit(1);
}
process.env.NODE_ENV ??= "production";

const build = (await import(pathToFileURL(buildPath).href)) as { entry: { module: { runWorkerProcess?: typeof runWorkerProcess } } };
const run = build.entry.module.runWorkerProcess;
if (!run) {
  console.error(`${buildPath} does not export runWorkerProcess: rebuild with \`npm run build\`.`);
  process.exit(1);
}
run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
