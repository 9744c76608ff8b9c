// app/db.server.ts: PostgreSQL with DATABASE_URL; without it the embedded PGlite data directory,
// opened in-process, closed on signals, one process at a time. The embedded cases run in child
// processes (tsx) because the module keeps one client per process.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migrateDatabase, REPO_ROOT } from "../../../scripts/db/migrate";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "crossdock-dbserver-"));
const scriptPath = path.join(dataDir, "..", `${path.basename(dataDir)}-child.mts`);

const CHILD = `
const [mode, repo] = process.argv.slice(2);
const db = await import(repo + "/app/db.server.ts");
const shops = await import(repo + "/app/models/shops.server.ts");
const n = await db.prisma.shop.count();
await shops.upsertShopOnInstall({ domain: "shop-" + n + ".myshopify.com", name: "Shop " + n });
const result = { kind: db.databaseKind, dataDir: db.embeddedDataDir, shops: await db.prisma.shop.count(), pid: process.pid };
if (mode === "hold") {
  console.log(JSON.stringify({ ready: true, ...result }));
  setInterval(() => {}, 1000);
} else {
  await db.disconnectDatabase();
  console.log(JSON.stringify(result));
}
`;

interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startChild(mode: "query" | "hold"): { child: ChildProcess; done: Promise<ChildRun>; firstLine: Promise<string> } {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", scriptPath, mode, REPO_ROOT], {
    cwd: REPO_ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let resolveLine: (line: string) => void = () => {};
  const firstLine = new Promise<string>((resolve) => (resolveLine = resolve));
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk;
    if (stdout.includes("\n")) resolveLine(stdout.split("\n")[0]!);
  });
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
  const done = new Promise<ChildRun>((resolve) =>
    child.on("close", (code, signal) => {
      resolveLine("");
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, done, firstLine };
}

describe("app/db.server.ts", () => {
  beforeAll(async () => {
    fs.writeFileSync(scriptPath, CHILD);
    await migrateDatabase({ databaseUrl: "", embeddedDir: dataDir });
  });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(`${dataDir}.lock`, { force: true });
    fs.rmSync(scriptPath, { force: true });
  });

  it("uses DATABASE_URL (PostgreSQL) when set, one client across module reloads (HMR)", async () => {
    expect(process.env.DATABASE_URL).toMatch(/^postgres/);
    const first = await import("~/db.server");
    vi.resetModules();
    const second = await import("~/db.server");
    expect(second).not.toBe(first);
    expect(second.prisma).toBe(first.prisma);
    expect(first.databaseKind).toBe("postgresql");
    expect(first.embeddedDataDir).toBeNull();
    await expect(first.prisma.shop.count()).resolves.toBeTypeOf("number");
  });

  it("opens the embedded data directory when DATABASE_URL is unset, and persists across processes", async () => {
    const run1 = await startChild("query").done;
    expect(run1.code, run1.stderr).toBe(0);
    expect(JSON.parse(run1.stdout.trim())).toMatchObject({ kind: "embedded", dataDir, shops: 1 });
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);

    const run2 = await startChild("query").done;
    expect(run2.code, run2.stderr).toBe(0);
    expect(JSON.parse(run2.stdout.trim())).toMatchObject({ kind: "embedded", shops: 2 });
  });

  it("lets one process at a time open the directory, and closes it on SIGTERM", async () => {
    const holder = startChild("hold");
    try {
      const ready = JSON.parse(await holder.firstLine) as { ready: boolean; pid: number; shops: number };
      expect(ready).toMatchObject({ ready: true, shops: 3 });
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(true);

      const second = await startChild("query").done;
      expect(second.code).not.toBe(0);
      expect(second.stderr).toContain(`The embedded database ${dataDir} is in use by process ${ready.pid}`);
      expect(second.stderr).toMatch(/set DATABASE_URL/);

      holder.child.kill("SIGTERM");
      const ended = await holder.done;
      expect(ended.signal ?? ended.code).toBe("SIGTERM");
      expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
    } finally {
      holder.child.kill("SIGKILL");
    }

    // Closed cleanly: the write made before SIGTERM is there, and the directory opens again.
    const after = await startChild("query").done;
    expect(after.code, after.stderr).toBe(0);
    expect(JSON.parse(after.stdout.trim())).toMatchObject({ shops: 4 });
  });
});
