// The production topology the benchmarks run, as the README's "Production" section tells a host to:
// `npm run build`, then N web processes (`npm start`: scripts/serve.ts) and M workers (`npm run
// worker`: scripts/worker.ts) on one PostgreSQL and one Redis. Default 2 web + 2 workers; a host
// puts a load balancer in front of the web processes, the load generators alternate between their
// ports (round robin, request by request).
//
//   --web N / BENCH_WEB, --workers N / BENCH_WORKERS      process counts
//   --runs N / BENCH_RUNS                                 repeat the measurement; the summary is the median
//   --build DIR / BENCH_SERVER_BUILD                      an existing production build instead of building one
//   BENCH_SERVER_NODE_ARGS                                node flags for every web process, e.g.
//                                                         "--cpu-prof --cpu-prof-dir=DIR" (one profile per process)
//   BENCH_WORKER_NODE_ARGS                                the same for every worker
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { REPO_ROOT } from "../../db/migrate";
import { freePort, startProcess, waitForHttp, type Started } from "../../lib/processes";

export interface TopologyArgs {
  web: number;
  workers: number;
  runs: number;
  build?: string;
}

export const topologyOptions = {
  web: { type: "string" },
  workers: { type: "string" },
  runs: { type: "string" },
  build: { type: "string" },
} as const;

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${value}`);
  return n;
}

/** Process counts and runs from the flags, else BENCH_* variables, else 2 web, 2 workers, 3 runs. */
export function topologyArgs(values: { web?: string; workers?: string; runs?: string; build?: string }, defaults: { runs: number }): TopologyArgs {
  return {
    web: count("--web", values.web ?? process.env.BENCH_WEB, 2, 1),
    workers: count("--workers", values.workers ?? process.env.BENCH_WORKERS, 2, 0),
    runs: count("--runs", values.runs ?? process.env.BENCH_RUNS, defaults.runs, 1),
    build: values.build ?? process.env.BENCH_SERVER_BUILD,
  };
}

/** The production build (`remix vite:build`) to run: the given one, or a fresh one removed by `dispose`. */
export function productionBuild(existing: string | undefined): { dir: string; dispose(): void } {
  if (existing) return { dir: existing, dispose: () => undefined };
  mkdirSync(join(REPO_ROOT, ".cache"), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, ".cache", "bench-build-"));
  console.error("building the production server (remix vite:build)…");
  execFileSync(join(REPO_ROOT, "node_modules", ".bin", "remix"), ["vite:build"], {
    cwd: REPO_ROOT,
    env: { ...process.env, CROSSDOCK_BUILD_DIR: dir, NODE_ENV: "production" },
    stdio: "pipe",
  });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Topology {
  /** The web processes' origins, in the order the load generator alternates over them. */
  urls: string[];
  /** Process ids of the web processes and the workers (for CPU accounting). */
  pids: { web: number[]; workers: number[] };
  stop(): Promise<void>;
}

/** Starts `web` web processes and `workers` workers on one build, with the same environment. */
export async function startTopology(input: {
  buildDir: string;
  web: number;
  workers: number;
  env: Record<string, string>;
}): Promise<Topology> {
  const serverBuild = join(input.buildDir, "server", "index.js");
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const workerArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const started: Started[] = [];
  // A profiled process writes its profile on exit: give it time before SIGKILL.
  const grace = [...nodeArgs, ...workerArgs].some((a) => a.startsWith("--cpu-prof")) ? 60_000 : 5_000;
  const stop = async () => {
    await Promise.all(started.splice(0).map((p) => p.stop(grace)));
  };
  try {
    const urls: string[] = [];
    const pids = { web: [] as number[], workers: [] as number[] };
    const webs: Promise<void>[] = [];
    for (let i = 0; i < input.web; i++) {
      const port = await freePort();
      const web = startProcess(
        process.execPath,
        [...nodeArgs, "--import", "tsx", join(REPO_ROOT, "scripts", "serve.ts"), serverBuild],
        { ...input.env, PORT: String(port) },
        REPO_ROOT,
      );
      started.push(web);
      pids.web.push(web.child.pid!);
      urls.push(`http://127.0.0.1:${port}`);
      webs.push(waitForHttp(`http://127.0.0.1:${port}/`, 90_000, web));
    }
    for (let i = 0; i < input.workers; i++) {
      const worker = startProcess(process.execPath, [...workerArgs, "--import", "tsx", join(REPO_ROOT, "scripts", "worker.ts"), serverBuild], input.env, REPO_ROOT);
      started.push(worker);
      pids.workers.push(worker.child.pid!);
    }
    await Promise.all(webs);
    return { urls, pids, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export function describeTopology(args: TopologyArgs): string {
  return `${args.web} web process${args.web === 1 ? "" : "es"} (npm start) + ${args.workers} worker${args.workers === 1 ? "" : "s"} (npm run worker), PostgreSQL, Redis; load alternates between the web ports`;
}

/** CPU time (user + system, ms) a process has used so far, from /proc (Linux); 0 when gone or elsewhere. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // After "pid (comm) ": state is field 3, utime 14 and stime 15 (clock ticks of 10 ms on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * CPU time used by a set of processes between two readings: load-independent cost per request on a
 * shared machine, where latencies mostly measure who else is running. `pids` is read at each
 * reading (PostgreSQL backends come and go); a process first seen counts from zero.
 */
export function cpuMeter(pids: () => Promise<number[]> | number[]): { read(): Promise<number> } {
  const seen = new Map<number, number>();
  return {
    async read() {
      let used = 0;
      for (const pid of await pids()) {
        const now = cpuMsOf(pid);
        used += now - (seen.get(pid) ?? 0);
        seen.set(pid, now);
      }
      return used;
    },
  };
}
