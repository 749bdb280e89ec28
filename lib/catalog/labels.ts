import type { ServiceContext } from '../context';
import { actorColumns, actorRefFor, actorRefOf, type ActorType } from '../auth/actor-ref';
import { publishEvent } from '../webhooks/publish';
import { assertNotProtected } from '../releases/policies';
import { requirePermission, type Actor } from '../auth/roles';
import { AppError, notFound } from '../errors';
import type { Db, Prisma } from '../db/client';
import { decodeCursor, isInt4, toPage, type Page } from '../pagination';
import { bumpServingEpoch, noteLocalChange } from '../serving/epoch';
import { CANARY_COLUMNS, canaryOf, endCanaryForMove } from '../canary/lifecycle';
import type { LabelDto, LabelEventDto, LabelMoveResult } from './dto';
import { ListQuerySchema, MoveLabelSchema, RollbackSchema, SettableLabelSchema, LabelNameSchema, RESERVED_LABELS } from './schemas';

type Tx = Prisma.TransactionClient;
type Action = 'deploy' | 'rollback' | 'remove';
/** Every history action: the label moves above, and the canary events (lib/canary). */
type EventAction = LabelEventDto['action'];
/** Canary events that do not move the label (rollbacks skip them). */
const CANARY_ONLY: readonly EventAction[] = ['canary_start', 'canary_stop', 'guard_rollback'];

export function checkSettable(label: string): void {
  if ((RESERVED_LABELS as readonly string[]).includes(label)) {
    throw new AppError('label_reserved', `"${label}" always points at the newest version and cannot be moved by hand.`);
  }
  const parsed = SettableLabelSchema.safeParse(label);
  if (!parsed.success) {
    throw new AppError('validation_error', `Invalid label name "${label}". ${parsed.error.issues[0]?.message ?? ''}`.trim(), [
      { path: 'label', message: parsed.error.issues[0]?.message ?? 'Invalid label.' },
    ]);
  }
}

/**
 * Locks the prompt row for the rest of the transaction (SELECT ... FOR UPDATE), so label moves
 * on one prompt are serialised and the expectedVersion check below cannot race. Locking writes
 * nothing: a move that changes nothing leaves no trace.
 */
export async function lockPrompt(tx: Tx, name: string): Promise<{ id: string; name: string; latestVersion: number }> {
  const rows = await tx.$queryRaw<{ id: string; name: string; latestVersion: number }[]>`SELECT id, name, "latestVersion" FROM "Prompt" WHERE name = ${name} FOR UPDATE`;
  const p = rows[0];
  if (!p) throw notFound(`Prompt "${name}"`);
  return p;
}

export function conflict(label: string, current: number | null, expected: number | null): AppError {
  const now = current === null ? 'does not exist' : `points at version ${current}`;
  const exp = expected === null ? 'not to exist' : `to point at version ${expected}`;
  return new AppError('label_conflict', `Label "${label}" ${now}, but the request expected it ${exp}. Someone moved it meanwhile; reload and try again.`, {
    label,
    currentVersion: current,
    expectedVersion: expected,
  });
}

/** Writes the label change and its history event inside an open transaction. */
export async function applyLabelChange(
  tx: Tx,
  prompt: { id: string; name?: string },
  label: string,
  change: { action: Action | 'canary_promote'; from: number | null; to: number | null; actor: Actor; reason: string; deployRequestId?: string },
): Promise<void> {
  // A move ends a canary running on the label (a promotion clears it itself first).
  await endCanaryForMove(tx, prompt, label, change);
  if (change.to === null) {
    await tx.label.delete({ where: { promptId_name: { promptId: prompt.id, name: label } } });
  } else {
    await tx.label.upsert({
      where: { promptId_name: { promptId: prompt.id, name: label } },
      create: { promptId: prompt.id, name: label, version: change.to, ...actorColumns('updatedBy', change.actor) },
      update: { version: change.to, ...actorColumns('updatedBy', change.actor) },
    });
  }
  const { name } = await tx.prompt.update({ where: { id: prompt.id }, data: { labelRevision: { increment: 1 } }, select: { name: true } });
  const event = await tx.labelEvent.create({
    data: {
      promptId: prompt.id,
      label,
      action: change.action,
      fromVersion: change.from,
      toVersion: change.to,
      ...actorColumns('actor', change.actor),
      reason: change.reason,
      deployRequestId: change.deployRequestId ?? null,
    },
    select: { id: true, at: true },
  });
  await bumpServingEpoch(tx);
  // Every label move (deploy, rollback, removal, approved request...) passes here: one webhook event each.
  await publishEvent(tx, 'label.moved', {
    prompt: name,
    label,
    action: change.action,
    fromVersion: change.from,
    toVersion: change.to,
    actor: actorRefFor(change.actor),
    actorDisplay: change.actor.display,
    reason: change.reason,
    deployRequestId: change.deployRequestId ?? null,
    eventId: event.id,
    at: event.at.toISOString(),
  });
}

