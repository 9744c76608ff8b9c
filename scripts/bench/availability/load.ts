// The load generator of `npm run bench:availability`, run as its own process (so it does not share
// the server's CPU time slice): requests to the app-proxy endpoint, each for a random variant and
// shopper position, signed as Shopify's proxy signs it, alternating between the web processes'
// origins (round robin, as a load balancer in front of them would). A fixed rate is sent open loop
// (scripts/bench/lib/open-loop.ts: evenly spaced, whatever the answers do); rate 0 is the maximum
// throughput, closed loop with autocannon on `connections` connections (split evenly over the
// origins, one autocannon per origin). Prints one JSON line.
import http from "node:http";
import autocannon from "autocannon";
import { openLoopPhase, request } from "../lib/open-loop";
import { signedProxyParams } from "../../../simulator/app-proxy";

interface LoadConfig {
  /** The web processes, in round-robin order. */
  urls: string[];
  shop: string;
  secret: string;
  variants: number;
  firstVariant: number;
  /** requests per second over all connections; 0 = as fast as it goes */
  rate: number;
  seconds: number;
  connections: number;
}

const config = JSON.parse(process.argv[2] ?? "{}") as LoadConfig;

function path(): string {
  const variant = config.firstVariant + Math.floor(Math.random() * config.variants);
  const query = new URLSearchParams({ variant: String(variant), limit: "5", low_stock_threshold: "3" });
  if (Math.random() < 0.7) {
    query.set("lat", (25 + Math.random() * 23).toFixed(3));
    query.set("lon", (-123 + Math.random() * 53).toFixed(3));
    query.set("radius_km", "200");
  }
  const signed = signedProxyParams(query, { shop: config.shop, pathPrefix: "/apps/crossdock", secret: config.secret });
  return `/proxy/availability?${signed}`;
}

if (config.rate > 0) {
  const targets = config.urls.map((url) => ({
    url: new URL(url),
    agent: new http.Agent({ keepAlive: true, maxSockets: Math.ceil(config.connections / config.urls.length) }),
  }));
  const r = await openLoopPhase({
    seconds: config.seconds,
    rate: config.rate,
    send: (n) => {
      const target = targets[n % targets.length]!;
      return request(target.agent, { host: target.url.hostname, port: target.url.port, path: path(), method: "GET" });
    },
  });
  for (const t of targets) t.agent.destroy();
  console.log(JSON.stringify({ ...r, requests: r.sent, rps: r.achievedRate, errors: r.statuses["0"] ?? 0 }));
  process.exit(0);
}

const latencies: number[] = [];
const statuses = new Map<number, number>();
const results = await Promise.all(
  config.urls.map(
    (url) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url,
            connections: Math.max(1, Math.round(config.connections / config.urls.length)),
            duration: config.seconds,
            requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: path() }) }],
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        // Every response's own latency, for exact p95 (autocannon's summary has p90 and p97.5, not p95).
        instance.on("response", (_client, statusCode, _bytes, responseTime) => {
          latencies.push(responseTime);
          statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
        });
      }),
  ),
);
latencies.sort((a, b) => a - b);
const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
const seconds = Math.max(...results.map((r) => r.duration));
console.log(
  JSON.stringify({
    requests: latencies.length,
    seconds,
    rps: latencies.length / seconds,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: latencies.at(-1) ?? NaN,
    errors: results.reduce((n, r) => n + r.errors, 0),
    timeouts: results.reduce((n, r) => n + r.timeouts, 0),
    statuses: Object.fromEntries(statuses),
  }),
);
