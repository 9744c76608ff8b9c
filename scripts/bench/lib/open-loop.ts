// A fixed-rate, open-loop load phase for the benchmarks' load generators: request n is sent at
// start + n / rate whatever happened to the earlier ones, so a slow answer shows in the latencies
// instead of slowing the sender down (no coordinated omission). autocannon's `overallRate` is not
// that: each connection sends its whole per-second budget back to back at the top of every second,
// so "1,000 requests/s" becomes a full-speed burst followed by silence, and its latencies are those
// of the burst. Latency is measured from the moment a request was sent to the end of its response.
import http from "node:http";
import { performance } from "node:perf_hooks";

export interface Sent {
  status: number;
  ms: number;
}

export interface PhaseResult {
  targetRate: number;
  sent: number;
  ok: number;
  statuses: Record<string, number>;
  /** How long sending took (s): more than the phase's duration means the sender fell behind. */
  sendSeconds: number;
  /** Successful answers per second, over the time until the last answer. */
  achievedRate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** One HTTP request on a keep-alive agent; resolves (never rejects) with its status (0 = failed) and time. */
export function request(
  agent: http.Agent,
  options: http.RequestOptions,
  body?: string,
): Promise<Sent> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request({ ...options, agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    req.setTimeout(10_000, () => req.destroy());
    req.end(body);
  });
}

export async function openLoopPhase(input: {
  seconds: number;
  rate: number;
  send: (n: number) => Promise<Sent>;
  /** Which statuses count as answered (default 200). */
  ok?: (status: number) => boolean;
}): Promise<PhaseResult> {
  const total = Math.round(input.seconds * input.rate);
  const interval = 1000 / input.rate;
  const results: Promise<Sent>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    results.push(input.send(i));
  }
  const sendSeconds = (performance.now() - start) / 1000;
  const done = await Promise.all(results);
  const elapsed = (performance.now() - start) / 1000;
  const isOk = input.ok ?? ((status: number) => status === 200);
  const ok = done.filter((d) => isOk(d.status)).length;
  const latencies = done.map((d) => d.ms).sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
  const statuses: Record<string, number> = {};
  for (const d of done) statuses[d.status] = (statuses[d.status] ?? 0) + 1;
  return {
    targetRate: input.rate,
    sent: total,
    ok,
    statuses,
    sendSeconds: Number(sendSeconds.toFixed(2)),
    achievedRate: Number((ok / elapsed).toFixed(1)),
    p50: Number(pct(50).toFixed(2)),
    p95: Number(pct(95).toFixed(2)),
    p99: Number(pct(99).toFixed(2)),
    max: Number((latencies.at(-1) ?? NaN).toFixed(2)),
  };
}
