// Where a test run's production build lives (see production-build.ts); no vitest imports, so the
// global setup can use it too.
import { rmSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

/** One build per vitest run, named after the run's template database. */
export function productionBuildDir(run: string): string {
  return join(ROOT, ".cache", `test-build-${run}`);
}

/** Removes a run's build (global teardown). */
export function removeProductionBuild(run: string): void {
  rmSync(productionBuildDir(run), { recursive: true, force: true });
}
