// One property per route: generated hostile requests through the route's loader or action, each
// judged by harness.judge (below 500, a clear refusal that wrote nothing, or a success that wrote
// only its own tables).
import fc from "fast-check";
import { it } from "vitest";
import { buildRequest, changedTables, hostileInput, hostileWebhook, invoke, judge, snapshot, summarize, webhookRequest, type Harness, type RouteModule } from "./harness";
import { routeModuleFile, type RouteSpec } from "./routes";

/** Generated requests per route: enough to meet every kind of hostile value, few enough for CI. */
export const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 25);

const modules = import.meta.glob<RouteModule>(["../../../app/routes/**/*.tsx", "../../../app/http/*.tsx"]);

async function load(route: string): Promise<RouteModule> {
  const file = routeModuleFile(route);
  const importer = modules[`../../../app/${file}`];
  if (!importer) throw new Error(`no route module app/${file}`);
  return importer();
}

/** fc.assert, with the counterexample shortened (a 100,000-character value would flood the report). */
async function check<T>(property: fc.IAsyncProperty<T>): Promise<void> {
  const details = await fc.check(property, { numRuns: RUNS });
  if (!details.failed) return;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`Failed after ${details.numRuns} runs (seed ${details.seed}, path "${details.counterexamplePath}"), shrunk ${details.numShrinks} times:\n${summarize(details.counterexample)}\n${cause.slice(0, 3_000)}`);
}

export function routeProperty(file: string, spec: RouteSpec, harness: () => Harness): void {
  it(`${file}: hostile input gives a clear 4xx or a success, never a 5xx, and a refusal writes nothing`, async () => {
    const module = await load(file);
    let before = await snapshot();
    if (spec.surface === "webhook") {
      const topic = file.replace(/^webhooks\./, "").replace(/\.tsx$/, "").replace(".", "/");
      await check(
        fc.asyncProperty(hostileWebhook(topic), async (input) => {
          const request = webhookRequest(input, topic);
          const handler = input.method === "GET" ? module.loader! : module.action!;
          const answer = await invoke(handler, request, {});
          const after = await snapshot();
          judge(file, spec, answer, changedTables(before, after), () => summarize(input));
          before = after;
        }),
      );
      return;
    }
    const { known } = harness();
    await check(
      fc.asyncProperty(hostileInput(spec, known, Boolean(module.action && spec.form)), async (input) => {
        const request = await buildRequest(spec, input);
        const answer = await invoke((input.action ? module.action : module.loader)!, request, input.params);
        const after = await snapshot();
        judge(file, spec, answer, changedTables(before, after), () => summarize(input));
        before = after;
      }),
    );
  });
}
