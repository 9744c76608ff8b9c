// Routing benchmark (see /work/shared/routing-bench/FORMAT.md):
//   npm run bench:routing -- <instance.json> [--strategy cost-optimal|shopify-default|closest] [--out FILE] [--seconds N]
// Routes every order, writes the decisions JSON (stdout, or --out) and prints stats on stderr:
// cost, unfilled units, orders per second (routing only), invalid decisions and, when
// <instance>.optimal.json sits beside the instance, the gap to the optimum.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import {
  builtInStrategy,
  builtInStrategyNames,
  type BuiltInStrategyName,
  type RoutingPlan,
} from "../../app/domain/routing";
import { checkDecision, type Decision } from "./routing/check";
import { instanceSchema, optimalSchema, toRoutingInputs, type Instance } from "./routing/instance";

const USAGE = `usage: npm run bench:routing -- <instance.json> [--strategy ${builtInStrategyNames.join("|")}] [--out FILE] [--seconds N]`;

class InputError extends Error {}

function parseCommandLine() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        strategy: { type: "string", default: "cost-optimal" },
        out: { type: "string" },
        seconds: { type: "string", default: "1" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.error(USAGE);
    process.exit(0);
  }
  if (positionals.length !== 1) throw new InputError("expected exactly one instance file");
  const strategy = values.strategy;
  if (!(builtInStrategyNames as readonly string[]).includes(strategy)) {
    throw new InputError(`unknown strategy "${strategy}" (one of ${builtInStrategyNames.join(", ")})`);
  }
  const seconds = Number(values.seconds);
  if (!(seconds > 0)) throw new InputError(`--seconds must be a positive number, got "${values.seconds}"`);
  return { file: positionals[0] as string, strategy: strategy as BuiltInStrategyName, out: values.out, seconds };
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function loadInstance(file: string): Instance {
  const parsed = instanceSchema.safeParse(readJson(file));
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    const more = parsed.error.issues.length > 20 ? `\n  … and ${parsed.error.issues.length - 20} more` : "";
    throw new InputError(`${file} is not a routing instance (FORMAT.md):\n${issues.join("\n")}${more}`);
  }
  return parsed.data;
}

function loadOptimal(file: string): Map<string, number> | null {
  const path = file.replace(/\.json$/i, "") + ".optimal.json";
  if (path === file || !existsSync(path)) return null;
  const parsed = optimalSchema.safeParse(readJson(path));
  if (!parsed.success) throw new InputError(`${path} is not an optimal-cost file: ${parsed.error.issues[0]?.message}`);
  return new Map(Object.entries(parsed.data));
}

/** FORMAT.md's decision: one entry per (location, sku), units of several lines merged. */
function toDecision(plan: RoutingPlan): Decision {
  const merged = new Map<string, { locationId: string; sku: string; quantity: number }>();
  for (const a of plan.assignments) {
    const key = `${a.locationId}\u0000${a.sku}`;
    const entry = merged.get(key);
    if (entry) entry.quantity += a.quantity;
    else merged.set(key, { locationId: a.locationId, sku: a.sku, quantity: a.quantity });
  }
  return { orderId: plan.orderId, assignments: [...merged.values()] };
}

const money = (x: number) => x.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (x: number) => `${(100 * x).toFixed(3)} %`;

