// Is this error "the database cannot be reached right now" (PostgreSQL down, restarting, failing
// over, or the connection pool exhausted), as opposed to a query that is wrong? Callers answer the
// first with 503 and Retry-After (a shopper's page, the storefront's availability, a webhook Shopify
// will resend) and let anything else fail as before. Pure: it reads the shapes Prisma 6 with
// @prisma/adapter-pg and node-postgres throw (probed by cutting a proxy between them and PostgreSQL).

/** Seconds a client is asked to wait (Retry-After) when the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;

// Prisma: P1001 can't reach the server, P1002 timed out reaching it, P1008 operation timed out,
// P1017 server closed the connection, P2024 timed out fetching a connection from the pool, P2028
// transaction API error (a transaction that could not start or lost its connection).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// @prisma/adapter-pg's driver error kinds for a connection that failed or went away.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"]);
// PostgreSQL SQLSTATE: class 08 connection exception; 57P01-57P03 shutting down / cannot connect
// now (starting, recovering); 53300 too many connections.
const SQLSTATE = /^(08...|57P0[123]|53300)$/;
// node-postgres raises these as plain Errors (no code).
const PG_MESSAGES = /^(Connection terminated unexpectedly|Connection terminated due to connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error and is not queryable)/;

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  kind?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as ErrorShape;
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string") {
    if (e.name === "PrismaClientKnownRequestError" && PRISMA_CODES.has(e.code)) return true;
    if (SOCKET_CODES.has(e.code) || SQLSTATE.test(e.code)) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && PG_MESSAGES.test(e.message)) return true;
  return isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}
