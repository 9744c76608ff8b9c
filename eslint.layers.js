// The layers of app/, top to bottom: the one table the lint rule (eslint.config.js) is built from and
// tests/unit/layers.test.ts checks. A folder may import itself and what its row lists, nothing else;
// every row lists only folders further down, so an upward import is a lint error and no circle
// between folders can exist. Tests, scripts and the simulator are outside the layers.

/** @type {{ type: string; pattern: string[]; may: string[]; what: string }[]} */
export const LAYERS = [
  { type: "routes", pattern: ["app/routes/**", "app/route-mounts.ts"], what: "Remix routes (and the mounts of one module at several paths): parse, authenticate, call one service, respond",
    may: ["portal", "components", "demo", "wiring", "jobs", "http", "services", "queue", "security", "email", "labels", "shopify", "models", "domain", "data", "base"] },
  { type: "entry", pattern: ["app/entry.server.tsx", "app/root.tsx"], what: "the process's start: Remix's entry and document",
    may: ["portal", "components", "wiring", "jobs", "http", "queue", "domain", "data", "base"] },
  { type: "portal", pattern: ["app/portal/**"], what: "the shoppers' pages and their request handlers",
    may: ["components", "wiring", "http", "services", "security", "shopify", "models", "domain", "data", "base"] },
  { type: "demo", pattern: ["app/demo/**"], what: "the demo's log-in and storefront",
    may: ["components", "wiring", "http", "services", "shopify", "models", "domain", "data", "base"] },
  { type: "components", pattern: ["app/components/**"], what: "the admin's React components",
    may: ["services", "domain", "data"] },
  { type: "jobs", pattern: ["app/jobs/**"], what: "processors, drivers and the worker: call services",
    may: ["wiring", "services", "queue", "email", "shopify", "models", "domain", "data", "base"] },
  { type: "wiring", pattern: ["app/shopify.server.ts"], what: "the one shopifyApp() call",
    may: ["http", "services", "shopify", "models", "domain", "data", "base"] },
  { type: "http", pattern: ["app/http/**"], what: "request helpers and the hot endpoints",
    may: ["services", "security", "shopify", "models", "domain", "data", "base"] },
  { type: "services", pattern: ["app/services/**"], what: "one use case per file; the only callers of adapters",
    may: ["queue", "security", "email", "labels", "shopify", "models", "domain", "data", "base"] },
  { type: "queue", pattern: ["app/queue/**"], what: "the queue handle, job names and payloads",
    may: ["models", "domain", "data", "base"] },
  { type: "security", pattern: ["app/security/**"], what: "portal tokens, URL signing, rate limits",
    may: ["models", "domain", "data", "base"] },
  { type: "email", pattern: ["app/email/**"], what: "email providers and templates",
    may: ["domain", "data", "base"] },
  { type: "labels", pattern: ["app/labels/**"], what: "return label providers",
    may: ["domain", "data", "base"] },
  { type: "shopify", pattern: ["app/shopify/**"], what: "Admin GraphQL adapters taking `graphql`",
    may: ["models", "domain", "data", "base"] },
  { type: "models", pattern: ["app/models/**"], what: "Prisma repositories",
    may: ["domain", "data", "base"] },
  { type: "domain", pattern: ["app/domain/**"], what: "pure TypeScript: no I/O",
    may: ["data"] },
  { type: "base", pattern: ["app/db.server.ts", "app/embedded-db.server.ts", "app/env.server.ts", "app/logger.server.ts", "app/batcher.ts", "app/db-errors.ts"],
    what: "the database client, environment, logging", may: ["data"] },
  { type: "data", pattern: ["app/config/**", "app/locales/**", "app/types/**"], what: "configuration, translations, generated types",
    may: [] },
];
