import type { ServiceContext } from '../context';
import { actorColumns } from '../auth/actor-ref';
import { requirePermission } from '../auth/roles';
import { AppError, notFound } from '../errors';
import { decodeCursor, isInt4, toPage, type Page } from '../pagination';
import { bumpServingEpoch, noteLocalChange } from '../serving/epoch';
import type { Prisma } from '../db/client';
import { checkBundle } from './bundle-check';
import type { Bundle } from './bundle-schemas';
import { toVersionDto, type VersionDto } from './dto';
import { applyLabelChange } from './labels';
import { assertNotProtected } from '../releases/policies';
import { CreateVersionSchema, ListQuerySchema, PromptNameSchema, RenderSchema, type Selector, type Template } from './schemas';
import { extractVariables, renderTemplate, type Rendered } from './template';

/**
 * What makes two versions the same prompt: template, model, parameters, guardrail and the Bedrock
 * bundle (tools, toolChoice, output schema, cache points, fallbacks); not the commit message.
 */
export function contentKey(v: { template: unknown; modelId: string; params?: unknown; guardrail?: unknown } & Partial<Record<keyof Bundle, unknown>>): string {
  const t = (v.template ?? {}) as Template;
  // Keys in a stable order at every depth (jsonb stores object keys in its own order).
  const sorted = (o: unknown): unknown =>
    Array.isArray(o)
      ? o.map(sorted)
      : o && typeof o === 'object'
        ? Object.fromEntries(Object.entries(o as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, x]) => [k, sorted(x)]))
        : o;
  return JSON.stringify({
    system: t.system ? t.system : null,
    messages: (t.messages ?? []).map((m) => [m.role, m.content]),
    modelId: v.modelId,
    params: sorted(v.params ?? {}),
    guardrail: sorted(v.guardrail ?? null),
    // Unset and empty are the same: a version from before the bundle equals one without it.
    tools: sorted(v.tools ?? []),
    toolChoice: sorted(v.toolChoice ?? null),
    outputSchema: sorted(v.outputSchema ?? null),
    cachePoints: v.cachePoints ?? [],
    fallbacks: v.fallbacks ?? [],
  });
}

/**
 * Creates the next version (numbers are gap-free per prompt, even under concurrent creates).
 * A version identical to its parent (`parentVersion`, by default the latest) is not created:
 * the parent comes back with `created: false` and nothing is written (labels are not moved).
 */
