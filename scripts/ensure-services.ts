/**
 * `npm test` needs PostgreSQL, Redis and Debian's Chromium on this machine. Start the services when
 * they are installed but down, and say exactly what to install when they are missing.
 */
import { execSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createConnection } from "node:net";

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

function has(command: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;
}

async function waitFor(port: number, name: string) {
  for (let i = 0; i < 50; i++) {
    if (await reachable(port)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not come up on 127.0.0.1:${port}`);
}

const problems: string[] = [];
const usesDefaultDb = !process.env.TEST_DATABASE_URL;
const usesDefaultRedis = !process.env.TEST_REDIS_URL;

if (usesDefaultDb && !(await reachable(5432))) {
  if (has("pg_ctlcluster") && existsSync("/etc/postgresql")) {
    const version = readdirSync("/etc/postgresql")[0];
    console.log(`Starting PostgreSQL ${version}…`);
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: "inherit" });
    await waitFor(5432, "PostgreSQL");
  } else {
    problems.push("PostgreSQL is not installed: apt-get install -y postgresql (or set TEST_DATABASE_URL)");
  }
}

if (usesDefaultRedis && !(await reachable(6379))) {
  if (has("redis-server")) {
    console.log("Starting Redis…");
    execSync(`redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no`, {
      stdio: "inherit",
    });
    await waitFor(6379, "Redis");
  } else {
    problems.push("Redis is not installed: apt-get install -y redis-server (or set TEST_REDIS_URL)");
  }
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  problems.push(`Chromium is not at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
}

if (problems.length) {
  console.error(`The test suite needs these first:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
