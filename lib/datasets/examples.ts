import { v7 as uuidv7 } from 'uuid';
import type { ServiceContext } from '../context';
import type { ActingParty } from '../auth/actor-ref';
import { actorColumns } from '../auth/actor-ref';
import { audit } from '../auth/audit';
import { requirePermission } from '../auth/roles';
import { notFound, validationError, type FieldIssue } from '../errors';
import type { Prisma } from '../db/client';
import { decodeCursor, isInt4, toPage, type Page } from '../pagination';
import { toExampleDto } from './example-dto';
import type { AddedExamples, ExampleChange, ExampleDto } from './responses';
import { bumpRevision } from './revision';
import { ExamplesQuerySchema, parseAddExamples, UpdateExampleSchema, type ExampleInput } from './schemas';
import { findDataset } from './service';

/** An example ready to write: where it came from is resolved. */
export interface NewExample {
  variables: Record<string, unknown>;
  expectedOutput: string;
  tags: string[];
  invocationId: string | null;
  promptName: string | null;
  promptVersion: number | null;
}

type Tx = Prisma.TransactionClient;

/**
 * Writes examples in the order given, bumps the dataset's revision once and records one audit
 * entry, all inside the caller's transaction: every example is written or none. Returns the ids
 * (in order) and the new revision.
 */
export async function writeExamples(tx: Tx, actor: ActingParty, dataset: { id: string; name: string }, rows: NewExample[], action: string, details: Record<string, Prisma.InputJsonValue> = {}): Promise<AddedExamples> {
  const ids = rows.map(() => uuidv7());
  const by = actorColumns('createdBy', actor);
  const now = new Date().toISOString();
  const records = rows.map((r, i) => ({
    n: i,
    id: ids[i]!,
    variables: r.variables,
    expectedOutput: r.expectedOutput,
    tags: r.tags,
    invocationId: r.invocationId,
    promptName: r.promptName,
    promptVersion: r.promptVersion,
  }));
  // One INSERT for all rows, in the order given (seq follows it): they travel as one JSON
  // parameter expanded by jsonb_to_recordset, several times faster than createMany for 1000
  // rows with JSON columns (as lib/invocations/ingest.ts does).
  await tx.$executeRaw`
    INSERT INTO "DatasetExample" ("id", "datasetId", "variables", "expectedOutput", "tags", "invocationId", "promptName", "promptVersion",
      "createdAt", "updatedAt", "createdBy", "createdByType", "createdById")
    SELECT r."id", ${dataset.id}, r."variables", r."expectedOutput", ARRAY(SELECT jsonb_array_elements_text(r."tags")), r."invocationId", r."promptName", r."promptVersion",
      ${now}::timestamp(3), ${now}::timestamp(3), ${by.createdBy}, ${by.createdByType ?? null}::"ActorType", ${by.createdById ?? null}
    FROM jsonb_to_recordset(${JSON.stringify(records)}::jsonb) AS r(n int, "id" text, "variables" jsonb, "expectedOutput" text, "tags" jsonb,
      "invocationId" text, "promptName" text, "promptVersion" int)
    ORDER BY r.n`;
  const revision = await bumpRevision(tx, dataset.id);
  await audit(tx, actor, action, dataset.name, { count: rows.length, revision, ...details });
  return { ids, revision };
}

