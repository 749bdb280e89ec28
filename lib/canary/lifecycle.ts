import { actorColumns, actorRefOf, type ActingParty, type ActorType } from '../auth/actor-ref';
import type { Prisma } from '../db/client';
import { Prisma as PrismaRuntime } from '../db/generated/client';
import { publishCanaryEvent } from './events';
import type { CanaryDto } from './responses';
import { GuardSettingsSchema, guardWithDefaults } from './schemas';

type Tx = Prisma.TransactionClient;

/** Columns that clear a label's canary. */
export const NO_CANARY = {
  canaryId: null,
  canaryVersion: null,
  canaryWeight: null,
  canaryGuard: PrismaRuntime.DbNull,
  canaryStartedAt: null,
  canaryStartedBy: null,
  canaryStartedByType: null,
  canaryStartedById: null,
} as const;

/**
 * A label move (deploy, rollback, removal) ends the canary running on that label: its baseline
 * changed, so its comparison means nothing any more. Called by applyLabelChange before the move
 * is written, in the same transaction; records a canary_stop event and publishes canary.ended.
 * Returns whether a canary was running.
 */
export async function endCanaryForMove(
  tx: Tx,
  prompt: { id: string; name?: string },
  label: string,
  change: { action: string; to: number | null; actor: ActingParty },
): Promise<boolean> {
  const row = await tx.label.findUnique({ where: { promptId_name: { promptId: prompt.id, name: label } }, select: { canaryId: true, canaryVersion: true, version: true } });
  if (!row?.canaryId || row.canaryVersion === null) return false;
  const what = change.to === null ? 'was removed' : `moved to v${change.to} (${change.action})`;
  await tx.label.update({ where: { promptId_name: { promptId: prompt.id, name: label } }, data: { ...NO_CANARY }, select: { name: true } });
  await tx.labelEvent.create({
    data: {
      promptId: prompt.id,
      label,
      action: 'canary_stop',
      fromVersion: row.canaryVersion,
      toVersion: row.version,
      ...actorColumns('actor', change.actor),
      reason: `The label ${what}: the canary of v${row.canaryVersion} ended.`,
      details: { canaryId: row.canaryId, cause: 'label_moved' },
    },
  });
  await publishCanaryEvent(tx, 'canary.ended', { prompt: prompt.name ?? null, label, canaryId: row.canaryId, version: row.canaryVersion, baselineVersion: row.version, outcome: 'label_moved' });
  return true;
}

export type CanaryRow = {
  name: string;
  version: number;
  canaryId: string | null;
  canaryVersion: number | null;
  canaryWeight: number | null;
  canaryGuard: unknown;
  canaryStartedAt: Date | null;
  canaryStartedBy: string | null;
  canaryStartedByType: ActorType | null;
  canaryStartedById: string | null;
};

export const CANARY_COLUMNS = {
  name: true,
  version: true,
  canaryId: true,
  canaryVersion: true,
  canaryWeight: true,
  canaryGuard: true,
  canaryStartedAt: true,
  canaryStartedBy: true,
  canaryStartedByType: true,
  canaryStartedById: true,
} as const;

/** The canary of a label row, or null when none runs. */
export function canaryOf(row: CanaryRow): CanaryDto | null {
  if (!row.canaryId || row.canaryVersion === null || row.canaryWeight === null) return null;
  const guard = GuardSettingsSchema.safeParse(row.canaryGuard);
  return {
    id: row.canaryId,
    label: row.name,
    baselineVersion: row.version,
    version: row.canaryVersion,
    weight: row.canaryWeight,
    guard: guard.success ? guard.data : guardWithDefaults(undefined),
    startedAt: (row.canaryStartedAt ?? new Date(0)).toISOString(),
    startedBy: row.canaryStartedBy ?? '',
    startedByRef: actorRefOf({ startedBy: row.canaryStartedBy, startedByType: row.canaryStartedByType, startedById: row.canaryStartedById }, 'startedBy'),
  };
}

