// The benchmarks' summary: one Markdown table (ready to paste into the README) whose cells are the
// median over the runs, with the range of the runs in brackets when there were several.

export function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Column {
  key: string;
  title: string;
  /** How one number is written (default: one decimal under 100, else a whole number with separators). */
  format?: (n: number) => string;
}

export interface SummaryRow {
  label: string;
  /** One record per run. */
  runs: Record<string, number>[];
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (Math.abs(n) >= 100) return Math.round(n).toLocaleString("en-US");
  return n.toFixed(1);
}

function cell(values: number[], format: (n: number) => string): string {
  const m = format(median(values));
  if (values.length < 2) return m;
  const lo = format(Math.min(...values));
  const hi = format(Math.max(...values));
  // "4.1 ms (3.9–5.0)": the unit once.
  const unit = / [^\d\s.,–-]+$/.exec(m)?.[0] ?? "";
  const bare = (s: string) => (unit && s.endsWith(unit) ? s.slice(0, -unit.length) : s);
  return lo === hi ? m : `${m} (${bare(lo)}–${bare(hi)})`;
}

/** A Markdown table: the median of each column over the runs (range in brackets). */
export function summaryTable(first: string, columns: Column[], rows: SummaryRow[]): string {
  const head = `| ${first} | ${columns.map((c) => c.title).join(" | ")} |`;
  const rule = `| --- | ${columns.map(() => "---").join(" | ")} |`;
  const body = rows.map(
    (r) => `| ${r.label} | ${columns.map((c) => cell(r.runs.map((run) => run[c.key] ?? NaN), c.format ?? formatNumber)).join(" | ")} |`,
  );
  return [head, rule, ...body].join("\n");
}

/** The machine's load average and core count at the time, for the record next to the numbers. */
export async function machineNote(): Promise<string> {
  const os = await import("node:os");
  const [one, five, fifteen] = os.loadavg().map((l) => l.toFixed(2));
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, load average ${one} ${five} ${fifteen}`;
}
