import type { ServiceContext } from '../context';
import { actorColumns, actorRefOf } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import type { Db, Prisma } from '../db/client';
import type { Experiment, TestSuite } from '../db/generated/client';
import { notFound, validationError } from '../errors';
import { evaluatorNames } from './evaluators';
import { checkJudges, createRun, findDatasetRef } from './create';
import { storedEvaluators } from './dto';
import type { ExperimentDto, LatestRunDto, Summary, SuiteResultsDto, TestSuiteDto } from './responses';
import { PutSuiteSchema, SuiteNameSchema, SuiteRunSchema } from './schemas';
import { getExperiment } from './service';

/**
 * A prompt's named test suites: dataset + evaluators + thresholds, defined once and run with one
 * call (`POST /api/v1/prompts/{name}/suites/{suite}/runs`, which the CLI's `promptdeck eval`
 * uses). `default` in a path means the prompt's default suite.
 */
type SuiteRow = TestSuite & { dataset: { name: string } };

async function promptId(db: Db, name: string): Promise<string> {
  const p = await db.prompt.findUnique({ where: { name }, select: { id: true } });
  if (!p) throw notFound(`Prompt "${name}"`);
  return p.id;
}

async function findSuite(db: Db, prompt: string, suite: string): Promise<SuiteRow> {
  const id = await promptId(db, prompt);
  const include = { dataset: { select: { name: true } } } as const;
  const s =
    suite === 'default'
      ? ((await db.testSuite.findFirst({ where: { promptId: id, isDefault: true }, include })) ?? (await db.testSuite.findFirst({ where: { promptId: id, name: 'default' }, include })))
      : await db.testSuite.findUnique({ where: { promptId_name: { promptId: id, name: suite } }, include });
  if (!s) throw notFound(suite === 'default' ? `A default test suite of "${prompt}"` : `Test suite "${suite}" of "${prompt}"`);
  return s;
}

/** Whether a finished run met the suite's thresholds; null when the suite has none or the run did not succeed. */
export function meetsThresholds(s: Pick<TestSuite, 'minPassRate' | 'thresholds'>, status: string, summary: Summary | null): boolean | null {
  const per = (s.thresholds ?? {}) as Record<string, number>;
  if (s.minPassRate === null && Object.keys(per).length === 0) return null;
  if (status !== 'succeeded' || !summary) return null;
  if (s.minPassRate !== null && (summary.passRate ?? 0) + 1e-9 < s.minPassRate) return false;
  return Object.entries(per).every(([name, min]) => (summary.perEvaluator[name]?.passRate ?? 0) + 1e-9 >= min);
}

function brief(s: Pick<TestSuite, 'minPassRate' | 'thresholds'> | null, e: Experiment): LatestRunDto {
  const summary = e.status === 'succeeded' ? (e.summary as unknown as Summary | null) : null;
  return {
    experimentId: e.id,
    status: e.status,
    passRate: summary?.passRate ?? null,
    meanScore: summary?.meanScore ?? null,
    passed: s ? meetsThresholds(s, e.status, summary) : null,
    finishedAt: e.finishedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
  };
}

