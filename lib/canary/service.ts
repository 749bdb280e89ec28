import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../context';
import { actorColumns, type ActingParty } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { AppError, notFound } from '../errors';
import type { Prisma } from '../db/client';
import { applyLabelChange, checkSettable, conflict, lockPrompt, run } from '../catalog/labels';
import { bumpServingEpoch } from '../serving/epoch';
import { publishCanaryEvent } from './events';
import { assertNotProtected } from '../releases/policies';
import { CANARY_COLUMNS, canaryOf, NO_CANARY, type CanaryRow } from './lifecycle';
import type { CanaryChange } from './responses';
import { guardWithDefaults, PromoteCanarySchema, StartCanarySchema, StopCanaryQuerySchema, type GuardSettings } from './schemas';
import type { LabelMoveResult } from '../catalog/dto';

type Tx = Prisma.TransactionClient;

async function labelRow(tx: Tx, promptId: string, prompt: string, label: string): Promise<CanaryRow & { updatedAt: Date }> {
  const row = await tx.label.findUnique({ where: { promptId_name: { promptId, name: label } }, select: { ...CANARY_COLUMNS, updatedAt: true } });
  if (!row) throw notFound(`Label "${label}" of "${prompt}"`);
  return row;
}

const target = (prompt: string, label: string) => `${prompt}/${label}`;

function noCanary(prompt: string, label: string): AppError {
  return new AppError('no_canary', `No canary runs on label "${label}" of "${prompt}".`, { label });
}

/**
 * PUT .../labels/{label}/canary: start a canary, or change the weight and guard of the one
 * running with the same version. Another version already running -> 409 canary_running.
 */
export async function startCanary(ctx: ServiceContext, name: string, label: string, raw: unknown): Promise<CanaryChange> {
  requirePermission(ctx.actor, 'labels:move');
  checkSettable(label);
  const input = StartCanarySchema.parse(raw ?? {});
  return run(ctx.db, async (tx) => {
    const prompt = await lockPrompt(tx, name);
    const row = await labelRow(tx, prompt.id, name, label);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw conflict(label, row.version, input.expectedVersion);
    const exists = await tx.promptVersion.findUnique({ where: { promptId_version: { promptId: prompt.id, version: input.version } }, select: { id: true } });
    if (!exists) throw notFound(`Version ${input.version} of "${name}"`);
    if (input.version === row.version) {
      throw new AppError('validation_error', `Label "${label}" already points at version ${input.version}: a canary needs another version.`, [{ path: 'version', message: 'Choose a version other than the one the label points at.' }]);
    }
    const running = canaryOf(row);
    if (running && running.version !== input.version) {
      throw new AppError('canary_running', `A canary of version ${running.version} runs on "${label}"; stop or promote it first.`, { label, canaryVersion: running.version });
    }
    const guard: GuardSettings = running && !input.guard ? running.guard : guardWithDefaults(input.guard);
    const id = running?.id ?? randomUUID();
    const startedAt = running ? new Date(running.startedAt) : new Date();
    const updated = await tx.label.update({
      where: { promptId_name: { promptId: prompt.id, name: label } },
      data: {
        canaryId: id,
        canaryVersion: input.version,
        canaryWeight: input.weight,
        canaryGuard: guard,
        canaryStartedAt: startedAt,
        ...(running ? {} : actorColumns('canaryStartedBy', ctx.actor)),
        // Not a move: who moved the label, and when, stays as it was.
        updatedAt: row.updatedAt,
      },
      select: CANARY_COLUMNS,
    });
    const canary = canaryOf(updated);
    const reason = input.reason ?? (running ? `Canary v${input.version}: ${running.weight}% -> ${input.weight}%` : `Canary v${input.version} at ${input.weight}%`);
    await event(tx, prompt.id, label, 'canary_start', row.version, input.version, ctx.actor, reason, { canaryId: id, weight: input.weight, guard, ...(running ? { previousWeight: running.weight } : {}) });
    await audit(tx, ctx.actor, running ? 'canary.update' : 'canary.start', target(name, label), { version: input.version, weight: input.weight, guard });
    await publishCanaryEvent(tx, 'canary.started', { prompt: name, label, canary });
    return { label, canary };
  });
}