/** Fills in prompt and version from the invocations named; an unknown invocation is a field error. */
async function resolveSources(ctx: ServiceContext, inputs: ExampleInput[], pathOf: (i: number) => string): Promise<NewExample[]> {
  const wanted = [...new Set(inputs.flatMap((x) => (x.invocationId ? [x.invocationId] : [])))];
  const found = wanted.length ? await ctx.db.invocation.findMany({ where: { id: { in: wanted } }, select: { id: true, promptName: true, promptVersion: true } }) : [];
  const byId = new Map(found.map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  const out = inputs.map((x, i): NewExample => {
    const inv = x.invocationId ? byId.get(x.invocationId) : undefined;
    if (x.invocationId && !inv) issues.push({ path: `${pathOf(i)}invocationId`, message: `No invocation has the id "${x.invocationId}".` });
    return {
      variables: x.variables,
      expectedOutput: x.expectedOutput ?? '',
      tags: x.tags ?? [],
      invocationId: x.invocationId ?? null,
      promptName: x.promptName ?? inv?.promptName ?? null,
      promptVersion: x.promptVersion ?? inv?.promptVersion ?? null,
    };
  });
  if (issues.length) throw validationError(issues);
  return out;
}

/** POST .../examples: one example or {items: [...]} (at most 1000), all or nothing -> {ids, revision}. */
export async function addExamples(ctx: ServiceContext, idOrName: string, raw: unknown): Promise<AddedExamples> {
  requirePermission(ctx.actor, 'feedback:review');
  const batch = raw !== null && typeof raw === 'object' && !Array.isArray(raw) && 'items' in raw;
  const inputs = parseAddExamples(raw);
  const d = await findDataset(ctx, idOrName);
  const rows = await resolveSources(ctx, inputs, (i) => (batch ? `items.${i}.` : ''));
  return ctx.db.$transaction((tx) => writeExamples(tx, ctx.actor, d, rows, 'dataset.examples.add'), { timeout: 60_000, maxWait: 15_000 });
}

/** One example, as the review queue adds it (kept for callers that want the example back). */
export async function addExample(ctx: ServiceContext, idOrName: string, raw: unknown): Promise<ExampleDto> {
  const { ids } = await addExamples(ctx, idOrName, raw);
  const e = await ctx.db.datasetExample.findUniqueOrThrow({ where: { id: ids[0]! } });
  return toExampleDto(e);
}

const isSeqCursor = (v: unknown): v is number => isInt4(v);

/** GET .../examples?cursor=&limit=&tag=: in the order they were added. */
export async function pageExamples(ctx: ServiceContext, idOrName: string, rawQuery: unknown): Promise<Page<ExampleDto>> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = ExamplesQuerySchema.parse(rawQuery ?? {});
  const after = decodeCursor(q.cursor, isSeqCursor);
  const d = await findDataset(ctx, idOrName);
  const rows = await ctx.db.datasetExample.findMany({
    where: { datasetId: d.id, ...(after !== undefined ? { seq: { gt: after } } : {}), ...(q.tag ? { tags: { has: q.tag } } : {}) },
    orderBy: { seq: 'asc' },
    take: q.limit + 1,
  });
  return toPage(rows, q.limit, toExampleDto, (r) => r.seq);
}

async function findExample(ctx: Pick<ServiceContext, 'db'>, datasetId: string, id: string) {
  const e = await ctx.db.datasetExample.findFirst({ where: { id, datasetId } });
  if (!e) throw notFound(`Example ${id}`);
  return e;
}

/** PATCH .../examples/{id}: variables, expected output and/or tags. */
export async function updateExample(ctx: ServiceContext, idOrName: string, id: string, raw: unknown): Promise<ExampleChange> {
  requirePermission(ctx.actor, 'feedback:review');
  const input = UpdateExampleSchema.parse(raw);
  const d = await findDataset(ctx, idOrName);
  await findExample(ctx, d.id, id);
  return ctx.db.$transaction(async (tx) => {
    const e = await tx.datasetExample.update({
      where: { id },
      data: {
        ...(input.variables !== undefined ? { variables: input.variables as Prisma.InputJsonValue } : {}),
        ...(input.expectedOutput !== undefined ? { expectedOutput: input.expectedOutput } : {}),
        ...(input.tags !== undefined ? { tags: input.tags } : {}),
        updatedAt: new Date(),
      },
    });
    const revision = await bumpRevision(tx, d.id);
    await audit(tx, ctx.actor, 'dataset.example.update', d.name, { example: id, fields: Object.keys(input), revision });
    return { example: toExampleDto(e), revision };
  });
}

/** DELETE .../examples/{id} -> {id, revision}. */
export async function deleteExample(ctx: ServiceContext, idOrName: string, id: string): Promise<{ id: string; revision: number }> {
  requirePermission(ctx.actor, 'feedback:review');
  const d = await findDataset(ctx, idOrName);
  await findExample(ctx, d.id, id);
  return ctx.db.$transaction(async (tx) => {
    // deleteMany: a concurrent delete of the same example is a 404, not a Prisma error.
    const { count } = await tx.datasetExample.deleteMany({ where: { id, datasetId: d.id } });
    if (count === 0) throw notFound(`Example ${id}`);
    const revision = await bumpRevision(tx, d.id);
    await audit(tx, ctx.actor, 'dataset.example.delete', d.name, { example: id, revision });
    return { id, revision };
  });
}
