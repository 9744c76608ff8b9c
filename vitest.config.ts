import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Vitest 5's reporter calls Map.groupBy (Node >= 21) when it prints failures; Node 20.19 lacks it.
const mapWithGroupBy = Map as unknown as { groupBy?: unknown };
mapWithGroupBy.groupBy ??= <K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> => {
  const groups = new Map<K, V[]>();
  let index = 0;
  for (const item of items) {
    const k = key(item, index++);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

// Tests run against real services: PostgreSQL (each worker gets its own database, cloned from a
// migrated template in globalSetup), Redis, the simulator on an ephemeral port, Debian's Chromium.
const PURE = ["app/**/*.spec.ts", "simulator/**/*.spec.ts", "tests/unit/**/*.test.ts"];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/worker-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // Pure specs and unit tests (no module mocks, no shared process state) share a worker's modules
    // instead of evaluating them again per file; everything that starts servers, browsers or
    // databases keeps a fresh module graph per file.
    projects: [
      { extends: true, test: { name: "pure", include: PURE, isolate: false } },
      { extends: true, test: { name: "system", include: ["tests/**/*.test.ts"], exclude: ["tests/unit/**", "node_modules/**"] } },
    ],
  },
});
