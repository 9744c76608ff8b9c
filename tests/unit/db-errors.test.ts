// Which errors mean "the database cannot be reached right now" (503 + Retry-After) and which are a
// query's own failure (left alone). The shapes are those Prisma 6 with @prisma/adapter-pg and
// node-postgres threw when a proxy between them and PostgreSQL was cut (probed on this machine).
import { Prisma } from "@prisma/client";
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "~/db-errors";

const known = (code: string, meta?: Record<string, unknown>) => new Prisma.PrismaClientKnownRequestError(`prisma ${code}`, { code, clientVersion: "6.19.3", meta });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -111, syscall: "connect" });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["P1001 can't reach the server (a model query while PostgreSQL is down)", known("P1001", { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } })],
    ["P1017 the server closed the connection", known("P1017")],
    ["P2024 timed out fetching a connection from the pool", known("P2024")],
    ["P2010 raw query failed, the adapter could not connect", known("P2010", { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } })],
    ["P2010 raw query failed, the connection closed", known("P2010", { driverAdapterError: { cause: { kind: "ConnectionClosed" } } })],
    ["node-postgres: the first query after the connection was cut", new Error("Connection terminated unexpectedly")],
    ["node-postgres: connect timeout", new Error("timeout exceeded when trying to connect")],
    ["a refused connection", socketError("ECONNREFUSED")],
    ["a reset connection", socketError("ECONNRESET")],
    ["PostgreSQL shutting down (57P01 admin_shutdown)", pgError("57P01", "terminating connection due to administrator command")],
    ["PostgreSQL starting up (57P03 cannot_connect_now)", pgError("57P03", "the database system is starting up")],
    ["a connection failure (08006)", pgError("08006", "connection failure")],
    ["too many connections (53300)", pgError("53300", "sorry, too many clients already")],
    ["Prisma could not initialise", new Prisma.PrismaClientInitializationError("Can't reach database server", "6.19.3")],
    ["wrapped as a cause", new Error("job failed", { cause: new Error("Connection terminated unexpectedly") })],
  ])("%s: unavailable", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique constraint (P2002)", known("P2002", { target: ["domain"] })],
    ["a record not found (P2025)", known("P2025")],
    ["a raw query with a syntax error (P2010, postgres 42601)", known("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "42601" } } })],
    ["a value too long (22001)", pgError("22001", "value too long for type character varying(10)")],
    ["a programming error", new TypeError("Cannot read properties of undefined")],
    ["a thrown Response", new Response("Not Found", { status: 404 })],
    ["nothing", null],
    ["a string", "Connection terminated unexpectedly"],
  ])("%s: not unavailable", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("stops on a cause that refers to itself", () => {
    const error = new Error("loop") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
