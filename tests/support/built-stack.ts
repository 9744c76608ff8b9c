// The browser tests' stack: the app as `npm start` serves the production build (made once per run,
// shared with tests/production), in demo mode against the simulator. Only the demo's own tests
// (demo-restart, demo-activity) start `npm run demo`'s Vite dev server.
import { startStack, type Stack, type StackOptions } from "../../scripts/stack";
import { productionBuild } from "./production-build";

export { DEMO_API_KEY, DEMO_API_SECRET, type Stack } from "../../scripts/stack";

export async function startBuiltStack(options: Omit<StackOptions, "buildDir" | "hmr"> = {}): Promise<Stack> {
  return startStack({ ...options, buildDir: await productionBuild() });
}
