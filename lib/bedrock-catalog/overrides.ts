import type { ServiceContext } from '../context';
import type { Db } from '../db/client';
import { audit } from '../auth/audit';
import { actorColumns, actorRefOf, ActorTypeSchema, type ActingParty } from '../auth/actor-ref';
import { requirePermission } from '../auth/roles';
import { ModelIdSchema } from '../catalog/schemas';
import { notFound } from '../errors';
import type { QuotaOverride } from './responses';
import { QuotaOverrideInputSchema } from './schemas';

/**
 * Admin-set quotas per model (for accounts where Service Quotas cannot be read, or to plan for
 * a raised limit), stored as instance settings `quota-override:<modelId>` with who set them.
 */
const PREFIX = 'quota-override:';

interface Stored {
  rpm: number | null;
  tpm: number | null;
  by: string;
  byType: string | null;
  byId: string | null;
}

function parse(key: string, value: string, updatedAt: Date): QuotaOverride | undefined {
  try {
    const s = JSON.parse(value) as Stored;
    const type = ActorTypeSchema.safeParse(s.byType);
    return {
      modelId: key.slice(PREFIX.length),
      rpm: s.rpm ?? null,
      tpm: s.tpm ?? null,
      updatedAt: updatedAt.toISOString(),
      updatedBy: s.by,
      updatedByRef: actorRefOf({ updatedBy: s.by, updatedByType: type.success ? type.data : null, updatedById: s.byId }, 'updatedBy'),
    };
  } catch {
    return undefined;
  }
}

export async function listQuotaOverrides(db: Db): Promise<QuotaOverride[]> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: PREFIX } } });
  return rows.map((r) => parse(r.key, r.value, r.updatedAt)).filter((o): o is QuotaOverride => !!o);
}

const stored = (input: { rpm: number | null; tpm: number | null }, actor: ActingParty): Stored => {
  const c = actorColumns('by', actor);
  return { rpm: input.rpm, tpm: input.tpm, by: c.by, byType: c.byType, byId: c.byId };
};

/** Sets (or, with both null, removes) the override of a model. Admin; audited. */
export async function setQuotaOverride(ctx: ServiceContext, modelId: string, raw: unknown): Promise<QuotaOverride | null> {
  requirePermission(ctx.actor, 'admin');
  const id = ModelIdSchema.parse(modelId);
  const input = QuotaOverrideInputSchema.parse(raw);
  const key = `${PREFIX}${id}`;
  return ctx.db.$transaction(async (tx) => {
    if (input.rpm === null && input.tpm === null) {
      const d = await tx.setting.deleteMany({ where: { key } });
      if (!d.count) throw notFound(`A quota override for ${id}`);
      await audit(tx, ctx.actor, 'quota_override.reset', id);
      return null;
    }
    const value = JSON.stringify(stored(input, ctx.actor));
    const row = await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    await audit(tx, ctx.actor, 'quota_override.set', id, input);
    return parse(row.key, row.value, row.updatedAt) ?? null;
  });
}
