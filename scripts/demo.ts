/** `npm run demo`: the whole of Crossdock on this machine, against a simulated Shopify. */
import { startDemo } from "./stack";

const started = performance.now();
const stack = await startDemo({
  appPort: Number(process.env.PORT ?? 3000),
  simulatorPort: Number(process.env.SIMULATOR_PORT ?? 3100),
  databaseUrl: process.env.DATABASE_URL || undefined,
  embeddedDir: process.env.EMBEDDED_DB_DIR,
  hmr: true,
  log: (line) => console.log(`  ${line}`),
});

// Compile the admin's pages once so the first click is quick.
await fetch(`${stack.appUrl}/app/locations`, { redirect: "manual" }).catch(() => undefined);

console.log(`
Crossdock demo is up (${((performance.now() - started) / 1000).toFixed(1)} s).

  Admin (press "Open the demo admin"):    ${stack.adminUrl}
  Storefront (pickup availability block): ${stack.appUrl}/demo/storefront/
  Customer portal (order tracking):      ${stack.appUrl}/portal/${stack.shop}
    on the storefront (app proxy):       ${stack.appUrl}/demo/storefront/apps/crossdock/portal
  Shopify Admin simulator:               ${stack.simulator.url}/_control/shops/${stack.shop}/state
  GHN stand-in (Vietnamese return labels): ${stack.ghn?.baseUrl ?? "off"}

Press Ctrl+C to stop.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
stack.app.exited.then((code) => {
  if (stopping) return;
  console.error(`The app stopped unexpectedly (exit ${code}):\n${stack.app.output().slice(-4000)}`);
  void Promise.all([stack.simulator.close(), stack.ghn?.close()]).then(() => process.exit(1));
});