async function currentVersion(tx: Tx, promptId: string, label: string): Promise<number | null> {
  const l = await tx.label.findUnique({ where: { promptId_name: { promptId, name: label } }, select: { version: true } });
  return l?.version ?? null;
}

export async function run<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(fn, { timeout: 15_000, maxWait: 15_000 });
  noteLocalChange();
  return result;
}

/** Points a label at a version. Pointing it where it already points changes nothing (`changed: false`). */
export async function moveLabel(ctx: ServiceContext, name: string, label: string, raw: unknown): Promise<LabelMoveResult & { changed: boolean }> {
  requirePermission(ctx.actor, 'labels:move');
  checkSettable(label);
  const input = MoveLabelSchema.parse(raw);
  return run(ctx.db, async (tx) => {
    const prompt = await lockPrompt(tx, name);
    const exists = await tx.promptVersion.findUnique({ where: { promptId_version: { promptId: prompt.id, version: input.version } }, select: { id: true } });
    if (!exists) throw notFound(`Version ${input.version} of "${name}"`);
    const from = await currentVersion(tx, prompt.id, label);
    if (input.expectedVersion !== undefined && input.expectedVersion !== from) throw conflict(label, from, input.expectedVersion);
    // Already there: nothing to record (no v1 -> v1 event, no cache invalidation).
    if (from === input.version) return { label, version: input.version, previousVersion: from, changed: false };
    await assertNotProtected(tx, prompt.id, name, label);
    await applyLabelChange(tx, prompt, label, { action: 'deploy', from, to: input.version, actor: ctx.actor, reason: input.reason ?? '' });
    return { label, version: input.version, previousVersion: from, changed: true };
  });
}

/**
 * The version a rollback returns to. Deploys and removals push onto a stack, rollbacks pop it,
 * so rolling back twice walks further back instead of toggling. Entries equal to the version
 * being left are skipped (older histories may hold a deploy to the version the label already
 * pointed at; "rolling back" to it would change nothing).
 */
function popCurrent(stack: (number | null)[]): void {
  const current = stack.pop();
  while (stack.length > 1 && stack[stack.length - 1] === current) stack.pop();
  if (stack.length === 0) stack.push(null);
}

export function rollbackTarget(events: { action: EventAction; toVersion: number | null }[]): number | null {
  const stack: (number | null)[] = [null];
  for (const e of events) {
    if (CANARY_ONLY.includes(e.action)) continue;
    if (e.action === 'rollback') popCurrent(stack);
    else stack.push(e.toVersion);
  }
  if (stack.length < 2) return null;
  popCurrent(stack);
  return stack[stack.length - 1] ?? null;
}

export async function rollbackLabel(ctx: ServiceContext, name: string, label: string, raw: unknown): Promise<LabelMoveResult> {
  requirePermission(ctx.actor, 'labels:move');
  checkSettable(label);
  const input = RollbackSchema.parse(raw ?? {});
  return run(ctx.db, async (tx) => {
    const prompt = await lockPrompt(tx, name);
    const from = await currentVersion(tx, prompt.id, label);
    if (input.expectedVersion !== undefined && input.expectedVersion !== from) throw conflict(label, from, input.expectedVersion);
    const events = await tx.labelEvent.findMany({ where: { promptId: prompt.id, label }, orderBy: { id: 'asc' }, select: { action: true, toVersion: true } });
    if (events.length === 0) throw notFound(`Label "${label}" of "${name}"`);
    const target = rollbackTarget(events);
    if (target === null) {
      throw new AppError('nothing_to_rollback', `Label "${label}" has no earlier version to roll back to.`, { label, currentVersion: from });
    }
    await applyLabelChange(tx, prompt, label, { action: 'rollback', from, to: target, actor: ctx.actor, reason: input.reason ?? '' });
    return { label, version: target, previousVersion: from };
  });
}