async function toSuiteDto(db: Db, prompt: string, s: SuiteRow): Promise<TestSuiteDto> {
  const last = await db.experiment.findFirst({ where: { suiteId: s.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  return {
    id: s.id,
    prompt,
    name: s.name,
    description: s.description,
    dataset: s.datasetId,
    datasetName: s.dataset.name,
    evaluators: s.evaluators as TestSuiteDto['evaluators'],
    minPassRate: s.minPassRate,
    thresholds: (s.thresholds ?? {}) as Record<string, number>,
    repetitions: s.repetitions,
    concurrency: s.concurrency,
    isDefault: s.isDefault,
    lastRun: last ? brief(s, last) : null,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy,
    createdByRef: actorRefOf(s, 'createdBy'),
    updatedAt: s.updatedAt.toISOString(),
    updatedBy: s.updatedBy,
    updatedByRef: actorRefOf(s, 'updatedBy'),
  };
}

export async function listSuites(ctx: ServiceContext, prompt: string): Promise<{ items: TestSuiteDto[]; nextCursor: null }> {
  requirePermission(ctx.actor, 'catalog:read');
  const id = await promptId(ctx.db, prompt);
  const rows = await ctx.db.testSuite.findMany({ where: { promptId: id }, orderBy: [{ isDefault: 'desc' }, { name: 'asc' }], include: { dataset: { select: { name: true } } } });
  return { items: await Promise.all(rows.map((s) => toSuiteDto(ctx.db, prompt, s))), nextCursor: null };
}

export async function getSuite(ctx: ServiceContext, prompt: string, suite: string): Promise<TestSuiteDto> {
  requirePermission(ctx.actor, 'catalog:read');
  return toSuiteDto(ctx.db, prompt, await findSuite(ctx.db, prompt, suite));
}

/** PUT: create or replace a suite (editors). 201 when created. */
export async function putSuite(ctx: ServiceContext, prompt: string, suite: string, raw: unknown): Promise<{ suite: TestSuiteDto; created: boolean }> {
  requirePermission(ctx.actor, 'catalog:write');
  const name = SuiteNameSchema.safeParse(suite);
  if (!name.success) throw validationError([{ path: 'suite', message: name.error.issues[0]?.message ?? 'Invalid suite name.' }]);
  const input = PutSuiteSchema.parse(raw ?? {});
  const names = new Set(evaluatorNames(input.evaluators));
  const unknown = Object.keys(input.thresholds ?? {}).filter((k) => !names.has(k));
  if (unknown.length) throw validationError(unknown.map((k) => ({ path: `thresholds.${k}`, message: `No evaluator is named "${k}" (names: ${[...names].join(', ')}).` })));
  await checkJudges(ctx, input.evaluators);
  const id = await promptId(ctx.db, prompt);
  const dataset = await findDatasetRef(ctx.db, input.dataset);
  const created = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Prompt" WHERE id = ${id} FOR UPDATE`; // one default per prompt, decided in turn
    const existing = await tx.testSuite.findUnique({ where: { promptId_name: { promptId: id, name: suite } }, select: { id: true, isDefault: true } });
    const others = await tx.testSuite.count({ where: { promptId: id, NOT: { name: suite } } });
    const isDefault = input.isDefault ?? (existing ? existing.isDefault : others === 0);
    if (isDefault) await tx.testSuite.updateMany({ where: { promptId: id, isDefault: true, NOT: { name: suite } }, data: { isDefault: false } });
    const data = {
      datasetId: dataset.id,
      evaluators: input.evaluators as unknown as Prisma.InputJsonValue,
      description: input.description ?? '',
      minPassRate: input.minPassRate ?? null,
      thresholds: (input.thresholds ?? {}) as Prisma.InputJsonValue,
      repetitions: input.repetitions,
      concurrency: input.concurrency,
      isDefault,
      ...actorColumns('updatedBy', ctx.actor),
    };
    await tx.testSuite.upsert({ where: { promptId_name: { promptId: id, name: suite } }, create: { promptId: id, name: suite, ...data, ...actorColumns('createdBy', ctx.actor) }, update: data });
    await audit(tx, ctx.actor, existing ? 'suite.update' : 'suite.create', `${prompt}/${suite}`, { dataset: dataset.name, isDefault });
    return !existing;
  });
  return { suite: await getSuite(ctx, prompt, suite), created };
}

/** DELETE (editors): its runs stay (they keep the suite's name); the oldest other suite becomes the default. */
export async function deleteSuite(ctx: ServiceContext, prompt: string, suite: string): Promise<void> {
  requirePermission(ctx.actor, 'catalog:write');
  const s = await findSuite(ctx.db, prompt, suite);
  await ctx.db.$transaction(async (tx) => {
    await tx.testSuite.delete({ where: { id: s.id } });
    if (s.isDefault) {
      const next = await tx.testSuite.findFirst({ where: { promptId: s.promptId }, orderBy: { createdAt: 'asc' }, select: { id: true } });
      if (next) await tx.testSuite.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    await audit(tx, ctx.actor, 'suite.delete', `${prompt}/${s.name}`);
  });
}

/** POST .../suites/{suite|default}/runs {label?|version?} (editors): 202 the queued experiment. */
export async function runSuite(ctx: ServiceContext, prompt: string, suite: string, raw: unknown): Promise<ExperimentDto> {
  requirePermission(ctx.actor, 'catalog:write');
  const input = SuiteRunSchema.parse(raw ?? {});
  const s = await findSuite(ctx.db, prompt, suite);
  const evaluators = storedEvaluators(s.evaluators);
  const id = await createRun(ctx, {
    prompt,
    selector: { label: input.label, version: input.version },
    dataset: s.datasetId,
    evaluators,
    repetitions: s.repetitions,
    concurrency: s.concurrency,
    name: input.name ?? `${prompt} · ${s.name} suite`,
    suite: { id: s.id, name: s.name },
  });
  return getExperiment(ctx, id);
}

/** Each version's latest run on the prompt's default suite, newest version first (the versions table). */
export async function suiteResults(ctx: ServiceContext, prompt: string): Promise<SuiteResultsDto> {
  requirePermission(ctx.actor, 'catalog:read');
  const id = await promptId(ctx.db, prompt);
  const versions = await ctx.db.promptVersion.findMany({ where: { promptId: id }, orderBy: { version: 'desc' }, select: { version: true } });
  const s = await ctx.db.testSuite.findFirst({ where: { promptId: id, isDefault: true } });
  if (!s) return { suite: null, versions: versions.map((v) => ({ version: v.version, latest: null })) };
  const runs = await ctx.db.experiment.findMany({ where: { suiteId: s.id }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], distinct: ['version'] });
  const byVersion = new Map(runs.map((e) => [e.version, e]));
  return {
    suite: s.name,
    versions: versions.map((v) => {
      const e = byVersion.get(v.version);
      return { version: v.version, latest: e ? brief(s, e) : null };
    }),
  };
}