function main(): void {
  const args = parseCommandLine();
  const instance = loadInstance(args.file);
  const optimal = loadOptimal(args.file);
  const strategy = builtInStrategy(args.strategy, instance.costModel);
  const inputs = toRoutingInputs(instance);

  // Time only the routing: one warm-up pass, then whole passes until `seconds` have elapsed.
  let plans: RoutingPlan[] = inputs.map((input) => strategy.route(input));
  let passes = 0;
  let elapsed = 0;
  let fastestPass = Infinity;
  while (elapsed < args.seconds * 1000 || passes < 3) {
    const started = performance.now();
    plans = inputs.map((input) => strategy.route(input));
    const took = performance.now() - started;
    elapsed += took;
    fastestPass = Math.min(fastestPass, took);
    passes++;
  }

  const decisions = plans.map(toDecision);
  const json = `[\n${decisions.map((d) => JSON.stringify(d)).join(",\n")}\n]\n`;
  if (args.out) writeFileSync(args.out, json);
  else process.stdout.write(json);

  const byId = new Map(decisions.map((d) => [d.orderId, d]));
  const verdicts = instance.orders.map((order) => checkDecision(instance, order, byId.get(order.id)));
  const invalid = verdicts.filter((v) => v.problems.length > 0);
  const total = verdicts.reduce((s, v) => s + v.cost, 0);
  const unfilled = verdicts.reduce((s, v) => s + v.unfilled, 0);
  const notExhaustive = plans.filter((p) => !p.search.exhaustive).length;
  const nodes = plans.reduce((s, p) => s + p.search.nodes, 0);
  const n = inputs.length;

  const out: string[] = [];
  out.push(`strategy            ${args.strategy}`);
  out.push(`instance            ${args.file} (${n} orders, ${instance.locations.length} locations)`);
  out.push(`total cost          ${money(total)}`);
  out.push(`unfilled units      ${unfilled}`);
  out.push(`orders per second   ${Math.round((n * passes) / (elapsed / 1000)).toLocaleString("en-US")} (mean of ${passes} passes; fastest pass ${Math.round(n / (fastestPass / 1000)).toLocaleString("en-US")})`);
  out.push(`search              ${nodes.toLocaleString("en-US")} location sets visited; ${notExhaustive} orders stopped at the search limit`);
  out.push(`invalid decisions   ${invalid.length}`);
  for (const v of invalid.slice(0, 10)) out.push(`  ${v.orderId}: ${v.problems.join("; ")}`);
  if (optimal) {
    const missing = instance.orders.filter((o) => !optimal.has(o.id)).map((o) => o.id);
    const optimum = instance.orders.reduce((s, o) => s + (optimal.get(o.id) ?? 0), 0);
    const gaps = verdicts
      .filter((v) => optimal.has(v.orderId))
      .map((v) => ({ orderId: v.orderId, cost: v.cost, gap: v.cost - (optimal.get(v.orderId) ?? 0) }));
    const atOptimum = gaps.filter((g) => Math.abs(g.gap) <= 1e-4 * Math.max(1, g.cost)).length;
    const below = gaps.filter((g) => g.gap < -1e-4 * Math.max(1, g.cost));
    const worse = gaps.filter((g) => g.gap > 1e-4 * Math.max(1, g.cost)).sort((a, b) => b.gap - a.gap);
    out.push(`optimum             ${money(optimum)}  → ${total >= optimum ? "+" : ""}${pct((total - optimum) / optimum)} (${total >= optimum ? "+" : ""}${money(total - optimum)})`);
    out.push(`per order           ${atOptimum} at the optimum, ${worse.length} above, ${below.length} below${missing.length ? `, ${missing.length} without an optimum` : ""}`);
    if (worse.length) {
      const rel = worse.map((g) => g.gap / Math.max(1e-9, g.cost - g.gap)).sort((a, b) => a - b);
      const median = rel[Math.floor(rel.length / 2)] ?? 0;
      out.push(`  gaps of the orders above: median ${pct(median)}, max ${pct(rel[rel.length - 1] ?? 0)}`);
      out.push(`  largest: ${worse.slice(0, 5).map((g) => `${g.orderId} +${money(g.gap)}`).join(", ")}`);
    }
    if (below.length) out.push(`  below the optimum (check the optimum file): ${below.slice(0, 5).map((g) => g.orderId).join(", ")}`);
  }
  console.error(out.join("\n"));
  if (invalid.length) process.exitCode = 1;
}

try {
  main();
} catch (error) {
  if (error instanceof InputError) {
    console.error(`bench:routing: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  throw error;
}