export async function createVersion(ctx: ServiceContext, name: string, raw: unknown): Promise<VersionDto & { created: boolean }> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = CreateVersionSchema.parse(raw);
  const labels = [...new Set(input.labels ?? [])];
  if (labels.length > 0) requirePermission(ctx.actor, 'labels:move');
  const variables = extractVariables(input.template); // also validates the template syntax
  const bundle = checkBundle(input, { modelId: input.modelId, hasSystem: Boolean(input.template.system), messageCount: input.template.messages.length });
  const result = await ctx.db.$transaction(
    async (tx) => {
      // The prompt's row lock: concurrent creates (and label moves) queue here.
      const locked = await tx.$queryRaw<{ id: string; latestVersion: number }[]>`SELECT id, "latestVersion" FROM "Prompt" WHERE name = ${name} FOR UPDATE`;
      const current = locked[0];
      if (!current) throw notFound(`Prompt "${name}"`);
      const parentNo = input.parentVersion ?? (current.latestVersion > 0 ? current.latestVersion : null);
      if (parentNo !== null) {
        const parent = await tx.promptVersion.findUnique({ where: { promptId_version: { promptId: current.id, version: parentNo } } });
        if (!parent) throw notFound(`Version ${parentNo} of "${name}"`);
        if (contentKey(parent) === contentKey({ ...input, ...bundle })) {
          const now = await tx.label.findMany({ where: { promptId: current.id }, select: { name: true, version: true } });
          return { ...toVersionDto(name, parent, now, current.latestVersion), created: false };
        }
      }
      const bumped = await tx.prompt.update({ where: { id: current.id }, data: { latestVersion: { increment: 1 } }, select: { id: true, latestVersion: true } });
      const v = await tx.promptVersion.create({
        data: {
          promptId: bumped.id,
          version: bumped.latestVersion,
          template: input.template,
          variables,
          modelId: input.modelId,
          params: input.params ?? {},
          ...(input.guardrail ? { guardrail: input.guardrail } : {}),
          ...bundleColumns(bundle),
          commitMessage: input.commitMessage ?? '',
          ...actorColumns('createdBy', ctx.actor),
        },
      });
      for (const label of labels) {
        const was = await tx.label.findUnique({ where: { promptId_name: { promptId: bumped.id, name: label } }, select: { version: true } });
        await assertNotProtected(tx, bumped.id, name, label);
        await applyLabelChange(tx, bumped, label, {
          action: 'deploy',
          from: was?.version ?? null,
          to: v.version,
          actor: ctx.actor,
          reason: `Set when version ${v.version} was created`,
        });
      }
      await bumpServingEpoch(tx); // `latest` moved
      const now = await tx.label.findMany({ where: { promptId: bumped.id }, select: { name: true, version: true } });
      return { ...toVersionDto(name, v, now, bumped.latestVersion), created: true };
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  if (result.created) noteLocalChange();
  return result;
}

/** Empty bundle fields are stored as NULL (as versions from before the bundle have them). */
function bundleColumns(b: Bundle) {
  return {
    ...(b.tools.length ? { tools: b.tools as Prisma.InputJsonValue } : {}),
    ...(b.toolChoice !== null ? { toolChoice: b.toolChoice as Prisma.InputJsonValue } : {}),
    ...(b.outputSchema !== null ? { outputSchema: b.outputSchema as Prisma.InputJsonValue } : {}),
    ...(b.cachePoints.length ? { cachePoints: b.cachePoints } : {}),
    fallbacks: b.fallbacks,
  };
}

const isVersionCursor = isInt4;

export async function listVersions(ctx: ServiceContext, name: string, rawQuery: unknown): Promise<Page<VersionDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ListQuerySchema.parse(rawQuery ?? {});
  const before = decodeCursor(q.cursor, isVersionCursor);
  const p = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true, latestVersion: true, labels: { select: { name: true, version: true } } } });
  if (!p) throw notFound(`Prompt "${name}"`);
  const rows = await ctx.db.promptVersion.findMany({
    where: { promptId: p.id, ...(before !== undefined ? { version: { lt: before } } : {}) },
    orderBy: { version: 'desc' },
    take: q.limit + 1,
  });
  return toPage(rows, q.limit, (v) => toVersionDto(name, v, p.labels, p.latestVersion), (v) => v.version);
}

/** The version a selector picks: `?version=`, `?label=`, or `production` by default. */
export async function resolveVersion(ctx: ServiceContext, name: string, selector: Selector): Promise<VersionDto> {
  requirePermission(ctx.actor, 'catalog:read');
  if (!PromptNameSchema.safeParse(name).success) throw notFound(`Prompt "${name}"`);
  const p = await ctx.db.prompt.findUnique({ where: { name }, select: { id: true, latestVersion: true, labels: { select: { name: true, version: true } } } });
  if (!p) throw notFound(`Prompt "${name}"`);
  let version: number;
  if (selector.version !== undefined) {
    version = selector.version;
  } else {
    const label = selector.label ?? 'production';
    const found = label === 'latest' ? (p.latestVersion > 0 ? p.latestVersion : undefined) : p.labels.find((l) => l.name === label)?.version;
    if (found === undefined) throw new AppError('not_found', `Prompt "${name}" has no label "${label}".`, { label });
    version = found;
  }
  const v = await ctx.db.promptVersion.findUnique({ where: { promptId_version: { promptId: p.id, version } } });
  if (!v) throw notFound(`Version ${version} of "${name}"`);
  return toVersionDto(name, v, p.labels, p.latestVersion);
}

export async function getVersion(ctx: ServiceContext, name: string, version: number): Promise<VersionDto> {
  if (!isInt4(version) || version < 1) throw notFound(`Version ${version} of "${name}"`);
  return resolveVersion(ctx, name, { version });
}

export async function renderVersion(ctx: ServiceContext, name: string, raw: unknown): Promise<Rendered & { version: number }> {
  const input = RenderSchema.parse(raw ?? {});
  const v = await resolveVersion(ctx, name, { label: input.label, version: input.version });
  return { version: v.version, ...renderTemplate(v.template as Template, input.variables) };
}
