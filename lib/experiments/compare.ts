import type { ServiceContext } from '../context';
import { requirePermission } from '../auth/roles';
import type { Db } from '../db/client';
import { notFound, validationError } from '../errors';
import { experimentDto } from './dto';
import type { ComparisonDto, ExperimentDto } from './responses';
import { CompareQuerySchema } from './schemas';
import { compareVerdict, pairResults } from './stats';

/**
 * Two runs on one dataset, example by example. An example passes in a run when most of its
 * repetitions passed (with one repetition: when it passed); examples missing from either run
 * (a later dataset revision) are left out. regressed = passed in base, fails in head. The
 * p-value is the exact McNemar test on these pairs, with its meaning in plain words.
 */
interface Row {
  id: string;
  exampleId: string;
  repetition: number;
  pass: boolean | null;
  score: number | null;
  output: string | null;
  invocationId: string | null;
  variables: unknown;
  expectedOutput: string | null;
}

async function finishedRows(db: Db, experimentId: string): Promise<Row[]> {
  return db.experimentResult.findMany({
    where: { experimentId, status: { in: ['ok', 'error'] } },
    orderBy: [{ position: 'asc' }, { repetition: 'asc' }],
    select: { id: true, exampleId: true, repetition: true, pass: true, score: true, output: true, invocationId: true, variables: true, expectedOutput: true },
  });
}

function byExample(rows: Row[]): { pass: Map<string, boolean>; first: Map<string, Row> } {
  const tally = new Map<string, { passed: number; n: number }>();
  const first = new Map<string, Row>();
  for (const r of rows) {
    const t = tally.get(r.exampleId) ?? { passed: 0, n: 0 };
    t.n += 1;
    if (r.pass) t.passed += 1;
    tally.set(r.exampleId, t);
    if (!first.has(r.exampleId)) first.set(r.exampleId, r);
  }
  return { pass: new Map([...tally].map(([id, t]) => [id, t.passed * 2 > t.n])), first };
}

const diff = (a: number | null, b: number | null, places = 6) => (a === null || b === null ? null : Math.round((b - a) * 10 ** places) / 10 ** places);

export async function compareExperiments(ctx: ServiceContext, raw: unknown): Promise<ComparisonDto> {
  requirePermission(ctx.actor, 'catalog:read');
  const q = CompareQuerySchema.parse(raw ?? {});
  const [b, h] = await Promise.all([q.base, q.head].map((id) => ctx.db.experiment.findUnique({ where: { id }, include: { dataset: { select: { name: true } } } })));
  if (!b) throw notFound(`Experiment ${q.base}`);
  if (!h) throw notFound(`Experiment ${q.head}`);
  if (b.datasetId !== h.datasetId) throw validationError([{ path: 'head', message: `The two runs are on different datasets ("${b.dataset.name}" and "${h.dataset.name}"); compare runs on the same dataset.` }]);
  const [base, head] = await Promise.all([experimentDto(ctx.db, b), experimentDto(ctx.db, h)]);
  const [bs, hs] = await Promise.all([finishedRows(ctx.db, b.id), finishedRows(ctx.db, h.id)]);
  return buildComparison(base, head, bs, hs);
}

export function buildComparison(base: ExperimentDto, head: ExperimentDto, baseRows: Row[], headRows: Row[]): ComparisonDto {
  const B = byExample(baseRows);
  const H = byExample(headRows);
  const paired = pairResults(B.pass, H.pass);
  const v = compareVerdict({ regressed: paired.regressed.length, improved: paired.improved.length, unchanged: paired.unchanged });
  const side = (r: Row) => ({ pass: !!r.pass, score: r.score, output: r.output, resultId: r.id, invocationId: r.invocationId });
  const examples: ComparisonDto['examples'] = [];
  for (const [change, ids] of [['regressed', paired.regressed], ['improved', paired.improved]] as const) {
    for (const id of ids) {
      if (examples.length >= 200) break;
      const br = B.first.get(id);
      const hr = H.first.get(id);
      if (!br || !hr) continue;
      examples.push({ exampleId: id, change, variables: (hr.variables ?? {}) as Record<string, unknown>, expectedOutput: hr.expectedOutput, base: side(br), head: side(hr) });
    }
  }
  return {
    base,
    head,
    delta: {
      passRate: diff(base.summary.passRate, head.summary.passRate, 4),
      meanScore: diff(base.summary.meanScore, head.summary.meanScore, 4),
      latencyP50Ms: diff(base.summary.latencyP50Ms, head.summary.latencyP50Ms, 0),
      costUsd: diff(base.summary.costUsd, head.summary.costUsd),
    },
    regressed: paired.regressed,
    improved: paired.improved,
    unchanged: paired.unchanged,
    pValue: v.pValue,
    significant: v.significant,
    verdict: v.verdict,
    verdictText: v.text,
    examples,
  };
}
