// `npm run worker`: the background worker (BullMQ processors, inbox drain, reconciliation).
import { runWorkerProcess } from "../app/jobs/worker.server";

runWorkerProcess().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
