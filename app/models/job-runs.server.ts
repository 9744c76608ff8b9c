// Runs of background jobs that are not webhook deliveries (reconciliation), for the Activity page.
// Keyed by the shop domain, like webhook deliveries.
import type { JobRun, JobRunStatus, Prisma } from "@prisma/client";
import { prisma } from "../db.server";
import type { Db, JsonValue } from "./scope.server";

export type { JobRun, JobRunStatus };

export async function startJobRun(shop: string, name: string, db: Db = prisma): Promise<JobRun> {
  return db.jobRun.create({ data: { shop, name } });
}

export async function finishJobRun(
  run: Pick<JobRun, "id" | "startedAt">,
  outcome: { status: "SUCCEEDED"; result: JsonValue } | { status: "FAILED"; error: string },
  db: Db = prisma,
): Promise<JobRun> {
  const finishedAt = new Date();
  return db.jobRun.update({
    where: { id: run.id },
    data: {
      status: outcome.status,
      finishedAt,
      durationMs: finishedAt.getTime() - run.startedAt.getTime(),
      ...(outcome.status === "SUCCEEDED"
        ? { result: outcome.result as Prisma.InputJsonValue, lastError: null }
        : { lastError: outcome.error.slice(0, 10_000) }),
    },
  });
}

/** The shop's latest successful run of a job, or null. */
export async function lastSucceededJobRun(shop: string, name: string, db: Db = prisma): Promise<JobRun | null> {
  return db.jobRun.findFirst({ where: { shop, name, status: "SUCCEEDED" }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] });
}

/** The shop's latest runs, newest first. */
export async function listJobRuns(
  shop: string,
  options: { limit?: number; status?: JobRunStatus } = {},
  db: Db = prisma,
): Promise<JobRun[]> {
  return db.jobRun.findMany({
    where: { shop, ...(options.status && { status: options.status }) },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 10, 1), 100),
  });
}

export async function deleteJobRunsOfShop(shop: string, db: Db = prisma): Promise<number> {
  const { count } = await db.jobRun.deleteMany({ where: { shop } });
  return count;
}
