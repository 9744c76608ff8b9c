// Every admin page names itself in the browser tab ("Returns · Crossdock"), the placeholder areas too.
// The route modules are imported as Remix imports them, so the app's configuration must be set.
import "../integration/pipeline/env";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const routes = join(import.meta.dirname, "../../app/routes");
const adminPages = readdirSync(routes).filter((f) => /^app\..+\.tsx$/.test(f));

describe("admin page titles", () => {
  it("finds the admin pages", () => {
    expect(adminPages.length).toBeGreaterThan(10);
  });

  it.each(adminPages)("%s has a title in the tab", async (file) => {
    const module = (await import(/* @vite-ignore */ join(routes, file))) as { meta?: (args: { data: unknown }) => { title?: string }[] };
    expect(module.meta, `${file} exports no meta`).toBeTypeOf("function");
    const [tag] = module.meta!({ data: { label: "Inventory" } });
    expect(tag?.title).toMatch(/^\S.* · Crossdock$/);
  });
});
