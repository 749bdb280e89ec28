import type { Db } from '../../db/client';
import type { Prisma } from '../../db/client';

/**
 * The work of an experiment is its ExperimentResult rows (one per example x repetition, created
 * pending with the experiment). A worker claims a row (status running, its claim token, now),
 * keeps its claims fresh while it works, and records the result only if the row is still its
 * claim: so two workers never both record a row, and a row whose worker died (claim older than
 * the lease) is taken over by another. A recorded row is never claimed again (resume skips it).
 */
export interface ClaimedRow {
  id: string;
  exampleId: string;
  repetition: number;
  variables: Record<string, unknown>;
  expectedOutput: string | null;
}

export async function claimNext(db: Db, experimentId: string, token: string, leaseMs: number): Promise<ClaimedRow | null> {
  const rows = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "ExperimentResult" r
       SET status = 'running', "claimToken" = ${token}, "claimedAt" = now()
     WHERE r.id = (
       SELECT id FROM "ExperimentResult"
        WHERE "experimentId" = ${experimentId}
          AND (status = 'pending' OR (status = 'running' AND "claimedAt" < now() - make_interval(secs => ${leaseMs / 1000})))
        ORDER BY position, repetition
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
    RETURNING r.id, r."exampleId", r.repetition, r.variables, r."expectedOutput"`;
  return rows[0] ?? null;
}

/** Keeps this worker's claims from going stale while their calls wait or run. */
export async function refreshClaims(db: Db, token: string): Promise<void> {
  // SKIP LOCKED: a row being recorded right now needs no refresh, and waiting for it could deadlock.
  await db.$executeRaw`
    UPDATE "ExperimentResult" SET "claimedAt" = now()
     WHERE id IN (SELECT id FROM "ExperimentResult" WHERE "claimToken" = ${token} AND status = 'running' ORDER BY id FOR UPDATE SKIP LOCKED)`;
}

/** Hands this worker's unfinished claims back (stopping, cancelled): another worker or a later run takes them. */
export async function releaseClaims(db: Db, token: string): Promise<void> {
  await db.$executeRaw`UPDATE "ExperimentResult" SET status = 'pending', "claimToken" = NULL, "claimedAt" = NULL WHERE "claimToken" = ${token} AND status = 'running'`;
}

/** Rows not recorded yet (pending, or claimed by some worker). */
export async function unfinished(db: Db, experimentId: string): Promise<number> {
  return db.experimentResult.count({ where: { experimentId, status: { in: ['pending', 'running'] } } });
}

export interface Recorded {
  status: 'ok' | 'error';
  invocationId: string | null;
  output: string | null;
  error: string | null;
  scores: Prisma.InputJsonValue;
  pass: boolean;
  score: number;
  latencyMs: number | null;
  costUsd: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  throttles: number;
}

/**
 * Records a result if the row is still this worker's claim, and raises the experiment's progress
 * counters in the same transaction (so they always equal the recorded rows). false: another
 * worker took the row over; this result is dropped.
 */
export async function recordResult(db: Db, experimentId: string, rowId: string, token: string, r: Recorded): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(db, experimentId, rowId, token, r);
    } catch (err) {
      // P2034: a write conflict or deadlock; the transaction rolled back and can run again.
      if ((err as { code?: string }).code !== 'P2034' || attempt >= 5) throw err;
      await new Promise((res) => setTimeout(res, 20 * attempt));
    }
  }
}

async function recordOnce(db: Db, experimentId: string, rowId: string, token: string, r: Recorded): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.experimentResult.updateMany({
      where: { id: rowId, claimToken: token, status: 'running' },
      data: { ...r, claimToken: null, finishedAt: new Date() },
    });
    if (count !== 1) return false;
    await tx.experiment.update({
      where: { id: experimentId },
      data: { done: { increment: 1 }, errors: { increment: r.status === 'error' ? 1 : 0 }, throttled: { increment: r.throttles } },
    });
    return true;
  });
}