export async function removeLabel(
  ctx: ServiceContext,
  name: string,
  label: string,
  opts: { reason?: string; expectedVersion?: number } = {},
): Promise<Omit<LabelMoveResult, 'version'> & { version: null }> {
  requirePermission(ctx.actor, 'labels:move');
  checkSettable(label);
  return run(ctx.db, async (tx) => {
    const prompt = await lockPrompt(tx, name);
    const from = await currentVersion(tx, prompt.id, label);
    if (from === null) throw notFound(`Label "${label}" of "${name}"`);
    if (opts.expectedVersion !== undefined && opts.expectedVersion !== from) throw conflict(label, from, opts.expectedVersion);
    await assertNotProtected(tx, prompt.id, name, label);
    await applyLabelChange(tx, prompt, label, { action: 'remove', from, to: null, actor: ctx.actor, reason: opts.reason ?? '' });
    return { label, version: null, previousVersion: from };
  });
}

export async function listLabels(ctx: ServiceContext, name: string): Promise<LabelDto[]> {
  requirePermission(ctx.actor, 'catalog:read');
  const p = await ctx.db.prompt.findUnique({
    where: { name },
    select: { latestVersion: true, labels: { orderBy: { name: 'asc' }, select: { ...CANARY_COLUMNS, updatedAt: true, updatedBy: true, updatedByType: true, updatedById: true } } },
  });
  if (!p) throw notFound(`Prompt "${name}"`);
  const out: LabelDto[] = p.labels.map((l) => ({
    name: l.name,
    version: l.version,
    updatedAt: l.updatedAt.toISOString(),
    updatedBy: l.updatedBy,
    updatedByRef: actorRefOf(l, 'updatedBy'),
    automatic: false,
    canary: canaryOf(l),
  }));
  if (p.latestVersion > 0) out.push({ name: 'latest', version: p.latestVersion, updatedAt: null, updatedBy: null, updatedByRef: null, automatic: true, canary: null });
  return out;
}

const isIdCursor = isInt4;

type EventRow = { id: number; label: string; action: EventAction; fromVersion: number | null; toVersion: number | null; actor: string; actorType: ActorType | null; actorId: string | null; reason: string; details: unknown; at: Date; deployRequestId: string | null };

function toEventDto(e: EventRow): LabelEventDto {
  return { id: e.id, label: e.label, action: e.action, fromVersion: e.fromVersion, toVersion: e.toVersion, actor: e.actor, actorRef: actorRefOf(e, 'actor'), reason: e.reason, details: e.details ?? null, at: e.at.toISOString(), deployRequestId: e.deployRequestId };
}

/** History of one label (or of all labels of the prompt when label is undefined), newest first. */
export async function labelHistory(ctx: ServiceContext, name: string, label: string | undefined, rawQuery: unknown): Promise<Page<LabelEventDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  if (label !== undefined && !LabelNameSchema.safeParse(label).success) throw notFound(`Label "${label}"`);
  const q = ListQuerySchema.parse(rawQuery ?? {});
  const before = decodeCursor(q.cursor, isIdCursor);
  const p = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true } });
  if (!p) throw notFound(`Prompt "${name}"`);
  const where: Prisma.LabelEventWhereInput = { promptId: p.id };
  if (label !== undefined) where.label = label;
  if (before !== undefined) where.id = { lt: before };
  const rows = await ctx.db.labelEvent.findMany({ where, orderBy: { id: 'desc' }, take: q.limit + 1 });
  if (rows.length === 0 && before === undefined && label !== undefined) {
    throw notFound(`Label "${label}" of "${name}"`);
  }
  return toPage(rows, q.limit, toEventDto, (r) => r.id);
}