/** DELETE .../labels/{label}/canary: stop it; every caller gets the label's version again. */
export async function stopCanary(ctx: ServiceContext, name: string, label: string, rawQuery: unknown): Promise<CanaryChange> {
  requirePermission(ctx.actor, 'labels:move');
  checkSettable(label);
  const q = StopCanaryQuerySchema.parse(rawQuery ?? {});
  return run(ctx.db, async (tx) => {
    const prompt = await lockPrompt(tx, name);
    const row = await labelRow(tx, prompt.id, name, label);
    const running = canaryOf(row);
    if (!running) throw noCanary(name, label);
    await clearCanary(tx, prompt.id, label, row.updatedAt);
    await event(tx, prompt.id, label, 'canary_stop', running.version, row.version, ctx.actor, q.reason ?? `Canary v${running.version} stopped`, { canaryId: running.id, cause: 'stopped' });
    await audit(tx, ctx.actor, 'canary.stop', target(name, label), { version: running.version });
    await publishCanaryEvent(tx, 'canary.ended', { prompt: name, label, canaryId: running.id, version: running.version, baselineVersion: row.version, outcome: 'stopped' });
    return { label, canary: null };
  });
}

/**
 * POST .../labels/{label}/canary/promote: the label moves to the canary version (a label move,
 * with expectedVersion semantics), recorded as canary_promote; the canary ends. A protected
 * label refuses it (409 approval_required, naming the deploy request to open for the canary's
 * version): promoting is a move, and a protected label moves only through an approved request.
 * Starting and stopping a canary stay with deployers (exposure is bounded at 50% and guarded;
 * stopping is like a rollback).
 */
export async function promoteCanary(ctx: ServiceContext, name: string, label: string, raw: unknown): Promise<LabelMoveResult> {
  requirePermission(ctx.actor, 'labels:move');
  checkSettable(label);
  const input = PromoteCanarySchema.parse(raw ?? {});
  return run(ctx.db, async (tx) => {
    const prompt = await lockPrompt(tx, name);
    const row = await labelRow(tx, prompt.id, name, label);
    if (input.expectedVersion !== undefined && input.expectedVersion !== row.version) throw conflict(label, row.version, input.expectedVersion);
    const running = canaryOf(row);
    if (!running) throw noCanary(name, label);
    if (input.expectedCanaryVersion !== undefined && input.expectedCanaryVersion !== running.version) {
      throw new AppError('canary_conflict', `The canary on "${label}" is version ${running.version}, not ${input.expectedCanaryVersion}. Reload and try again.`, { label, canaryVersion: running.version });
    }
    await assertNotProtected(tx, prompt.id, name, label, { canaryVersion: running.version });
    await clearCanary(tx, prompt.id, label, row.updatedAt);
    await applyLabelChange(tx, prompt, label, { action: 'canary_promote', from: row.version, to: running.version, actor: ctx.actor, reason: input.reason ?? `Canary v${running.version} promoted` });
    await audit(tx, ctx.actor, 'canary.promote', target(name, label), { from: row.version, to: running.version });
    await publishCanaryEvent(tx, 'canary.ended', { prompt: name, label, canaryId: running.id, version: running.version, baselineVersion: row.version, outcome: 'promoted' });
    return { label, version: running.version, previousVersion: row.version };
  });
}

export async function clearCanary(tx: Tx, promptId: string, label: string, updatedAt: Date): Promise<void> {
  await tx.label.update({ where: { promptId_name: { promptId, name: label } }, data: { ...NO_CANARY, updatedAt }, select: { name: true } });
  await tx.prompt.update({ where: { id: promptId }, data: { labelRevision: { increment: 1 } }, select: { id: true } });
  await bumpServingEpoch(tx);
}

export async function event(
  tx: Tx,
  promptId: string,
  label: string,
  action: 'canary_start' | 'canary_stop' | 'guard_rollback',
  fromVersion: number,
  toVersion: number,
  actor: ActingParty,
  reason: string,
  details: Prisma.InputJsonValue,
): Promise<void> {
  await tx.labelEvent.create({ data: { promptId, label, action, fromVersion, toVersion, ...actorColumns('actor', actor), reason, details } });
  if (action === 'canary_start') {
    await tx.prompt.update({ where: { id: promptId }, data: { labelRevision: { increment: 1 } }, select: { id: true } });
    await bumpServingEpoch(tx);
  }
}
