import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { AppError, notFound } from '../errors';
import { decodeCursor, toPage, type Page } from '../pagination';
import { bumpServingEpoch, noteLocalChange } from '../serving/epoch';
import type { Prisma } from '../db/client';
import { labelMap, type PromptSummary } from './dto';
import { CreatePromptSchema, ListPromptsQuerySchema, PromptNameSchema, UpdatePromptSchema } from './schemas';

const summarySelect = {
  name: true,
  description: true,
  tags: true,
  latestVersion: true,
  createdAt: true,
  createdBy: true,
  createdByType: true,
  createdById: true,
  updatedAt: true,
  archivedAt: true,
  labels: { select: { name: true, version: true } },
} as const;

type SummaryRow = Prisma.PromptGetPayload<{ select: typeof summarySelect }>;

function toSummary(p: SummaryRow): PromptSummary {
  return {
    name: p.name,
    description: p.description,
    tags: p.tags,
    latestVersion: p.latestVersion > 0 ? p.latestVersion : null,
    labels: labelMap(p.labels, p.latestVersion),
    createdAt: p.createdAt.toISOString(),
    createdBy: p.createdBy,
    createdByRef: actorRefOf(p, 'createdBy'),
    updatedAt: p.updatedAt.toISOString(),
    archivedAt: p.archivedAt?.toISOString() ?? null,
  };
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}

export async function createPrompt(ctx: ServiceContext, raw: unknown): Promise<PromptSummary> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = CreatePromptSchema.parse(raw);
  try {
    const p = await ctx.db.prompt.create({
      data: {
        name: input.name,
        description: input.description ?? '',
        tags: [...new Set(input.tags ?? [])],
        ...actorColumns('createdBy', ctx.actor),
      },
      select: summarySelect,
    });
    return toSummary(p);
  } catch (err) {
    if (isUniqueViolation(err)) {
      const other = await ctx.db.prompt.findUnique({ where: { name: input.name }, select: { archivedAt: true } });
      const where = other?.archivedAt ? ' It is archived: show archived prompts in the catalog to restore it.' : '';
      throw new AppError('prompt_exists', `A prompt named "${input.name}" already exists.${where}`, { name: input.name, archived: !!other?.archivedAt });
    }
    throw err;
  }
}

export async function updatePrompt(ctx: ServiceContext, name: string, raw: unknown): Promise<PromptSummary> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = UpdatePromptSchema.parse(raw);
  const data: Prisma.PromptUpdateInput = {};
  if (input.description !== undefined) data.description = input.description;
  if (input.tags !== undefined) data.tags = [...new Set(input.tags)];
  const found = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true, archivedAt: true } });
  if (!found) throw notFound(`Prompt "${name}"`);
  // Archiving an archived prompt keeps its date; restoring clears it.
  if (input.archived === true && !found.archivedAt) data.archivedAt = new Date();
  if (input.archived === false) data.archivedAt = null;
  return ctx.db.$transaction(async (tx) => {
    const p = await tx.prompt.update({ where: { id: found.id }, data, select: summarySelect });
    if (input.description !== undefined || input.tags !== undefined) {
      await audit(tx, ctx.actor, 'prompt.update', name, { description: input.description ?? null, tags: input.tags ?? null });
    }
    if (input.archived !== undefined && input.archived !== !!found.archivedAt) await audit(tx, ctx.actor, input.archived ? 'prompt.archive' : 'prompt.restore', name);
    return toSummary(p);
  });
}

/**
 * Deletes a prompt with its versions and label history. Refused (409 prompt_in_use) while any
 * label points at one of its versions: remove the labels first, so nothing that is served
 * disappears by accident.
 */
export async function deletePrompt(ctx: ServiceContext, name: string): Promise<void> {
  requirePermission(ctx.actor, 'labels:move');
  if (!PromptNameSchema.safeParse(name).success) throw notFound(`Prompt "${name}"`);
  await ctx.db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string; latestVersion: number }[]>`SELECT id, "latestVersion" FROM "Prompt" WHERE name = ${name} FOR UPDATE`;
      const p = locked[0];
      if (!p) throw notFound(`Prompt "${name}"`);
      const labels = await tx.label.findMany({ where: { promptId: p.id }, select: { name: true, version: true }, orderBy: { name: 'asc' } });
      if (labels.length > 0) {
        const list = labels.map((l) => `${l.name} (v${l.version})`).join(', ');
        throw new AppError('prompt_in_use', `"${name}" cannot be deleted while labels point at its versions: ${list}. Remove those labels first.`, { labels });
      }
      await tx.prompt.delete({ where: { id: p.id } });
      await audit(tx, ctx.actor, 'prompt.delete', name, { versions: p.latestVersion });
      await bumpServingEpoch(tx); // `latest` and ?version= resolutions of it are gone
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  noteLocalChange();
}

const isNameCursor = (v: unknown): v is string => typeof v === 'string';

export async function listPrompts(ctx: ServiceContext, rawQuery: unknown): Promise<Page<PromptSummary>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ListPromptsQuerySchema.parse(rawQuery);
  const after = decodeCursor(q.cursor, isNameCursor);
  const where: Prisma.PromptWhereInput = {};
  if (q.q?.trim()) {
    // `contains` becomes ILIKE '%term%': escape LIKE's wildcards so `_` and `%` match themselves.
    const term = q.q.trim().replace(/[\\%_]/g, '\\$&');
    where.OR = [
      { name: { contains: term, mode: 'insensitive' } },
      { description: { contains: term, mode: 'insensitive' } },
    ];
  }
  if (q.tag?.length) where.tags = { hasEvery: q.tag };
  if (q.archived === 'exclude') where.archivedAt = null;
  if (q.archived === 'only') where.archivedAt = { not: null };
  if (after !== undefined) where.name = { gt: after };
  const rows = await ctx.db.prompt.findMany({ where, orderBy: { name: 'asc' }, take: q.limit + 1, select: summarySelect });
  return toPage(rows, q.limit, toSummary, (r) => r.name);
}

export async function getPrompt(ctx: ServiceContext, name: string): Promise<PromptSummary> {
  requirePermission(ctx.actor, 'catalog:read');
  if (!PromptNameSchema.safeParse(name).success) throw notFound(`Prompt "${name}"`);
  const p = await ctx.db.prompt.findUnique({ where: { name }, select: summarySelect });
  if (!p) throw notFound(`Prompt "${name}"`);
  return toSummary(p);
}

/** All tags in use, for the catalog's tag filter. */
export async function listTags(ctx: ServiceContext): Promise<string[]> {
  requirePermission(ctx.actor, 'catalog:read');
  const rows = await ctx.db.$queryRaw<{ tag: string }[]>`SELECT DISTINCT unnest("tags") AS tag FROM "Prompt" ORDER BY tag`;
  return rows.map((r) => r.tag);
}

