// The production build (`npm run build`), made once per test run and shared by every test file that
// starts the app the way a host does (`npm start`, `npm run worker`). The first file to ask builds it;
// the others wait for it. It lives inside the project (ignored by git) so that the bundle resolves the
// project's node_modules; global-setup's teardown removes it.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { inject } from "vitest";
import { productionBuildDir, ROOT } from "./production-build-dir";

export { ROOT };
const BUILD_TIMEOUT_MS = 300_000;

/** Builds once per run (`remix vite:build` with NODE_ENV=production); returns the build directory. */
export async function productionBuild(): Promise<string> {
  const dir = productionBuildDir(inject("crossdockTemplateDb"));
  const done = join(dir, ".built");
  const failed = join(dir, ".failed");
  mkdirSync(join(ROOT, ".cache"), { recursive: true });
  let mine = false;
  try {
    mkdirSync(dir);
    mine = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (mine) {
    try {
      await promisify(execFile)(join(ROOT, "node_modules", ".bin", "remix"), ["vite:build"], {
        cwd: ROOT,
        env: { ...process.env, CROSSDOCK_BUILD_DIR: dir, NODE_ENV: "production" },
        maxBuffer: 64 * 1024 * 1024,
      });
      writeFileSync(done, new Date().toISOString());
    } catch (error) {
      writeFileSync(failed, String((error as { stderr?: string }).stderr ?? error));
      throw error;
    }
    return dir;
  }
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!existsSync(done)) {
    if (existsSync(failed)) throw new Error(`The production build failed in another test file (see ${failed})`);
    if (Date.now() > deadline) throw new Error(`The production build in ${dir} did not finish in time`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return dir;
}
