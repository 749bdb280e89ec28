import type { ActingParty } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import type { Db, Prisma } from '../db/client';
import { lockPrompt, run } from '../catalog/labels';
import { publishCanaryEvent } from './events';
import { guardReason, judge, sideFigures } from './figures';
import { CANARY_COLUMNS, canaryOf } from './lifecycle';
import type { CanaryDto, GuardState, SideFigures } from './responses';
import { clearCanary, event } from './service';
import { guardWindow } from './status';

/** Who the guard's rollbacks are recorded as: the instance itself (no typed actor). */
export const GUARD_ACTOR: ActingParty = { kind: 'system', id: 'canary-guard', display: 'Canary guard' };

export interface GuardOutcome {
  prompt: string;
  label: string;
  canaryId: string;
  state: GuardState['state'];
  /** True when this run ended the canary (false also when another instance got there first). */
  rolledBack: boolean;
}

/**
 * One look at every running canary: both sides' production figures over the guard window, the
 * verdict, and for a breach the rollback. Safe to run on several instances at once: a rollback
 * happens in a transaction that locks the prompt (as label moves do) and the label row, and
 * re-checks that the canary measured is still the one running.
 */
export async function runGuard(db: Db, now = Date.now()): Promise<GuardOutcome[]> {
  const rows = await db.label.findMany({ where: { canaryId: { not: null } }, select: { ...CANARY_COLUMNS, promptId: true, prompt: { select: { name: true } } } });
  const out: GuardOutcome[] = [];
  for (const row of rows) {
    const canary = canaryOf(row);
    if (!canary) continue;
    const window = guardWindow(canary, now);
    const f = await sideFigures(db, row.prompt.name, canary.baselineVersion, canary.version, window.from, window.to);
    const state = judge(canary.guard, f.baseline, f.canary);
    const rolledBack = state.state === 'breached' ? await guardRollback(db, row.prompt.name, canary, state, f) : false;
    out.push({ prompt: row.prompt.name, label: row.name, canaryId: canary.id, state: state.state, rolledBack });
  }
  return out;
}

async function guardRollback(db: Db, prompt: string, canary: CanaryDto, state: GuardState, f: { baseline: SideFigures; canary: SideFigures }): Promise<boolean> {
  return run(db, async (tx) => {
    const p = await lockPrompt(tx, prompt);
    const rows = await tx.$queryRaw<{ canaryId: string | null; version: number; updatedAt: Date }[]>`
      SELECT "canaryId", version, "updatedAt" FROM "Label" WHERE "promptId" = ${p.id} AND name = ${canary.label} FOR UPDATE`;
    const row = rows[0];
    // Stopped, promoted, replaced or the label moved meanwhile: nothing to do.
    if (!row || row.canaryId !== canary.id) return false;
    const reason = guardReason(state, f.baseline, f.canary, canary.guard.windowSeconds);
    const details = { canaryId: canary.id, breaches: state.breaches, guard: canary.guard, baseline: f.baseline, canary: f.canary } as unknown as Prisma.InputJsonValue;
    await clearCanary(tx, p.id, canary.label, row.updatedAt);
    await event(tx, p.id, canary.label, 'guard_rollback', canary.version, row.version, GUARD_ACTOR, reason, details);
    await audit(tx, GUARD_ACTOR, 'canary.guard_rollback', `${prompt}/${canary.label}`, details);
    await publishCanaryEvent(tx, 'canary.ended', { prompt, label: canary.label, canaryId: canary.id, version: canary.version, baselineVersion: row.version, outcome: 'guard_rollback', reason, breaches: state.breaches, figures: { baseline: f.baseline, canary: f.canary } });
    return true;
  });
}
