import type { Db } from '../db/client';

/**
 * The invocation log is partitioned by month on "createdAt" (migration
 * 20261205000200_invocation_partitions). This module keeps partitions ahead of time and applies
 * the retention setting by dropping whole months, never by deleting rows one at a time.
 *
 * Both functions are safe to run on several instances at once: partition creation takes an
 * advisory lock inside the database function, and a DROP of a partition that another instance
 * already dropped is skipped.
 */

/** Months ahead of the current one that always have a partition. */
export const MONTHS_AHEAD = 2;

const PARTITION = /^Invocation_p(\d{4})_(\d{2})$/;

export interface InvocationPartition {
  name: string;
  /** First instant of the month (UTC). */
  from: Date;
  /** First instant of the next month (UTC): the partition holds rows before it. */
  to: Date;
  /** Estimated rows (the planner's statistics; exact enough to show). */
  rows: number;
}

const monthStart = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));

/** Creates the partitions of this month and the next MONTHS_AHEAD months when missing. */
export async function ensureInvocationPartitions(db: Db, now = new Date()): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i <= MONTHS_AHEAD; i++) {
    const at = monthStart(now, i);
    const rows = await db.$queryRaw<{ name: string }[]>`SELECT promptdeck_invocation_month(${at}::timestamp) AS name`;
    names.push(rows[0]!.name);
  }
  return names;
}

/** The month partitions (not the default one), oldest first. */
export async function listInvocationPartitions(db: Db): Promise<InvocationPartition[]> {
  const rows = await db.$queryRaw<{ name: string; rows: number }[]>`
    SELECT c.relname AS name, GREATEST(c.reltuples, 0)::float8 AS rows
      FROM pg_inherits i
      JOIN pg_class c ON c.oid = i.inhrelid
      JOIN pg_class p ON p.oid = i.inhparent
      JOIN pg_namespace n ON n.oid = p.relnamespace
     WHERE p.relname = 'Invocation' AND n.nspname = current_schema()`;
  const out: InvocationPartition[] = [];
  for (const r of rows) {
    const m = PARTITION.exec(r.name);
    if (!m) continue;
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    out.push({ name: r.name, from, to: monthStart(from, 1), rows: Number(r.rows) });
  }
  return out.sort((a, b) => a.from.getTime() - b.from.getTime());
}

export interface RetentionResult {
  cutoff: Date;
  droppedPartitions: string[];
  /** Rows older than the cutoff deleted from the default partition (rows outside every month). */
  deletedDefaultRows: number;
  deletedFeedback: number;
  deletedReviewItems: number;
}

/**
 * Drops every month whose last instant is older than `days` days before `now`. A month is
 * dropped whole, so rows are kept for at least `days` days and at most about a month longer.
 * Feedback and review items of dropped invocations go with them (no foreign key can do it on a
 * partitioned table). A drop that would wait more than a few seconds for a lock (a long query
 * on the log) gives up and is tried again on the next run.
 */
export async function applyInvocationRetention(db: Db, days: number, now = new Date()): Promise<RetentionResult> {
  if (!Number.isInteger(days) || days < 1) throw new Error(`Retention must be a whole number of days (got ${days}).`);
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const dropped: string[] = [];
  for (const p of await listInvocationPartitions(db)) {
    if (p.to.getTime() > cutoff.getTime()) break;
    const done = await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '5s'`);
      const exists = await tx.$queryRaw<{ ok: boolean }[]>`SELECT to_regclass(${`public."${p.name}"`}) IS NOT NULL AS ok`;
      if (!exists[0]?.ok) return false;
      // The name comes from pg_catalog and matched PARTITION: safe to interpolate.
      await tx.$executeRawUnsafe(`DROP TABLE public."${p.name}"`);
      return true;
    });
    if (done) dropped.push(p.name);
  }
  const deletedDefaultRows = await db.$executeRaw`DELETE FROM "Invocation_default" WHERE "createdAt" < ${cutoff}`;
  let deletedFeedback = 0;
  let deletedReviewItems = 0;
  if (dropped.length > 0 || deletedDefaultRows > 0) {
    deletedFeedback = await db.$executeRaw`
      DELETE FROM "Feedback" f WHERE NOT EXISTS (SELECT 1 FROM "Invocation" i WHERE i."id" = f."invocationId")`;
    deletedReviewItems = await db.$executeRaw`
      DELETE FROM "ReviewItem" r WHERE NOT EXISTS (SELECT 1 FROM "Invocation" i WHERE i."id" = r."invocationId")`;
  }
  return { cutoff, droppedPartitions: dropped, deletedDefaultRows, deletedFeedback, deletedReviewItems };
}
